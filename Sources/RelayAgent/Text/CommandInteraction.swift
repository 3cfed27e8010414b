import RelayLanguage
public import RelayKit

/// How the loop asks the user something mid-command: a yes/no confirmation or a missing argument.
///
/// The keyboard (`relay say` on a terminal), the voice loop (the next utterance, with a tiny grammar) and
/// non-interactive runs (`--yes`, pipes, tests) each answer differently; nil means "cannot ask or no answer".
public protocol CommandInteraction: Sendable {
    /// Asks `question`; true for yes, false for no, nil when there is no one to ask or no clear answer.
    func confirm(_ question: String) async -> Bool?
    /// Asks for the value of `parameter`; the words of the answer, or nil.
    func answer(_ question: String, for parameter: Parameter) async -> String?
    /// Asks which of `candidates` the user means ("Which alarm: 7:30 AM or 9:00 AM?"), to fill `parameter`;
    /// the words of the answer, or nil. By default, ``answer(_:for:)``.
    func choose(_ question: String, among candidates: [Entity], for parameter: Parameter) async -> String?
}

extension CommandInteraction {
    public func choose(_ question: String, among candidates: [Entity], for parameter: Parameter) async -> String? {
        await answer(question, for: parameter)
    }
}

/// Answers without asking anyone: confirms when told to (`--yes`), never supplies missing arguments.
public struct UnattendedInteraction: CommandInteraction {
    /// Whether destructive actions are confirmed up front.
    public var confirmsEverything: Bool

    /// Creates it; `confirmsEverything` is `--yes`.
    public init(confirmsEverything: Bool = false) { self.confirmsEverything = confirmsEverything }

    public func confirm(_ question: String) async -> Bool? { confirmsEverything ? true : nil }
    public func answer(_ question: String, for parameter: Parameter) async -> String? { nil }
}

/// Answers from scripted replies, in order (tests, piped input).
public actor ScriptedInteraction: CommandInteraction {
    private var replies: [String]
    /// The questions asked so far.
    public private(set) var questions: [String] = []

    /// Creates it with the replies to give, first one first.
    public init(replies: [String]) { self.replies = replies }

    public func confirm(_ question: String) async -> Bool? {
        questions.append(question)
        guard !replies.isEmpty else { return nil }
        return YesNo.read(replies.removeFirst())
    }

    public func answer(_ question: String, for parameter: Parameter) async -> String? {
        questions.append(question)
        return replies.isEmpty ? nil : replies.removeFirst()
    }
}

/// Reads yes/no answers, spoken or typed.
public enum YesNo {
    /// The words that mean yes.
    public static let yes: Set<String> = ["yes", "y", "yeah", "yep", "sure", "ok", "okay", "confirm", "do it", "go ahead", "yes please", "是", "好", "确定"]
    /// The words that mean no.
    public static let no: Set<String> = ["no", "n", "nope", "cancel", "stop", "dont", "do not", "no thanks", "不", "不要", "取消"]

    /// True, false, or nil when the answer is neither.
    public static func read(_ answer: String) -> Bool? {
        let said = TextNormalizer.normalize(answer)
        if yes.contains(said) { return true }
        if no.contains(said) { return false }
        let first = TextNormalizer.words(answer).first ?? ""
        if yes.contains(first) { return true }
        if no.contains(first) { return false }
        return nil
    }
}
