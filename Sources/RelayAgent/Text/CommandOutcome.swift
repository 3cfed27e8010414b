public import RelayKit
public import RelayModel
public import RelayJSON

/// How one command ended, as `relay say` / `relay listen` report it.
public enum OutcomeStatus: String, Sendable, Hashable, CaseIterable, Codable {
    /// The action ran.
    case done
    /// The words were not understood as a command (nothing was dispatched).
    case notUnderstood = "not_understood"
    /// A destructive action waits for a confirmation that was not given.
    case needsConfirmation = "needs_confirmation"
    /// The user said no, or the action declined.
    case refused
    /// The action ran and failed, or could not run (unknown name, bad argument, ambiguous name).
    case failed

    /// The outcome status of a dispatcher result.
    public init(_ status: CommandStatus) {
        switch status {
        case .done: self = .done
        case .needsConfirmation: self = .needsConfirmation
        case .refused: self = .refused
        case .failed, .notFound, .ambiguous, .invalidArguments: self = .failed
        }
    }
}

/// The outcome of one spoken or typed command: what was heard, what was called, how it ended, what was said back.
public struct CommandOutcome: Sendable, Hashable {
    /// The words, as typed or recognized.
    public var transcript: String
    /// The call the model made, with any follow-up answers merged; nil when not understood.
    public var toolCall: ToolCall?
    /// How it ended.
    public var status: OutcomeStatus
    /// What Relay answered, in words (spoken with `--speak`).
    public var reply: String
    /// The dispatcher's result, when something was dispatched.
    public var result: CommandResult?
    /// The yes/no question put before acting ("Set an alarm for 6:50 AM?", "Cancel all 3 alarms?"), when one was.
    public var asked: String?
    /// Why it was asked: a ``ReadBackPolicy/Reason`` raw value ("repaired", "one_clause", "guessed_words",
    /// "weak_score", "weak_recognition", "unconfirmed", "open_vocabulary") or "destructive".
    public var askedBecause: String?

    /// Creates an outcome.
    public init(transcript: String, toolCall: ToolCall?, status: OutcomeStatus, reply: String, result: CommandResult? = nil,
                asked: String? = nil, askedBecause: String? = nil) {
        self.transcript = transcript
        self.toolCall = toolCall
        self.status = status
        self.reply = reply
        self.result = result
        self.asked = asked
        self.askedBecause = askedBecause
    }

    /// `{"transcript", "tool_call": {"name", "arguments"} | null, "status", "reply"}`, plus `"asked"` and
    /// `"asked_because"` when a yes/no question was put before acting — the last line of `--json` output.
    public var json: JSONValue {
        var o = JSONObject()
        o["transcript"] = .string(transcript)
        if let toolCall {
            o["tool_call"] = .object(["name": .string(toolCall.name), "arguments": .object(toolCall.arguments)])
        } else {
            o["tool_call"] = .null
        }
        o["status"] = .string(status.rawValue)
        o["reply"] = .string(reply)
        if let asked {
            o["asked"] = .string(asked)
            o["asked_because"] = askedBecause.map { .string($0) } ?? .null
        }
        return .object(o)
    }
}
