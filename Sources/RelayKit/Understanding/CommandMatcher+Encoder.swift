import Foundation
import RelayJSON
import RelayLanguage
import RelayModel

/// The matcher's second stage: a sentence encoder ranks the actions, typed slot parsers fill the arguments.
///
/// Used only when no template reads an utterance confidently. Similarity chooses the action, never a value the words
/// state: times, durations, percentages, dates, live names and the on/off of a switch are read from the words by the
/// same slot parsers as the templates use. Two rules keep reads and writes apart: a question ("is wifi on", "what's
/// the volume") is never a write, and a value the words state that an action cannot take ("i'd like bluetooth
/// **on**", "**80 percent**") rules that action out when another one can take it. A choice the words do not name is
/// taken from the nearest sentences' values only when one value is clearly nearer than the others ("louder" → up);
/// otherwise it is asked for, and a reading that would need two answers is no reading.
extension CommandMatcher {
    /// One action's standing for an utterance in the encoder stage.
    public struct EncoderScore: Sendable, Hashable {
        /// The action.
        public var action: String
        /// Cosine of the utterance with the action's nearest sentence.
        public var similarity: Double
        /// That sentence.
        public var nearest: String
    }

    /// The actions ranked by the encoder for `text` (best first); empty without ``embeddings``.
    public func encoderRanking(_ text: String, entityNames: EntityNames = [:], tools: Set<String>? = nil) -> [EncoderScore] {
        guard let embeddings, let sims = similarities(text, entityNames: entityNames) else { return [] }
        return ranking(sims, in: embeddings, tools: tools)
    }

    /// The cosine of `text` with every embedded sentence: of the words as said and of the words with their values
    /// phrased as the sentences phrase them (``ExamplePhrasing``), the nearer.
    /// Within one command (``withinOneCommand(_:)``) a text is encoded once however often it is read.
    func similarities(_ text: String, entityNames: EntityNames) -> [Float]? {
        guard let embeddings else { return nil }
        guard let memo = UtteranceSimilarityMemo.current else { return encodedSimilarities(text, entityNames: entityNames, in: embeddings) }
        let key = UtteranceSimilarityMemo.Key(text: text, entityNames: entityNames, embeddings: ObjectIdentifier(embeddings))
        return memo.similarities(key) { encodedSimilarities(text, entityNames: entityNames, in: embeddings) }
    }

    /// ``similarities(_:entityNames:)`` computed: the utterance encoded (as said and as phrased) and compared.
    private func encodedSimilarities(_ text: String, entityNames: EntityNames, in embeddings: ActionEmbeddings) -> [Float]? {
        let tokens = TextNormalizer.tokens(text)
        let words = tokens.map(\.text)
        var texts = [text]
        // Phrased as said ("find videos i took yesterday": "yesterday" is the dates' example): one text, encoded once.
        if let phrased = ExamplePhrasing.phrase(words, tokens: tokens, text: text, entityNames: entityNames).map(TextNormalizer.join),
           phrased != text {
            texts.append(phrased)
        }
        let vectors = embeddings.embedder.encode(texts)
        guard let first = vectors.first else { return nil }
        var sims = embeddings.similarities(to: first)
        for v in vectors.dropFirst() {
            for (i, s) in embeddings.similarities(to: v).enumerated() where s > sims[i] { sims[i] = s }
        }
        // With an intent head, its class probabilities follow the cosines (the mean over the texts encoded).
        if let head = embeddings.intents {
            var mean = [Float](repeating: 0, count: head.classes.count)
            for v in vectors { for (k, p) in head.probabilities(v).enumerated() { mean[k] += p / Float(vectors.count) } }
            sims += mean
        }
        return sims
    }

    /// The intent head's probabilities in an utterance's scores (``similarities(_:entityNames:)``), if it has them.
    func intentProbabilities(_ sims: [Float], in embeddings: ActionEmbeddings) -> ArraySlice<Float>? {
        guard let head = embeddings.intents, sims.count == embeddings.entries.count + head.classes.count else { return nil }
        return sims[embeddings.entries.count...]
    }

