import Foundation
import RelayKit
import RelayKitTesting
import RelayMedia
import SettingsPlugin
import Testing

/// The Settings screen: the element list a model reads, and taps that change the state through the dispatcher.
@Suite struct SettingsScreenTests {
    let subsystems: [any Subsystem] = [SettingsSubsystem()]

    /// Golden: every element of a new phone's Settings screen at 1080×2400, with its bounds and flags.
    @Test func elementListOfANewPhone() async throws {
        try await PluginTest(subsystems: subsystems) { phone in
            let screen = try await phone.screen(app: "settings")
            let lines = try await screen.layout().elements.map(\.line)
            #expect(lines == [
                #"0 ImageButton "" (Navigate up) [12,84][156,228] clickable"#,
                #"1 TextView "Settings" [216,72][1032,240]"#,
                #"2 TextView "Connections" [48,300][1032,384]"#,
                #"3 Switch "Wi-Fi" (On) [0,408][1080,624] checked clickable"#,
                #"4 Switch "Bluetooth" (On) [0,624][1080,840] checked clickable"#,
                #"5 Switch "Airplane mode" (Off) [0,840][1080,1056] unchecked clickable"#,
                #"6 TextView "Sound & display" [48,1092][1032,1176]"#,
                #"7 Switch "Do Not Disturb" (Off) [0,1200][1080,1416] unchecked clickable"#,
                #"8 Switch "Dark mode" (Off) [0,1416][1080,1632] unchecked clickable"#,
                #"9 TextView "Brightness" (50%) [48,1632][696,1848]"#,
                #"10 Button "−" (Decrease brightness) [732,1674][864,1806] clickable"#,
                #"11 Button "+" (Increase brightness) [900,1674][1032,1806] clickable"#,
                #"12 TextView "Volume" (50%) [48,1848][696,2064]"#,
                #"13 Button "−" (Decrease volume) [732,1890][864,2022] clickable"#,
                #"14 Button "+" (Increase volume) [900,1890][1032,2022] clickable"#,
            ])
        }
    }

    /// Qwen's exact answer, in smart-resized pixels, flips Wi-Fi in settings.sqlite through the dispatcher (audited
    /// with origin "screen"), and the switch reads off afterwards.
    @Test func clickOnTheWiFiSwitchTurnsItOff() async throws {
        try await PluginTest(subsystems: subsystems) { phone in
            let screen = try await phone.screen(app: "Settings")
            // Wi-Fi's row is [0,408][1080,624] on the 1080×2400 screen; the model sees 1092×2408: (546, 518) is inside.
            let answer = #"<tool_call>{"name": "mobile_use", "arguments": {"action": "click", "coordinate": [546, 518]}}</tool_call>"#
            let result = await screen.perform(try MobileAction(toolCallText: answer))
            #expect(result.status == "done")
            #expect(result.message == "Wi-Fi is now off.")
            #expect(try await phone.rows("settings", "SELECT isOn FROM toggle WHERE name = 'wifi'") == [["isOn": .int(0)]])
            let audit = try phone.auditEntries()
            #expect(audit.count == 1)
            #expect(audit.last?.objectValue?["origin"] == "screen")
            #expect(audit.last?.objectValue?["action"] == "settings.set_toggle")
            let wifi = try await screen.layout().elements.first { $0.text == "Wi-Fi" }
            #expect(wifi?.isChecked == false && wifi?.description == "Off")
            // The + button raises the brightness by the action's default step.
            let raised = try await screen.click("Increase brightness")
            #expect(raised.status == "done")
            #expect(try await phone.rows("settings", "SELECT percent FROM level WHERE name = 'brightness'") == [["percent": .int(60)]])
        }
    }

    /// A screenshot decodes back (through RelayMedia's decoder) at the screen's size, and Wi-Fi's title is drawn.
    @Test func screenshotDecodesBackWithTextInIt() async throws {
        try await PluginTest(subsystems: subsystems) { phone in
            let screen = try await phone.screen(width: 720, height: 1280, app: "settings")
            let url = phone.home.appendingPathComponent("settings.png")
            let layout = try await screen.writeScreenshot(to: url)
            let back = try ImageCodec.decode(url)
            #expect(back.width == 720 && back.height == 1280)
            let title = try #require(layout.elements.first { $0.text == "Wi-Fi" }).bounds
            // The title's left half holds dark, anti-aliased text on the light background; the right edge of the row is
            // the switch, coloured.
            var dark = 0, partial = 0
            for y in title.y..<title.maxY {
                for x in title.x..<(title.x + 200) {
                    let p = back.pixel(x: x, y: y)
                    if p.r < 80 { dark += 1 } else if p.r < 200 { partial += 1 }
                }
            }
            #expect(dark > 150 && partial > 50, "dark \(dark), anti-aliased \(partial)")
            #expect(back.pixel(x: 4, y: 700).r > 240, "a light background")
            // Dark mode is a setting the screens obey: the model sees its effect.
            try await screen.click("Dark mode")
            let (_, darkCanvas) = try await screen.screenshot()
            #expect(darkCanvas.pixel(x: 4, y: 700).r < 40, "a dark background once dark mode is on")
        }
    }
}
