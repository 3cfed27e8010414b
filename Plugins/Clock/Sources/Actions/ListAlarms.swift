import RelayKit

/// `clock.list_alarms`: every alarm, by time.
struct ListAlarms: Action {
    static let name = "clock.list_alarms"
    static let description = "List the alarms, by time of day."
    static let permission = Permission.read
    static let sentences: Sentences = [
        "en": ["<show> <my> alarms", "what alarms (do i have|are set)", "(do i have|are there) any alarms [set]", "when is my alarm"],
        "zh": ["<please>(查看|显示)[我的]闹钟", "我有哪些闹钟"],
    ]

    init(arguments: Arguments) throws {}

    func perform(in context: ActionContext) async throws -> ActionOutcome {
        let alarms = try await context.read { db in try ClockStore.alarms(db) }
        let message = alarms.isEmpty
            ? "You have no alarms."
            : "You have \(alarms.count) alarm\(alarms.count == 1 ? "" : "s"): \(ClockReport.list(alarms.map { ClockReport.spoken($0) + ($0.isEnabled ? "" : " (off)") }))."
        return .done(message, data: ["alarms": .array(alarms.map(ClockReport.json))])
    }
}