    /// The actions ranked for an utterance's scores: by the intent head's probability when there is one (then
    /// ``EncoderScore/similarity`` is that probability), else by the cosine of each action's nearest sentence.
    func ranking(_ sims: [Float], in embeddings: ActionEmbeddings, tools: Set<String>?) -> [EncoderScore] {
        var best: [Int: (Float, Int)] = [:]
        for (i, entry) in embeddings.entries.enumerated() where best[entry.action].map({ sims[i] > $0.0 }) ?? true {
            best[entry.action] = (sims[i], i)
        }
        let probabilities = intentProbabilities(sims, in: embeddings)
        return best.compactMap { action, b -> EncoderScore? in
            let name = embeddings.actionNames[action]
            if let tools, !tools.contains(name) { return nil }
            let score = probabilities.map { $0[$0.startIndex + action] } ?? b.0
            return EncoderScore(action: name, similarity: Double(score), nearest: embeddings.entries[b.1].text)
        }.sorted { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.action < $1.action }
    }

    /// Typed values an utterance states outright, which the action read must be able to take.
    enum Evidence: Hashable {
        /// `name`: a name said outright ("the alarm called meds", "an album named Wedding"); `percentageChange`: a
        /// percentage said as a step ("up 30 percent", "by 5 percent"), `percentage` one said as a level.
        case onOff, percentage, percentageChange, duration, path, name
    }

