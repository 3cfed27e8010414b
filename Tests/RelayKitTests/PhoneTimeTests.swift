import Foundation
import RelayKit
import RelayModel
import RelayPlugins
import Testing

/// Time that passes (issue 16), on a manual clock: timers finish, alarms ring, missed ones are reported,
/// Recently Deleted is purged after 30 days — each test takes milliseconds.
@Suite struct PhoneTimeTests {
    /// 2026-03-15 07:00 UTC.
    static let sevenAM = Date(timeIntervalSince1970: 1_773_558_000)

    static func phone(_ home: TempHome, _ clock: ManualPhoneClock) -> Dispatcher {
        Dispatcher(subsystems: InstalledPlugins.subsystems, home: home.url, calendar: utc, now: { clock.now() })
    }

    @Test func aNinetySecondTimerFiresOnceAtNinetySeconds() async throws {
        let home = try TempHome(); defer { home.cleanup() }
        let clock = ManualPhoneClock(Self.sevenAM)
        let d = Self.phone(home, clock)
        #expect(await d.call("clock.set_timer", ["duration": 90]).isDone)
        #expect(await d.nextDeadline() == Self.sevenAM.addingTimeInterval(90))
        clock.advance(by: 89.999)
        #expect(await d.passTime() == [])
        clock.advance(by: 0.001)
        let fired = await d.passTime()
        #expect(fired.map(\.kind) == ["timer_finished"])
        #expect(fired.first?.message == "Time's up: your 1 minute 30 seconds timer is done.")
        #expect(fired.first?.time == Self.sevenAM.addingTimeInterval(90))
        clock.advance(by: 1)
        #expect(await d.passTime() == [])
        clock.advance(by: 3600)
        #expect(await d.passTime() == [])
        #expect(await d.nextDeadline() == nil)
        // State: finished, no longer running; the audit log has the event.
        #expect(try await d.state(of: "clock").compactJSON.contains(#""finished":true"#))
        #expect(await d.call("clock.list_timers").message == "No timers are running.")
        let audit = try d.audit.entries().compactMap(\.objectValue)
        #expect(audit.filter { $0["event"] == .string("timer_finished") }.count == 1)
    }

    @Test func anAlarmRingsAtItsTimeOnce() async throws {
        let home = try TempHome(); defer { home.cleanup() }
        let clock = ManualPhoneClock(Self.sevenAM)
        let d = Self.phone(home, clock)
        #expect(await d.call("clock.set_alarm", ["time": "07:30"]).isDone)
        clock.advance(by: 29 * 60 + 59)
        #expect(await d.passTime() == [])
        clock.advance(by: 1)
        let rang = await d.passTime()
        #expect(rang.map(\.kind) == ["alarm"])
        #expect(rang.first?.message == "It's 7:30 AM: your alarm is ringing.")
        #expect(rang.first?.announce == true)
        #expect(try await d.state(of: "clock").compactJSON.contains(#""enabled":false"#))
        clock.advance(by: 86_400)
        #expect(await d.passTime() == [])   // a one-time alarm rings once
    }

    @Test func aWeekdayAlarmRingsOnWeekdaysOnly() async throws {
        let home = try TempHome(); defer { home.cleanup() }
        let clock = ManualPhoneClock(Self.sevenAM)   // Sunday
        let d = Self.phone(home, clock)
        let set = await d.call("clock.set_alarm", ["time": "07:30", "repeat": "weekdays"])
        #expect(set.message == "Alarm set for 7:30 AM on weekdays.")
        // Not on Sunday; on Monday and Tuesday at 7:30; still on afterwards.
        #expect(await d.nextDeadline() == Self.sevenAM.addingTimeInterval(86_400 + 1800))
        clock.advance(by: 3600)
        #expect(await d.passTime() == [])
        clock.set(Self.sevenAM.addingTimeInterval(86_400 + 1800))
        #expect(await d.passTime().map(\.message) == ["It's 7:30 AM: your alarm is ringing."])
        clock.set(Self.sevenAM.addingTimeInterval(2 * 86_400 + 1800))
        #expect(await d.passTime().count == 1)
        #expect(await d.nextDeadline() == Self.sevenAM.addingTimeInterval(3 * 86_400 + 1800))
        // Away until the next Sunday: Wednesday to Friday were missed, told once, and Monday comes next.
        clock.set(Self.sevenAM.addingTimeInterval(7 * 86_400))
        let missed = await d.passTime(catchUp: true)
        #expect(missed.map(\.kind) == ["alarm_missed"])
        #expect(await d.nextDeadline() == Self.sevenAM.addingTimeInterval(8 * 86_400 + 1800))
    }

