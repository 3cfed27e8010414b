import Foundation
public import RelayModel
import RelayJSON
public import RelayLanguage

/// One reading of an utterance as a call of an installed action, with how well it fits.
public struct CommandMatch: Sendable, Hashable {
    /// The call: action name and canonical arguments (declaration order, fixed arguments included).
    public var call: ToolCall
    /// Fit in [0, 1]: 1 is an exact template match; each slip (extra, missing or misspelt word) lowers it.
    public var score: Double
    /// Required parameters the utterance left out (the loop asks for them).
    public var missing: [String]
    /// How much the action may change.
    public var permission: Permission
    /// The template that matched best.
    public var template: String
    /// Words taken by free-text slots: of two equally good readings, the one explaining more words with
    /// template words (fewer taken by wildcards) is the more specific.
    public var wildcardWords: Int
    /// The sentence it was read from when the words as heard were not understood and ``PhoneticRepair`` re-heard
    /// some of them ("cancel my alarm" for "Can't solve my alarm."); nil when read as heard.
    public var repairedText: String?
    /// The one clause it was read from when the whole utterance was not understood ("enable bluetooth" of "enable
    /// bluetooth, I want to use my headphones"); nil when read whole.
    public var clause: String?
    /// Whether the encoder stage's intent head chose the action (then ``score`` is its probability, not a cosine).
    public var isByIntentHead = false
    /// Words the encoder stage read this change through that no sentence Relay knows uses ("**crop** the last photo"):
    /// what they mean was guessed, so the change is read back first. Empty for template readings and reads.
    public var guessedWords: [String] = []

    /// Creates a reading.
    public init(call: ToolCall, score: Double, missing: [String], permission: Permission, template: String, wildcardWords: Int,
                repairedText: String? = nil) {
        self.call = call
        self.score = score
        self.missing = missing
        self.permission = permission
        self.template = template
        self.wildcardWords = wildcardWords
        self.repairedText = repairedText
    }

    /// Whether the words matched a template exactly (nothing extra, nothing left out).
    public var isExact: Bool { score >= 1 - 1e-9 }
    /// Whether understanding relied on a phonetic repair of the words: a change it leads to is read back first.
    public var isRepaired: Bool { repairedText != nil }
}

/// Matches text against every installed action's sentence templates with typed slots and a fuzzy fallback.
///
/// Exact template matches score 1; otherwise the alignment cost of ``TemplateAligner`` (extra words,
/// left-out words, near spellings, missing slots) lowers the score. Every language's templates are tried,
/// so Mandarin commands work where the plugins declare `zh` sentences. Build it once per set of installed
/// actions; entity names (albums, contacts) are passed per call because they change.
public struct CommandMatcher: Sendable {
    struct CompiledTemplate: Sendable {
        let text: String
        let fixed: JSONObject
        let aligner: TemplateAligner
        /// The words its sentences can start with once fillers are skipped.
        let leadingWords: Set<String>
    }

    struct CompiledAction: Sendable {
        let name: String
        let permission: Permission
        let parameters: [Parameter]
        let templates: [CompiledTemplate]
        /// Every word of its templates and choice names but the commonest: an utterance sharing none of
        /// them cannot reach any threshold, so the action is skipped without aligning.
        let vocabulary: Set<String>
        /// The words its English sentences can start with once fillers are skipped: mostly its verbs ("delete",
        /// "show", "rename"). See ``CommandMatcher/leadingVerb(_:)``.
        let leadingWords: Set<String>
        /// Whether one of its templates is a question ("do i have any new messages"): its author says it answers
        /// questions, even if it changes something on the way (reading messages marks them read).
        let answersQuestions: Bool
        /// Its choice parameters' names, normalised once, by parameter name (see ``SlotReader/ChoiceForms``).
        let choiceForms: [String: SlotReader.ChoiceForms]
        /// Per parameter (declaration order): an id shared by every parameter of any action that reads alike (same kind,
        /// path or not), which keys the per-utterance cache of slot readings without hashing the kind each time.
        let readingIDs: [Int]

