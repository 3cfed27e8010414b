import Foundation
import RelayTestSupport
import Testing

/// End-to-end tests of `relay analyze` and `relay ask`: they run the built binary as a user would.
@Suite struct AnalyzeCLITests {
    /// A 4 s clip: red 0–2 s with a 440 Hz tone 1–2 s, then black 2–4 s in silence.
    static let clip: Task<URL, any Error> = Task {
        let url = try Fixtures.folder("relay-analyze-cli").appendingPathComponent("clip.mp4")
        try await Fixtures.ffmpeg([
            "-f", "lavfi", "-i", "color=c=red:s=160x120:r=25:d=2",
            "-f", "lavfi", "-i", "color=c=black:s=160x120:r=25:d=2",
            "-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono:d=1",
            "-f", "lavfi", "-i", "aevalsrc=0.5*sin(2*PI*440*t):s=16000:d=1",
            "-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono:d=2",
            "-filter_complex", "[0:v][1:v]concat=n=2:v=1:a=0,format=yuv420p[v];[2:a][3:a][4:a]concat=n=3:v=0:a=1[a]",
            "-map", "[v]", "-map", "[a]", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", url.path,
        ])
        return url
    }

    @Test func analyzeJSONHasTheIssueShape() async throws {
        let clip = try await Self.clip.value
        let result = try await RelayCLI.run(["analyze", "--json", clip.path])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data((lines.first ?? "").utf8)) as? [String: Any])
        #expect(object["file"] as? String == clip.path)
        #expect(abs((object["duration"] as? Double ?? 0) - 4) < 0.1)
        let scenes = try #require(object["scenes"] as? [[String: Any]])
        #expect(scenes.count == 2)
        #expect(scenes.first?["dominant_colors"] as? [String] == ["red"])
        #expect(scenes.last?["dominant_colors"] as? [String] == ["black"])
        for key in ["start", "end", "keyframe_time", "mean_brightness", "motion"] { #expect(scenes.first?[key] is Double, "\(key)") }
        #expect(abs((scenes.last?["start"] as? Double ?? 0) - 2) <= 0.04)
        let events = try #require(object["events"] as? [[String: Any]])
        let loud = events.filter { $0["type"] as? String == "loud" }
        #expect(loud.count == 1)
        #expect(abs((loud.first?["start"] as? Double ?? 0) - 1) <= 0.25 && abs((loud.first?["end"] as? Double ?? 0) - 2) <= 0.25)
        #expect(events.contains { $0["type"] as? String == "dark" })
        let tokens = try #require(object["tokens"] as? [String: Any])
        #expect(tokens["kind"] as? String == "video")
        for key in ["resized_width", "resized_height", "grid_thw", "visual_tokens", "nframes", "frame_indices", "sample_fps"] {
            #expect(tokens[key] != nil, "tokens.\(key)")
        }
        #expect(tokens["nframes"] as? Int == 8)
    }

    @Test func badFileFailsAloneWithOneLineNamingIt() async throws {
        let clip = try await Self.clip.value
        let missing = clip.deletingLastPathComponent().appendingPathComponent("nope.mkv").path
        let report = clip.deletingLastPathComponent().appendingPathComponent("report.html").path
        let result = try await RelayCLI.run(["analyze", missing, clip.path, "--report", report])
        #expect(result.status == 1)
        let errors = result.stderr.split(separator: "\n")
        #expect(errors.count == 1)
        #expect(errors.first?.contains("nope.mkv") == true)
        #expect(result.stdout.contains("clip.mp4 — 4.0 s, 2 scenes"))
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(html.contains("data:image/jpeg;base64,") && html.contains("<svg"))
    }

    @Test func askAnswersAndRefuses() async throws {
        let clip = try await Self.clip.value
        let black = try await RelayCLI.run(["ask", clip.path, "when does the screen go black?", "--json"])
        #expect(black.status == 0, "\(black.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(black.stdout.utf8)) as? [String: Any])
        #expect(object["answer"] as? String == "The screen goes black in 2.0 - 4.0 seconds.")
        #expect(object["start"] as? Double == 2.0 && object["end"] as? Double == 4.0)
        let red = try await RelayCLI.run(["ask", clip.path, "where is the red square at 00:01?", "--json"])
        let box = try #require((try JSONSerialization.jsonObject(with: Data(red.stdout.utf8)) as? [String: Any])?["bbox_2d"] as? [Double])
        #expect(box.count == 4 && box[0] <= 1 && box[1] <= 1 && box[2] >= 159 && box[3] >= 119)
        let who = try await RelayCLI.run(["ask", clip.path, "who is in the video?"])
        #expect(who.stdout == "I can't tell who is in this video: I only measure brightness, colour, motion and sound.\n")
        let bad = try await RelayCLI.run(["ask", "/nonexistent/clip.mp4", "describe the video"])
        #expect(bad.status == 1 && bad.stderr.contains("/nonexistent/clip.mp4"))
        let usage = try await RelayCLI.run(["analyze", "--fps", "0", clip.path])
        #expect(usage.status == 2)  // Relay maps usage errors to 2 (see Relay.swift)
    }
}
