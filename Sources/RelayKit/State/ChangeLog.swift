import Foundation
import GRDB

/// Records, inside each command's own transaction, the SQL that reverts what the command wrote — the
/// basis of `relay undo`.
///
/// Temporary triggers on every table of a subsystem's database append the inverse of each row change
/// (a `DELETE` for an insert, the old values for an update, the old row for a delete) to
/// `temp.relay_pending`. When a command commits, its pending inverses are copied into the persistent
/// `relay_change` table under the command's group id, in the same transaction: the data and the means to
/// revert it are saved together or not at all, even under `kill -9`. Handlers need not do anything —
/// every write through `context.write` is covered, and so is a plugin added later.
///
/// The triggers are `TEMP`, so they belong to this connection and never change the plugin's schema.
/// Tables whose names start with `sqlite_`, `grdb_` or `relay_` are not tracked.
enum ChangeLog {
    /// How many commands' changes a subsystem keeps (only the last one can be undone; the rest are history).
    static let keptGroups = 20

    /// Creates the tables and the triggers on a freshly opened connection.
    static func install(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS relay_change (grp TEXT NOT NULL, seq INTEGER NOT NULL, sql TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS relay_change_grp ON relay_change(grp);
            CREATE TEMP TABLE IF NOT EXISTS relay_pending (seq INTEGER PRIMARY KEY, sql TEXT NOT NULL);
            """)
        let tables = try String.fetchAll(db, sql: """
            SELECT name FROM main.sqlite_master WHERE type = 'table'
              AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE 'grdb\\_%' ESCAPE '\\'
              AND name NOT LIKE 'relay\\_%' ESCAPE '\\'
            """)
        for table in tables {
            // WITHOUT ROWID tables have no rowid to name a row by; none of the plugins uses one.
            guard (try? db.execute(sql: "SELECT rowid FROM \(identifier(table)) LIMIT 0")) != nil else { continue }
            try installTriggers(db, table: table)
        }
    }

    private static func installTriggers(_ db: Database, table: String) throws {
        let columns = try Row.fetchAll(db, sql: "SELECT name, type, pk FROM pragma_table_info(?)", arguments: [table])
        let primaryKeys = columns.filter { ($0["pk"] as Int) > 0 }
        // An INTEGER PRIMARY KEY is the rowid itself: it is restored through rowid, never listed twice.
        let rowidAlias: String? = primaryKeys.count == 1 && (primaryKeys[0]["type"] as String).uppercased() == "INTEGER"
            ? primaryKeys[0]["name"] : nil
        let names: [String] = columns.map { $0["name"] }.filter { $0 != rowidAlias }
        let t = identifier(table)
        let tag = table.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) ? String($0) : "_" }.joined()
        // SQL text for a literal inside the generated statement: '...' with quotes doubled.
        func literal(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "''") + "'" }

        let onInsert = literal("DELETE FROM \(t) WHERE rowid=") + " || NEW.rowid"
        var setList = literal("UPDATE \(t) SET rowid=") + " || OLD.rowid"
        for n in names { setList += " || " + literal(",\(identifier(n))=") + " || quote(OLD.\(identifier(n)))" }
        let onUpdate = setList + " || " + literal(" WHERE rowid=") + " || NEW.rowid"
        var insert = literal("INSERT INTO \(t)(rowid" + names.map { "," + identifier($0) }.joined() + ") VALUES(") + " || OLD.rowid"
        for n in names { insert += " || ',' || quote(OLD.\(identifier(n)))" }
        let onDelete = insert + " || ')'"

        for (event, body) in [("INSERT", onInsert), ("UPDATE", onUpdate), ("DELETE", onDelete)] {
            let name = identifier("relay_undo_\(event.lowercased())_\(tag)")
            try db.execute(sql: """
                DROP TRIGGER IF EXISTS temp.\(name);
                CREATE TEMP TRIGGER \(name) AFTER \(event) ON main.\(t)
                BEGIN INSERT INTO relay_pending(sql) VALUES (\(body)); END;
                """)
        }
    }

    /// Forgets inverses written outside a command (seeding, background upkeep); called as a command's transaction opens.
    static func begin(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM temp.relay_pending")
    }

    /// Saves the command's pending inverses under `group`; returns how many row changes it made.
    static func save(_ db: Database, group: String) throws -> Int {
        let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM temp.relay_pending") ?? 0
        guard count > 0 else { return 0 }
        try db.execute(sql: "INSERT INTO relay_change(grp, seq, sql) SELECT ?, seq, sql FROM temp.relay_pending", arguments: [group])
        try db.execute(sql: "DELETE FROM temp.relay_pending")
        try db.execute(sql: """
            DELETE FROM relay_change WHERE grp NOT IN
              (SELECT grp FROM relay_change GROUP BY grp ORDER BY MAX(rowid) DESC LIMIT \(keptGroups))
            """)
        return count
    }

    /// Runs the inverses of `group`'s changes, newest first. Throws when they are gone or no longer apply.
    static func revert(_ db: Database, group: String) throws -> Int {
        let statements = try String.fetchAll(db, sql: "SELECT sql FROM relay_change WHERE grp = ? ORDER BY seq DESC", arguments: [group])
        // Rows come back in reverse order of their changes, so a child may return before its parent:
        // foreign keys are checked at commit instead.
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
        for sql in statements { try db.execute(sql: sql) }
        return statements.count
    }

    static func identifier(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}
