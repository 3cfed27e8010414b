public import Foundation
import GRDB

/// The home's list of commands that changed something, newest last: what `relay undo` reverts.
///
/// Kept in `<home>/history.sqlite`. An entry names the command's group (its id and that of the actions
/// it called), the subsystems whose databases hold its saved inverses (``ChangeLog``), and — for actions
/// that cannot be taken back, like sending a message — why not. An entry is added after the command's
/// own transactions committed; a crash in between leaves a command that simply cannot be undone.
public struct CommandHistory: Sendable {
    /// One command that changed state.
    public struct Entry: Sendable, Hashable {
        /// The command's group id (shared with the actions it called).
        public var group: String
        /// The action that was run (`relay.undo` for an undo).
        public var action: String
        /// What it did, in words (its result message).
        public var summary: String
        /// The subsystems it changed, in the order they committed.
        public var subsystems: [String]
        /// Why it cannot be undone, if it cannot.
        public var irreversible: String?
        /// For an undo (or redo): the group it reverted.
        public var reverts: String?
        /// When it ran.
        public var time: Date
    }

    /// The database file.
    public let url: URL
    private let queue: DatabaseQueue

    /// Opens (creating) `<home>/history.sqlite`.
    public init(home: URL) throws {
        url = home.appendingPathComponent("history.sqlite")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        var config = Configuration()
        config.busyMode = .timeout(5)
        SubsystemStore.configureDurability(&config)
        queue = try DatabaseQueue(path: url.path, configuration: config)
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: entries") { db in
            try db.create(table: "entry") { t in
                t.autoIncrementedPrimaryKey("seq")
                t.column("grp", .text).notNull()
                t.column("action", .text).notNull()
                t.column("summary", .text).notNull()
                t.column("subsystems", .text).notNull()
                t.column("irreversible", .text)
                t.column("reverts", .text)
                t.column("time", .datetime).notNull()
            }
        }
        try migrator.migrate(queue)
    }

    /// Appends an entry (and forgets entries beyond the last 100).
    public func append(_ entry: Entry) async throws {
        try await queue.write { db in
            try db.execute(
                sql: "INSERT INTO entry(grp, action, summary, subsystems, irreversible, reverts, time) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [entry.group, entry.action, entry.summary, entry.subsystems.joined(separator: ","),
                            entry.irreversible, entry.reverts, entry.time])
            try db.execute(sql: "DELETE FROM entry WHERE seq <= (SELECT MAX(seq) FROM entry) - 100")
        }
    }

    /// The newest entry, if any.
    public func last() async throws -> Entry? {
        try await queue.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM entry ORDER BY seq DESC LIMIT 1") else { return nil }
            return Entry(
                group: row["grp"], action: row["action"], summary: row["summary"],
                subsystems: (row["subsystems"] as String).split(separator: ",").map(String.init),
                irreversible: row["irreversible"], reverts: row["reverts"], time: row["time"])
        }
    }
}
