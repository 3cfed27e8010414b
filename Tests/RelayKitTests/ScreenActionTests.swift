import Foundation
import RelayKit
import RelayKitTesting
import RelayPlugins
import Testing

/// Qwen2.5-VL's mobile_use actions: parsed from the model's exact answer, mapped from smart-resized pixels back to the
/// screen, and carried out (or not) on the installed plugins' screens.
@Suite struct ScreenActionTests {
    @Test func parsesQwensExactAnswers() throws {
        #expect(try MobileAction(toolCallText: #"<tool_call>{"name": "mobile_use", "arguments": {"action": "click", "coordinate": [935, 406]}}</tool_call>"#)
            == .click(x: 935, y: 406))
        #expect(try MobileAction(toolCallText: "<tool_call>\n{\"name\": \"mobile_use\", \"arguments\": {\"action\": \"swipe\", \"coordinate\": [500, 1800], \"coordinate2\": [500, 600]}}\n</tool_call>")
            == .swipe(fromX: 500, fromY: 1800, toX: 500, toY: 600))
        #expect(try MobileAction(toolCallText: #"{"name": "mobile_use", "arguments": {"action": "type", "text": "7:30"}}"#) == .type("7:30"))
        #expect(try MobileAction(toolCallText: #"{"action": "system_button", "button": "Back"}"#) == .systemButton(.back))
        #expect(try MobileAction(toolCallText: #"{"action": "long_press", "coordinate": [10.4, 20.6], "time": 3}"#) == .longPress(x: 10, y: 21, seconds: 3))
        #expect(try MobileAction(toolCallText: #"{"action": "open", "text": "Clock"}"#) == .open("Clock"))
        #expect(try MobileAction(toolCallText: #"{"action": "key", "text": "volume_up"}"#) == .key("volume_up"))
        #expect(try MobileAction(toolCallText: #"{"action": "wait", "time": 2}"#) == .wait(seconds: 2))
        #expect(try MobileAction(toolCallText: #"{"action": "terminate", "status": "failure"}"#) == .terminate(success: false))
        // The arguments read back as Qwen writes them.
        #expect(try MobileAction(arguments: MobileAction.click(x: 1, y: 2).arguments) == .click(x: 1, y: 2))
    }

    @Test func malformedCallsSayWhatIsWrong() {
        let cases: [(String, String)] = [
            (#"<tool_call>{"name": "mobile_use", "arguments": {"action": "click", "coordinate": [1, 2]}"#, "is not closed"),
            (#"<tool_call>{"name": "mobile_use", "arguments": {"action": "click", "coordinate": [1, 2]</tool_call>"#, "not valid JSON"),
            (#"<tool_call>{"name": "computer_use", "arguments": {"action": "click"}}</tool_call>"#, "to computer_use, not mobile_use"),
            (#"{"action": "tap", "coordinate": [1, 2]}"#, "Unknown mobile_use action tap"),
            (#"{"action": "click", "coordinate": [1]}"#, "click needs \"coordinate\": [x, y]"),
            (#"{"action": "system_button", "button": "Power"}"#, "Back, Home, Menu or Enter, not Power"),
            (#"{"action": "terminate", "status": "done"}"#, "success or failure"),
            ("<tool_call>{\"name\": \"mobile_use\", \"arguments\": {\"action\": \"wait\"}}</tool_call><tool_call>{\"name\": \"mobile_use\", \"arguments\": {\"action\": \"wait\"}}</tool_call>", "found 2"),
        ]
        for (text, expected) in cases {
            do {
                _ = try MobileAction(toolCallText: text)
                Issue.record("\(text) was accepted")
            } catch let error as KitError {
                #expect(error.code == .invalidScreenAction)
                #expect(error.message.contains(expected), "\(error.message)")
            } catch {
                Issue.record("\(text): \(error)")
            }
        }
    }

    /// Qwen2.5-VL sees a 1080×2400 screen smart-resized to 1092×2408 (factor 28) and a 720×1280 one at 728×1288.
    @Test func coordinatesMapBackFromSmartResizedPixels() async throws {
        try await PluginTest(subsystems: InstalledPlugins.subsystems) { phone in
            let big = try await phone.screen(width: 1080, height: 2400)
            #expect(big.resizedSize == (1092, 2408))
            #expect(big.toScreen(x: 546, y: 1204)! == (540, 1200))
            #expect(big.toScreen(x: 0, y: 0)! == (0, 0))
            #expect(big.toScreen(x: 1092, y: 2408)! == (1079, 2399))
            #expect(big.toScreen(x: 935, y: 406)! == (924, 404))
            #expect(big.toScreen(x: 1093, y: 10) == nil)
            #expect(big.toScreen(x: -1, y: 10) == nil)
            let small = try await phone.screen(width: 720, height: 1280)
            #expect(small.resizedSize == (728, 1288))
            #expect(small.toScreen(x: 364, y: 644)! == (360, 640))
        }
    }

    @Test func actionsNothingReactsToAreNoOps() async throws {
        try await PluginTest(subsystems: InstalledPlugins.subsystems) { phone in
            let screen = try await phone.screen(app: "setings")   // a typo still opens Settings
            #expect(await screen.route.screen == "settings.main")
            let before = await screen.state
            let typed = await screen.perform(.type("hello"))
            #expect(typed.status == "no_op" && typed.message == "No text field has focus; tap one first.")
            #expect(await screen.perform(.click(x: 546, y: 2300)).status == "no_op")   // empty space under the list
            #expect(await screen.perform(.swipe(fromX: 500, fromY: 1800, toX: 500, toY: 600)).message == "The screen does not scroll.")
            #expect(await screen.perform(.systemButton(.menu)).status == "no_op")
            #expect(await screen.perform(.key("camera")).status == "no_op")
            #expect(await screen.state == before)
            #expect(try phone.auditEntries().isEmpty, "no command was dispatched")
            #expect(await screen.perform(.open("Calculator")).status == "not_found")
            #expect(await screen.perform(.terminate(success: true)).status == "finished")
            // Back goes home; on the home screen Back does nothing.
            #expect(await screen.perform(.systemButton(.back)).status == "done")
            #expect(await screen.route == .home)
            #expect(await screen.perform(.systemButton(.back)).status == "no_op")
            // The home screen's icons open apps.
            let clock = try await screen.click("Clock")
            #expect(clock.status == "done" && clock.message == "Opened Clock.")
        }
    }
}
