import RelayKit

/// `clock.cancel_alarm`: cancel the alarm at a time, or the one with a label.
struct CancelAlarm: Action {
    static let name = "clock.cancel_alarm"
    static let description = "Cancel the alarm at a time of day, or the alarm with a label (give at least one)."
    static let permission = Permission.write
    static let parameters: [Parameter] = [
        .timeOfDay("time", "The alarm's time (24-hour HH:MM)", required: false),
        .string("label", "The alarm's label", required: false),
    ]
    static let sentences: Sentences = [
        "en": [
            "<please> (cancel|delete|remove|turn off|disable) <the> alarm (for|at) {time} <please>",
            "<please> (cancel|delete|remove|turn off|disable) <the> {time} alarm",
            "<please> (cancel|delete|remove|turn off|disable) <the> {label} alarm",
        ],
        "zh": ["<please>(取消|删除){time}的闹钟"],
    ]

    let time: TimeOfDay?
    let label: String?

    init(arguments: Arguments) throws {
        time = try arguments.valueIfPresent("time")
        label = try arguments.valueIfPresent("label")
        if time == nil && label == nil {
            throw ActionFailure(.invalidArguments, "Say which alarm to cancel: give its time or its label.")
        }
    }

    func perform(in context: ActionContext) async throws -> ActionOutcome {
        let time = time, label = label
        let removed = try await context.write { db in
            try ClockStore.cancelAlarms(db, hour: time?.hour, minute: time?.minute, label: label)
        }
        guard !removed.isEmpty else {
            let what = [time.map { "at \($0.spoken)" }, label.map { "called \($0)" }].compactMap { $0 }.joined(separator: " ")
            return .notFound("There is no alarm \(what).")
        }
        return .done("Cancelled the alarm\(removed.count == 1 ? "" : "s") for \(ClockReport.list(removed.map(ClockReport.spoken))).", data: [
            "cancelled": .array(removed.map(ClockReport.json)),
        ])
    }
}