    /// The encoder stage's reading of `text`, or nil when it is not sure (see the extension's summary).
    /// `similarities` are the utterance's (``similarities(_:entityNames:)``) when the caller has them already.
    public func encoderReading(_ text: String, entityNames: EntityNames = [:], tools: Set<String>? = nil,
                               policy: UnderstandingPolicy = UnderstandingPolicy(), similarities known: [Float]? = nil) -> CommandMatch? {
        guard let embeddings else { return nil }
        let tokens = TextNormalizer.tokens(text)
        let words = tokens.map(\.text)
        guard !words.isEmpty, words.count <= Self.longestCommand else { return nil }
        // Before encoding: a negated sentence is not read whatever it is near. Free text ("msg bob: don't be late?")
        // neither negates nor asks.
        let said = FreeText.command(in: text)
        let saidTokens = said == text ? tokens : TextNormalizer.tokens(said)
        let saidWords = saidTokens.map(\.text)
        let question = Self.isQuestion(saidWords, text: said)
        let closing = closingRequest(said)
        if !question && Self.negates(closing ?? saidWords) { return nil }
        guard let sims = known ?? similarities(text, entityNames: entityNames) else { return nil }
        let ranked = ranking(sims, in: embeddings, tools: tools)
        let reader = SlotReader(entityNames: entityNames)
        // What free text says ("send \"on my way\" to Anna") is no value of the command.
        var evidence = Self.evidence(saidWords, text: said, tokens: saidTokens, question: question)
        if evidence.contains(.percentage), Self.percentageIsAChange(words) || saysAStep(words) {
            evidence.remove(.percentage)
            evidence.insert(.percentageChange)
        }

        // Which of the nearest actions may be read: a question reads, never changes anything (unless the action's own
        // templates ask questions and the intent head is sure: "do i have any new messages" reads them, marking them
        // read); a value the words state that an action cannot take rules it out when another candidate can take it.
        // Only the chosen one is filled.
        var candidates: [(score: EncoderScore, action: CompiledAction)] = []
        for score in ranked.prefix(6) {
            guard let action = actions.first(where: { $0.name == score.action }) else { continue }
            if question && action.permission != .read && !(action.answersQuestions && score.similarity >= policy.intentOverVerb) { continue }
            candidates.append((score, action))
        }
        // The verb decides among the actions, not only similarity: an utterance led by the verb of some actions ("add
        // yesterday's videos to Family", "mark today's photos as favourites") is read as one of those or not at all.
        // A verb only reads say ("check", "show") leaves any read; a verb that changes things names its actions. (A
        // loose template reading may take another subsystem's verb for an idiom; the encoder may not: "capture a
        // photo and put it in Cats" is nearest a search of Cats, which no capture is.)
        // The intent head learnt from what people said, verbs included: when it is sure, its first action stands
        // against another app's verb ("**read** out my alarms"), and against its own app's only for a read ("delete
        // the note about milk" is no note to add).
        let headIsSure = intentProbabilities(sims, in: embeddings) != nil && candidates.first.map { first in
            guard first.score.similarity >= policy.intentOverVerb else { return false }
            guard first.action.permission != .read, let verb = leadingVerb(words) else { return true }
            return verbFits(verb, first.action)
        } ?? false
        // A request closing the sentence ("sorry, I changed my mind about undoing it, **redo** it") says its verb
        // there, and the head, which read the whole sentence, does not overrule it.
        let closingVerb = closing.flatMap(leadingVerb)
        if !question, closingVerb != nil || !headIsSure, let verb = closingVerb ?? leadingVerb(words) {
            if actions.allSatisfy({ !$0.leadingWords.contains(verb) || $0.permission == .read }) {
                candidates.removeAll { $0.action.permission != .read }
            } else {
                candidates.removeAll { !Self.leads($0.action, verb) }
            }
        }
        // Words that only name things ("the photos") ask for nothing, whatever they are nearest to.
        guard let nearest = candidates.first,
              Self.saysWhatToDo(nearest.action, words: words, tokens: tokens, text: text, reader: reader) else { return nil }
        if candidates.contains(where: { evidence.isSubset(of: Self.takes($0.action, question: question)) }) {
            candidates.removeAll { !evidence.isSubset(of: Self.takes($0.action, question: question)) }
        }
        guard let best = candidates.first, !(question && Self.asksAboutTheWorld(words, action: best.action)) else { return nil }
        // A level said outright ("dim the screen **to 10 %**") that the action cannot set: reading it would change the
        // level by some other amount.
        if evidence.contains(.percentage), !Self.takes(best.action, question: question).contains(.percentage) { return nil }
        let rival = candidates.dropFirst().first?.score.similarity ?? ranked.dropFirst(6).first?.similarity ?? 0
        let probabilities = intentProbabilities(sims, in: embeddings)
        if let probabilities {
            // The head's own "no action" class is a rival like any action.
            let none = Double(probabilities.last ?? 0)
            let needed = best.action.permission == .destructive ? policy.intentDestructiveThreshold : policy.intentThreshold
            guard best.score.similarity >= needed, best.score.similarity - max(rival, none) >= policy.intentMargin else { return nil }
        } else {
            let needed = best.action.permission == .destructive ? policy.encoderDestructiveThreshold : policy.encoderThreshold
            guard best.score.similarity >= needed, best.score.similarity - rival >= policy.encoderMargin else { return nil }
        }
        if best.action.name != nearest.action.name,
           !Self.saysWhatToDo(best.action, words: words, tokens: tokens, text: text, reader: reader) { return nil }
        let filled = fill(best.action, text: text, words: words, tokens: tokens, reader: reader, entityNames: entityNames,
                          sims: sims, embeddings: embeddings, policy: policy, question: question)
        guard filled.missing.count <= 1 else { return nil }
        // A follow-up question commits the conversation to a change: the words must say so with one of the action's own
        // verbs ("send flowers…" may ask what to say; "my mom texted me earlier" is no request to text her).
        if !filled.missing.isEmpty, best.action.permission != .read,
           !(leadingVerb(words).map(best.action.leadingWords.contains) ?? false) { return nil }
        var match = CommandMatch(call: ToolCall(name: best.action.name, arguments: filled.arguments), score: best.score.similarity,
                                 missing: filled.missing, permission: best.action.permission, template: "≈ \(best.score.nearest)",
                                 wildcardWords: 0)
        match.isByIntentHead = probabilities != nil
        // A change read through a word no sentence Relay knows uses ("**crop** the last photo", "set the screen
        // **timeout** to 30 seconds", "read my **emails**") is a guess at what that word means: it asks first.
        if best.action.permission != .read { match.guessedWords = unknownWords(words, values: filled.arguments) }
        return match
    }

    /// The words of an utterance the encoder stage has not seen used (``knownWords``) that no value read from it holds
    /// (a message, a name, a number); empty without embeddings.
    func unknownWords(_ words: [String], values: JSONObject) -> [String] {
        guard embeddings != nil else { return [] }
        var held = Set<String>()
        for (_, value) in values { if case .string(let s) = value { held.formUnion(TextNormalizer.words(s)) } }
        return words.filter { w in
            !knownWords.contains(w) && !held.contains(w)
                && !w.contains(where: \.isNumber) && NumberWords.parse([w]) == nil
        }
    }

