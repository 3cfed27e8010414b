public import Foundation
public import RelayKit

/// The Clock app: alarms at a time of day and countdown timers. State lives in `<home>/clock.sqlite`.
public struct ClockSubsystem: Subsystem {
    /// Creates the subsystem.
    public init() {}

    public var name: String { "clock" }
    public var displayName: String { "Clock" }
    public var summary: String { "Alarms at a time of day (with labels) and countdown timers." }
    public var actions: [any Action.Type] {
        [SetAlarm.self, ListAlarms.self, SwitchAlarm.self, CancelAlarm.self, CancelAllAlarms.self, SetTimer.self, ListTimers.self, CancelTimer.self]
    }
    public var migrator: DatabaseMigrator { ClockSchema.migrator }
    public var screens: [any Screen.Type] { [AlarmListScreen.self, AddAlarmScreen.self] }

    public var keepsTime: Bool { true }

    public func passTime(_ passage: TimePassage, in db: Database) throws -> [PhoneEvent] {
        try ClockTime.pass(passage, in: db)
    }

    public func nextDeadline(after now: Date, calendar: Calendar, in db: Database) throws -> Date? {
        try ClockTime.nextDeadline(after: now, calendar: calendar, in: db)
    }

    public func state(in db: Database) throws -> JSONValue {
        .object([
            "alarms": .array(try ClockStore.alarms(db).map(ClockReport.json)),
            "timers": .array(try CountdownTimer.fetchAll(db, sql: "SELECT * FROM timer ORDER BY endsAt, id").map { ClockReport.json($0, now: nil) }),
        ])
    }
}

/// The conventional entry point the installed-plugins list calls.
public enum ClockPlugin {
    /// The Clock subsystem.
    public static func makeSubsystem() -> any Subsystem { ClockSubsystem() }
}
