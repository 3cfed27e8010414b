public import RelayJSON

/// How a command ended, as the result's `status` says it.
public enum CommandStatus: String, Sendable, Hashable, CaseIterable, Codable {
    /// The action ran and its writes were committed.
    case done
    /// A destructive action (or one from video) waits for `confirmed: true`.
    case needsConfirmation = "needs_confirmation"
    /// The action is not allowed (or the handler declined).
    case refused
    /// The handler threw, hung past the timeout, or the state could not be opened.
    case failed
    /// No such action, or an entity name matched nothing.
    case notFound = "not_found"
    /// An entity name matched several things; `candidates` lists them.
    case ambiguous
    /// Arguments failed validation; `problems` says which and why.
    case invalidArguments = "invalid_arguments"
}

/// What a handler returns: a status (usually done), words for speech, and data for `--json`.
///
/// Anything but `.done` rolls back the command's writes.
public struct ActionOutcome: Sendable, Hashable {
    /// The status.
    public var status: CommandStatus
    /// One or two sentences for the user: "Created the album Vacation."
    public var message: String
    /// What changed or what was found, as JSON.
    public var data: JSONObject
    /// Things to choose from when ambiguous.
    public var candidates: [Entity]

    /// Creates an outcome.
    public init(status: CommandStatus, message: String, data: JSONObject = [:], candidates: [Entity] = []) {
        self.status = status
        self.message = message
        self.data = data
        self.candidates = candidates
    }

    /// The action ran.
    public static func done(_ message: String, data: JSONObject = [:]) -> ActionOutcome {
        ActionOutcome(status: .done, message: message, data: data)
    }

    /// Something the action looked for is not there ("There is no alarm at 7:00 AM.").
    public static func notFound(_ message: String, data: JSONObject = [:]) -> ActionOutcome {
        ActionOutcome(status: .notFound, message: message, data: data)
    }

    /// The action declines ("Wi-Fi can't be turned on in airplane mode.").
    public static func refused(_ message: String, data: JSONObject = [:]) -> ActionOutcome {
        ActionOutcome(status: .refused, message: message, data: data)
    }

    /// The action needs the user to confirm first (the call is repeated with `confirmed: true`).
    public static func needsConfirmation(_ message: String, data: JSONObject = [:]) -> ActionOutcome {
        ActionOutcome(status: .needsConfirmation, message: message, data: data)
    }

    /// Several things match; the user picks one.
    public static func ambiguous(_ message: String, candidates: [Entity]) -> ActionOutcome {
        ActionOutcome(status: .ambiguous, message: message, candidates: candidates)
    }
}

/// Thrown by a handler to end with a specific status and message; the command's writes roll back.
///
/// `throw ActionFailure(.notFound, "There is no photo number 12.")`
public struct ActionFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The status of the result.
    public var status: CommandStatus
    /// The user-facing message.
    public var message: String

    /// Creates a failure.
    public init(_ status: CommandStatus, _ message: String) {
        self.status = status
        self.message = message
    }

    public var description: String { message }
}
