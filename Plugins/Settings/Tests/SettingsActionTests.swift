import Foundation
import RelayKit
import RelayKitTesting
import SettingsPlugin
import Testing

/// Every Settings action's effect on a real `settings.sqlite`, through the dispatcher.
@Suite struct SettingsActionTests {
    let subsystems: [any Subsystem] = [SettingsSubsystem()]

    @Test func declarationsAreConsistent() {
        #expect(ActionCatalog(subsystems: subsystems).problems == [])
        #expect(CommandMatcher(subsystems: subsystems).problems == [])
    }

    @Test func newPhoneHasDefaults() async throws {
        try await PluginTest(subsystems: subsystems) { phone in
            let toggles = try await phone.rows("settings", "SELECT name, isOn FROM toggle ORDER BY name")
            #expect(toggles.count == 5)
            #expect(toggles.first { $0["name"] == .string("wifi") }?["isOn"] == .int(1))
            #expect(toggles.first { $0["name"] == .string("airplane_mode") }?["isOn"] == .int(0))
            #expect(try await phone.rows("settings", "SELECT percent FROM level WHERE name = 'volume'") == [["percent": .int(50)]])
        }
    }

    @Test func setToggleTurnsOnAndOff() async throws {
        try await PluginTest(subsystems: subsystems) { phone in
            let on = try await phone.call("settings.set_toggle", ["toggle": .string("dark_mode"), "on": .bool(true)])
            #expect(on.message == "Dark mode is now on.")
            #expect(try await isOn(phone, "dark_mode") == 1)
            let again = try await phone.call("settings.set_toggle", ["toggle": .string("dark_mode"), "on": .bool(true)])
            #expect(again.message == "Dark mode was already on.")
            #expect(again.data["changed"] == .bool(false))
            try await phone.call("settings.set_toggle", ["toggle": .string("dark_mode"), "on": .bool(false)])
            #expect(try await isOn(phone, "dark_mode") == 0)
        }
    }

    @Test func airplaneModeTurnsRadiosOff() async throws {
        try await PluginTest(subsystems: subsystems) { phone in
            let r = try await phone.call("settings.set_toggle", ["toggle": .string("airplane_mode"), "on": .bool(true)])
            #expect(r.message == "Airplane mode is now on. Wi-Fi and Bluetooth are off.")
            #expect(try await isOn(phone, "wifi") == 0)
            #expect(try await isOn(phone, "bluetooth") == 0)
            // Wi-Fi can come back on in airplane mode, as on real phones.
            try await phone.call("settings.set_toggle", ["toggle": .string("wifi"), "on": .bool(true)])
            #expect(try await isOn(phone, "wifi") == 1)
            #expect(try await isOn(phone, "airplane_mode") == 1)
        }
    }

    @Test func flipToggleSwitchesState() async throws {
        try await PluginTest(subsystems: subsystems) { phone in
            let first = try await phone.call("settings.flip_toggle", ["toggle": .string("bluetooth")])
            #expect(first.data["on"] == .bool(false))
            #expect(try await isOn(phone, "bluetooth") == 0)
            try await phone.call("settings.flip_toggle", ["toggle": .string("bluetooth")])
            #expect(try await isOn(phone, "bluetooth") == 1)
        }
    }

    @Test func getToggleReadsWithoutWriting() async throws {
        try await PluginTest(subsystems: subsystems) { phone in
            let r = try await phone.call("settings.get_toggle", ["toggle": .string("do_not_disturb")])
            #expect(r.message == "Do Not Disturb is off.")
            #expect(r.data["on"] == .bool(false))
            #expect(try await isOn(phone, "do_not_disturb") == 0)
        }
    }

    @Test func setLevelStoresPercent() async throws {
        try await PluginTest(subsystems: subsystems) { phone in
            let r = try await phone.call("settings.set_level", ["level": .string("brightness"), "percent": .int(80)])
            #expect(r.message == "Brightness is now 80% (was 50%).")
            #expect(try await percent(phone, "brightness") == 80)
        }
    }

    @Test func setLevelRejectsOutOfRange() async throws {
        try await PluginTest(subsystems: subsystems) { phone in
            let r = await phone.dispatch("settings.set_level", ["level": .string("volume"), "percent": .int(150)])
            #expect(r.status == .invalidArguments)
            #expect(r.problems.first?.argument == "percent")
            let volume = try await percent(phone, "volume")
            #expect(volume == 50)
            let bad = await phone.dispatch("settings.set_level", ["level": .string("loudness"), "percent": .int(10)])
            #expect(bad.status == .invalidArguments)
            #expect(bad.problems.first?.argument == "level")
        }
    }

    @Test func adjustLevelStepsAndClamps() async throws {
        try await PluginTest(subsystems: subsystems) { phone in
            let up = try await phone.call("settings.adjust_level", ["level": .string("volume"), "direction": .string("up")])
            #expect(up.data["percent"] == .int(60))
            try await phone.call("settings.adjust_level", ["level": .string("volume"), "direction": .string("up"), "step": .int(70)])
            #expect(try await percent(phone, "volume") == 100)
            try await phone.call("settings.adjust_level", ["level": .string("volume"), "direction": .string("down"), "step": .int(100)])
            #expect(try await percent(phone, "volume") == 0)
        }
    }

    @Test func getLevelAndShowSettings() async throws {
        try await PluginTest(subsystems: subsystems) { phone in
            try await phone.call("settings.set_level", ["level": .string("volume"), "percent": .int(35)])
            let level = try await phone.call("settings.get_level", ["level": .string("volume")])
            #expect(level.message == "Volume is at 35%.")
            let all = try await phone.call("settings.show_settings")
            #expect(all.message == "On: Wi-Fi, Bluetooth. Brightness 50%, Volume 35%.")
            #expect(all.data["volume"] == .int(35))
            let state = try await phone.state("settings")
            #expect(JSONMatch.contains(state, .object(["levels": .object(["volume": .int(35)])])))
        }
    }

    @Test func goldenSentences() async throws {
        // The Golden folder next to this file (also copied as a resource); #filePath needs no bundle lookup.
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/settings.json")
        let report = try await GoldenCases.run(file: url, subsystems: subsystems)
        #expect(report.sentences >= 10)
    }

    @Test func mandarinGoldenSentences() async throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/settings-zh.json")
        let report = try await GoldenCases.run(file: url, subsystems: subsystems)
        #expect(report.sentences >= 7)
    }

    private func isOn(_ phone: TestPhone, _ name: String) async throws -> Int? {
        let rows = try await phone.rows("settings", "SELECT isOn FROM toggle WHERE name = '\(name)'")
        guard case .int(let value)? = rows.first?["isOn"] else { return nil }
        return value
    }

    private func percent(_ phone: TestPhone, _ name: String) async throws -> Int? {
        let rows = try await phone.rows("settings", "SELECT percent FROM level WHERE name = '\(name)'")
        guard case .int(let value)? = rows.first?["percent"] else { return nil }
        return value
    }
}
