import Foundation
import RelayKit

/// How messages and contacts are serialised.
enum MessageReport {
    static func json(_ message: Message, contactName: String) -> JSONValue {
        .object([
            "id": .int(Int(message.id ?? 0)),
            "contact": .string(contactName),
            "direction": .string(message.direction == .incoming ? "received" : "sent"),
            "body": .string(message.body),
            "sent_at": .string(ISO8601DateFormatter().string(from: message.sentAt)),
        ])
    }

    static func json(_ contact: Contact) -> JSONValue {
        var o: JSONObject = ["id": .int(Int(contact.id ?? 0)), "name": .string(contact.name)]
        o["phone"] = contact.phone.map { .string($0) } ?? .null
        o["aliases"] = .array(contact.aliasList.map { .string($0) })
        return .object(o)
    }

    /// The first name, for speech: "Anna".
    static func firstName(_ name: String) -> String {
        String(name.split(separator: " ").first ?? Substring(name))
    }
}
