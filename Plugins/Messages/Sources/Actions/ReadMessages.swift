import RelayKit

/// `messages.read_messages`: read the newest (or only unread) messages, from someone or everyone; marks them read.
struct ReadMessages: Action {
    static let name = "messages.read_messages"
    static let description = "Read the newest messages, from one contact or from everyone, optionally only unread ones; marks them read."
    static let permission = Permission.write
    static let readBack: String? = "Read your[ {?unread_only}unread] messages[ from {from}]?"
    static let parameters: [Parameter] = [
        .entity("from", "Whose messages (leave out for everyone)", kind: MessagesSubsystem.contact, required: false),
        .boolean("unread_only", "Only messages not read yet", default: false),
        .count("limit", "At most this many", range: 1...20, default: 5),
    ]
    static let sentences: Sentences = [
        "en": [
            "<please> read [me] <my> (messages|texts) [from {from}] <please>",
            "<please> (show|read) [me] <my> (latest|last|recent|newest) (messages|texts) [from {from}]",
            "what did {from} (say|write|send)",
            "(any|do i have) [new] messages from {from}",
            Sentence("<please> read [me] <my> (unread|new) (messages|texts) [from {from}] <please>", fixing: ["unread_only": .bool(true)]),
            Sentence("(do i have|are there) [any] (unread|new) messages", fixing: ["unread_only": .bool(true)]),
        ],
        "zh": [
            "<please>(读|念)[一下]{from}的消息",
            Sentence("<please>(读|念)[一下][我的]未读消息", fixing: ["unread_only": .bool(true)]),
        ],
    ]

    let from: Entity?
    let unreadOnly: Bool
    let limit: Int

    init(arguments: Arguments) throws {
        from = try arguments.valueIfPresent("from")
        unreadOnly = try arguments.value("unread_only")
        limit = try arguments.value("limit")
    }

    func perform(in context: ActionContext) async throws -> ActionOutcome {
        let contactID = from?.rowID, unreadOnly = unreadOnly, limit = limit
        let (messages, names) = try await context.write { db in
            let messages = try MessagesStore.read(db, from: contactID, unreadOnly: unreadOnly, limit: limit)
            var names: [Int64: String] = [:]
            for contact in try MessagesStore.contacts(db) { if let id = contact.id { names[id] = contact.name } }
            return (messages, names)
        }
        let who = from.map { " from \(MessageReport.firstName($0.name))" } ?? ""
        guard !messages.isEmpty else {
            return .done(unreadOnly ? "No unread messages\(who)." : "No messages\(who).", data: ["messages": .array([])])
        }
        let lines = messages.map { message -> String in
            let name = MessageReport.firstName(names[message.contactId] ?? "someone")
            return message.direction == .incoming ? "\(name) said: \(message.body)" : "You said to \(name): \(message.body)"
        }
        return .done(lines.joined(separator: " "), data: [
            "messages": .array(messages.map { MessageReport.json($0, contactName: names[$0.contactId] ?? "") }),
        ])
    }
}
