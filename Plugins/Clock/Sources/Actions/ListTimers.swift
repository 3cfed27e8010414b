import RelayKit

/// `clock.list_timers`: running timers and the time left on each.
struct ListTimers: Action {
    static let name = "clock.list_timers"
    static let description = "List the running timers and how much time is left on each."
    static let permission = Permission.read
    static let sentences: Sentences = [
        "en": ["<show> <my> timers", "how much time is left [on <the> timer]", "(what|which) timers are running", "how long is left"],
        "zh": ["<please>(查看|显示)计时器", "还剩多少时间"],
    ]

    init(arguments: Arguments) throws {}

    func perform(in context: ActionContext) async throws -> ActionOutcome {
        let now = context.now
        let timers = try await context.read { db in try ClockStore.timers(db, at: now) }
        let message = timers.isEmpty
            ? "No timers are running."
            : ClockReport.list(timers.map { "\(ClockReport.spoken($0)): \(ClockReport.spoken(seconds: $0.remaining(at: now))) left" }) + "."
        return .done(message, data: ["timers": .array(timers.map { ClockReport.json($0, now: now) })])
    }
}
