import Foundation
import RelayKit

/// The Notes database: notebooks and their notes; a first notebook, "Inbox", exists from the start.
enum NotesSchema {
    /// The entity kind of notebooks.
    static let notebook: EntityKind = "notebook"

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.create(table: "notebook") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull().unique(onConflict: .abort).collate(.nocase)
            }
            try db.create(table: "note") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("notebook_id", .integer).notNull().indexed().references("notebook", onDelete: .cascade)
                t.column("text", .text).notNull()
                t.column("created_at", .double).notNull()  // seconds since 1970, so date ranges compare numerically
            }
            try db.execute(sql: "INSERT INTO notebook(name) VALUES ('Inbox')")
        }
        return m
    }

    /// The id of the notebook called Inbox (created by the first migration).
    static func inboxID(_ db: Database) throws -> Int64 {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM notebook WHERE name = 'Inbox'") else {
            throw ActionFailure(.failed, "The Inbox notebook is missing; the notes database may be damaged.")
        }
        return id
    }
}
