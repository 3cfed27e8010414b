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

    /// Creates an alarm value (not yet inserted).
    public init(id: Int64? = nil, hour: Int, minute: Int, label: String? = nil, isEnabled: Bool = true, createdAt: Date = Date()) {
        self.id = id
        self.hour = hour
        self.minute = minute
        self.label = label
        self.isEnabled = isEnabled
        self.createdAt = createdAt
    }

    /// When it rings next, in `calendar`'s time zone: its time of day after it was armed; nil when switched off.
    public func nextRing(calendar: Calendar) -> Date? {
        guard isEnabled else { return nil }
        return calendar.nextDate(after: armedAt ?? createdAt, matching: DateComponents(hour: hour, minute: minute, second: 0),
                                 matchingPolicy: .nextTime)
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
