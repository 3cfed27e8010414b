import Foundation
import RelayKit

/// The Messages app's conversation list: every contact, with the newest message and how many are unread.
struct ConversationListScreen: Screen {
    static let name = "messages.main"
    static let title = "Messages"

    static func body(_ db: Database, parameters: JSONObject) throws -> [ScreenNode] {
        let rows: [ScreenNode] = try MessagesStore.contacts(db).compactMap { contact in
            guard let id = contact.id else { return nil }
            // Read without marking anything read: a screen only looks.
            let last = try Message.fetchOne(db, sql: "SELECT * FROM message WHERE contactId = ? ORDER BY sentAt DESC, id DESC LIMIT 1", arguments: [id])
            let unread = try MessagesStore.unreadCount(db, from: id)
            var detail = last.map { ($0.direction == .outgoing ? "You: " : "") + $0.body } ?? "No messages yet"
            if unread > 0 { detail = "\(unread) new · " + detail }
            return .row(contact.name, detail: detail, tap: .open(ConversationScreen.name, ["contact": .string(contact.name)]))
        }
        return [.list(rows.isEmpty ? [.text("No contacts", style: .caption)] : rows)]
    }
}

/// One conversation: the latest messages, a box to write in, and Send.
struct ConversationScreen: Screen {
    static let name = "messages.thread"
    static let title = "Conversation"

    static func title(_ db: Database, parameters: JSONObject) throws -> String {
        parameters["contact"]?.stringValue ?? title
    }

    /// In the process's time zone (``body(_:parameters:calendar:)`` is what the phone draws).
    static func body(_ db: Database, parameters: JSONObject) throws -> [ScreenNode] {
        try body(db, parameters: parameters, calendar: .current)
    }

    /// Times read in the phone's time zone, as its status bar does.
    static func body(_ db: Database, parameters: JSONObject, calendar: Calendar) throws -> [ScreenNode] {
        let name = parameters["contact"]?.stringValue ?? ""
        guard let contact = try MessagesStore.contacts(db).first(where: { $0.name == name }), let id = contact.id else {
            return [.text("\(name) is no longer a contact.", style: .caption)]
        }
        let messages = try Message.fetchAll(db, sql: "SELECT * FROM message WHERE contactId = ? ORDER BY sentAt DESC, id DESC LIMIT 6", arguments: [id])
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = calendar
        formatter.timeZone = calendar.timeZone
        formatter.dateFormat = "d MMM HH:mm"
        let rows: [ScreenNode] = messages.reversed().map { message in
            let who = message.direction == .outgoing ? "You" : MessageReport.firstName(contact.name)
            return .row(message.body, detail: "\(who) · \(formatter.string(from: message.sentAt))")
        }
        return [
            .list(rows.isEmpty ? [.text("No messages yet", style: .caption)] : rows),
            .textField(id: "body", label: "Message", placeholder: "Text message"),
            .button("Send", tap: .call(SendMessage.name, ["to": .string(contact.name)], fields: ["body": "body"])),
        ]
    }
}
