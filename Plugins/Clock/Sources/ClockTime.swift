import Foundation
import RelayKit

/// What time does to the Clock: timers finish, alarms ring (once: an alarm that has rung is switched off).
enum ClockTime {
    /// Finished timers are kept this long for `relay state`, then forgotten.
    static let keepFinished: TimeInterval = 24 * 3600

    static func pass(_ passage: TimePassage, in db: Database) throws -> [PhoneEvent] {
        let now = passage.now
        var events: [PhoneEvent] = []
        let due = try CountdownTimer.fetchAll(db, sql: "SELECT * FROM timer WHERE finishedAt IS NULL AND endsAt <= ? ORDER BY endsAt, id", arguments: [now])
        for var timer in due {
            timer.finishedAt = now
            try timer.update(db)
            let missed = passage.wasMissed(timer.endsAt)
            let what = ClockReport.spoken(timer)
            events.append(PhoneEvent(
                subsystem: "clock", kind: missed ? "timer_missed" : "timer_finished",
                message: missed
                    ? "Your \(what) finished at \(spokenTime(timer.endsAt, passage.calendar)) while Relay was not running."
                    : "Time's up: your \(what) is done.",
                data: ["timer": ClockReport.json(timer, now: nil), "ended_at": .string(iso(timer.endsAt))],
                announce: true, time: timer.endsAt))
        }
        try db.execute(sql: "DELETE FROM timer WHERE finishedAt IS NOT NULL AND finishedAt < ?", arguments: [now.addingTimeInterval(-keepFinished)])

        for var alarm in try ClockStore.alarms(db) {
            guard let first = alarm.nextRing(calendar: passage.calendar), first <= now else { continue }
            // A one-time alarm switches off; a repeating one waits for its next day. Rings missed on several
            // days while Relay was not running are told once, for the last of them.
            var last = first
            if alarm.repeats != nil {
                var probe = alarm
                probe.rungAt = first
                while let next = probe.nextRing(calendar: passage.calendar), next <= now { last = next; probe.rungAt = next }
            } else {
                alarm.isEnabled = false
            }
            let ring = last
            alarm.rungAt = ring
            try alarm.update(db)
            let missed = passage.wasMissed(ring)
            let said = ClockReport.spoken(alarm, repetition: false)
            events.append(PhoneEvent(
                subsystem: "clock", kind: missed ? "alarm_missed" : "alarm",
                message: missed ? "Your \(said) alarm went off while Relay was not running." : "It's \(said): your alarm is ringing.",
                data: ["alarm": ClockReport.json(alarm), "rang_at": .string(iso(ring))],
                announce: true, time: ring))
        }
        return events.sorted { $0.time < $1.time }
    }

    static func nextDeadline(after now: Date, calendar: Calendar, in db: Database) throws -> Date? {
        let timer = try Date.fetchOne(db, sql: "SELECT MIN(endsAt) FROM timer WHERE finishedAt IS NULL")
        let alarms = try ClockStore.alarms(db).compactMap { $0.nextRing(calendar: calendar) }
        return ([timer].compactMap { $0 } + alarms).min()
    }

    static func spokenTime(_ date: Date, _ calendar: Calendar) -> String {
        let c = calendar.dateComponents([.hour, .minute], from: date)
        return TimeOfDay(hour: c.hour ?? 0, minute: c.minute ?? 0)?.spoken ?? iso(date)
    }

    static func iso(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }
}