        /// `words` read as a value of `p`, one of its parameters.
        func read(_ words: [String], original: String, for p: Parameter, with reader: SlotReader) -> JSONValue? {
            reader.read(words, original: original, for: p, choices: choiceForms[p.name])
        }
    }

    /// The most words an utterance may have to be read as a command.
    public static let longestCommand = 40

    /// Words too common to tell actions apart, ignored when pre-selecting actions.
    static let stopWords: Set<String> = ["the", "a", "an", "my", "please", "to", "i", "me", "you", "it", "is", "of", "for", "in", "on", "at"]

    /// What decides how a slot's words read: parameters alike in both read every span alike.
    struct ReadingKind: Hashable {
        let kind: ParameterKind
        /// Paths and names are both strings but read differently (``Parameter/isPath``).
        let isPath: Bool
    }

    let actions: [CompiledAction]
    /// The catalog's declaration problems (unparsable templates among them); empty when the declarations are sound.
    public let problems: [String]
    /// The actions' embedded sentences: the second stage, when a sentence encoder is installed (nil: templates only).
    public let embeddings: ActionEmbeddings?
    /// Every word of every template and of ``embeddings``' sentences (``ActionEmbeddings/knownWords``), and the idle
    /// words: what the encoder stage has seen used (``CommandMatcher/unknownWords(_:values:)``). Empty without it.
    let knownWords: Set<String>
    let parametersByAction: [String: [Parameter]]
    /// Every action's leading words but the light verbs, question words and the words that name or order items: the
    /// verbs that say which actions are meant (``leadingVerb(_:)``, ``Mood``).
    let verbs: Set<String>
    /// Re-hears words no template knows when an utterance is not understood (nil: no repair); see ``repairing(with:threshold:)``.
    public private(set) var phoneticRepair: PhoneticRepair?

    /// Compiles the templates of every action in `catalog` (every language); with `embeddings` (made from the same
    /// catalog), utterances no template reads confidently are ranked by a sentence encoder.
    public init(catalog: ActionCatalog, embeddings: ActionEmbeddings? = nil) {
        var compiled: [CompiledAction] = []
        var readingKinds: [ReadingKind: Int] = [:]
        for descriptor in catalog.actions {
            var templates: [CompiledTemplate] = []
            var vocabulary = Set<String>()
            var leading = Set<String>()
            for parsed in descriptor.sentences(in: "en") { leading.formUnion(Self.leadingWords(parsed.template.root).words) }
            for language in descriptor.sentences.languages {
                for parsed in descriptor.sentences(in: language) {
                    let aligner = TemplateAligner(parsed.template) { slot in
                        descriptor.parameters.first { $0.name == slot }.map { SlotReader.isWildcard($0.kind) } ?? false
                    }
                    for node in aligner.nodes {
                        if case .word(let w, _) = node, !Self.stopWords.contains(w) { vocabulary.insert(w) }
                    }
                    templates.append(CompiledTemplate(text: parsed.sentence.template, fixed: parsed.sentence.fixed, aligner: aligner,
                                                      leadingWords: Self.leadingWords(parsed.template.root).words))
                }
            }
            // Spoken names of choices count as the action's words too ("brightness 40").
            for p in descriptor.parameters {
                if case .choice(let choices) = p.kind {
                    for c in choices {
                        for n in c.names(language: "en") + c.names(language: "zh") + [c.value] {
                            vocabulary.formUnion(TextNormalizer.words(n).filter { !Self.stopWords.contains($0) })
                        }
                    }
                }
            }
            var choiceForms: [String: SlotReader.ChoiceForms] = [:]
            for p in descriptor.parameters { if case .choice(let choices) = p.kind { choiceForms[p.name] = SlotReader.ChoiceForms(choices) } }
            let readingIDs = descriptor.parameters.map { p in
                let kind = ReadingKind(kind: p.kind, isPath: p.isPath)
                if let id = readingKinds[kind] { return id }
                readingKinds[kind] = readingKinds.count
                return readingKinds.count - 1
            }
            compiled.append(CompiledAction(
                name: descriptor.name, permission: descriptor.permission, parameters: descriptor.parameters,
                templates: templates, vocabulary: vocabulary, leadingWords: leading,
                answersQuestions: descriptor.permission == .write && templates.contains { Self.isQuestionTemplate($0.text) },
                choiceForms: choiceForms,
                readingIDs: readingIDs))
        }
        actions = compiled
        let leadingWords = compiled.reduce(into: Set<String>()) { $0.formUnion($1.leadingWords) }
            .subtracting(Self.lightVerbs).subtracting(Self.questionWords)
        // A sentence may start with the things it acts on ("the last 3 photos to favorites"): a word that names an
        // item or orders the items is no verb, whatever sentence it leads.
        var named = Self.orderWords.union(Self.idleWords)
        for action in compiled {
            for p in action.parameters {
                if case .item(let nouns)? = p.role { named.formUnion(nouns.flatMap { [$0, $0 + "s"] }) }
            }
        }
        verbs = leadingWords.subtracting(named)
        problems = catalog.problems
        self.embeddings = embeddings
        knownWords = embeddings.map { embedded in
            let seen = Self.idleWords.union(Self.stopWords).union(embedded.knownWords)
            return compiled.reduce(into: seen) { $0.formUnion($1.vocabulary) }
        } ?? []
        parametersByAction = Dictionary(uniqueKeysWithValues: compiled.map { ($0.name, $0.parameters) })
    }

