import RelayKit

/// `messages.count_unread`: how many messages are unread, without reading them.
struct CountUnread: Action {
    static let name = "messages.count_unread"
    static let description = "Tell how many messages are unread (from one contact or everyone) without marking them read."
    static let permission = Permission.read
    static let parameters: [Parameter] = [
        .entity("from", "Whose messages (leave out for everyone)", kind: MessagesSubsystem.contact, required: false),
    ]
    static let sentences: Sentences = [
        "en": ["how many (unread|new) messages [do i have] [from {from}]", "(count|check) <my> (unread|new) messages [from {from}]"],
        "zh": ["我有几条未读消息"],
    ]

    let from: Entity?

    init(arguments: Arguments) throws {
        from = try arguments.valueIfPresent("from")
    }

    func perform(in context: ActionContext) async throws -> ActionOutcome {
        let contactID = from?.rowID
        let count = try await context.read { db in try MessagesStore.unreadCount(db, from: contactID) }
        let who = from.map { " from \(MessageReport.firstName($0.name))" } ?? ""
        let message = count == 0 ? "You have no unread messages\(who)." : "You have \(count) unread message\(count == 1 ? "" : "s")\(who)."
        return .done(message, data: ["unread": .int(count)])
    }
}
