import ClockPlugin
import Foundation
import RelayKit
import RelayKitTesting
import Testing

/// Every Clock action's effect on a real `clock.sqlite`, through the dispatcher.
@Suite struct ClockActionTests {
    let subsystems: [any Subsystem] = [ClockSubsystem()]
    /// A fixed clock: Sunday 15 March 2026, 10:00 UTC.
    let now = Date(timeIntervalSince1970: 1_773_568_800)

    @Test func declarationsAreConsistent() {
        #expect(ActionCatalog(subsystems: subsystems).problems == [])
        #expect(CommandMatcher(subsystems: subsystems).problems == [])
    }

    @Test func setAlarmStoresTimeAndLabel() async throws {
        try await PluginTest(subsystems: subsystems, now: now) { phone in
            let r = try await phone.call("clock.set_alarm", ["time": .string("07:30"), "label": .string("gym")])
            #expect(r.message == "Alarm set for 7:30 AM (gym).")
            let rows = try await phone.rows("clock", "SELECT hour, minute, label, isEnabled FROM alarm")
            #expect(rows == [["hour": .int(7), "minute": .int(30), "label": .string("gym"), "isEnabled": .int(1)]])
            let again = try await phone.call("clock.set_alarm", ["time": .string("07:30"), "label": .string("Gym")])
            #expect(again.data["created"] == .bool(false))
            let count = try await phone.rows("clock", "SELECT COUNT(*) AS n FROM alarm")
            #expect(count == [["n": .int(1)]])
        }
    }

    @Test func setAlarmRejectsBadTime() async throws {
        try await PluginTest(subsystems: subsystems, now: now) { phone in
            let r = await phone.dispatch("clock.set_alarm", ["time": .string("25:00")])
            #expect(r.status == .invalidArguments)
            #expect(r.problems.first?.argument == "time")
            let rows = try await phone.rows("clock", "SELECT COUNT(*) AS n FROM alarm")
            #expect(rows == [["n": .int(0)]])
        }
    }

    @Test func listAlarmsInTimeOrder() async throws {
        try await PluginTest(subsystems: subsystems, now: now) { phone in
            try await phone.call("clock.set_alarm", ["time": .string("18:00")])
            try await phone.call("clock.set_alarm", ["time": .string("06:45"), "label": .string("work")])
            let r = try await phone.call("clock.list_alarms")
            #expect(r.message == "You have 2 alarms: 6:45 AM (work) and 6:00 PM.")
            guard case .array(let alarms)? = r.data["alarms"] else { Issue.record("no alarms array"); return }
            #expect(alarms.count == 2)
        }
    }

    @Test func cancelAlarmByTimeOrLabel() async throws {
        try await PluginTest(subsystems: subsystems, now: now) { phone in
            try await phone.call("clock.set_alarm", ["time": .string("07:00")])
            try await phone.call("clock.set_alarm", ["time": .string("08:15"), "label": .string("meds")])
            let byTime = try await phone.call("clock.cancel_alarm", ["time": .string("07:00")])
            #expect(byTime.message == "Cancelled the alarm for 7:00 AM.")
            let byLabel = try await phone.call("clock.cancel_alarm", ["label": .string("Meds")])
            #expect(byLabel.message == "Cancelled the alarm for 8:15 AM (meds).")
            let rows = try await phone.rows("clock", "SELECT COUNT(*) AS n FROM alarm")
            #expect(rows == [["n": .int(0)]])
            let missing = await phone.dispatch("clock.cancel_alarm", ["time": .string("09:00")])
            #expect(missing.status == .notFound)
            #expect(missing.message == "There is no alarm at 9:00 AM.")
            // Neither time nor label: none → not found; several → which one (with the time to fill in); one → it.
            let none = await phone.dispatch("clock.cancel_alarm")
            #expect(none.status == .notFound)
            #expect(none.message == "You have no alarms.")
            try await phone.call("clock.set_alarm", ["time": .string("07:30")])
            try await phone.call("clock.set_alarm", ["time": .string("09:00"), "label": .string("gym")])
            let which = await phone.dispatch("clock.cancel_alarm")
            #expect(which.status == .ambiguous)
            #expect(which.message == "Which alarm: 7:30 AM or 9:00 AM (gym)?")
            #expect(which.candidates.map(\.id) == ["07:30", "09:00"])
            #expect(which.data["argument"] == "time")
            try await phone.call("clock.cancel_alarm", ["time": .string("09:00")])
            let only = try await phone.call("clock.cancel_alarm")
            #expect(only.message == "Cancelled the alarm for 7:30 AM.")
        }
    }

