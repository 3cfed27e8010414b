public import Foundation
public import RelayKit

/// The Messages app's operations, as plain functions over a GRDB `Database` (inside the caller's transaction).
public enum MessagesStore {
    /// All contacts, by name.
    public static func contacts(_ db: Database) throws -> [Contact] {
        try Contact.fetchAll(db, sql: "SELECT * FROM contact ORDER BY name COLLATE NOCASE")
    }

    /// The contact with this id.
    public static func contact(_ db: Database, id: Int64) throws -> Contact? {
        try Contact.fetchOne(db, key: id)
    }

    /// Adds a contact; throws when the name is empty or taken.
    @discardableResult
    public static func addContact(_ db: Database, name: String, phone: String? = nil, aliases: [String] = []) throws -> Contact {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw MessagesError("A contact needs a name.") }
        if let existing = try Contact.fetchOne(db, sql: "SELECT * FROM contact WHERE name = ? COLLATE NOCASE", arguments: [name]) {
            throw MessagesError("There is already a contact named \(existing.name).")
        }
        let phone = phone?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let phone, !phone.isEmpty, phone.contains(where: { !($0.isNumber || " +-().".contains($0)) }) {
            throw MessagesError("\(phone) is not a phone number: use digits, spaces and + - ( ).")
        }
        var contact = Contact(
            name: name, phone: (phone?.isEmpty ?? true) ? nil : phone,
            aliases: aliases.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.contains("|") }
        )
        try contact.insert(db)
        return contact
    }

    /// Sends `body` to a contact: appends an outgoing message and marks their messages read (you replied).
    @discardableResult
    public static func send(_ db: Database, to contactID: Int64, body: String, at date: Date = Date()) throws -> Message {
        let body = body.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !body.isEmpty else { throw MessagesError("The message is empty: say what to send.") }
        guard try contact(db, id: contactID) != nil else { throw MessagesError("That contact no longer exists.") }
        var message = Message(contactId: contactID, direction: .outgoing, body: body, sentAt: date, isRead: true)
        try message.insert(db)
        return message
    }

    /// Appends a received message (the simulated other side, and tests).
    @discardableResult
    public static func receive(_ db: Database, from contactID: Int64, body: String, at date: Date = Date()) throws -> Message {
        var message = Message(contactId: contactID, direction: .incoming, body: body, sentAt: date, isRead: false)
        try message.insert(db)
        return message
    }

    /// The newest messages (oldest first in the result), from one contact or everyone, optionally
    /// only unread ones; the incoming ones returned are marked read.
    public static func read(_ db: Database, from contactID: Int64? = nil, unreadOnly: Bool = false, limit: Int = 5) throws -> [Message] {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if let contactID {
            conditions.append("contactId = ?")
            arguments.append(contactID)
        }
        if unreadOnly { conditions.append("isRead = 0 AND direction = 'in'") }
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let messages = try Message.fetchAll(
            db, sql: "SELECT * FROM message\(whereClause) ORDER BY sentAt DESC, id DESC LIMIT \(max(1, min(limit, 100)))",
            arguments: StatementArguments(arguments)
        )
        let unreadIDs = messages.filter { !$0.isRead }.compactMap(\.id)
        if !unreadIDs.isEmpty {
            try db.execute(
                sql: "UPDATE message SET isRead = 1 WHERE id IN (\(unreadIDs.map { _ in "?" }.joined(separator: ", ")))",
                arguments: StatementArguments(unreadIDs)
            )
        }
        return messages.reversed()
    }

    /// How many unread incoming messages there are, from one contact or everyone.
    public static func unreadCount(_ db: Database, from contactID: Int64? = nil) throws -> Int {
        if let contactID {
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM message WHERE isRead = 0 AND contactId = ?", arguments: [contactID]) ?? 0
        }
        return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM message WHERE isRead = 0") ?? 0
    }
}
