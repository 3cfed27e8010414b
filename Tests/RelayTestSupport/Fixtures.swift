public import Foundation

/// Media and speech made at test time with the ffmpeg, espeak-ng and sox command-line tools, into temporary
/// folders that are removed when the test process exits. Every tool is awaited, never waited for on a thread.
public enum Fixtures {
    /// A fresh, empty folder (`prefix-UUID` under the temporary folder), removed when the test process exits.
    public static func folder(_ prefix: String = "relay-test") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        TemporaryFolders.shared.add(url)
        return url
    }

    /// Runs `ffmpeg -hide_banner -loglevel error -nostdin -y arguments…`.
    public static func ffmpeg(_ arguments: [String]) async throws {
        try await tool("/usr/bin/ffmpeg", ["-hide_banner", "-loglevel", "error", "-nostdin", "-y"] + arguments)
    }

    /// Encodes `arguments` into `url`, tagging the video stream as turned by `rotation` degrees when given. FFmpeg 5.1
    /// writes the legacy `rotate` tag as a display matrix only on stream copy, so a rotated clip is encoded upright
    /// beside `url`, then copied with the tag.
    public static func ffmpeg(_ arguments: [String], to url: URL, rotation: Int?) async throws {
        guard let rotation else { return try await ffmpeg(arguments + [url.path]) }
        let upright = url.deletingLastPathComponent().appendingPathComponent("upright-\(url.lastPathComponent)")
        try await ffmpeg(arguments + [upright.path])
        try await ffmpeg(["-i", upright.path, "-c", "copy", "-metadata:s:v:0", "rotate=\(rotation)", url.path])
        try FileManager.default.removeItem(at: upright)
    }

    /// Speaks `text` with espeak-ng into a WAV file at `url` (espeak-ng's own 22,050 Hz).
    public static func espeak(_ text: String, voice: String = "en-us", wordsPerMinute: Int = 160, to url: URL) async throws {
        try await tool("/usr/bin/espeak-ng", ["-v", voice, "-s", String(wordsPerMinute), "-w", url.path, text])
    }

    /// Runs `sox -V1 arguments…`.
    public static func sox(_ arguments: [String]) async throws {
        try await tool("/usr/bin/sox", ["-V1"] + arguments)
    }

    /// Runs a tool to completion and returns its output.
    /// - Throws: ``FixtureError`` with the tool's standard error when it cannot start, fails or takes over `timeout`.
    @discardableResult
    public static func tool(_ executable: String, _ arguments: [String], input: Data? = nil,
                            timeout: Duration = .seconds(300)) async throws -> ChildProcess.Output {
        do {
            return try await ChildProcess(executable, arguments, input: input, timeout: timeout).checkedRun()
        } catch {
            throw FixtureError("\(error)")
        }
    }
}

/// Folders to remove when the test process exits.
///
/// `@unchecked Sendable`: `paths` is only touched under `lock`.
final class TemporaryFolders: @unchecked Sendable {
    static let shared = TemporaryFolders()
    private let lock = NSLock()
    private var paths: [String] = []

    func add(_ url: URL) {
        let first: Bool = lock.withLock {
            paths.append(url.path)
            return paths.count == 1
        }
        if first { atexit { TemporaryFolders.shared.removeAll() } }
    }

    private func removeAll() {
        for path in lock.withLock({ paths }) { try? FileManager.default.removeItem(atPath: path) }
    }
}
