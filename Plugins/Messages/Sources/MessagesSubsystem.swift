public import RelayKit

/// The Messages app: contacts, sending messages, reading recent and unread ones.
/// State lives in `<home>/messages.sqlite`, seeded with a few contacts and conversations.
public struct MessagesSubsystem: Subsystem {
    /// Creates the subsystem.
    public init() {}

    /// The entity kind of contacts, resolved by name or alias ("mom").
    public static let contact: EntityKind = "contact"

    public var name: String { "messages" }
    public var displayName: String { "Messages" }
    public var summary: String { "Contacts and text messages: send, read recent or unread messages from someone." }
    public var actions: [any Action.Type] {
        [SendMessage.self, ReadMessages.self, CountUnread.self, AddContact.self, ListContacts.self]
    }
    public var migrator: DatabaseMigrator { MessagesSchema.migrator }
    public var screens: [any Screen.Type] { [ConversationListScreen.self, ConversationScreen.self] }

    public func entities(of kind: EntityKind, in db: Database) throws -> [Entity] {
        guard kind == Self.contact else { return [] }
        return try MessagesStore.contacts(db).compactMap { contact in
            contact.id.map { Entity(id: $0, name: contact.name, aliases: contact.aliasList) }
        }
    }
}

/// The conventional entry point the installed-plugins list calls.
public enum MessagesPlugin {
    /// The Messages subsystem.
    public static func makeSubsystem() -> any Subsystem { MessagesSubsystem() }
}
