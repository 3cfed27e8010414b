public import Foundation
public import GRDB
public import RelayJSON

/// What a handler gets to do its work: its subsystem's state (in the command's one transaction),
/// its files folder, the clock, the command's origin, and a way to call other actions.
public struct ActionContext: Sendable {
    /// The subsystem's name.
    public let subsystem: String
    /// The home (state) folder.
    public let home: URL
    /// Where the subsystem keeps files (thumbnails…): `<home>/<subsystem>/`, created on first access.
    public var filesDirectory: URL {
        get throws {
            let dir = home.appendingPathComponent(subsystem, isDirectory: true)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            return dir
        }
    }
    /// Where the command came from.
    public let origin: CommandOrigin
    /// Whether the user confirmed the command.
    public let confirmed: Bool
    /// The clock reading for this command (fixed by tests).
    public let now: Date
    /// The calendar date specs use.
    public let calendar: Calendar
    /// The words the command came from, if any.
    public let utterance: String?

    /// Whether this run is a preview: an unconfirmed destructive command runs once to compute what it would
    /// touch and is always rolled back. Calls to other actions are refused during a preview.
    public let isPreview: Bool
    /// Above this many items a command asks first (``confirm(count:_:always:)``).
    public let bulkThreshold: Int

    let permission: Permission
    let transaction: CommandTransaction
    let caller: @Sendable (Command) async -> CommandResult

    init(subsystem: String, home: URL, origin: CommandOrigin, confirmed: Bool, now: Date, calendar: Calendar,
         utterance: String?, permission: Permission = .write, isPreview: Bool = false, bulkThreshold: Int = 3,
         transaction: CommandTransaction, caller: @escaping @Sendable (Command) async -> CommandResult) {
        self.permission = permission
        self.isPreview = isPreview
        self.bulkThreshold = bulkThreshold
        self.subsystem = subsystem
        self.home = home
        self.origin = origin
        self.confirmed = confirmed
        self.now = now
        self.calendar = calendar
        self.utterance = utterance
        self.transaction = transaction
        self.caller = caller
    }

    /// Writes to the subsystem's database inside the command's transaction.
    ///
    /// Every `write` of one command belongs to the same transaction: it commits only when the handler
    /// returns `.done`, so a handler that writes and then throws (or hangs) leaves nothing behind.
    public func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try Task.checkCancellation()
        return try await transaction.write(body)
    }

    /// Reads the subsystem's database, seeing this command's own writes.
    public func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try Task.checkCancellation()
        return try await transaction.read(body)
    }

    /// Asks the user before going on, with the computed count: "Move 11 photos to Recently Deleted?"
    ///
    /// Call it after working out what the command will touch and before changing anything outside the
    /// database. Unless the command is already confirmed, it throws (and the dispatcher answers
    /// `needs_confirmation` with `question`, `data.count` and `data.confirm`, the call to repeat with
    /// `confirmed: true`) when `count` is above ``bulkThreshold``, when the action is destructive, or when
    /// `always` is set and `count` is above one (the user said "all"). Otherwise it returns and the command goes on.
    public func confirm(count: Int, _ question: String, always: Bool = false) throws {
        guard !confirmed, count > 0 else { return }
        if count > bulkThreshold || permission == .destructive || (always && count > 1) {
            throw ConfirmationRequest(question: question, count: count)
        }
    }

    /// Runs an action of *another* subsystem through the dispatcher (validation, permission, its own
    /// transaction): e.g. Camera landing a photo in Photos with `photos.import`.
    public func call(_ action: String, _ arguments: JSONObject = [:]) async -> CommandResult {
        await caller(Command(action: action, arguments: arguments, origin: .subsystem, confirmed: confirmed, utterance: utterance))
    }
}

/// Thrown by ``ActionContext/confirm(count:_:always:)`` when the user must say yes first; the dispatcher
/// rolls the command back and answers `needs_confirmation` with the question and the count.
struct ConfirmationRequest: Error, Sendable {
    let question: String
    let count: Int
}