    /// Whether `verb`, or a verb that means the same to a phone (``synonymousVerbs``), leads `action`'s sentences:
    /// "**add** a notebook called Journal" creates one though the notebook's sentences say "create".
    static func leads(_ action: CompiledAction, _ verb: String) -> Bool {
        action.leadingWords.contains(verb)
            || synonymousVerbs.contains { $0.contains(verb) && !$0.isDisjoint(with: action.leadingWords) }
    }

    /// Verbs that ask for the same change whatever the thing: making one, getting rid of one, showing them.
    static let synonymousVerbs: [Set<String>] = [
        ["create", "make", "start", "add", "new", "set"],
        ["delete", "remove", "erase", "trash", "bin", "clear", "cancel"],
        ["show", "list", "display", "view", "see"],
    ]

    /// The utterance's verb when it is one of the actions' own ("delete", "show", "add"): its first word once fillers
    /// are skipped ("could you **disable** wifi"). Light verbs ("get", "make", "take", "turn"...) say little alone
    /// and are not taken.
    func leadingVerb(_ words: [String]) -> String? {
        guard let first = words.first(where: { !TemplateAligner.fillers.contains($0) }) else { return nil }
        return verbs.contains(first) ? first : nil
    }

    /// The request a sentence ends with after a clause that explains it ("I don't need the Trip album anymore, **delete
    /// it**"): the words after its last comma or semicolon, when they start with one of the actions' verbs. A negation
    /// before them is the reason, not the request.
    func closingRequest(_ text: String) -> [String]? {
        let clauses = text.split(whereSeparator: { ",;".contains($0) })
        guard clauses.count > 1, let last = clauses.last else { return nil }
        var words = TextNormalizer.words(String(last))
        if words.first == "so" { words.removeFirst() }
        return leadingVerb(words) != nil ? words : nil
    }

    /// Verbs whose meaning comes from the words around them ("get rid of", "make it louder", "take photo 2 out").
    static let lightVerbs: Set<String> = [
        "get", "make", "put", "set", "take", "turn", "give", "have", "keep", "let", "go", "bring", "switch", "change",
    ]

    /// The words a template's sentences can start with once fillers are skipped; `nullable` when it can be all fillers.
    static func leadingWords(_ node: SentenceTemplate.Node) -> (words: Set<String>, nullable: Bool) {
        switch node {
        case .word(let w):
            return TemplateAligner.fillers.contains(w) ? ([], true) : ([w], false)
        case .slot:
            return ([], false)
        case .alternatives(let children):
            var out = Set<String>(), nullable = children.isEmpty
            for c in children {
                let (w, n) = leadingWords(c)
                out.formUnion(w)
                nullable = nullable || n
            }
            return (out, nullable)
        case .sequence(let children):
            var out = Set<String>()
            for c in children {
                let (w, n) = leadingWords(c)
                out.formUnion(w)
                if !n { return (out, false) }
            }
            return (out, true)
        }
    }

    /// Whether the words negate what they say ("i **don't** need an alarm on weekends", "**never** wake me up"):
    /// a sentence encoder hardly tells a sentence from its negation, so the encoder stage reads no negated sentence.
    /// "Do not disturb" is a name and "never mind" a way to start a request; neither negates.
    static func negates(_ words: [String]) -> Bool {
        for (i, w) in words.enumerated() {
            switch w {
            case "not":
                if i + 1 < words.count, words[i + 1] == "disturb" { continue }
                return true
            case "never":
                if i + 1 < words.count, words[i + 1] == "mind" { continue }
                return true
            case "no":
                if i + 1 < words.count, ["longer", "more"].contains(words[i + 1]) { return true }
            default: continue
            }
        }
        return false
    }

