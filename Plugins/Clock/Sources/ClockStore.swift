public import Foundation
public import RelayKit

/// The Clock app's operations, as plain functions over a GRDB `Database` (inside the caller's transaction).
public enum ClockStore {
    // MARK: Alarms

    /// All alarms, by time of day.
    public static func alarms(_ db: Database) throws -> [Alarm] {
        try Alarm.fetchAll(db, sql: "SELECT * FROM alarm ORDER BY hour, minute, id")
    }

    /// Sets an alarm; an alarm already at that time with the same label is returned instead of a duplicate.
    @discardableResult
    public static func setAlarm(_ db: Database, hour: Int, minute: Int, label: String? = nil, repeats: String? = nil,
                                at now: Date = Date()) throws -> (alarm: Alarm, isNew: Bool) {
        guard (0...23).contains(hour), (0...59).contains(minute) else {
            throw ClockError("\(hour):\(minute) is not a time of day: hours go 0 to 23 and minutes 0 to 59.")
        }
        let label = clean(label)
        let sameTime = try Alarm.fetchAll(db, sql: "SELECT * FROM alarm WHERE hour = ? AND minute = ?", arguments: [hour, minute])
        if var existing = sameTime.first(where: { $0.label?.lowercased() == label?.lowercased() }) {
            if !existing.isEnabled || (repeats != nil && existing.repeats != repeats) {
                // Switched on again: it rings at the next such time from now, not at one already past.
                if !existing.isEnabled { existing.armedAt = now }
                existing.isEnabled = true
                if let repeats { existing.repeats = repeats }
                try existing.update(db)
            }
            return (existing, false)
        }
        var alarm = Alarm(hour: hour, minute: minute, label: label, createdAt: now)
        alarm.repeats = repeats
        try alarm.insert(db)
        return (alarm, true)
    }

    /// Cancels the alarms at a time of day and/or with a label (both given: both must match); returns them.
    public static func cancelAlarms(_ db: Database, hour: Int? = nil, minute: Int? = nil, label: String? = nil) throws -> [Alarm] {
        let label = clean(label)
        guard hour != nil || label != nil else { throw ClockError("Say which alarm to cancel: its time or its label.") }
        let matches = try alarms(db).filter { alarm in
            (hour == nil || (alarm.hour == hour && alarm.minute == (minute ?? alarm.minute)))
                && (label == nil || alarm.label?.lowercased() == label?.lowercased())
        }
        for alarm in matches { _ = try alarm.delete(db) }
        return matches
    }

    /// Switches the alarms at a time of day (with `label`, only that one) on or off, keeping them; returns them as they
    /// are now. One switched back on rings at the next such time from `now`, not at one already past.
    public static func switchAlarms(_ db: Database, hour: Int, minute: Int, label: String? = nil, on: Bool, at now: Date = Date()) throws -> [Alarm] {
        let label = clean(label)
        var matches = try Alarm.fetchAll(db, sql: "SELECT * FROM alarm WHERE hour = ? AND minute = ? ORDER BY id", arguments: [hour, minute])
            .filter { label == nil || $0.label?.lowercased() == label?.lowercased() }
        for i in matches.indices where matches[i].isEnabled != on {
            matches[i].isEnabled = on
            if on { matches[i].armedAt = now }
            try matches[i].update(db)
        }
        return matches
    }

    /// Cancels every alarm; returns them.
    public static func cancelAllAlarms(_ db: Database) throws -> [Alarm] {
        let all = try alarms(db)
        try db.execute(sql: "DELETE FROM alarm")
        return all
    }

    // MARK: Timers

    /// Timers still running at `now`, soonest first. Finished ones stay until a running Relay has
    /// announced them (``ClockTime``), so one that ended while Relay was not running is still reported.
    public static func timers(_ db: Database, at now: Date = Date()) throws -> [CountdownTimer] {
        try CountdownTimer.fetchAll(db, sql: "SELECT * FROM timer WHERE finishedAt IS NULL AND endsAt > ? ORDER BY endsAt, id", arguments: [now])
    }

    /// Starts a timer of `seconds` (1 s to 24 h).
    @discardableResult
    public static func setTimer(_ db: Database, seconds: Double, label: String? = nil, at now: Date = Date()) throws -> CountdownTimer {
        guard seconds >= 1 else { throw ClockError("A timer must last at least one second.") }
        guard seconds <= 24 * 3600 else { throw ClockError("A timer can last at most 24 hours; set an alarm instead.") }
        var timer = CountdownTimer(seconds: seconds, label: clean(label), startedAt: now)
        try timer.insert(db)
        return timer
    }

    /// Cancels running timers: those with `label`, else all of them; returns them.
    public static func cancelTimers(_ db: Database, label: String? = nil, at now: Date = Date()) throws -> [CountdownTimer] {
        let label = clean(label)
        let matches = try timers(db, at: now).filter { label == nil || $0.label?.lowercased() == label?.lowercased() }
        for timer in matches { _ = try timer.delete(db) }
        return matches
    }

    private static func clean(_ label: String?) -> String? {
        guard let trimmed = label?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}
