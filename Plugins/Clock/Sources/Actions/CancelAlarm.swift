import Foundation
import RelayKit

/// `clock.cancel_alarm`: cancel the alarm at a time, or the one with a label.
struct CancelAlarm: Action {
    static let name = "clock.cancel_alarm"
    static let description = "Cancel the alarm at a time of day, or the alarm with a label; with neither, the only alarm (several: asks which)."
    static let permission = Permission.write
    static let readBack: String? = "Cancel the (alarm at {time}[ called {label}]|{label} alarm|alarm)?"
    static let parameters: [Parameter] = [
        .timeOfDay("time", "The alarm's time (24-hour HH:MM)", required: false),
        .label("label", "The alarm's label"),
    ]
    static let sentences: Sentences = [
        "en": [
            "<please> (cancel|delete|remove|turn off) <the> alarm (for|at) {time} <please>",
            "<please> (cancel|delete|remove|turn off) <the> {time} alarm",
            "<please> (cancel|delete|remove|turn off) <the> {label} alarm",
            // Which one left unsaid: the only alarm, or a question naming them.
            "<please> (cancel|delete|remove|turn off|switch off|stop) <the> alarm <please>",
        ],
        "zh": ["<please>(取消|删除){time}的闹钟", "<please>(取消|删除|关掉|关闭)[我的]闹钟"],
    ]

    let time: TimeOfDay?
    let label: String?

    init(arguments: Arguments) throws {
        time = try arguments.valueIfPresent("time")
        label = try arguments.valueIfPresent("label")
    }

    func perform(in context: ActionContext) async throws -> ActionOutcome {
        if time == nil && label == nil {
            // "Turn off my alarm": the only one, or the user picks (the loop asks and repeats the call with a time).
            let alarms = try await context.read { db in try ClockStore.alarms(db) }
            switch alarms.count {
            case 0: return .notFound("You have no alarms.")
            case 1: break
            default:
                let candidates = alarms.map { Entity(id: $0.time, name: ClockReport.spoken($0)) }
                var outcome = ActionOutcome.ambiguous("Which alarm: \(ClockReport.list(candidates.map(\.name)).replacingOccurrences(of: " and ", with: " or "))?",
                                                      candidates: candidates)
                outcome.data["argument"] = "time"
                return outcome
            }
        }
        let time = time, label = label
        let removed = try await context.write { db in
            guard time != nil || label != nil else { return try ClockStore.cancelAllAlarms(db) }   // the only one
            return try ClockStore.cancelAlarms(db, hour: time?.hour, minute: time?.minute, label: label)
        }
        guard !removed.isEmpty else {
            let what = [time.map { "at \($0.spoken)" }, label.map { "called \($0)" }].compactMap { $0 }.joined(separator: " ")
            return .notFound("There is no alarm \(what).")
        }
        return .done("Cancelled the alarm\(removed.count == 1 ? "" : "s") for \(ClockReport.list(removed.map { ClockReport.spoken($0) })).", data: [
            "cancelled": .array(removed.map(ClockReport.json)),
        ])
    }
}
