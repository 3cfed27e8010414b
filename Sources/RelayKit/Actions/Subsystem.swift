public import Foundation
public import RelayJSON
import RelayModel

/// A simulated phone app: a named set of actions over its own SQLite state.
///
/// ```swift
/// public struct NotesSubsystem: Subsystem {
///     public init() {}
///     public let name = "notes"
///     public let displayName = "Notes"
///     public let summary = "Short text notes."
///     public var actions: [any Action.Type] { [AddNote.self, ListNotes.self] }
///     public var migrator: DatabaseMigrator {
///         var m = DatabaseMigrator()
///         m.registerMigration("v1") { db in
///             try db.create(table: "note") { t in t.autoIncrementedPrimaryKey("id"); t.column("text", .text).notNull() }
///         }
///         return m
///     }
/// }
/// ```
///
/// The dispatcher opens `<home>/<name>.sqlite` on first use and runs ``migrator``; every action
/// of the subsystem reads and writes it through ``ActionContext``.
public protocol Subsystem: Sendable {
    /// Stable lowercase name, the prefix of every action name (`"photos"`), and the state file's name.
    var name: String { get }
    /// Name shown to people: "Photos".
    var displayName: String { get }
    /// One sentence on what it is, for the reference page.
    var summary: String { get }
    /// Every action type, in the order docs list them.
    var actions: [any Action.Type] { get }
    /// Shared sentence rules `<name>` for this subsystem's templates (default: none beyond the built-ins).
    var rules: SentenceRules { get }
    /// The schema of its SQLite file; migrations run when the dispatcher first opens it.
    var migrator: DatabaseMigrator { get }
    /// The things of `kind` people can name (albums, contacts), for entity parameters and the matcher.
    func entities(of kind: EntityKind, in db: Database) throws -> [Entity]
    /// A JSON snapshot of its state, for `relay state`, golden cases and tests.
    /// The default lists every table's rows.
    func state(in db: Database) throws -> JSONValue

    /// Whether time changes its state (timers, alarms, purges): only these are asked to ``passTime(_:in:)``.
    var keepsTime: Bool { get }
    /// Brings the state up to `passage.now` — rings due alarms, finishes timers, purges old items — inside
    /// one transaction, and says what happened. Called by a running Relay (``PhoneHeartbeat``); never undoable.
    func passTime(_ passage: TimePassage, in db: Database) throws -> [PhoneEvent]
    /// The next time something will fall due after `now`, if anything will (the heartbeat sleeps until then).
    func nextDeadline(after now: Date, calendar: Calendar, in db: Database) throws -> Date?
    /// How long one of its actions may run, when it is not the dispatcher's limit (nil, the default): an external
    /// MCP server's first call includes starting the server.
    var timeLimit: Duration? { get }
    /// Its screens, the first being the one its home-screen icon opens (default: none; the icon then opens a page
    /// with the app's summary).
    var screens: [any Screen.Type] { get }
    /// Whether its state decides how every screen looks (Settings' dark mode): only these are asked ``screenAppearance(in:)``.
    var decidesScreenAppearance: Bool { get }
    /// How the phone's screens look now (default: the light theme).
    func screenAppearance(in db: Database) throws -> ScreenAppearance
}

/// How the phone's screens look.
public struct ScreenAppearance: Sendable, Hashable {
    /// Light text on a dark background.
    public var isDark: Bool

    /// Creates an appearance.
    public init(isDark: Bool = false) { self.isDark = isDark }
}

extension Subsystem {
    public var rules: SentenceRules { [:] }
    public var summary: String { displayName }
    public func entities(of kind: EntityKind, in db: Database) throws -> [Entity] { [] }
    public func state(in db: Database) throws -> JSONValue { try StateSnapshot.allTables(in: db) }
    public var keepsTime: Bool { false }
    public func passTime(_ passage: TimePassage, in db: Database) throws -> [PhoneEvent] { [] }
    public func nextDeadline(after now: Date, calendar: Calendar, in db: Database) throws -> Date? { nil }
    public var timeLimit: Duration? { nil }
    public var screens: [any Screen.Type] { [] }
    public var decidesScreenAppearance: Bool { false }
    public func screenAppearance(in db: Database) throws -> ScreenAppearance { ScreenAppearance() }

    /// The entity kinds its actions' parameters refer to.
    public var entityKinds: [EntityKind] {
        var kinds: [EntityKind] = []
        for action in actions {
            for p in action.parameters {
                if case .entity(let k) = p.kind, !kinds.contains(k) { kinds.append(k) }
            }
        }
        return kinds
    }
}
