public import RelayKit
import Foundation

/// The Messages app's SQLite schema, seeded with a few contacts and conversations so a new phone is usable.
public enum MessagesSchema {
    /// The migrator that creates, seeds and upgrades `messages.sqlite`.
    public static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: contacts, messages") { db in
            try db.create(table: "contact") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull().unique().collate(.nocase)
                t.column("phone", .text)
                // Other names people say ("mom"), separated by "|".
                t.column("aliases", .text).notNull().defaults(to: "")
            }
            try db.create(table: "message") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("contact", onDelete: .cascade).notNull()
                t.column("direction", .text).notNull()  // "in" | "out"
                t.column("body", .text).notNull()
                t.column("sentAt", .datetime).notNull().indexed()
                t.column("isRead", .boolean).notNull()
            }
        }
        migrator.registerMigration("v1: seed") { db in
            try seed(db, now: Date())
        }
        return migrator
    }

    /// The contacts and conversations a new phone starts with.
    static func seed(_ db: Database, now: Date) throws {
        let contacts: [(String, String, String)] = [
            ("Anna Smith", "+1 555 0101", "anna"),
            ("Ben Carter", "+1 555 0102", "ben"),
            ("Maria Lopez", "+1 555 0103", "mom|mum|mother|妈妈"),
            ("David Chen", "+1 555 0104", "dave|david"),
        ]
        for (name, phone, aliases) in contacts {
            try db.execute(sql: "INSERT INTO contact (name, phone, aliases) VALUES (?, ?, ?)", arguments: [name, phone, aliases])
        }
        let messages: [(Int, String, String, Double, Bool)] = [
            (1, "in", "Are we still on for lunch tomorrow?", -26 * 3600, true),
            (1, "out", "Yes, 12:30 at the usual place.", -25 * 3600, true),
            (1, "in", "Great, see you there!", -2 * 3600, false),
            (3, "in", "Call me when you land.", -3 * 3600, false),
            (3, "in", "Don't forget your jacket.", -1 * 3600, false),
            (2, "in", "Sent you the photos from the trip.", -48 * 3600, true),
        ]
        for (contact, direction, body, offset, isRead) in messages {
            try db.execute(
                sql: "INSERT INTO message (contactId, direction, body, sentAt, isRead) VALUES (?, ?, ?, ?, ?)",
                arguments: [contact, direction, body, now.addingTimeInterval(offset), isRead]
            )
        }
    }
}