    /// The kinds of stated values `action` can take: a switch (not in a question), a required percentage, a duration,
    /// a path.
    static func takes(_ action: CompiledAction, question: Bool) -> Set<Evidence> {
        var out = Set<Evidence>()
        for p in action.parameters {
            switch p.kind {
            case .boolean where !question: out.insert(.onOff)
            case .number where p.role == .offset: out.insert(.duration)
            case .percentage where p.isRequired: out.insert(.percentage)
            case .percentage: out.insert(.percentageChange)
            case .duration: out.insert(.duration)
            case .string where p.isPath: out.insert(.path)
            case .string, .entity: out.insert(.name)
            default: break
            }
        }
        return out
    }

    /// The arguments of `action` read from the utterance, what is still missing, and which evidence it takes.
    func fill(_ action: CompiledAction, text: String, words: [String], tokens: [Token], reader: SlotReader,
              entityNames: EntityNames, sims: [Float], embeddings: ActionEmbeddings, policy: UnderstandingPolicy,
              question: Bool) -> (arguments: JSONObject, missing: [String]) {
        var given: [String: JSONValue] = [:]
        // 1. The action's best template alignment, however loose, for what only a template can place: free text and
        //    names ("saying {body}", "called {name}") and numbers that need their anchor ("photo 5", "last 3").
        if let aligned = candidates(for: text, entityNames: entityNames, tools: [action.name], minimumScore: 0.25,
                                    breadth: .best).first {
            // Only what the words filled: a value the template fixes ("mute the phone": 0 %) is that sentence's, and a
            // loose alignment may not be that sentence at all ("make the phone quieter").
            let fixed = action.templates.first { $0.text == aligned.template }?.fixed ?? [:]
            for p in action.parameters where fixed[p.name] == nil {
                guard let v = aligned.call.arguments[p.name] else { continue }
                switch p.kind {
                case .choice, .boolean: continue
                default: given[p.name] = v
                }
            }
        }
        // 2. Typed values anywhere in the words: required parameters of any typed kind, optional dates, choices and names.
        for p in action.parameters where given[p.name] == nil {
            let scanned: Bool
            switch p.kind {
            case .string where p.isPath: scanned = true
            case .string, .text, .integer, .number: scanned = false
            case .boolean: scanned = !question
            case .percentage: scanned = p.isRequired || Self.percentageIsAChange(words) || saysAStep(words)
            case .duration, .timeOfDay: scanned = p.isRequired
            case .date, .choice, .entity: scanned = true
            }
            guard scanned, let v = scan(p, of: action, words: words, tokens: tokens, text: text, reader: reader) else { continue }
            given[p.name] = v
        }
        // A switch named "… mode" that the words enter or leave ("put the phone in airplane mode").
        if !question, let on = Self.modeSwitch(words) {
            for p in action.parameters where given[p.name] == nil { if case .boolean = p.kind { given[p.name] = .bool(on) } }
        }
        // A free string named after a kind of live thing ("album") that no alignment placed: the one such name the
        // words say ("take a photo and put it in Family").
        let unpathed = Self.outsidePaths(tokens, text: text)
        for p in action.parameters where given[p.name] == nil {
            if let v = Self.liveName(of: p, in: unpathed, indexes: reader.entityIndexes) { given[p.name] = v }
        }
        // A message said right after its recipient, unmarked ("let Anna know I'm outside", "txt mom love you").
        for p in action.parameters where p.kind == .text && given[p.name] == nil {
            if let said = textAfterRecipient(of: action, given: given, words: words, tokens: tokens, text: text, reader: reader) {
                given[p.name] = .string(said)
            }
        }
        // Free text marked as such (quoted, after a colon) is the text, whatever an alignment made of it.
        if let said = FreeText.value(in: text) {
            for p in action.parameters where p.kind == .text { given[p.name] = .string(said) }
        }
        // 3. Choices the words leave open: the value whose sentences are clearly nearest.
        let index = embeddings.actionNames.firstIndex(of: action.name)
        for p in action.parameters where given[p.name] == nil {
            // Only choices and options: a switch's on or off is never taken from similarity (a sentence and its
            // opposite are near neighbours); unsaid, it is asked for.
            // An optional boolean is an option ("only unread", "favourites only"), no switch: taken like a choice.
            switch p.kind {
            case .choice: break
            case .boolean where !p.isRequired: break
            default: continue
            }
            var nearest: [JSONValue?: Float] = [:]
            for (i, entry) in embeddings.entries.enumerated() where entry.action == index {
                let v = entry.values[p.name]
                nearest[v] = max(nearest[v] ?? -1, sims[i])
            }
            // For a required parameter, sentences that leave it out (to ask for it) say nothing about its value.
            if p.isRequired { nearest[nil] = nil }
            let ordered = nearest.sorted { $0.value > $1.value }
            guard let top = ordered.first, let value = top.key else { continue }
            let next = ordered.dropFirst().first?.value ?? -1
            if Double(top.value - next) >= policy.encoderValueMargin { given[p.name] = value }
        }
        var arguments = JSONObject()
        for p in action.parameters { if let v = given[p.name] { arguments[p.name] = v } }
        let missing = action.parameters.filter { $0.isRequired && given[$0.name] == nil }.map(\.name)
        return (arguments, missing)
    }

