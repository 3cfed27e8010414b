public import RelayModel
public import RelayJSON

/// A request to run one action: what the model's tool call, the CLI or the voice loop hands the dispatcher.
public struct Command: Sendable, Hashable {
    /// The action's stable name.
    public var action: String
    /// JSON arguments as given (names for entities, specs for dates).
    public var arguments: JSONObject
    /// Where it came from.
    public var origin: CommandOrigin
    /// Whether the user already confirmed (needed for destructive actions and video origin).
    public var confirmed: Bool
    /// The words it came from, if any (for the audit log).
    public var utterance: String?
    /// The id shared by a command and the actions it calls, under which their changes are saved for undo;
    /// set by the dispatcher.
    var group: String?

    /// Creates a command.
    public init(action: String, arguments: JSONObject = [:], origin: CommandOrigin = .text, confirmed: Bool = false, utterance: String? = nil) {
        self.action = action
        self.arguments = arguments
        self.origin = origin
        self.confirmed = confirmed
        self.utterance = utterance
    }

    /// Creates a command from a model's tool call.
    public init(_ call: ToolCall, origin: CommandOrigin = .model, confirmed: Bool = false, utterance: String? = nil) {
        self.init(action: call.name, arguments: call.arguments, origin: origin, confirmed: confirmed, utterance: utterance)
    }

    /// The command as a tool call.
    public var toolCall: ToolCall { ToolCall(name: action, arguments: arguments) }
}

/// One argument that failed validation, with the message the user sees ("brightness: 150 is above the maximum 100").
public struct ArgumentProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The argument's name.
    public var argument: String
    /// The full message, starting with the argument's name.
    public var message: String

    /// Creates a problem.
    public init(argument: String, message: String) {
        self.argument = argument
        self.message = message
    }

    public var description: String { message }
}

/// The outcome of one command: status, words for speech, data for `--json`.
public struct CommandResult: Sendable, Hashable {
    /// The action's name as called.
    public var action: String
    /// The arguments after validation (defaults filled in; entities as `{"id","name"}`).
    public var arguments: JSONObject
    /// How it ended.
    public var status: CommandStatus
    /// What happened, in words for speech.
    public var message: String
    /// What changed, as data.
    public var data: JSONObject
    /// Candidates to choose from when ambiguous.
    public var candidates: [Entity]
    /// Validation problems when invalid.
    public var problems: [ArgumentProblem]
    /// How long the handler ran, in seconds (0 when it did not run).
    public var seconds: Double

    /// Creates a result.
    public init(action: String, arguments: JSONObject = [:], status: CommandStatus, message: String, data: JSONObject = [:],
                candidates: [Entity] = [], problems: [ArgumentProblem] = [], seconds: Double = 0) {
        self.action = action
        self.arguments = arguments
        self.status = status
        self.message = message
        self.data = data
        self.candidates = candidates
        self.problems = problems
        self.seconds = seconds
    }

    /// Whether the action ran and committed.
    public var isDone: Bool { status == .done }

    /// The result as JSON (`relay call --json`, audit log, MCP structured content).
    public var json: JSONValue {
        var o: JSONObject = [
            "action": .string(action),
            "status": .string(status.rawValue),
            "message": .string(message),
            "arguments": .object(arguments),
            "data": .object(data),
        ]
        if !candidates.isEmpty {
            o["candidates"] = .array(candidates.map { .object(["id": .string($0.id), "name": .string($0.name)]) })
        }
        if !problems.isEmpty {
            o["problems"] = .array(problems.map { .object(["argument": .string($0.argument), "message": .string($0.message)]) })
        }
        return .object(o)
    }
}
