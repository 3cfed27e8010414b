public import Foundation
public import GRDB

/// One subsystem's SQLite file under the home folder (`<home>/<name>.sqlite`), migrated on open.
///
/// The queue allows a transaction to stay open across the `await`s of one command, which is how a
/// whole command — however many `context.write` calls it makes — commits or rolls back as one
/// (``CommandTransaction``). Commands of one subsystem never overlap: the dispatcher runs them one at a time.
public final class SubsystemStore: Sendable {
    /// The subsystem's name.
    public let name: String
    /// The database file.
    public let url: URL
    /// The GRDB queue (serial; one connection).
    public let queue: DatabaseQueue

    /// Opens (creating if needed) and migrates `<home>/<subsystem.name>.sqlite`.
    public init(subsystem: any Subsystem, home: URL) throws {
        self.name = subsystem.name
        self.url = home.appendingPathComponent("\(subsystem.name).sqlite")
        do {
            try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        } catch {
            throw KitError(.database, "Cannot create the state folder \(home.path): \(error.localizedDescription). Check --home / RELAY_HOME.")
        }
        var config = Configuration()
        // Needed so a command's transaction can stay open while its async handler runs;
        // CommandTransaction always commits or rolls it back.
        config.allowsUnsafeTransactions = true
        config.busyMode = .timeout(5)
        Self.configureDurability(&config)
        do {
            queue = try DatabaseQueue(path: url.path, configuration: config)
            try subsystem.migrator.migrate(queue)
            try queue.inDatabase { db in try ChangeLog.install(db) }
        } catch {
            throw KitError(.database, "Cannot open \(url.path) for \(subsystem.displayName): \(error). Move the file away to start over.")
        }
    }

    /// Write-ahead logging with `synchronous = NORMAL`, for the subsystems' files and the undo history alike.
    ///
    /// *Why:* in the default rollback-journal mode with `synchronous = FULL` every commit syncs the journal and the
    /// file several times (a command cost ~8 `fdatasync`s across its subsystem's file and the history, most of a
    /// screen step's time). In WAL mode a commit appends to the log and syncs only at checkpoints. A commit is atomic
    /// either way and survives the process being killed (the log is in the OS's cache); what NORMAL gives up is the
    /// last commits on a power loss or OS crash, which then roll back as a whole, the database staying consistent.
    static func configureDurability(_ config: inout Configuration) {
        config.journalMode = .wal
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
    }

    /// Reads committed state outside any command.
    public func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await queue.unsafeRead(body)
    }

    /// Writes outside any command, in its own transaction (setup, seeding in tests).
    public func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await queue.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction {
                result = try body(db)
                return .commit
            }
            guard let result else { throw KitError(.database, "The write to \(self.url.path) produced no result.") }
            return result
        }
    }
}

/// The one transaction of one command: opened at its first write, committed when the handler
/// returns `.done`, rolled back otherwise — also when the handler throws, is cancelled or hangs.
///
/// After the command ends, the transaction refuses further use, so a handler that ignored its timeout
/// and wakes up later cannot write outside any command.
public final class CommandTransaction: @unchecked Sendable {
    // @unchecked: the only mutable state (`state`) is guarded by `lock`, and it is read and changed
    // inside the database queue's closures, which GRDB runs one at a time.
    private enum State { case idle, open, ended }
    private let lock = NSLock()
    private var state = State.idle
    private let store: SubsystemStore

    init(store: SubsystemStore) { self.store = store }

    /// Whether the command has written anything yet.
    var hasWritten: Bool { withState { $0 != .idle } }

    /// Reverts the saved changes of `group` inside this transaction; returns how many statements ran.
    func revert(group: String) async throws -> Int {
        try await write { db in try ChangeLog.revert(db, group: group) }
    }

    private func withState<T>(_ body: (inout State) throws -> T) rethrows -> T {
        lock.lock(); defer { lock.unlock() }
        return try body(&state)
    }

    /// Runs `body` inside the command's transaction (opening it if needed) in a savepoint, so an
    /// error thrown inside `body` undoes that block's writes even before the command rolls back.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await store.queue.writeWithoutTransaction { db in
            try self.withState { state in
                switch state {
                case .ended: throw CancellationError()
                case .idle:
                    try db.beginTransaction(.immediate)
                    try ChangeLog.begin(db)
                    state = .open
                case .open: break
                }
            }
            var result: T?
            try db.inSavepoint {
                result = try body(db)
                return .commit
            }
            guard let result else { throw KitError(.database, "A write to \(self.store.url.path) produced no result.") }
            return result
        }
    }

    /// Reads, seeing this command's own uncommitted writes.
    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await store.queue.unsafeRead { db in
            if self.withState({ $0 == .ended }) { throw CancellationError() }
            return try body(db)
        }
    }

    /// Commits, if anything was written; with a `group`, the inverses of the command's row changes are saved
    /// under it in the same transaction (``ChangeLog``). Returns how many rows the command changed.
    @discardableResult
    func commit(group: String? = nil) async throws -> Int {
        try await store.queue.writeWithoutTransaction { db in
            let wasOpen = self.withState { state -> Bool in defer { state = .ended }; return state == .open }
            guard wasOpen, db.isInsideTransaction else { return 0 }
            do {
                let changed = try group.map { try ChangeLog.save(db, group: $0) } ?? 0
                try db.commit()
                return changed
            } catch {
                try? db.rollback()
                throw error
            }
        }
    }

    /// Rolls back, if anything was written.
    func rollback() async {
        _ = try? await store.queue.writeWithoutTransaction { db in
            let wasOpen = self.withState { state -> Bool in defer { state = .ended }; return state == .open }
            if wasOpen, db.isInsideTransaction { try db.rollback() }
        }
    }
}
