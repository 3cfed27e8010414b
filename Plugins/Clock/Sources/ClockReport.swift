import Foundation
import RelayKit

/// How alarms and timers are said and serialised.
enum ClockReport {
    static func json(_ alarm: Alarm) -> JSONValue {
        var o: JSONObject = ["id": .int(Int(alarm.id ?? 0)), "time": .string(alarm.time)]
        o["label"] = alarm.label.map { .string($0) } ?? .null
        o["enabled"] = .bool(alarm.isEnabled)
        if let repeats = alarm.repeats { o["repeats"] = .string(repeats) }
        if let rung = alarm.rungAt { o["rang_at"] = .string(ISO8601DateFormatter().string(from: rung)) }
        return .object(o)
    }

    static func json(_ timer: CountdownTimer, now: Date?) -> JSONValue {
        var o: JSONObject = ["id": .int(Int(timer.id ?? 0)), "seconds": .int(Int(timer.seconds.rounded()))]
        o["label"] = timer.label.map { .string($0) } ?? .null
        if let now { o["remaining_seconds"] = .int(Int(timer.remaining(at: now).rounded(.up))) }
        if timer.finishedAt != nil { o["finished"] = .bool(true) }
        return .object(o)
    }

    /// "7:30 AM", "7:30 AM (gym)", "7:30 AM on weekdays".
    static func spoken(_ alarm: Alarm, repetition: Bool = true) -> String {
        let time = TimeOfDay(hour: alarm.hour, minute: alarm.minute)?.spoken ?? alarm.time
        let said = alarm.label.map { "\(time) (\($0))" } ?? time
        guard repetition else { return said }
        switch alarm.repeats {
        case "daily": return said + " every day"
        case "weekdays": return said + " on weekdays"
        case "weekends": return said + " on weekends"
        default: return said
        }
    }

    /// The repetitions an alarm can have, with their spoken names.
    static let repetitions: [Choice] = [
        Choice("daily", en: ["every day", "everyday", "daily", "each day", "every morning"], zh: ["每天"]),
        Choice("weekdays", en: ["on weekdays", "weekdays", "every weekday", "on workdays"], zh: ["工作日"]),
        Choice("weekends", en: ["on weekends", "weekends", "every weekend", "at the weekend"], zh: ["周末"]),
    ]

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
