public import Foundation
public import RelayKit

/// One text message, sent or received: a row of the `message` table.
public struct Message: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord {
    /// Whether the phone sent or received it.
    public enum Direction: String, Codable, Sendable {
        /// Received from the contact.
        case incoming = "in"
        /// Sent to the contact.
        case outgoing = "out"
    }

    /// The table name.
    public static let databaseTableName = "message"
    /// Row id, nil before insertion.
    public var id: Int64?
    /// The other person in the conversation.
    public var contactId: Int64
    /// Sent or received.
    public var direction: Direction
    /// The text.
    public var body: String
    /// When it was sent.
    public var sentAt: Date
    /// Whether the user has seen it (outgoing messages always are).
    public var isRead: Bool

    /// Creates a message value (not yet inserted).
    public init(id: Int64? = nil, contactId: Int64, direction: Direction, body: String, sentAt: Date, isRead: Bool) {
        self.id = id
        self.contactId = contactId
        self.direction = direction
        self.body = body
        self.sentAt = sentAt
        self.isRead = isRead
    }

    /// Stores the new row id.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
