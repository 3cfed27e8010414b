import RelayKit

/// `clock.cancel_all_alarms`: delete every alarm (destructive: asks for confirmation).
struct CancelAllAlarms: Action {
    static let name = "clock.cancel_all_alarms"
    static let description = "Cancel every alarm."
    static let permission = Permission.destructive
    static let sentences: Sentences = [
        "en": ["<please> (cancel|delete|remove|clear|turn off) all <my> alarms <please>", "<please> (clear|delete) every alarm"],
        "zh": ["<please>(取消|删除)所有闹钟"],
    ]

    init(arguments: Arguments) throws {}

    func perform(in context: ActionContext) async throws -> ActionOutcome {
        let removed = try await context.write { db in try ClockStore.cancelAllAlarms(db) }
        let message = removed.isEmpty ? "There were no alarms." : "Cancelled all \(removed.count) alarm\(removed.count == 1 ? "" : "s")."
        return .done(message, data: ["cancelled": .array(removed.map(ClockReport.json))])
    }
}
