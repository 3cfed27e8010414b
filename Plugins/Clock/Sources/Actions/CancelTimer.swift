import RelayKit

/// `clock.cancel_timer`: stop the timer with a label, or every running timer.
struct CancelTimer: Action {
    static let name = "clock.cancel_timer"
    static let description = "Cancel the running timer with a label, or all running timers when no label is given."
    static let permission = Permission.write
    static let readBack: String? = "Cancel (the {label} timer|the timers)?"
    static let parameters: [Parameter] = [.label("label", "The timer's label")]
    static let sentences: Sentences = [
        "en": [
            "<please> (cancel|stop|delete|remove) <the> timer[s] <please>",
            "<please> (cancel|stop|delete|remove) <the> {label} timer",
            "<please> (cancel|stop|delete|remove) <the> timer (for|called|named) [the] {label}",
        ],
        "zh": ["<please>(取消|停止)计时器"],
    ]

    let label: String?

    init(arguments: Arguments) throws {
        label = try arguments.valueIfPresent("label")
    }

    func perform(in context: ActionContext) async throws -> ActionOutcome {
        let label = label, now = context.now
        let running = try await context.read { db in try ClockStore.timers(db, at: now) }.filter { label == nil || $0.label?.lowercased() == label?.lowercased() }
        try context.confirm(count: running.count, "Cancel all \(running.count) timers?")
        let removed = try await context.write { db in try ClockStore.cancelTimers(db, label: label, at: now) }
        guard !removed.isEmpty else {
            return .notFound(label.map { "There is no \($0) timer running." } ?? "No timers are running.")
        }
        return .done("Cancelled the \(ClockReport.list(removed.map { ClockReport.spoken($0) })).", data: [
            "cancelled": .array(removed.map { ClockReport.json($0, now: now) }),
        ])
    }
}
