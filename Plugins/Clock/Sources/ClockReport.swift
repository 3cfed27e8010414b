import Foundation
import RelayKit

/// How alarms and timers are said and serialised.
enum ClockReport {
    static func json(_ alarm: Alarm) -> JSONValue {
        var o: JSONObject = ["id": .int(Int(alarm.id ?? 0)), "time": .string(alarm.time)]
        o["label"] = alarm.label.map { .string($0) } ?? .null
        o["enabled"] = .bool(alarm.isEnabled)
        return .object(o)
    }

    static func json(_ timer: CountdownTimer, now: Date?) -> JSONValue {
        var o: JSONObject = ["id": .int(Int(timer.id ?? 0)), "seconds": .int(Int(timer.seconds.rounded()))]
        o["label"] = timer.label.map { .string($0) } ?? .null
        if let now { o["remaining_seconds"] = .int(Int(timer.remaining(at: now).rounded(.up))) }
        return .object(o)
    }

    /// "7:30 AM" or "7:30 AM (gym)".
    static func spoken(_ alarm: Alarm) -> String {
        let time = TimeOfDay(hour: alarm.hour, minute: alarm.minute)?.spoken ?? alarm.time
        return alarm.label.map { "\(time) (\($0))" } ?? time
    }

    /// "1 hour 5 minutes", "90 seconds" → "1 minute 30 seconds".
    static func spoken(seconds value: Double) -> String {
        let total = max(0, Int(value.rounded(.up)))
        let hours = total / 3600, minutes = total % 3600 / 60, seconds = total % 60
        var parts: [String] = []
        if hours > 0 { parts.append("\(hours) hour\(hours == 1 ? "" : "s")") }
        if minutes > 0 { parts.append("\(minutes) minute\(minutes == 1 ? "" : "s")") }
        if seconds > 0 || parts.isEmpty { parts.append("\(seconds) second\(seconds == 1 ? "" : "s")") }
        return parts.joined(separator: " ")
    }

    static func spoken(_ timer: CountdownTimer) -> String {
        let length = spoken(seconds: timer.seconds)
        return timer.label.map { "\($0) timer (\(length))" } ?? "\(length) timer"
    }

    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
        }
    }
}
