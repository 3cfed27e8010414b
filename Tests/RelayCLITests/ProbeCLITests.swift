import Foundation
import RelayTestSupport
import Testing

/// Media for the CLI tests, made with the ffmpeg CLI.
enum MediaCLI {
    /// A 2 s 160x120 H.264 + AAC clip (25 fps) with a title tag.
    static func clip(in dir: URL, name: String = "clip.mp4") async throws -> URL {
        let url = dir.appendingPathComponent(name)
        try await Fixtures.ffmpeg(["-f", "lavfi", "-i", "testsrc2=size=160x120:rate=25:duration=2",
                                   "-f", "lavfi", "-i", "sine=frequency=440:duration=2", "-c:v", "libx264", "-preset", "ultrafast",
                                   "-g", "10", "-c:a", "aac", "-metadata", "title=CLI clip", "-shortest", url.path])
        return url
    }
}

@Suite struct ProbeCLITests {
    @Test func jsonLinesUseFFprobeFieldNames() async throws {
        let dir = try Fixtures.folder("relay-cli-media")
        let a = try await MediaCLI.clip(in: dir, name: "a.mp4")
        let result = try await RelayCLI.run(["probe", "--json", a.path, a.path])
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

    @Test func readableSummaryByDefault() async throws {
        let dir = try Fixtures.folder("relay-cli-media")
        let a = try await MediaCLI.clip(in: dir)
        let result = try await RelayCLI.run(["probe", a.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("clip.mp4: mov,mp4,m4a,3gp,3g2,mj2, duration 2.0"))
        #expect(result.stdout.contains("#0 video  h264  160x120  yuv420p  25 fps  50 frames"))
        #expect(result.stdout.contains("#1 audio  aac"))
        #expect(result.stdout.contains("title: CLI clip"))
    }

    @Test func badFileIsOneLineOnStderrAndOthersStillPrint() async throws {
        let dir = try Fixtures.folder("relay-cli-media")
        let good = try await MediaCLI.clip(in: dir)
        let bad = dir.appendingPathComponent("broken.mp4")
        try Data("this is not a video".utf8).write(to: bad)
        let missing = dir.appendingPathComponent("missing.mov")
        let result = try await RelayCLI.run(["probe", "--json", bad.path, good.path, missing.path])
        #expect(result.status != 0)
        let errors = result.stderr.split(separator: "\n")
        #expect(errors.count == 2)
        #expect(errors.first?.contains("broken.mp4") == true)
        #expect(errors.last?.contains("missing.mov") == true)
        #expect(result.stdout.split(separator: "\n").count == 1)
        #expect(result.stdout.contains("\"format_name\":\"mov,mp4,m4a,3gp,3g2,mj2\""))
    }
}