    /// The words after the last one that names the action's recipient (a live name read for an entity parameter), less
    /// a word that joins them ("know", "that", "with", "saying"), as said; nil when nothing follows or what follows
    /// names a topic ("about the meeting").
    func textAfterRecipient(of action: CompiledAction, given: [String: JSONValue], words: [String], tokens: [Token],
                            text: String, reader: SlotReader) -> String? {
        var end: Int?
        for p in action.parameters {
            guard case .entity = p.kind, let value = given[p.name] else { continue }
            for r in readings(p, of: action, words: words, tokens: tokens, text: text, reader: reader) where r.value == value {
                end = max(end ?? 0, r.hi)
            }
        }
        guard var k = end else { return nil }
        while k < words.count, ["know", "that", "with", "saying", "says", "say"].contains(words[k]) { k += 1 }
        // "email Bob **about** the meeting": a topic, not the message.
        guard k < words.count, !["about", "regarding", "concerning", "re", "on", "for", "to", "from"].contains(words[k]) else { return nil }
        var rest = text[tokens[k].range.lowerBound...].trimmingCharacters(in: .whitespaces)
        while let last = rest.last, ".!?".contains(last) { rest.removeLast() }
        rest = FreeText.withoutLeadIn(rest)
        return rest.isEmpty ? nil : rest
    }

    /// Whether the words say what to do, not only which things ("the photos", "wifi bluetooth" name values and
    /// ask nothing): some word is left once the values an action's typed parameters read and the fillers are taken
    /// away, or a switch word ("off") is there.
    static func saysWhatToDo(_ action: CompiledAction, words: [String], tokens: [Token], text: String, reader: SlotReader) -> Bool {
        if words.indices.contains(where: { switchWord(at: $0, in: words) }) { return true }
        var covered = Array(repeating: false, count: words.count)
        var stated = 0, setsAValue = false
        for p in action.parameters {
            switch p.kind {
            case .string, .text, .boolean: continue
            default: break
            }
            let span = min(SlotReader.maximumSpan(p), words.count)
            var read = false
            for lo in words.indices {
                for hi in (lo + 1)...min(words.count, lo + span) {
                    let start = tokens[lo].range.lowerBound, end = tokens[hi - 1].range.upperBound
                    if action.read(Array(words[lo..<hi]), original: String(text[start..<end]), for: p, with: reader) != nil {
                        for k in lo..<hi { covered[k] = true }
                        read = true
                    }
                }
            }
            if read {
                stated += 1
                switch p.kind {
                case .percentage, .timeOfDay, .duration: setsAValue = true
                default: break
                }
            }
        }
        // A name with what qualifies it is a query ("pictures from last week", "videos in the Trip album"): reading
        // state on it is what a search box does. A bare name ("the photos", "wifi bluetooth") asks nothing.
        if action.permission == .read && stated >= 2 { return true }
        // A level, time or length with what it is for ("20% volume", "half volume") sets it.
        if action.permission != .read && stated >= 2 && setsAValue { return true }
        // A value that is the action's own verb ("**increase** brightness 25 percent") says what to do.
        return words.indices.contains { (!covered[$0] && !idleWords.contains(words[$0])) || action.leadingWords.contains(words[$0]) }
    }

