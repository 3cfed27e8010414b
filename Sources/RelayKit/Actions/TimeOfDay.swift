/// A wall-clock time without a date: alarms. Canonical JSON form `"HH:MM"` (24-hour).
public struct TimeOfDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Hour, 0...23.
    public var hour: Int
    /// Minute, 0...59.
    public var minute: Int

    /// Creates a time; nil when out of range.
    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// Parses the canonical `"HH:MM"` form (also `"H:MM"`).
    public init?(canonical text: String) {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), parts[1].count == 2 else { return nil }
        self.init(hour: h, minute: m)
    }

    /// `"07:30"`.
    public var canonical: String {
        (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
    }

    /// Minutes since midnight.
    public var minutesSinceMidnight: Int { hour * 60 + minute }

    /// How a person says it: "7:30 AM".
    public var spoken: String {
        let h12 = hour % 12 == 0 ? 12 : hour % 12
        return "\(h12):\(minute < 10 ? "0" : "")\(minute) \(hour < 12 ? "AM" : "PM")"
    }

    public var description: String { canonical }
    public static func < (a: TimeOfDay, b: TimeOfDay) -> Bool { a.minutesSinceMidnight < b.minutesSinceMidnight }
}
