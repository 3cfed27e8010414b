import RelayModel

/// The phone's own actions, added to every dispatcher's catalog: `relay.undo`.
///
/// A subsystem without state of its own — the dispatcher carries its actions out itself — so that
/// "undo that" is understood, spoken and offered to the model like any other action.
public struct RelaySystemSubsystem: Subsystem {
    /// Creates it.
    public init() {}
    public var name: String { "relay" }
    public var displayName: String { "Relay" }
    public var summary: String { "The phone itself: undo the last command." }
    public var actions: [any Action.Type] { [UndoLastCommand.self, RedoLastCommand.self] }
    public var migrator: DatabaseMigrator { DatabaseMigrator() }
}

/// `relay.undo`: revert the last command that changed something; an undo undone is a redo.
public struct UndoLastCommand: Action {
    public static let name = "relay.undo"
    public static let description = "Undo the last command that changed something (undoing an undo redoes it). Sent messages can't be undone."
    public static let permission = Permission.write
    public static let sentences: Sentences = [
        "en": [
            "<please> undo [that|it|this] <please>",
            "<please> undo (the|my) last (command|change|action|thing) <please>",
            "<please> take (that|it) back",
        ],
        "zh": ["<please>撤销[刚才的操作]", "<please>撤回"],
    ]

    public init(arguments: Arguments) throws {}

    /// Never called: the dispatcher runs undo itself, across subsystems (``Dispatcher/undoLast(origin:utterance:)``).
    public func perform(in context: ActionContext) async throws -> ActionOutcome {
        throw ActionFailure(.failed, "relay.undo is carried out by the dispatcher.")
    }
}

/// `relay.redo`: redo what the last command undid; refused when the last command was not an undo.
public struct RedoLastCommand: Action {
    public static let name = "relay.redo"
    public static let description = "Redo what the last undo took back."
    public static let permission = Permission.write
    public static let sentences: Sentences = [
        "en": ["<please> redo [that|it|this] <please>", "<please> (put|bring) (that|it) back <please>"],
        "zh": ["<please>重做"],
    ]

    public init(arguments: Arguments) throws {}

    /// Never called: the dispatcher runs redo itself.
    public func perform(in context: ActionContext) async throws -> ActionOutcome {
        throw ActionFailure(.failed, "relay.redo is carried out by the dispatcher.")
    }
}