    /// Words that say nothing about what to do.
    static let idleWords: Set<String> = TemplateAligner.fillers.union(stopWords).union([
        "from", "with", "into", "by", "about", "and", "or", "any", "some", "every", "each", "these", "those", "there", "here",
    ])

    /// The one value of `p` the words state, or nil when they state none or several.
    func scan(_ p: Parameter, of action: CompiledAction, words: [String], tokens: [Token], text: String, reader: SlotReader) -> JSONValue? {
        if p.isPath {
            let paths = FilePathText.pieces(in: text)
            return paths.count == 1 ? paths.first.map { .string($0) } : nil
        }
        let found = readings(p, of: action, words: words, tokens: tokens, text: text, reader: reader)
        // Keep the longest readings: "screen brightness" rather than its "brightness".
        let maximal = found.filter { f in !found.contains { $0.lo <= f.lo && $0.hi >= f.hi && ($0.hi - $0.lo) > (f.hi - f.lo) } }
        let values = Set(maximal.map(\.value))
        return values.count == 1 ? values.first : nil
    }

    /// The longest reading of `p` that starts at each word, with its span.
    func readings(_ p: Parameter, of action: CompiledAction, words: [String], tokens: [Token], text: String,
                  reader: SlotReader) -> [(lo: Int, hi: Int, value: JSONValue)] {
        let span = min(SlotReader.maximumSpan(p), words.count)
        var found: [(lo: Int, hi: Int, value: JSONValue)] = []
        for lo in words.indices {
            for hi in stride(from: min(words.count, lo + span), to: lo, by: -1) {
                let piece = Array(words[lo..<hi])
                if case .boolean = p.kind {
                    // Only the words that switch: "on" / "off" after the switch or at the end, "enable", "disable".
                    guard hi - lo == 1, Self.switchWord(at: lo, in: words) else { continue }
                }
                if case .date = p.kind, piece.allSatisfy({ NumberWords.parse([$0]) != nil }) {
                    // A bare number is no date ("photo 2").
                    continue
                }
                let unitFollows: Bool = hi + 1 < words.count
                    && (words[hi + 1] == "percent" || ExamplePhrasing.units.contains(words[hi + 1]))
                if case .choice = p.kind, hi < words.count, NumberWords.parse([words[hi]]) != nil, !unitFollows {
                    // "photo 5" names a photo; it does not ask for photos. ("Up 30 percent" still goes up.)
                    continue
                }
                let start = tokens[lo].range.lowerBound, end = tokens[hi - 1].range.upperBound
                guard let v = action.read(piece, original: String(text[start..<end]), for: p, with: reader) else { continue }
                found.append((lo, hi, v))
                break
            }
        }
        return found
    }

    /// Whether the percentage the words state is a step to move by rather than a level to set: said after "by", "up"
    /// or "down" ("crank the volume up 30 percent") or before a comparative ("10 percent louder"); never after "to" or
    /// "at" ("turn the volume up to 80 percent"). Said otherwise ("volume 30 percent") it is a level.
    static func percentageIsAChange(_ words: [String]) -> Bool {
        guard let k = words.firstIndex(of: "percent") else { return bareStep(words) }
        var j = k
        while j > 0, NumberWords.parse([words[j - 1]]) != nil { j -= 1 }
        guard j < k else { return false }
        if j > 0, ["by", "up", "down"].contains(words[j - 1]) { return true }
        return k + 1 < words.count && Self.comparatives.contains(words[k + 1])
    }

    /// Whether the words end on a bare number after "up", "down" or "by" ("volume up 5", "brightness down by 10
    /// please"): a step in percent, as if "percent" were said. Not one with a unit or a time after it.
    static func bareStep(_ words: [String]) -> Bool {
        var end = words.count
        while end > 0, closingWords.contains(words[end - 1]) { end -= 1 }
        guard end >= 2, let n = NumberWords.parse([words[end - 1]]), (1...100).contains(n) else { return false }
        return ["up", "down", "by"].contains(words[end - 2])
    }

    /// Words that say a percentage before them is an amount to move by ("10 percent louder").
    static let comparatives: Set<String> = ["more", "less", "higher", "lower", "louder", "quieter", "softer", "brighter", "dimmer", "darker"]

