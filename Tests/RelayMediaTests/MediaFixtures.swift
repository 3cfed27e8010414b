import Foundation
import Synchronization
import Testing
@testable import RelayMedia

/// Test media, generated with the ffmpeg CLI into unique temp folders (the sample set once per test process).
enum MediaFixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A fresh, unique temp folder, removed when the test process exits.
    static func tempDirectory(_ name: String = "relay-media-tests") throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        mediaTestFolders.withLock { folders in
            if folders.isEmpty {
                atexit { for folder in mediaTestFolders.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: folder) } }
            }
            folders.append(dir.path)
        }
        return dir
    }

    /// The sample set of Samples/scripts/make-media.sh, generated once per process.
    static func sampleSet() throws -> URL { try generated.get() }

    private static let generated: Result<URL, any Error> = Result {
        let dir = try tempDirectory("relay-sample-set")
        try run("/bin/bash", [packageRoot.appendingPathComponent("Samples/scripts/make-media.sh").path, dir.path])
        return dir
    }

    /// Runs ffmpeg with `arguments` (quiet, overwrite), throwing when it fails.
    static func ffmpeg(_ arguments: [String]) throws {
        try run("/usr/bin/ffmpeg", ["-nostdin", "-v", "error", "-y"] + arguments)
    }

    /// Runs a program, returning its stdout; throws when it exits non-zero.
    @discardableResult
    static func run(_ program: String, _ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting so a chatty child cannot block on a full pipe.
        let errorBox = ErrorText()
        let errReader = Thread { errorBox.set(err.fileHandleForReading.readDataToEndOfFile()) }
        errReader.start()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errorText = errorBox.wait()
        guard process.terminationStatus == 0 else {
            throw FixtureError(message: "\(program) \(arguments.joined(separator: " ")) failed: \(errorText)")
        }
        return data
    }

    /// ffprobe's view of a file (`-show_format -show_streams`) as JSON.
    static func ffprobe(_ url: URL) throws -> [String: Any] {
        let data = try run("/usr/bin/ffprobe", ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", url.path])
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// Every frame of a file by straight decoding.
    static func straightFrames(_ url: URL, size: FrameSize? = nil) async throws -> [Frame] {
        var frames: [Frame] = []
        for try await frame in try VideoDecoder(url: url).frames(size: size) { frames.append(frame) }
        return frames
    }

    /// The frame displayed at `t` according to a straight decode (greatest time ≤ t, else the first).
    static func displayed(at t: Double, in frames: [Frame]) -> Frame? {
        frames.last { $0.time <= t } ?? frames.first
    }
}

/// Temp folders made by this test process (removed at exit; the sample set is shared by tests until then).
let mediaTestFolders = Mutex<[String]>([])

struct FixtureError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Collects a child's stderr on another thread (so neither pipe can fill up and block the child).
final class ErrorText: @unchecked Sendable {  // guarded by `done`
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)
    func set(_ data: Data) { self.data = data; done.signal() }
    func wait() -> String { done.wait(); return String(decoding: data, as: UTF8.self) }
}
