import Foundation
import RelayTestSupport
import Testing
@testable import RelayMedia

/// Test media, generated with the ffmpeg CLI into unique temp folders (the sample set once per test process).
enum MediaFixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The sample set of Samples/scripts/make-media.sh, generated once per process.
    static func sampleSet() async throws -> URL { try await generated.value }

    private static let generated = Task {
        let dir = try Fixtures.folder("relay-sample-set")
        try await run("/bin/bash", [packageRoot.appendingPathComponent("Samples/scripts/make-media.sh").path, dir.path])
        return dir
    }

    /// Runs a program, returning its stdout; throws when it exits non-zero.
    @discardableResult
    static func run(_ program: String, _ arguments: [String]) async throws -> Data {
        try await Fixtures.tool(program, arguments).stdout
    }

    /// ffprobe's view of a file (`-show_format -show_streams`) as JSON.
    static func ffprobe(_ url: URL) async throws -> [String: Any] {
        let data = try await run("/usr/bin/ffprobe", ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", url.path])
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
