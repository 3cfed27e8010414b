import Foundation
import RelayTestSupport
import Testing

/// End-to-end tests of `relay tokens` and `relay prompt`: they run the built binary as a user would.
@Suite struct TokensCLITests {
    /// 3 s of 320×240 at 10 fps (30 frames), plus the same stream flagged as rotated by 90°, plus a PNG.
    static let media: Task<(clip: URL, rotated: URL, image: URL), any Error> = Task {
        let folder = try Fixtures.folder("relay-tokens-cli")
        let clip = folder.appendingPathComponent("clip.mp4")
        let rotated = folder.appendingPathComponent("rotated.mp4")
        let image = folder.appendingPathComponent("still.png")
        try await Fixtures.ffmpeg(["-f", "lavfi", "-i", "testsrc=s=320x240:r=10:d=3", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", clip.path])
        try await Fixtures.ffmpeg(["-i", clip.path, "-c", "copy", "-metadata:s:v:0", "rotate=90", rotated.path])
        try await Fixtures.ffmpeg(["-f", "lavfi", "-i", "testsrc=s=100x60", "-frames:v", "1", image.path])
        return (clip, rotated, image)
    }

    static func object(_ line: Substring) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test func imageFromSize() async throws {
        let r = try await RelayCLI.run(["tokens", "--width", "1920", "--height", "1080", "--json"], environment: ["RELAY_MODEL_URL": nil])
        #expect(r.status == 0, "\(r.stderr)")
        let o = try Self.object(Substring(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(o["kind"] as? String == "image")
        #expect(o["resized_width"] as? Int == 1932 && o["resized_height"] as? Int == 1092)
        #expect(o["grid_thw"] as? [Int] == [1, 78, 138])
        #expect(o["visual_tokens"] as? Int == 2691)
        #expect(o["nframes"] == nil && o["frame_indices"] == nil)
    }

    @Test func videoFromSize() async throws {
        let r = try await RelayCLI.run(["tokens", "--width", "1920", "--height", "1080", "--frames", "300", "--video-fps", "30", "--json"], environment: ["RELAY_MODEL_URL": nil])
        #expect(r.status == 0, "\(r.stderr)")
        let o = try Self.object(Substring(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(o["kind"] as? String == "video")
        #expect(o["nframes"] as? Int == 20)
        #expect((o["frame_indices"] as? [Int])?.prefix(4) == [0, 16, 31, 47])
        #expect(o["sample_fps"] as? Double == 2)
        #expect(o["resized_width"] as? Int == 1008 && o["resized_height"] as? Int == 560)
        #expect(o["visual_tokens"] as? Int == 7200)
    }

    @Test(arguments: [
        (["--fps", "1", "--nframes", "4"], "Only accept either `fps` or `nframes`"),
        (["--nframes", "400"], "nframes should in interval [2, 300], but got 400."),
        (["--min-pixels=-1"], "--min-pixels must be positive"),
        (["--fps=0"], "--fps must be a positive number"),
    ])
    func invalidOptionsExitWithStatus2(_ extra: [String], _ message: String) async throws {
        let r = try await RelayCLI.run(["tokens", "--width", "640", "--height", "480", "--frames", "300", "--video-fps", "30"] + extra, environment: ["RELAY_MODEL_URL": nil])
        #expect(r.status == 2)
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func missingSizeIsAUsageError() async throws {
        let r = try await RelayCLI.run(["tokens", "--width", "640"], environment: ["RELAY_MODEL_URL": nil])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--width W --height H"))
    }

    @Test func aspectRatioErrorIsTheReferenceMessage() async throws {
        let r = try await RelayCLI.run(["tokens", "--width", "300", "--height", "1"], environment: ["RELAY_MODEL_URL": nil])
        #expect(r.status == 2)
        #expect(r.stderr.contains("absolute aspect ratio must be smaller than 200, got 300.0"))
    }

    @Test func filesUseTheContainersFramesAndRotation() async throws {
        let media = try await Self.media.value
        let r = try await RelayCLI.run(["tokens", "--json", media.clip.path, media.rotated.path, media.image.path], environment: ["RELAY_MODEL_URL": nil])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        guard lines.count == 3 else { return }
        // 30 frames at 10 fps → 6 frames at 2 fps; 320×240 is below the video minimum, so it grows to 392×280.
        let clip = try Self.object(lines[0])
        #expect(clip["file"] as? String == media.clip.path)
        #expect(clip["nframes"] as? Int == 6)
        #expect(clip["frame_indices"] as? [Int] == [0, 6, 12, 17, 23, 29])
        #expect(clip["sample_fps"] as? Double == 2)
        #expect(clip["resized_width"] as? Int == 392 && clip["resized_height"] as? Int == 280)
        #expect(clip["grid_thw"] as? [Int] == [3, 20, 28])
        #expect(clip["visual_tokens"] as? Int == 420)
        let rotated = try Self.object(lines[1])
        #expect(rotated["resized_width"] as? Int == 280 && rotated["resized_height"] as? Int == 392)
        #expect(rotated["grid_thw"] as? [Int] == [3, 28, 20])
        let image = try Self.object(lines[2])
        #expect(image["kind"] as? String == "image")
        #expect(image["resized_width"] as? Int == 112 && image["resized_height"] as? Int == 56)
    }

    @Test func missingFileIsOneLineOnStderr() async throws {
        let r = try await RelayCLI.run(["tokens", "/nonexistent/clip.mp4"], environment: ["RELAY_MODEL_URL": nil])
        #expect(r.status == 1)
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(r.stderr.contains("/nonexistent/clip.mp4"))
    }

    @Test func promptPrintsTheExactTemplate() async throws {
        let media = try await Self.media.value
        let plain = try await RelayCLI.run(["prompt", "--text", "Hello"], environment: ["RELAY_MODEL_URL": nil])
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(plain.stdout == "<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n<|im_start|>user\nHello<|im_end|>\n<|im_start|>assistant\n")

        let folder = media.image.deletingLastPathComponent()
        let tools = folder.appendingPathComponent("tools.json")
        try Data(#"[{"name": "clock.set_timer", "description": "Start a timer.", "parameters": {"type": "object", "properties": {"seconds": {"type": "integer"}}}}]"#.utf8).write(to: tools)
        let withTools = try await RelayCLI.run(["prompt", "--text", "Timer", "--tools-file", tools.path, "--image", media.image.path, "--expand-pads"], environment: ["RELAY_MODEL_URL": nil])
        #expect(withTools.status == 0, "\(withTools.stderr)")
        #expect(withTools.stdout.contains("<tools>\n{\"type\": \"function\", \"function\": {\"name\": \"clock.set_timer\", \"description\": \"Start a timer.\", \"parameters\": {\"type\": \"object\", \"properties\": {\"seconds\": {\"type\": \"integer\"}}}}}\n</tools>"))
        #expect(withTools.stdout.contains("<|vision_start|>" + String(repeating: "<|image_pad|>", count: 8) + "<|vision_end|>Timer<|im_end|>"))

        let json = try await RelayCLI.run(["prompt", "--video", media.clip.path, "--text", "What happens?", "--json"], environment: ["RELAY_MODEL_URL": nil])
        #expect(json.status == 0, "\(json.stderr)")
        let o = try Self.object(Substring(json.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(o["visual_tokens"] as? Int == 422)
        #expect((o["prompt"] as? String)?.contains("<|vision_start|><|video_pad|><|vision_end|>What happens?") == true)
    }
}