    @Test func anAlarmThatRangWhileRelayWasNotRunningIsReportedOnStart() async throws {
        let home = try TempHome(); defer { home.cleanup() }
        let clock = ManualPhoneClock(Self.sevenAM)
        #expect(await Self.phone(home, clock).call("clock.set_alarm", ["time": "07:30"]).isDone)
        // Relay is not running until nine; a new process starts with a catch-up pass.
        clock.advance(by: 2 * 3600)
        let restarted = Self.phone(home, clock)
        let missed = await restarted.passTime(catchUp: true)
        #expect(missed.map(\.kind) == ["alarm_missed"])
        #expect(missed.first?.message == "Your 7:30 AM alarm went off while Relay was not running.")
        #expect(await restarted.passTime(catchUp: true) == [])   // reported once
    }

    @Test func recentlyDeletedIsPurgedAfterThirtyDays() async throws {
        let home = try TempHome(); defer { home.cleanup() }
        let clock = ManualPhoneClock(fixedNow)
        let d = Self.phone(home, clock)
        let store = try await d.store(for: "photos")
        try await store.write { db in
            for (name, days) in [("old.jpg", 31.0), ("recent.jpg", 29.0)] {
                try db.execute(sql: """
                    INSERT INTO asset (kind, filename, sourceKey, sourcePath, fileSize, createdAt, importedAt, deletedAt)
                    VALUES ('photo', ?, ?, ?, 1, ?, ?, ?)
                    """, arguments: [name, "/seed/\(name)", "/seed/\(name)", fixedNow.addingTimeInterval(-40 * 86_400),
                                     fixedNow.addingTimeInterval(-40 * 86_400), fixedNow.addingTimeInterval(-days * 86_400)])
            }
        }
        let purged = await d.passTime()
        #expect(purged.map(\.kind) == ["purged"])
        #expect(purged.first?.announce == false)
        let left = try await store.read { db in try String.fetchAll(db, sql: "SELECT filename FROM asset ORDER BY id") }
        #expect(left == ["recent.jpg"])
        // The 29-day-old one goes a day later, when the heartbeat would wake for it.
        #expect(await d.nextDeadline() == fixedNow.addingTimeInterval(86_400))
        clock.advance(by: 86_400)
        #expect(await d.passTime().count == 1)
        #expect(try await store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM asset") } == 0)
    }

    @Test func theHeartbeatFiresATimerWhenTheClockReachesIt() async throws {
        let home = try TempHome(); defer { home.cleanup() }
        let clock = ManualPhoneClock(Self.sevenAM)
        let d = Self.phone(home, clock)
        #expect(await d.call("clock.set_timer", ["duration": 90]).isDone)
        let seen = Seen()
        let heartbeat = PhoneHeartbeat(dispatcher: d, clock: clock, pollInterval: 60)
        let listening = Task { for await event in heartbeat.events() { seen.add(event) } }
        defer { listening.cancel() }
        await clock.waitForSleeper()
        clock.advance(by: 60)
        await clock.waitForSleeper()     // woke for its poll, found nothing, asleep again until 90 s
        clock.advance(by: 29)
        await clock.waitForSleeper()
        #expect(seen.events.isEmpty)
        clock.advance(by: 1)
        await clock.waitForSleeper()
        #expect(await seen.waitForCount(1))
        clock.advance(by: 600)
        await clock.waitForSleeper()
        try await Task.sleep(for: .milliseconds(20))
        #expect(seen.events.map(\.kind) == ["timer_finished"])
    }
}

/// Events collected from the heartbeat's stream. `@unchecked Sendable`: guarded by the lock.
final class Seen: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [PhoneEvent] = []
    func add(_ e: PhoneEvent) { lock.withLock { list.append(e) } }
    var events: [PhoneEvent] { lock.withLock { list } }

    /// Waits (up to two seconds of real time) until `count` events have arrived.
    func waitForCount(_ count: Int) async -> Bool {
        for _ in 0..<200 {
            if events.count >= count { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return false
    }
}
