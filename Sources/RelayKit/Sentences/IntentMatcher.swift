public import RelayModel
public import RelayJSON
import Foundation

/// One way an utterance can be read as an action call.
public struct IntentCandidate: Sendable, Hashable {
    /// The action's name.
    public var action: String
    /// Arguments read from the slots plus the sentence's fixed arguments (entity names as spoken).
    public var arguments: JSONObject
    /// 0...1; exact template matches score 0.9 and above, fuzzy ones below 0.9.
    public var score: Double
    /// Whether every word matched the template (after normalisation and filler removal).
    public var isExact: Bool
    /// The template that matched.
    public var template: String
    /// The template's language.
    public var language: String

    /// The candidate as a model-style tool call.
    public var toolCall: ToolCall { ToolCall(name: action, arguments: arguments) }

    /// The candidate as a command for the dispatcher.
    public func command(origin: CommandOrigin = .voice, utterance: String? = nil, confirmed: Bool = false) -> Command {
        Command(action: action, arguments: arguments, origin: origin, confirmed: confirmed, utterance: utterance)
    }
}

/// The matcher's answer for one utterance: the best reading, or an explicit "not understood".
public struct IntentMatch: Sendable, Hashable {
    /// Why nothing was chosen.
    public enum Failure: Sendable, Hashable {
        /// No template came close.
        case noMatch
        /// Fuzzy readings of different actions scored too close to choose.
        case ambiguous([String])
    }

    /// The utterance.
    public var text: String
    /// Every reading found, best first.
    public var candidates: [IntentCandidate]
    /// The chosen reading; nil when not understood (never a forced guess).
    public var best: IntentCandidate?
    /// Why `best` is nil.
    public var failure: Failure?

    /// Whether a reading was chosen.
    public var isUnderstood: Bool { best != nil }

    /// What to say when not understood.
    public var message: String {
        switch failure {
        case nil: ""
        case .noMatch: "Sorry, I couldn't understand that."
        case .ambiguous(let actions): "Sorry, I'm not sure whether you meant \(actions.joined(separator: " or "))."
        }
    }
}

/// Matches utterances against every action's sentence templates, with typed slots and a fuzzy fallback.
///
/// ```swift
/// let matcher = IntentMatcher(catalog: dispatcher.catalog)
/// let m = matcher.match("set an alarm for quarter past seven", entities: await dispatcher.entityNames())
/// if let best = m.best { await dispatcher.dispatch(best.command(utterance: m.text)) } else { say(m.message) }
/// ```
///
/// Strict first: text and templates are normalised (case, punctuation, contractions, hyphens, filler
/// such as "please" / "can you" at the ends) and must match word for word, slots parsed by type
/// (numbers in words or digits, percentages, times, durations, dates, enum spoken names, entity names from
/// live state, free text). If no template matches exactly, a fuzzy pass allows up to two edits (a
/// misheard word, an extra or a missing word); its best reading is chosen only if it is clearly ahead —
/// near-ties between different readings are reported as not understood.
public struct IntentMatcher: Sendable {
    struct Compiled: Sendable {
        let action: String
        let template: SentenceTemplate
        let fixed: JSONObject
        let language: String
        let slots: [String: SlotSpec]
    }

    struct SlotSpec: Sendable {
        let kind: ParameterKind
        let choiceNames: [[String]: String]  // normalised spoken words → canonical value
    }

    let compiled: [Compiled]
    /// How many templates (all languages) the matcher knows.
    public var templateCount: Int { compiled.count }
    /// Templates that failed to parse (also reported by ``ActionCatalog/problems``).
    public let problems: [String]
    /// The lowest score a fuzzy reading needs.
    public var minimumFuzzyScore = 0.55
    /// How far ahead of the next different reading a fuzzy reading must be.
    public var fuzzyMargin = 0.04