    /// Compiles the templates of `subsystems`' actions.
    public init(subsystems: [any Subsystem]) {
        self.init(catalog: ActionCatalog(subsystems: subsystems))
    }

    /// Names of the actions it knows.
    public var actionNames: [String] { actions.map(\.name) }

    /// Every plausible reading of `text`, best first, one per distinct call.
    ///
    /// - Parameters:
    ///   - entityNames: live names by entity kind; entity slots only accept these.
    ///   - tools: when given, only these action names are considered (the tools offered to the model).
    ///   - minimumScore: readings below this are dropped.
    public func candidates(for text: String, entityNames: EntityNames = [:], tools: Set<String>? = nil,
                           minimumScore: Double = 0.3) -> [CommandMatch] {
        candidates(for: text, entityNames: entityNames, tools: tools, minimumScore: minimumScore, breadth: .all)
    }

    /// Which readings a caller of ``candidates(for:entityNames:tools:minimumScore:breadth:)`` needs.
    enum Breadth {
        /// Every reading.
        case all
        /// The readings `policy` may look at to decide (``UnderstandingPolicy/decide(_:)``): the best, and when it may be
        /// good enough, those within the tie margin that could be its rivals.
        case decisive(UnderstandingPolicy)
        /// The best reading (and any as good).
        case best

        /// The lowest score a reading needs to matter when the best scores `best`; never falls as `best` rises, so a
        /// reading below it at any point in the search is below it at the end.
        func floor(best: Double) -> Double {
            switch self {
            case .all:
                return -Double.infinity
            case .best:
                return best
            case .decisive(let policy):
                // Below every threshold the best is too uncertain whatever its rivals; from there on, a rival counts
                // within the tie margin, and only if it reaches its own threshold less the margin.
                let lowest = min(policy.readThreshold, policy.writeThreshold, policy.destructiveThreshold)
                return best >= lowest ? best - policy.tieMargin : min(best, lowest - policy.tieMargin)
            }
        }
    }