    /// Whether word `i` switches something on or off ("turn **on**", "bluetooth **off**", "**enable**").
    static func switchWord(at i: Int, in words: [String]) -> Bool {
        switch words[i] {
        case "enable", "disable", "enabled", "disabled", "activate", "deactivate", "activated", "deactivated": return true
        case "on", "off":
            // Last, or followed only by courtesy ("aeroplane mode on please").
            if words[(i + 1)...].allSatisfy(closingWords.contains) { return true }
            if i > 0, ["turn", "switch", "turned", "switched", "it", "back", "flip"].contains(words[i - 1]) { return true }
            // Right after the verb that leads the sentence: a phrasal verb ("shut off bluetooth", "power on wifi").
            if i > 0, words[..<(i - 1)].allSatisfy(TemplateAligner.fillers.contains), !TemplateAligner.fillers.contains(words[i - 1]) {
                return true
            }
            return false
        default: return false
        }
    }

    /// On or off for a mode the words enter or leave: "put the phone **in** airplane mode", "go **into** dark mode",
    /// "**enter** …", "**on** …", against "get me **out of** airplane mode", "take the phone **off** …", "**exit** /
    /// **leave** / **quit** …". Nil otherwise.
    static func modeSwitch(_ words: [String]) -> Bool? {
        guard let m = words.lastIndex(of: "mode") else { return nil }
        let before = words[..<m]
        if before.indices.contains(where: { before[$0] == "out" && $0 + 1 < m && words[$0 + 1] == "of" }) { return false }
        if before.contains(where: ["exit", "leave", "quit", "off"].contains) { return false }
        if before.contains(where: ["into", "enter", "in", "on"].contains) { return true }
        return nil
    }

    /// Words that may close a request without adding to it.
    static let closingWords: Set<String> = ["please", "pls", "now", "thanks", "thank", "you", "again", "then"]

    /// Questions ask about state: they start with a question word or end with "?", and are never writes. "Can you",
    /// "could you", "would you" are requests, not questions.
    static func isQuestion(_ words: [String], text: String) -> Bool {
        if words.starts(with: ["do", "not", "disturb"]) { return false }
        if let first = words.first, questionWords.contains(first) { return true }
        if words.contains("whether") { return true }
        // "check if wifi is on", "can you see if …": an embedded question (a conditional starts with "if").
        if let k = words.firstIndex(of: "if"), k > 0, ["check", "see", "know", "tell"].contains(words[k - 1]) { return true }
        let requests: Set<String> = ["can", "could", "would", "will", "please"]
        if text.trimmingCharacters(in: .whitespaces).hasSuffix("?"), let first = words.first, !requests.contains(first) { return true }
        return false
    }

    static let questionWords: Set<String> = [
        "is", "are", "am", "was", "were", "what", "whats", "how", "hows", "which", "who", "whos", "whose", "when", "where",
        "do", "does", "did", "have", "has", "any",
    ]

    /// Values stated outright: a switch's on/off (not in questions), a percentage, a duration, a file path, a name.
    static func evidence(_ words: [String], text: String, tokens: [Token], question: Bool) -> Set<Evidence> {
        var out = Set<Evidence>()
        if !question, words.indices.contains(where: { switchWord(at: $0, in: words) }) { out.insert(.onOff) }
        if words.contains("percent") { out.insert(.percentage) } else if bareStep(words) { out.insert(.percentageChange) }
        for lo in words.indices {
            for hi in (lo + 1)...min(words.count, lo + 4) where SlotParsers.durationSeconds(Array(words[lo..<hi])) != nil {
                // A bare number is no duration; a unit says so.
                if words[lo..<hi].contains(where: { ["second", "seconds", "minute", "minutes", "hour", "hours", "min", "mins"].contains($0) }) {
                    out.insert(.duration)
                }
            }
        }
        if !FilePathText.ranges(in: text).isEmpty { out.insert(.path) }
        // "called meds": an action without a name to take cannot be meant ("cancel all alarms" for "cancel the alarm
        // called meds").
        if words.dropLast().contains(where: ["called", "named", "labelled", "labeled", "titled"].contains) { out.insert(.name) }
        return out
    }
}
