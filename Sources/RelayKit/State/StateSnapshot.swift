public import GRDB
public import RelayJSON
import Foundation

/// Turns SQLite rows into JSON for state snapshots (`relay state`, golden cases).
public enum StateSnapshot {
    /// Every user table (not SQLite's, GRDB's or Relay's own `relay_` tables) as `{"table": [{column: value}]}`, rows by rowid.
    public static func allTables(in db: Database) throws -> JSONValue {
        let tables = try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'table'
              AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'
              AND name NOT LIKE 'relay\\_%' ESCAPE '\\' ORDER BY name
            """)
        var out = JSONObject()
        for table in tables {
            let quoted = "\"" + table.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            out[table] = .array(try rows(in: db, sql: "SELECT * FROM \(quoted)"))
        }
        return .object(out)
    }

    /// The rows of a query as JSON objects, columns in order.
    public static func rows(in db: Database, sql: String, arguments: StatementArguments = StatementArguments()) throws -> [JSONValue] {
        try Row.fetchAll(db, sql: sql, arguments: arguments).map { .object(object(from: $0)) }
    }

    /// One row as an ordered JSON object.
    public static func object(from row: Row) -> JSONObject {
        var o = JSONObject()
        for (column, dbValue) in row {
            o[column] = json(from: dbValue)
        }
        return o
    }

    /// A database value as JSON (blobs as their byte count, since snapshots are for reading).
    public static func json(from value: DatabaseValue) -> JSONValue {
        switch value.storage {
        case .null: .null
        case .int64(let i): .int(Int(i))
        case .double(let d): .double(d)
        case .string(let s): .string(s)
        case .blob(let data): .string("<\(data.count) bytes>")
        }
    }
}