    /// ``candidates(for:entityNames:tools:minimumScore:)``, only as broad as `breadth`: the readings it leaves out are
    /// those below ``Breadth/floor(best:)``; every reading it gives is exactly as the full list has it, in the same order.
    ///
    /// *Why:* aligning every template of every action fully was the template stage's time; once a good reading is found,
    /// an alignment that costs too much to come near it is given up (``TemplateAligner/align(_:readSlot:maxSpan:mayBeMissing:near:limit:)``).
    func candidates(for text: String, entityNames: EntityNames, tools: Set<String>?, minimumScore: Double,
                    breadth: Breadth) -> [CommandMatch] {
        let tokens = TextNormalizer.tokens(text)
        let words = tokens.map(\.text)
        // Alignment grows with the square of the length; no template reads this many words (free text spans
        // at most 12), so a longer text is no command and is not aligned at all.
        guard !words.isEmpty, words.count <= Self.longestCommand else { return [] }
        let wordSet = Set(words).subtracting(Self.stopWords)
        let reader = SlotReader(entityNames: entityNames)
        var best: [ToolCall: CommandMatch] = [:]
        // The best score found so far; a reading must reach `floor` to matter (less a margin for rounding).
        var bestScore = -Double.infinity
        let denominator = Double(max(words.count, 3))
        func floor() -> Double { max(minimumScore, breadth.floor(best: bestScore) - 1e-6) }
        // Keyed by reading kind and span (`id << 12 | lower << 6 | upper`: at most 40 words, so 6 bits each).
        var slotCache: [Int: JSONValue?] = [:]
        var nearCache: [String: [Bool]] = [:]
        func near(_ i: Int, _ templateWord: String) -> Bool {
            if let known = nearCache[templateWord] { return known[i] }
            let row = words.map { $0 != templateWord && TemplateAligner.isNear($0, templateWord) }
            nearCache[templateWord] = row
            return row[i]
        }
        // Each template's lower bound on its alignment cost (``TemplateAligner/lowerBound(said:saidNearly:)``), and the
        // actions in the order of their best bound: a good reading found early lets the bounded search give up sooner
        // on the rest. The order changes no reading: a call is one action's, whose templates keep their order.
        let said = Set(words)
        let fillerWords = words.map(TemplateAligner.fillers.contains)
        var nearlySaid: [String: Bool] = [:]
        func saidNearly(_ w: String) -> Bool {
            if let known = nearlySaid[w] { return known }
            let found = words.indices.contains { near($0, w) }
            nearlySaid[w] = found
            return found
        }
        var considered: [(action: CompiledAction, bounds: [Double], best: Double)] = []
        for action in actions {
            if let tools, !tools.contains(action.name) { continue }
            // No word in common with any template: this action cannot score above the threshold.
            guard !action.vocabulary.isDisjoint(with: wordSet) else { continue }
            let bounds = action.templates.map { $0.aligner.lowerBound(said: said.contains, saidNearly: saidNearly) }
            considered.append((action, bounds, bounds.min() ?? .infinity))
        }
        if case .all = breadth {} else { considered.sort { $0.best < $1.best } }
        for (action, bounds, _) in considered {
            func value(_ slot: String, _ lo: Int, _ hi: Int) -> JSONValue? {
                guard let index = action.parameters.firstIndex(where: { $0.name == slot }) else { return nil }
                let p = action.parameters[index]
                if p.role == .label, !Self.isLabel(Array(words[lo..<hi]), for: action, reader: reader) { return nil }
                // Cached per kind and span for the whole utterance: many actions share slot kinds.
                let key = action.readingIDs[index] << 12 | lo << 6 | hi
                if let cached = slotCache[key] { return cached }
                // From the end of the word before to the start of the word after, so paths keep their
                // leading "/" or "~/" and bodies their final "!"; spaces and quotes are trimmed.
                let start = lo > 0 ? tokens[lo - 1].range.upperBound : text.startIndex
                let end = hi < tokens.count ? tokens[hi].range.lowerBound : text.endIndex
                let original = Self.trimmed(String(text[start..<end]))
                let v = action.read(Array(words[lo..<hi]), original: original, for: p, with: reader)
                slotCache[key] = v
                return v
            }
            func span(_ slot: String) -> Int {
                action.parameters.first { $0.name == slot }.map { SlotReader.maximumSpan($0) } ?? 1
            }
            for (template, bound) in zip(action.templates, bounds) {
                func mayBeMissing(_ slot: String) -> Bool {
                    template.fixed[slot] == nil && action.parameters.contains { $0.name == slot && $0.isRequired }
                }
                // The most an alignment may cost to score at least the floor (a little more, for rounding).
                let limit = (1 - floor()) * denominator + 1e-6
                guard bound <= limit, let path = template.aligner.align(
                    words, readSlot: { value($0, $1, $2) != nil }, maxSpan: span, mayBeMissing: mayBeMissing, near: near,
                    limit: limit, fillerWords: fillerWords)
                else { continue }
                // A switch the template sets on or off needs its "on" or "off" said (or misspelt), never assumed.
                if path.leftOutSwitch, template.fixed.members.contains(where: { if case .bool = $0.value { true } else { false } }) { continue }
                // One follow-up question at most: a template may leave out a required slot ("text {to}" asks for
                // the body), but a reading that would need two answers ("send a message") is not a command.
                let filled = Set(path.bindings.map(\.slot)).union(template.fixed.keys)
                guard action.parameters.filter({ $0.isRequired && !filled.contains($0.name) }).count <= 1 else { continue }
                // A missing argument may be asked for only when the rest fits: at most one missing, no
                // unexplained content words (they are probably the value we could not read), and at
                // least two pieces of evidence (template words or filled slots).
                if !path.missing.isEmpty {
                    let typedSlots = path.bindings.filter { b in
                        action.parameters.first { $0.name == b.slot }.map { !SlotReader.isWildcard($0.kind) } ?? false
                    }.count
                    guard path.missing.count == 1, path.extraContentWords == 0, path.literals + typedSlots >= 2 else { continue }
                }
                // An extra word that is a value of a parameter this reading leaves unset ("mark **yesterday**
                // pictures as favorites" read without its date) would be silently ignored: not this reading.
                if ignoresAValue(path.extraContentPositions, bound: path.bindings.map(\.slot), fixed: template.fixed,
                                 action: action, value: value) { continue }
                let score = max(0, 1 - path.cost / Double(max(words.count, 3)))
                guard score >= minimumScore else { continue }
                var wildcardWords = 0
                for b in path.bindings {
                    if let p = action.parameters.first(where: { $0.name == b.slot }), SlotReader.isWildcard(p.kind) {
                        wildcardWords += b.upper - b.lower
                    }
                }
                var arguments = JSONObject()
                var given: [String: JSONValue] = [:]
                for b in path.bindings where given[b.slot] == nil {
                    if let v = value(b.slot, b.lower, b.upper) { given[b.slot] = v }
                }
                for (k, v) in template.fixed where given[k] == nil { given[k] = v }
                for p in action.parameters { if let v = given[p.name] { arguments[p.name] = v } }
                let missing = action.parameters
                    .filter { $0.isRequired && given[$0.name] == nil }
                    .map(\.name)
                let call = ToolCall(name: action.name, arguments: arguments)
                let match = CommandMatch(call: call, score: score, missing: missing, permission: action.permission,
                                         template: template.text, wildcardWords: wildcardWords)
                if let old = best[call], old.score > score || (old.score == score && old.wildcardWords <= wildcardWords) { continue }
                best[call] = match
                bestScore = max(bestScore, score)
            }
        }
        // A call's best reading reaches the final floor, so it was never cut; a weaker one of the same call (kept
        // while the floor was lower) may have taken its place only when the best one was below that floor too.
        let kept = breadth.floor(best: bestScore) - 1e-6
        return best.values.filter { $0.score >= kept }.sorted {
            if abs($0.score - $1.score) > 1e-9 { return $0.score > $1.score }
            if $0.wildcardWords != $1.wildcardWords { return $0.wildcardWords < $1.wildcardWords }
            if $0.missing.count != $1.missing.count { return $0.missing.count < $1.missing.count }
            if $0.call.arguments.count != $1.call.arguments.count { return $0.call.arguments.count > $1.call.arguments.count }
            if $0.call.name != $1.call.name { return $0.call.name < $1.call.name }
            // Exact ties ("turn on the dark mode off" read both ways) in a fixed order, not the dictionary's, which
            // changes from process to process: the same words give the same first reading every time.
            if $0.template != $1.template { return $0.template < $1.template }
            return JSONValue.object($0.call.arguments).compactJSON < JSONValue.object($1.call.arguments).compactJSON
        }
    }

