import Foundation
import RelayTestSupport
import Testing

/// `relay screen` end to end: a screenshot with its element list, then Qwen's answer applied to the saved screen.
@Suite struct ScreenCLITests {
    @Test func screenshotThenActOnTheSavedScreen() async throws {
        let home = try Fixtures.folder("relay-screen-cli")
        let png = home.appendingPathComponent("settings.png")
        let shown = try await RelayCLI.run(["screen", "--app", "settings", "--size", "720x1280", "--out", png.path, "--json"], home: home)
        #expect(shown.status == 0, "\(shown.stderr)")
        let screen = try #require(shown.jsonLines.first)
        #expect(screen["screen"] as? String == "settings.main")
        #expect(screen["resized"] as? [Int] == [728, 1288])
        let elements = try #require(screen["elements"] as? [[String: Any]])
        let wifi = try #require(elements.first { $0["text"] as? String == "Wi-Fi" })
        #expect(wifi["checked"] as? Bool == true)
        let tap = try #require(wifi["tap"] as? [Int])
        #expect(Array(try Data(contentsOf: png).prefix(4)) == [0x89, 0x50, 0x4E, 0x47])

        // The element's "tap" is in the model's pixels: Qwen's answer with it turns Wi-Fi off, through the dispatcher.
        let answer = #"<tool_call>{"name": "mobile_use", "arguments": {"action": "click", "coordinate": [\#(tap[0]), \#(tap[1])]}}</tool_call>"#
        let acted = try await RelayCLI.run(["screen", "act", answer], home: home)
        #expect(acted.status == 0, "\(acted.stderr)")
        #expect(acted.stdout.hasPrefix("done: Wi-Fi is now off.\nsettings.main 720x1280 (the model sees 728x1288)\n"))
        #expect(acted.stdout.contains(#"Switch "Wi-Fi" (Off) [0,272][720,416] unchecked clickable"#))

        let malformed = try await RelayCLI.run(["screen", "act", #"<tool_call>{"name": "mobile_use", "arguments": {"action": "click"}}"#], home: home)
        #expect(malformed.status == 1)
        #expect(malformed.stderr == "relay screen act: The mobile_use call is malformed: a <tool_call> block is not closed.\n")
        let noFocus = try await RelayCLI.run(["screen", "act", #"{"action": "type", "text": "hello"}"#], home: home)
        #expect(noFocus.status == 0 && noFocus.stdout.hasPrefix("no_op: No text field has focus; tap one first.\n"))
    }

    /// `relay agent`: the embedded model's mobile_use loop, its trajectory on disk, and an impossible goal's exit status.
    @Test func agentRunsTheLoopAndKeepsTheTrajectory() async throws {
        let home = try Fixtures.folder("relay-agent-cli")
        let folder = home.appendingPathComponent("run", isDirectory: true)
        let run = try await RelayCLI.run(["agent", "Turn Wi-Fi off", "--size", "720x1280", "--trajectory", folder.path, "--json"], home: home)
        #expect(run.status == 0, "\(run.stderr)")
        let summary = try #require(run.jsonLines.last)
        #expect(summary["terminated"] as? String == "success")
        #expect(summary["steps"] as? Int == 3)
        let html = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(html.contains(#"<img src="step-1.png""#) && html.contains("Step 3"))
        let prompt = try String(contentsOf: folder.appendingPathComponent("step-2.prompt.txt"), encoding: .utf8)
        #expect(prompt.contains("The screen's resolution is 728x1288") && prompt.contains(#"Step 1: {"action": "open", "text": "Settings"};"#))
        #expect(Array(try Data(contentsOf: folder.appendingPathComponent("step-2.png")).prefix(4)) == [0x89, 0x50, 0x4E, 0x47])

        let impossible = try await RelayCLI.run(["agent", "Turn on 5G", "--max-steps", "4"], home: home)
        #expect(impossible.status == 1)
        #expect(impossible.stdout.hasSuffix("terminate(failure)\n"), "\(impossible.stdout)")
    }
}