    @Test func aLabelledTimerRingsWhenItsTimeHasPassed() async throws {
        let clock = ManualPhoneClock(now)
        try await PluginTest(subsystems: subsystems, clock: clock) { phone in
            try await phone.call("clock.set_timer", ["duration": .int(480), "label": .string("pasta")])
            clock.advance(by: 479)
            #expect(await phone.passTime().isEmpty)
            clock.advance(by: 1)
            let events = await phone.passTime()
            #expect(events.map(\.message) == ["Time's up: your pasta timer (8 minutes) is done."])
            #expect(try await phone.rows("clock", "SELECT finishedAt IS NOT NULL AS finished FROM timer") == [["finished": .int(1)]])
        }
    }

    @Test func cancelAllAlarmsNeedsConfirmation() async throws {
        try await PluginTest(subsystems: subsystems, now: now) { phone in
            try await phone.call("clock.set_alarm", ["time": .string("07:00")])
            try await phone.call("clock.set_alarm", ["time": .string("08:00")])
            let asked = await phone.dispatch("clock.cancel_all_alarms")
            #expect(asked.status == .needsConfirmation)
            let still = try await phone.rows("clock", "SELECT COUNT(*) AS n FROM alarm")
            #expect(still == [["n": .int(2)]])
            let done = try await phone.call("clock.cancel_all_alarms", confirmed: true)
            #expect(done.message == "Cancelled all 2 alarms.")
            let rows = try await phone.rows("clock", "SELECT COUNT(*) AS n FROM alarm")
            #expect(rows == [["n": .int(0)]])
        }
    }

    @Test func setTimerAndListRemaining() async throws {
        try await PluginTest(subsystems: subsystems, now: now) { phone in
            let r = try await phone.call("clock.set_timer", ["duration": .int(600), "label": .string("pasta")])
            #expect(r.message == "Started a pasta timer for 10 minutes.")
            let rows = try await phone.rows("clock", "SELECT seconds, label FROM timer")
            #expect(rows == [["seconds": .double(600), "label": .string("pasta")]])
            let list = try await phone.call("clock.list_timers")
            #expect(list.message == "pasta timer (10 minutes): 10 minutes left.")
            let tooLong = await phone.dispatch("clock.set_timer", ["duration": .int(90_000)])
            #expect(tooLong.status == .invalidArguments)
        }
    }

    @Test func cancelTimerByLabelOrAll() async throws {
        try await PluginTest(subsystems: subsystems, now: now) { phone in
            try await phone.call("clock.set_timer", ["duration": .int(60), "label": .string("tea")])
            try await phone.call("clock.set_timer", ["duration": .int(300), "label": .string("eggs")])
            try await phone.call("clock.set_timer", ["duration": .int(900)])
            let tea = try await phone.call("clock.cancel_timer", ["label": .string("tea")])
            #expect(tea.message == "Cancelled the tea timer (1 minute).")
            let none = await phone.dispatch("clock.cancel_timer", ["label": .string("rice")])
            #expect(none.status == .notFound)
            #expect(none.message == "There is no rice timer running.")
            let all = try await phone.call("clock.cancel_timer")
            guard case .array(let cancelled)? = all.data["cancelled"] else { Issue.record("no cancelled array"); return }
            #expect(cancelled.count == 2)
            let rows = try await phone.rows("clock", "SELECT COUNT(*) AS n FROM timer")
            #expect(rows == [["n": .int(0)]])
        }
    }

    @Test func mandarinGoldenSentences() async throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/clock-zh.json")
        let report = try await GoldenCases.run(file: url, subsystems: subsystems)
        #expect(report.sentences >= 5)
    }

    @Test func goldenSentences() async throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/clock.json")
        let report = try await GoldenCases.run(file: url, subsystems: subsystems)
        #expect(report.sentences >= 10)
    }
}