    /// Whether one extra word, or two adjacent ones, read as a value of a typed parameter the reading leaves unset.
    func ignoresAValue(_ extra: UInt64, bound: [String], fixed: JSONObject, action: CompiledAction,
                       value: (String, Int, Int) -> JSONValue?) -> Bool {
        guard extra != 0 else { return false }
        let unset = action.parameters.filter { p in
            !SlotReader.isWildcard(p.kind) && !bound.contains(p.name) && fixed[p.name] == nil
        }
        guard !unset.isEmpty else { return false }
        func isExtra(_ i: Int) -> Bool { i < 64 && extra & (1 << UInt64(i)) != 0 }
        for i in 0..<64 where isExtra(i) {
            for end in [i + 1, i + 2] where end == i + 1 || isExtra(i + 1) {
                if unset.contains(where: { value($0.name, i, end) != nil }) { return true }
            }
        }
        return false
    }

    /// What `text` asks for, decided by `policy`: the one understanding path of `relay say`, the voice loop,
    /// the embedded model's text skill and the plugin test kit (``UnderstandingPolicy/decide(_:)`` over
    /// ``candidates(for:entityNames:tools:minimumScore:)``).
    ///
    /// Templates first: a confident template reading is the answer. Otherwise, when ``embeddings`` are installed,
    /// the sentence encoder ranks the actions and typed slot parsers fill the arguments
    /// (``encoderReading(_:entityNames:tools:policy:)``); when that is not sure either, the templates' own verdict stands.
    /// A reading that is not an exact template match is no reading when the words state rather than ask (``Mood``),
    /// and is completed with the values its template does not spell out (``completed(_:tokens:text:entityNames:)``).
    /// When the words are not understood (and are no statement) and the matcher has ``phoneticRepair``, the sentence
    /// with its unknown words re-heard is read once more; only an exact template reading of it counts, marked
    /// ``CommandMatch/isRepaired``.
    /// The words are encoded at most once (``withinOneCommand(_:)``).
    public func interpret(_ text: String, entityNames: EntityNames = [:], tools: Set<String>? = nil,
                          policy: UnderstandingPolicy = UnderstandingPolicy()) -> Interpretation {
        Self.withinOneCommand { interpretOnce(text, entityNames: entityNames, tools: tools, policy: policy) }
    }