    /// Compiles the sentences of every action in `catalog` (all languages, or only `languages`).
    public init(catalog: ActionCatalog, languages: [String]? = nil) {
        var compiled: [Compiled] = []
        var problems: [String] = []
        for descriptor in catalog.actions {
            let rules = SentenceRules.builtIn.merging(catalog.subsystem(named: descriptor.subsystem)?.rules ?? [:])
            for lang in descriptor.sentences.languages where languages?.contains(lang) ?? true {
                var slots: [String: SlotSpec] = [:]
                for p in descriptor.parameters {
                    var names: [[String]: String] = [:]
                    if case .choice(let choices) = p.kind {
                        for c in choices {
                            names[TextNormalizer.words(c.value.replacingOccurrences(of: "_", with: " "))] = c.value
                            for n in c.names(language: lang) { names[TextNormalizer.words(n)] = c.value }
                        }
                    }
                    slots[p.name] = SlotSpec(kind: p.kind, choiceNames: names)
                }
                for sentence in descriptor.sentences[lang] {
                    do {
                        let t = try SentenceTemplate(sentence.template, rules: rules.byLanguage[lang] ?? [:])
                        compiled.append(Compiled(action: descriptor.name, template: t, fixed: sentence.fixed, language: lang, slots: slots))
                    } catch {
                        problems.append("\(descriptor.name): \(error)")
                    }
                }
            }
        }
        self.compiled = compiled
        self.problems = problems
    }

    /// Compiles the sentences of `subsystems`.
    public init(subsystems: [any Subsystem], languages: [String]? = nil) {
        self.init(catalog: ActionCatalog(subsystems: subsystems), languages: languages)
    }

    /// Utterances longer than this (in words) get no fuzzy pass.
    static let fuzzyWordLimit = 24

    static let leadingFiller: [[String]] = [
        ["hey", "relay"], ["ok", "relay"], ["relay"], ["hey"], ["ok"], ["okay"], ["please"], ["can", "you"], ["could", "you"],
        ["would", "you"], ["will", "you"], ["i", "want", "to"], ["i", "would", "like", "to"], ["go", "ahead", "and"], ["just"],
        ["um"], ["uh"], ["so"], ["请"], ["帮", "我"], ["麻", "烦"],
    ]
    static let trailingFiller: [[String]] = [["please"], ["for", "me"], ["thanks"], ["thank", "you"], ["now", "please"], ["吧"], ["谢", "谢"]]

    /// Reads `text` as an action call.
    /// - Parameter entities: live names per entity kind (`["album": ["Vacation"]]`) for entity slots.
    public func match(_ text: String, entities: EntityNames = [:]) -> IntentMatch {
        let all = TextNormalizer.tokens(text)
        var variants: [[Token]] = [all]
        var stripped = all
        var changed = true
        while changed {
            changed = false
            for f in Self.leadingFiller where stripped.count > f.count && stripped.prefix(f.count).map(\.text) == f {
                stripped.removeFirst(f.count); changed = true
            }
            for f in Self.trailingFiller where stripped.count > f.count && stripped.suffix(f.count).map(\.text) == f {
                stripped.removeLast(f.count); changed = true
            }
        }
        if stripped.count != all.count { variants.append(stripped) }
        guard !all.isEmpty else { return IntentMatch(text: text, candidates: [], best: nil, failure: .noMatch) }

        var entityIndex: [String: [[String]: String]] = [:]
        for (kind, names) in entities {
            var m: [[String]: String] = [:]
            for n in names { m[TextNormalizer.words(n)] = n }
            entityIndex[kind] = m
        }

        var candidates: [IntentCandidate] = []
        for tokens in variants {
            for c in compiled {
                candidates += SentenceMatcher(compiled: c, tokens: tokens, text: text, entities: entityIndex, maxCost: 0).run()
            }
        }
        // The fuzzy pass explores edits and grows fast with length; commands worth guessing at are short.
        if candidates.isEmpty && stripped.count <= Self.fuzzyWordLimit {
            for tokens in variants {
                for c in compiled {
                    candidates += SentenceMatcher(compiled: c, tokens: tokens, text: text, entities: entityIndex, maxCost: 2).run()
                }
            }
        }
        // Keep the best score per distinct reading.
        var best: [String: IntentCandidate] = [:]
        for c in candidates {
            let key = c.action + JSONValue.object(c.arguments).compactJSON
            if let old = best[key], old.score >= c.score { continue }
            best[key] = c
        }
        let sorted = best.values.sorted {
            $0.score != $1.score ? $0.score > $1.score : ($0.action, $0.template) < ($1.action, $1.template)
        }
        guard let top = sorted.first else { return IntentMatch(text: text, candidates: [], best: nil, failure: .noMatch) }
        if top.isExact { return IntentMatch(text: text, candidates: sorted, best: top, failure: nil) }
        if top.score < minimumFuzzyScore { return IntentMatch(text: text, candidates: sorted, best: nil, failure: .noMatch) }
        if let rival = sorted.dropFirst().first(where: { $0.action != top.action || $0.arguments != top.arguments }),
           top.score - rival.score < fuzzyMargin {
            let actions = Array(Set([top.action, rival.action])).sorted()
            return IntentMatch(text: text, candidates: sorted, best: nil, failure: .ambiguous(actions))
        }
        return IntentMatch(text: text, candidates: sorted, best: top, failure: nil)
    }
}

