public import Foundation
import RelayModel

/// Something that happened because time passed: a timer finished, an alarm rang (or rang while Relay was
/// not running), old items were purged. Subsystems report them from ``Subsystem/passTime(_:in:)``.
public struct PhoneEvent: Sendable, Hashable {
    /// The subsystem it happened in (`"clock"`).
    public var subsystem: String
    /// What happened, stable for scripts: `timer_finished`, `alarm`, `alarm_missed`, `timer_missed`, `purged`.
    public var kind: String
    /// The sentence for the user: "Your 1 minute 30 seconds timer is done."
    public var message: String
    /// Details as JSON.
    public var data: JSONObject
    /// Whether a phone would ring or speak it (alarms and timers), rather than only log it (purges).
    public var announce: Bool
    /// When it happened (an alarm's time, a timer's end), which may be before it was noticed.
    public var time: Date

    /// Creates an event.
    public init(subsystem: String, kind: String, message: String, data: JSONObject = [:], announce: Bool, time: Date) {
        self.subsystem = subsystem
        self.kind = kind
        self.message = message
        self.data = data
        self.announce = announce
        self.time = time
    }

    /// `{"event": "phone", "subsystem", "kind", "message", "time", "announce", "data"}`: one JSON line of `relay run` / `relay listen`.
    public var json: JSONValue {
        .object([
            "event": .string("phone"),
            "subsystem": .string(subsystem),
            "kind": .string(kind),
            "message": .string(message),
            "time": .string(AuditLog.iso8601(time)),
            "announce": .bool(announce),
            "data": .object(data),
        ])
    }
}

/// What a subsystem is told when time passes.
public struct TimePassage: Sendable {
    /// The time now.
    public var now: Date
    /// The calendar (time zone) alarms ring in.
    public var calendar: Calendar
    /// True for the first pass after Relay starts: what fell due more than ``graceSeconds`` ago happened
    /// while Relay was not running, and is reported as missed.
    public var isCatchUp: Bool
    /// How late an event may be noticed and still count as on time.
    public var graceSeconds: TimeInterval

    /// Creates a passage.
    public init(now: Date, calendar: Calendar, isCatchUp: Bool, graceSeconds: TimeInterval = 60) {
        self.now = now
        self.calendar = calendar
        self.isCatchUp = isCatchUp
        self.graceSeconds = graceSeconds
    }

    /// Whether something due at `time` was missed (due before Relay started, beyond the grace).
    public func wasMissed(_ time: Date) -> Bool {
        isCatchUp && now.timeIntervalSince(time) > graceSeconds
    }
}
