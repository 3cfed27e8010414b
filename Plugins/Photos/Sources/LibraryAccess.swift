public import RelayKit

/// Reads and writes the Photos database, whoever holds it: a dispatcher command's transaction
/// (`ActionContext`), or a plain `DatabaseQueue` with a transaction per write (`relay photos import`).
public protocol LibraryAccess: Sendable {
    /// Reads the library.
    func readLibrary<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T
    /// Writes the library (in a transaction, or inside the command's).
    func writeLibrary<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T
}

extension DatabaseQueue: LibraryAccess {
    /// Reads in a read-only access of the queue.
    public func readLibrary<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await read(body)
    }

    /// Writes in a transaction of its own, committed when `body` returns.
    public func writeLibrary<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await write(body)
    }
}

extension ActionContext: LibraryAccess {
    /// Reads, seeing the command's own writes.
    public func readLibrary<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await read(body)
    }

    /// Writes inside the command's one transaction.
    public func writeLibrary<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await write(body)
    }
}
