import RelayKit

/// `clock.set_alarm`: an alarm at a time of day, optionally labelled.
struct SetAlarm: Action {
    static let name = "clock.set_alarm"
    static let description = "Set an alarm at a time of day, with an optional label; once, or repeating every day, on weekdays or on weekends."
    static let permission = Permission.write
    static let readBack: String? = "Set an alarm for {time}[ {repeat}][ called {label}]?"
    static let parameters: [Parameter] = [
        .timeOfDay("time", "When it rings (24-hour HH:MM)"),
        .label("label", "What it is for, e.g. gym"),
        .choice("repeat", "Ring again every day, on weekdays or on weekends (default: once)", ClockReport.repetitions, required: false),
    ]
    static let sentences: Sentences = [
        "en": [
            "<please> (set|create|add|make) [an|a|my] alarm (for|at) {time} <please>",
            "<please> (set|create|add) [an|a] {label} alarm (for|at) {time}",
            "<please> (set|create|add) [an|a] alarm (for|at) {time} (called|named|labeled|for) {label}",
            "<please> wake me [up] at {time} <please>",
            "alarm (at|for) {time}",
            "<please> (set|create|add|make) [an|a|my] alarm (for|at) {time} {repeat} <please>",
            "<please> wake me [up] at {time} {repeat} <please>",
        ],
        "zh": ["<please>(设|设置|定)[一个]{time}的闹钟", "<please>{time}叫我起床"],
    ]

    let time: TimeOfDay
    let label: String?
    let repeats: String?

    init(arguments: Arguments) throws {
        time = try arguments.value("time")
        label = try arguments.valueIfPresent("label")
        repeats = try arguments.valueIfPresent("repeat")
    }

    func perform(in context: ActionContext) async throws -> ActionOutcome {
        let time = time, label = label, repeats = repeats, now = context.now
        let (alarm, isNew) = try await context.write { db in
            try ClockStore.setAlarm(db, hour: time.hour, minute: time.minute, label: label, repeats: repeats, at: now)
        }
        let said = ClockReport.spoken(alarm)
        return .done(isNew ? "Alarm set for \(said)." : "There is already an alarm for \(said).", data: [
            "alarm": ClockReport.json(alarm), "created": .bool(isNew),
        ])
    }
}