/// Matches one compiled template against one token list by backtracking; `maxCost` > 0 allows edits.
struct SentenceMatcher {
    let compiled: IntentMatcher.Compiled
    let tokens: [Token]
    let words: [String]
    let text: String
    let entities: [String: [[String]: String]]
    let maxCost: Double

    init(compiled: IntentMatcher.Compiled, tokens: [Token], text: String, entities: [String: [[String]: String]], maxCost: Double) {
        self.compiled = compiled
        self.tokens = tokens
        self.words = tokens.map(\.text)
        self.text = text
        self.entities = entities
        self.maxCost = maxCost
    }

    struct State {
        var pos = 0
        var cost = 0.0
        var weight = 0.0          // matched tokens, weighted by how specific the match was
        var literalsMatched = 0   // template words found (exactly or nearly)
        var literalsMissing = 0   // template words the utterance left out (fuzzy only)
        var skipped = 0           // utterance words no template word accounts for (fuzzy only)
        var arguments = JSONObject()
    }

    final class Box {
        var results: [State] = []
        var steps = 0
        var slotCache: [String: (JSONValue, Double)?] = [:]
    }

    func run() -> [IntentCandidate] {
        let box = Box()
        walk(compiled.template.root, State(), box) { st in
            var st = st
            if st.pos < words.count {
                let rest = Double(words.count - st.pos)
                guard st.cost + 0.75 * rest <= maxCost else { return }
                st.cost += 0.75 * rest
                st.skipped += words.count - st.pos
                st.pos = words.count
            }
            // A fuzzy reading must rest on the template's own words, not on its slots alone:
            // otherwise "tell {to} {body}" would read anything at all.
            if st.cost > 0 && (st.literalsMatched == 0 || st.literalsMissing >= st.literalsMatched) { return }
            box.results.append(st)
        }
        let n = Double(max(words.count, 1))
        return box.results.map { st in
            var args = st.arguments
            for (k, v) in compiled.fixed { args[k] = v }
            let specificity = min(1, st.weight / max(1, n - Double(st.skipped)))
            let score: Double
            if st.cost == 0 {
                score = 0.9 + 0.1 * specificity
            } else {
                score = 0.85 * max(0, 1 - st.cost / (n + 1)) * (0.4 + 0.6 * specificity)
            }
            return IntentCandidate(action: compiled.action, arguments: args, score: score, isExact: st.cost == 0,
                                   template: compiled.template.text, language: compiled.language)
        }
    }

