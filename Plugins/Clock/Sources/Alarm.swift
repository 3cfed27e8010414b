public import Foundation
public import RelayKit

/// An alarm at a time of day: a row of the `alarm` table.
public struct Alarm: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord {
    /// The table name.
    public static let databaseTableName = "alarm"
    /// Row id, nil before insertion.
    public var id: Int64?
    /// Hour, 0...23.
    public var hour: Int
    /// Minute, 0...59.
    public var minute: Int
    /// What it is for ("gym"), if said.
    public var label: String?
    /// Whether it will ring.
    public var isEnabled: Bool
    /// When it was set.
    public var createdAt: Date
    /// When it was last switched on (nil: when it was set); it rings at the first time of day after this.
    public var armedAt: Date?
    /// When it last rang.
    public var rungAt: Date?
    /// Which days it rings again: `daily`, `weekdays`, `weekends`; nil rings once.
    public var repeats: String?

    /// Creates an alarm value (not yet inserted).
    public init(id: Int64? = nil, hour: Int, minute: Int, label: String? = nil, isEnabled: Bool = true, createdAt: Date = Date()) {
        self.id = id
        self.hour = hour
        self.minute = minute
        self.label = label
        self.isEnabled = isEnabled
        self.createdAt = createdAt
    }

    /// When it rings next, in `calendar`'s time zone: its time of day after it was armed (and after it last
    /// rang), on a day its repetition allows; nil when switched off.
    public func nextRing(calendar: Calendar) -> Date? {
        guard isEnabled else { return nil }
        var after = max(armedAt ?? createdAt, rungAt ?? .distantPast)
        // At most a week of days to skip (weekends from a Monday is five).
        for _ in 0..<8 {
            guard let next = calendar.nextDate(after: after, matching: DateComponents(hour: hour, minute: minute, second: 0),
                                               matchingPolicy: .nextTime) else { return nil }
            if Self.rings(on: next, repeats: repeats, calendar: calendar) { return next }
            after = next
        }
        return nil
    }

    /// Whether an alarm repeating `repeats` rings on `date`'s day.
    static func rings(on date: Date, repeats: String?, calendar: Calendar) -> Bool {
        let weekday = calendar.component(.weekday, from: date)   // 1 Sunday ... 7 Saturday
        switch repeats {
        case "weekdays": return (2...6).contains(weekday)
        case "weekends": return weekday == 1 || weekday == 7
        default: return true
        }
    }

    /// `"07:30"`.
    public var time: String { String(format: "%02d:%02d", hour, minute) }

    /// Stores the new row id.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// A countdown timer: a row of the `timer` table.
public struct CountdownTimer: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord {
    /// The table name.
    public static let databaseTableName = "timer"
    /// Row id, nil before insertion.
    public var id: Int64?
    /// Its length in seconds.
    public var seconds: Double
    /// What it is for ("pasta"), if said.
    public var label: String?
    /// When it started.
    public var startedAt: Date
    /// When it rings.
    public var endsAt: Date
    /// When Relay saw it finish (nil while it runs, or until a running Relay notices).
    public var finishedAt: Date?

    /// Creates a timer value (not yet inserted).
    public init(id: Int64? = nil, seconds: Double, label: String? = nil, startedAt: Date) {
        self.id = id
        self.seconds = seconds
        self.label = label
        self.startedAt = startedAt
        self.endsAt = startedAt.addingTimeInterval(seconds)
    }

    /// Seconds left at `now` (0 once it has rung).
    public func remaining(at now: Date) -> Double { max(0, endsAt.timeIntervalSince(now)) }

    /// Stores the new row id.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