    func interpretOnce(_ text: String, entityNames: EntityNames, tools: Set<String>?, policy: UnderstandingPolicy) -> Interpretation {
        let heard = self.reading(text, entityNames: entityNames, tools: tools, policy: policy)
        // Words misheard by a recognizer ("Can't solve my alarm."): the sentence with its unknown words re-heard as the
        // templates' nearest-sounding words, marked, so that a change it leads to is read back. A repair is already a
        // guess about sounds, so only an exact template reading of the repaired sentence counts: a loose reading of it
        // would be a second guess ("what's 15 times 12" is no "what is the timers").
        if case .notUnderstood(let reason) = heard, !reason.isStatement,
           let one = oneClauseReading(text, entityNames: entityNames, tools: tools, policy: policy)
            ?? coordinatedReading(text, entityNames: entityNames, tools: tools, policy: policy) {
            return .understood(one)
        }
        guard case .notUnderstood(let reason) = heard, !reason.isStatement, let phoneticRepair,
              let repaired = phoneticRepair.repaired(text, names: Array(entityNames.values.joined())),
              case .understood(var match) = self.reading(repaired.text, entityNames: entityNames, tools: tools, policy: policy),
              match.isExact
        else { return heard }
        match.repairedText = repaired.text
        return .understood(match)
    }

    /// The reading of `text` as it is: the first reading, then no loose reading of a statement, then the values a loose
    /// reading left out.
    func reading(_ text: String, entityNames: EntityNames, tools: Set<String>?, policy: UnderstandingPolicy) -> Interpretation {
        let reading = firstReading(text, entityNames: entityNames, tools: tools, policy: policy)
        guard case .understood(let match) = reading else { return reading }
        guard !match.isExact else {
            let words = TextNormalizer.words(text)
            return .understood(withPhoneNumber(withOffset(completedExactly(match, words: words), words: words), text: text))
        }
        let tokens = TextNormalizer.tokens(text)
        if Mood.isStatement(tokens, text: text, verbs: verbs) { return .notUnderstood(.statement(best: match)) }
        return .understood(withPhoneNumber(completed(match, tokens: tokens, text: text, entityNames: entityNames), text: text))
    }