    func walk(_ node: SentenceTemplate.Node, _ st: State, _ box: Box, _ k: (State) -> Void) {
        box.steps += 1
        guard box.steps < 20_000 else { return }
        switch node {
        case .word(let w):
            if st.pos < words.count {
                if words[st.pos] == w {
                    var next = st; next.pos += 1; next.weight += 1; next.literalsMatched += 1; k(next)
                } else if maxCost > 0, st.cost + 0.5 <= maxCost, Self.similar(words[st.pos], w) {
                    var next = st; next.pos += 1; next.cost += 0.5; next.weight += 0.5; next.literalsMatched += 1; k(next)
                }
            }
            if maxCost > 0 {
                // A template word the speaker left out.
                if st.cost + 1 <= maxCost { var next = st; next.cost += 1; next.literalsMissing += 1; k(next) }
                // An extra word the speaker put in before this one.
                if st.pos < words.count, st.cost + 0.75 <= maxCost {
                    var next = st; next.pos += 1; next.cost += 0.75; next.skipped += 1
                    walk(node, next, box, k)
                }
            }
        case .sequence(let nodes):
            walkSequence(nodes[...], st, box, k)
        case .alternatives(let options):
            for o in options { walk(o, st, box, k) }
        case .slot(let name):
            guard let spec = compiled.slots[name], st.pos < words.count else { return }
            // Only free text runs long; typed values and names are a few words.
            let longest: Int
            if case .text = spec.kind { longest = words.count } else { longest = min(words.count, st.pos + 12) }
            for end in (st.pos + 1)...longest {
                guard let (value, perToken) = slotValue(name, spec, st.pos, end, box) else { continue }
                var next = st
                next.arguments[name] = value
                next.weight += perToken * Double(end - st.pos)
                next.pos = end
                k(next)
            }
        }
    }

    func walkSequence(_ nodes: ArraySlice<SentenceTemplate.Node>, _ st: State, _ box: Box, _ k: (State) -> Void) {
        guard let first = nodes.first else { k(st); return }
        walk(first, st, box) { next in walkSequence(nodes.dropFirst(), next, box, k) }
    }

    static func similar(_ a: String, _ b: String) -> Bool {
        guard a.count >= 4, b.count >= 4, a.first?.isLetter == true else { return false }
        let d = EditDistance.between(a, b)
        return d <= (max(a.count, b.count) >= 7 ? 2 : 1)
    }

    /// The typed value of words `start..<end` for a slot, with its per-token weight; cached.
    func slotValue(_ name: String, _ spec: IntentMatcher.SlotSpec, _ start: Int, _ end: Int, _ box: Box) -> (JSONValue, Double)? {
        let key = "\(name):\(start):\(end)"
        if let cached = box.slotCache[key] { return cached }
        let value = computeSlotValue(spec, start, end)
        box.slotCache[key] = value
        return value
    }

    func computeSlotValue(_ spec: IntentMatcher.SlotSpec, _ start: Int, _ end: Int) -> (JSONValue, Double)? {
        let w = Array(words[start..<end])
        let original: String = {
            var s = String(text[tokens[start].range.lowerBound..<tokens[end - 1].range.upperBound])
            while let l = s.last, ".,!?;:。，！？".contains(l) { s.removeLast() }
            if s.count >= 2, let f = s.first, let l = s.last, (f == "\"" && l == "\"") || (f == "'" && l == "'") || (f == "“" && l == "”") {
                s = String(s.dropFirst().dropLast())
            }
            return s
        }()
        switch spec.kind {
        case .string:
            return w.count <= 8 ? (.string(original), 0.5) : nil
        case .text:
            return (.string(original), 0.6)
        case .integer:
            return NumberWords.parseInt(w).map { (.int($0), 1) }
        case .number:
            guard let d = NumberWords.parse(w) else { return nil }
            return (d == d.rounded() && abs(d) < 1e15 ? .int(Int(d)) : .double(d), 1)
        case .boolean:
            return SlotParsers.boolean(w).map { (.bool($0), 1) }
        case .choice:
            return spec.choiceNames[w].map { (.string($0), 1) }
        case .date:
            return SlotParsers.dateSpec(w).map { (.string($0), 1) }
        case .timeOfDay:
            return SlotParsers.timeOfDay(w).map { (.string($0.canonical), 1) }
        case .duration:
            return SlotParsers.durationSeconds(w).map { (.int($0), 1) }
        case .percentage:
            return SlotParsers.percentage(w).map { (.int($0), 1) }
        case .entity(let kind):
            if let name = entities[kind.name]?[w] { return (.string(name), 1) }
            return w.count <= 6 ? (.string(original), 0.5) : nil
        }
    }
}
