import ClockPlugin
import Foundation
import RelayKit
import RelayKitTesting
import Testing

/// The Clock app's screens: an alarm added by tapping and typing, and its switch.
@Suite struct ClockScreenTests {
    let subsystems: [any Subsystem] = [ClockSubsystem()]
    let now = Date(timeIntervalSince1970: 1_773_568_800)

    @Test func addAnAlarmByTypingThenSwitchItOff() async throws {
        try await PluginTest(subsystems: subsystems, now: now) { phone in
            let screen = try await phone.screen(width: 720, height: 1280, app: "clock")
            #expect(try await screen.layout().elements.map(\.text) == ["", "Alarms", "No alarms", "Add alarm"])
            try await screen.click("Add alarm")
            #expect(await screen.route.screen == "clock.add_alarm")
            try await screen.click("Time: 7:30")
            await screen.perform(.type("9"))
            #expect(await screen.perform(.key("clear")).message == "Cleared the field.")
            #expect(await screen.perform(.type("6:45")).status == "done")
            let field = try await screen.layout().elements.first { $0.isEditable && $0.isFocused }
            #expect(field?.text == "6:45")
            try await screen.click("Label: Optional")
            await screen.perform(.type("gym"))
            let saved = try await screen.click("Save")
            #expect(saved.status == "done" && saved.message == "Alarm set for 6:45 AM (gym).")
            #expect(await screen.route.screen == "clock.main", "a done Save closes the form")
            let row = try #require(try await screen.layout().elements.first { $0.text == "6:45 AM" })
            #expect(row.isChecked && row.description == "gym · Once")
            let off = try await screen.click("6:45 AM")
            #expect(off.message == "The alarm for 6:45 AM (gym) is off.")
            #expect(try await phone.rows("clock", "SELECT label, isEnabled FROM alarm") == [["label": "gym", "isEnabled": .int(0)]])
            #expect(try phone.auditEntries().compactMap { $0.objectValue?["origin"]?.stringValue } == ["screen", "screen"])
        }
    }

    /// A destructive tap asks first, as a dialog that takes every tap; Cancel changes nothing, OK repeats it confirmed.
    @Test func deleteAllAlarmsAsksInADialog() async throws {
        try await PluginTest(subsystems: subsystems, now: now) { phone in
            try await phone.call("clock.set_alarm", ["time": "07:30"])
            try await phone.call("clock.set_alarm", ["time": "22:00"])
            let screen = try await phone.screen(width: 720, height: 1280, app: "clock")
            let asked = try await screen.click("Delete all alarms")
            #expect(asked.status == "needs_confirmation" && asked.message == "Cancel all 2 alarms?")
            #expect(try await screen.layout().elements.map(\.text) == ["Cancel all 2 alarms?", "Cancel", "OK"])
            #expect(try await screen.click("Cancel").message == "Cancelled; nothing was changed.")
            #expect(try await phone.rows("clock", "SELECT COUNT(*) AS n FROM alarm") == [["n": .int(2)]])
            try await screen.click("Delete all alarms")
            let done = try await screen.click("OK")
            #expect(done.status == "done" && done.message == "Cancelled all 2 alarms.")
            #expect(try await phone.rows("clock", "SELECT COUNT(*) AS n FROM alarm") == [["n": .int(0)]])
            let last = try #require(try phone.auditEntries().last?.objectValue)
            #expect(last["origin"] == "screen" && last["confirmed"] == .bool(true))
        }
    }

    /// A list longer than the screen scrolls with swipes; what is off screen is not in the element list.
    @Test func longAlarmListScrolls() async throws {
        try await PluginTest(subsystems: subsystems, now: now) { phone in
            try await phone.seed("clock") { db in
                for hour in 6..<18 { _ = try ClockStore.setAlarm(db, hour: hour, minute: 0, at: Date(timeIntervalSince1970: 1_773_568_800)) }
            }
            let screen = try await phone.screen(width: 720, height: 1280, app: "clock")
            let first = try await screen.layout().elements
            #expect(first.contains { $0.className == "android.widget.ScrollView" && $0.isScrollable })
            #expect(first.contains { $0.text == "6:00 AM" } && !first.contains { $0.text == "Delete all alarms" })
            let up = await screen.perform(.swipe(fromX: 364, fromY: 1100, toX: 364, toY: 200))
            #expect(up.status == "done")
            let end = await screen.perform(.swipe(fromX: 364, fromY: 1100, toX: 364, toY: 200))
            #expect(end.status == "done")
            let bottom = try await screen.layout().elements
            #expect(bottom.contains { $0.text == "Delete all alarms" } && !bottom.contains { $0.text == "6:00 AM" })
            #expect(await screen.perform(.swipe(fromX: 364, fromY: 1100, toX: 364, toY: 200)).message == "The list is already at its end.")
            // Back down to the top.
            await screen.perform(.swipe(fromX: 364, fromY: 200, toX: 364, toY: 1250))
            await screen.perform(.swipe(fromX: 364, fromY: 200, toX: 364, toY: 1250))
            #expect(await screen.state.scroll == 0)
        }
    }

    @Test func switchAlarmKeepsTheAlarm() async throws {
        try await PluginTest(subsystems: subsystems, now: now) { phone in
            try await phone.call("clock.set_alarm", ["time": "07:30"])
            let off = try await phone.call("clock.switch_alarm", ["time": "07:30", "on": false])
            #expect(off.message == "The alarm for 7:30 AM is off.")
            let on = try await phone.call("clock.switch_alarm", ["time": "07:30", "on": true])
            #expect(on.message == "The alarm for 7:30 AM is on.")
            #expect(try await phone.rows("clock", "SELECT isEnabled FROM alarm") == [["isEnabled": .int(1)]])
            #expect(await phone.dispatch("clock.switch_alarm", ["time": "08:00", "on": false]).status == .notFound)
            #expect(try await phone.say("turn the alarm at 7:30 back on").call?.name == "clock.switch_alarm")
        }
    }
}