    /// This matcher with phonetic repair: when an utterance is not understood, its words that no template, choice or
    /// number word knows are re-heard as the templates' nearest-sounding words (``PhoneticRepair``, pronunciations from
    /// `dictionary`) and the repaired sentence is read; a reading found that way is marked ``CommandMatch/isRepaired``.
    public func repairing(with dictionary: PronouncingDictionary,
                          threshold: Double = PhoneticRepair.defaultThreshold) -> CommandMatcher {
        var copy = self
        let vocabulary = actions.reduce(into: Set<String>()) { $0.formUnion($1.vocabulary) }
        let known = Self.stopWords.union(Self.lightVerbs).union(Self.questionWords).union(NumberWords.words)
        copy.phoneticRepair = PhoneticRepair(dictionary: dictionary, vocabulary: vocabulary, known: known, threshold: threshold)
        return copy
    }

    /// The reading of the template stage, or of the encoder stage when the templates are not sure.
    func firstReading(_ text: String, entityNames: EntityNames, tools: Set<String>?, policy: UnderstandingPolicy) -> Interpretation {
        var decided = policy.decide(candidates(for: text, entityNames: entityNames, tools: tools, minimumScore: 0.3,
                                               breadth: .decisive(policy)))
        if case .understood(let match) = decided {
            let words = TextNormalizer.words(text)
            guard looseReadingHolds(match, words: words) else {
                return encoderReading(text, entityNames: entityNames, tools: tools, policy: policy).map { .understood($0) }
                    ?? .notUnderstood(.tooUncertain(best: match, needed: 1))
            }
            // A question's template missing its question word ("dark mode off" read by "is {toggle} (on|off)") is no
            // question: reading state there would answer something that was not asked and leave undone what was.
            guard match.isExact || match.permission != .read || !Self.isQuestionTemplate(match.template)
                || Self.isQuestion(words, text: text) else {
                return encoderReading(text, entityNames: entityNames, tools: tools, policy: policy).map { .understood($0) }
                    ?? .notUnderstood(.tooUncertain(best: match, needed: 1))
            }
            // A loose change led by a verb its action does not have ("erase the alarm at 8 pm" aligned with "alarm at
            // {time}"; "shoot Bob a message" is an idiom) is checked like a loose read.
            let ledByAnotherVerb = match.permission != .read
                && leadingVerb(words).map { verb in !(actions.first { $0.name == match.call.name }?.leadingWords.contains(verb) ?? true) } ?? false
            guard !match.isExact, match.permission == .read || ledByAnotherVerb, let embeddings,
                  let sims = similarities(text, entityNames: entityNames) else { return decided }
            // A loose read that the encoder puts clearly among the changes ("get rid of the Cats album" aligned with
            // "show the {album} album", its verb taken for extra words) is not trusted: the encoder's own reading, if
            // it is sure, else nothing; nor a change so led that the encoder puts clearly elsewhere. (A loose write the
            // encoder takes for a read, its verb the template's, is usually right: "add Dave to my contacts".)
            let ranked = ranking(sims, in: embeddings, tools: tools)
            guard let top = ranked.first, top.action != match.call.name,
                  let mine = ranked.first(where: { $0.action == match.call.name }),
                  top.similarity - mine.similarity >= (embeddings.intents == nil ? policy.encoderMargin : policy.intentMargin),
                  let topPermission = actions.first(where: { $0.name == top.action })?.permission,
                  topPermission != .read || ledByAnotherVerb else { return decided }
            decided = .notUnderstood(.tooUncertain(best: match, needed: 1))
            return encoderReading(text, entityNames: entityNames, tools: tools, policy: policy, similarities: sims).map { .understood($0) } ?? decided
        }
        guard embeddings != nil else { return decided }
        if let reading = encoderReading(text, entityNames: entityNames, tools: tools, policy: policy) { return .understood(reading) }
        return decided
    }

    /// Whether a template asks about state: it starts with a question word ("is <the> {toggle} on").
    static func isQuestionTemplate(_ template: String) -> Bool {
        guard let first = TextNormalizer.words(template).first else { return false }
        return questionWords.contains(first)
    }

    /// Slot text without surrounding spaces, quotes and clause punctuation.
    static func trimmed(_ s: String) -> String {
        s.trimmingCharacters(in: CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "\"'“”‘’,;:")))
    }
}
