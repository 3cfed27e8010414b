import Foundation
import Synchronization
import Testing

/// Runs the built `relay` binary (as a user would) on media made with the ffmpeg CLI.
enum MediaCLI {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let relay = packageRoot.appendingPathComponent(".build/debug/relay")

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `relay arguments…` and collects its output.
    static func run(_ arguments: [String]) throws -> Result {
        try exec(relay.path, arguments)
    }

    static func exec(_ program: String, _ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let errorText = CollectedText()
        let reader = Thread { errorText.set(err.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self), stderr: errorText.wait())
    }

    /// A fresh temp folder, removed when the test process exits.
    static func tempDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("relay-cli-media-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        mediaCLIFolders.withLock { folders in
            if folders.isEmpty {
                atexit { for folder in mediaCLIFolders.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: folder) } }
            }
            folders.append(dir.path)
        }
        return dir
    }

    /// A 2 s 160x120 H.264 + AAC clip (25 fps) with a title tag.
    static func clip(in dir: URL, name: String = "clip.mp4") throws -> URL {
        let url = dir.appendingPathComponent(name)
        let made = try exec("/usr/bin/ffmpeg", ["-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=160x120:rate=25:duration=2",
                                                "-f", "lavfi", "-i", "sine=frequency=440:duration=2", "-c:v", "libx264", "-preset", "ultrafast",
                                                "-g", "10", "-c:a", "aac", "-metadata", "title=CLI clip", "-shortest", url.path])
        guard made.status == 0 else { throw CLIFixtureError(message: made.stderr) }
        return url
    }
}

/// Temp folders made by the media CLI tests (removed at exit).
let mediaCLIFolders = Mutex<[String]>([])

struct CLIFixtureError: Error { var message: String }

/// Collects a child's stderr on another thread so neither pipe can fill up and block it.
final class CollectedText: @unchecked Sendable {  // `data` is written once, before `done` is signalled, and read after
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)
    func set(_ data: Data) { self.data = data; done.signal() }
    func wait() -> String { done.wait(); return String(decoding: data, as: UTF8.self) }
}

@Suite struct ProbeCLITests {
    @Test func jsonLinesUseFFprobeFieldNames() throws {
        let dir = try MediaCLI.tempDirectory()
        let a = try MediaCLI.clip(in: dir, name: "a.mp4")
        let result = try MediaCLI.run(["probe", "--json", a.path, a.path])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        let format = try #require(object["format"] as? [String: Any])
        #expect(format["format_name"] as? String == "mov,mp4,m4a,3gp,3g2,mj2")
        #expect(abs((format["duration"] as? Double ?? 0) - 2) < 0.05)
        #expect((format["tags"] as? [String: String])?["title"] == "CLI clip")
        let streams = try #require(object["streams"] as? [[String: Any]])
        #expect(streams.count == 2)
        let video = streams[0]
        #expect(video["codec_type"] as? String == "video" && video["codec_name"] as? String == "h264")
        #expect(video["width"] as? Int == 160 && video["height"] as? Int == 120)
        #expect(video["avg_frame_rate"] as? Double == 25)
        #expect(video["nb_frames"] as? Int == 50)
        #expect(video["sample_rate"] == nil && video["rotation"] == nil)
        let audio = streams[1]
        #expect(audio["codec_name"] as? String == "aac" && audio["sample_rate"] as? Int == 44_100 && audio["channels"] as? Int == 1)
        #expect(audio["width"] == nil)
    }

    @Test func readableSummaryByDefault() throws {
        let dir = try MediaCLI.tempDirectory()
        let a = try MediaCLI.clip(in: dir)
        let result = try MediaCLI.run(["probe", a.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("clip.mp4: mov,mp4,m4a,3gp,3g2,mj2, duration 2.0"))
        #expect(result.stdout.contains("#0 video  h264  160x120  yuv420p  25 fps  50 frames"))
        #expect(result.stdout.contains("#1 audio  aac"))
        #expect(result.stdout.contains("title: CLI clip"))
    }

    @Test func badFileIsOneLineOnStderrAndOthersStillPrint() throws {
        let dir = try MediaCLI.tempDirectory()
        let good = try MediaCLI.clip(in: dir)
        let bad = dir.appendingPathComponent("broken.mp4")
        try Data("this is not a video".utf8).write(to: bad)
        let missing = dir.appendingPathComponent("missing.mov")
        let result = try MediaCLI.run(["probe", "--json", bad.path, good.path, missing.path])
        #expect(result.status != 0)
        let errors = result.stderr.split(separator: "\n")
        #expect(errors.count == 2)
        #expect(errors.first?.contains("broken.mp4") == true)
        #expect(errors.last?.contains("missing.mov") == true)
        #expect(result.stdout.split(separator: "\n").count == 1)
        #expect(result.stdout.contains("\"format_name\":\"mov,mp4,m4a,3gp,3g2,mj2\""))
    }
}
