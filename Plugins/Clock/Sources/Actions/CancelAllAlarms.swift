import RelayKit

/// `clock.cancel_all_alarms`: delete every alarm (destructive: asks first, with the count; `relay undo` restores them).
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
        let count = try await context.read { db in try ClockStore.alarms(db).count }
        guard count > 0 else { return .done("There were no alarms.", data: ["cancelled": []]) }
        try context.confirm(count: count, count == 1 ? "Cancel your only alarm?" : "Cancel all \(count) alarms?")
        let removed = try await context.write { db in try ClockStore.cancelAllAlarms(db) }
        let message = removed.isEmpty ? "There were no alarms." : "Cancelled all \(removed.count) alarm\(removed.count == 1 ? "" : "s")."
        return .done(message, data: ["cancelled": .array(removed.map(ClockReport.json))])
    }
}
