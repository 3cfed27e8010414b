import RelayModel

/// What the text skill concluded about an utterance.
public enum Interpretation: Sendable, Hashable {
    /// One call clearly fits; `missing` lists required arguments still to ask for.
    case understood(CommandMatch)
    /// Nothing fits well enough, or two different calls fit almost equally: no guess is made.
    case notUnderstood(NotUnderstoodReason)

    /// The call, when understood.
    public var match: CommandMatch? {
        if case .understood(let m) = self { return m }
        return nil
    }
}

/// Why an utterance was not understood.
public enum NotUnderstoodReason: Sendable, Hashable {
    /// Nothing came close.
    case noMatch
    /// The best reading scored below what its permission demands (`needed`).
    case tooUncertain(best: CommandMatch, needed: Double)
    /// Two different calls fit about equally well.
    case nearTie(CommandMatch, CommandMatch)
    /// The words tell something rather than ask for anything ("we took so many pictures on the trip"); `best` is
    /// what a request would have been.
    case statement(best: CommandMatch)

    /// Whether the words were a statement: never re-read, repaired or guessed at.
    public var isStatement: Bool {
        if case .statement = self { return true }
        return false
    }
}

/// How sure the text skill must be before it calls an action: surer for actions that change more.
///
/// Reading state on a slightly garbled command is harmless; writing is not; destroying data demands a
/// (nearly) exact sentence. Two different calls within ``tieMargin`` of each other are a near tie and
/// never guessed between.
public struct UnderstandingPolicy: Sendable, Hashable {
    /// Lowest score for a read action.
    public var readThreshold: Double
    /// Lowest score for a write action.
    public var writeThreshold: Double
    /// Lowest score for a destructive action.
    public var destructiveThreshold: Double
    /// Two different calls closer than this are a near tie.
    public var tieMargin: Double
    /// The encoder stage: lowest cosine between an utterance and an action's nearest sentence, for reads and writes.
    public var encoderThreshold: Double
    /// The encoder stage: lowest cosine for a destructive action.
    public var encoderDestructiveThreshold: Double
    /// The encoder stage: how much nearer the best action must be than any other action.
    public var encoderMargin: Double
    /// The encoder stage: how much nearer a value's sentences must be than another value's for the encoder to pick
    /// a choice ("louder": up) the words do not name.
    public var encoderValueMargin: Double
    /// The encoder stage with an intent head (``IntentClassifier``): lowest probability of the action, for reads and
    /// writes.
    public var intentThreshold: Double
    /// The same for a destructive action.
    public var intentDestructiveThreshold: Double
    /// How much more probable the action must be than any other action and than "no action".
    public var intentMargin: Double
    /// A probability at which the intent head's first action is taken even when the utterance's leading verb leads
    /// other actions' templates ("**read** out my alarms" is no message to read; "**add** a notebook called Journal"),
    /// and at which a question may be read as a change whose own templates ask questions ("any new messages?").
    public var intentOverVerb: Double

    /// Creates a policy; the template defaults were tuned on the golden sentences, the encoder's on the golden
    /// sentences and the held-out paraphrases, the intent head's with each calibration set left out of the head in
    /// turn (`relay-bench understanding-sets`; destructive actions ask for confirmation whatever the reading, so they
    /// need no surer reading than other changes). Sets written later and kept out are never tuned on.
    public init(readThreshold: Double = 0.75, writeThreshold: Double = 0.75, destructiveThreshold: Double = 0.9, tieMargin: Double = 0.08,
                encoderThreshold: Double = 0.7, encoderDestructiveThreshold: Double = 0.8, encoderMargin: Double = 0.04,
                encoderValueMargin: Double = 0.05, intentThreshold: Double = 0.6, intentDestructiveThreshold: Double = 0.6,
                intentMargin: Double = 0.1, intentOverVerb: Double = 0.7) {
        self.readThreshold = readThreshold
        self.writeThreshold = writeThreshold
        self.destructiveThreshold = destructiveThreshold
        self.tieMargin = tieMargin
        self.encoderThreshold = encoderThreshold
        self.encoderDestructiveThreshold = encoderDestructiveThreshold
        self.encoderMargin = encoderMargin
        self.encoderValueMargin = encoderValueMargin
        self.intentThreshold = intentThreshold
        self.intentDestructiveThreshold = intentDestructiveThreshold
        self.intentMargin = intentMargin
        self.intentOverVerb = intentOverVerb
    }

    /// The score a call of `permission` needs.
    public func threshold(for permission: Permission) -> Double {
        switch permission {
        case .read: readThreshold
        case .write: writeThreshold
        case .destructive: destructiveThreshold
        }
    }

    /// Decides among `candidates` (best first, as ``CommandMatcher/candidates(for:entityNames:tools:minimumScore:)`` gives them).
    public func decide(_ candidates: [CommandMatch]) -> Interpretation {
        guard let best = candidates.first else { return .notUnderstood(.noMatch) }
        let needed = threshold(for: best.permission)
        guard best.score >= needed else { return .notUnderstood(.tooUncertain(best: best, needed: needed)) }
        // Another action about as good is a near tie; another reading of the same action only when exactly as good.
        if let rival = candidates.dropFirst().first(where: { isRival($0, of: best) }),
           rival.score >= best.score - (rival.call.name == best.call.name ? 1e-9 : tieMargin),
           rival.score >= threshold(for: rival.permission) - tieMargin {
            return .notUnderstood(.nearTie(best, rival))
        }
        return .understood(best)
    }

    /// A rival is a different action, or the same action with conflicting values for the same argument.
    /// The same call with fewer arguments (an optional part left unread) is a weaker reading, not a rival.
    func isRival(_ other: CommandMatch, of best: CommandMatch) -> Bool {
        // Free text swallowing words a template explains ("the gym" for "gym") is a weaker reading.
        if other.wildcardWords > best.wildcardWords && other.score <= best.score + 1e-9 { return false }
        guard other.call.name == best.call.name else { return true }
        for (key, value) in other.call.arguments {
            guard let mine = best.call.arguments[key] else { return true }
            if mine != value { return true }
        }
        return false
    }
}
