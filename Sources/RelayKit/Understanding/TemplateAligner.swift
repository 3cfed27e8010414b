import Foundation
import RelayLanguage
import RelayModel

/// Aligns an utterance's words with one sentence template, allowing the slips people make.
///
/// A Viterbi-style dynamic programme over the template's tree: literal words may match exactly, match a
/// near spelling, or be left out; extra words may be said between them; slots read spans through
/// ``SlotReader``; a slot may be missing (the loop then asks for it). Each slip has a cost — cheap for
/// filler words ("please", "the", "could you"), dear for content words — so an exact match costs 0 and
/// the cost of the best alignment measures how far the utterance is from anything the template says.
struct TemplateAligner {
    /// Flattened template node.
    enum Node {
        /// A literal word and the cost of leaving it out.
        case word(String, deletion: Double)
        case slot(String)
        case sequence([Int])
        case alternatives([Int])
    }

    /// One way of matching a node that ends at a given word position.
    struct Path {
        var cost: Double
        /// Template literal words matched (exactly or nearly): more is more specific.
        var literals: Int
        /// Slot name → word range in the utterance.
        var bindings: [(slot: String, lower: Int, upper: Int)]
        /// Slots the utterance left out.
        var missing: [String]
        /// Extra words said that are not fillers: a sign the utterance says something the template does not.
        var extraContentWords = 0
        /// Where those extra content words are in the utterance: bit i for word i (utterances of at most
        /// ``CommandMatcher/longestCommand`` words are aligned, so 64 bits hold them; a bit mask keeps paths cheap to copy).
        var extraContentPositions: UInt64 = 0
        /// Words taken by wildcard slots: of two readings as good, the one whose typed slots explain more words is
        /// meant ("tell **Bob Jones** I'll be there soon", not "tell **Bob** | Jones I'll be there soon").
        var wildcardWords = 0
        /// Whether an "on" or "off" of the template was left out: the word that sets a switch is never assumed
        /// ("turn of the wifi" is not "turn on the wifi").
        var leftOutSwitch = false

        static let empty = Path(cost: 0, literals: 0, bindings: [], missing: [])

        func isBetter(than other: Path) -> Bool {
            if abs(cost - other.cost) > 1e-9 { return cost < other.cost }
            if literals != other.literals { return literals > other.literals }
            return wildcardWords < other.wildcardWords
        }

        func appending(_ other: Path) -> Path {
            var p = self
            p.cost += other.cost
            p.literals += other.literals
            p.extraContentWords += other.extraContentWords
            p.extraContentPositions |= other.extraContentPositions
            p.wildcardWords += other.wildcardWords
            p.leftOutSwitch = p.leftOutSwitch || other.leftOutSwitch
            if !other.bindings.isEmpty { p.bindings += other.bindings }
            if !other.missing.isEmpty { p.missing += other.missing }
            return p
        }
    }

    /// Words that cost little to add or leave out.
    static let fillers: Set<String> = [
        "please", "can", "could", "would", "will", "you", "me", "i", "want", "to", "like", "the", "a", "an", "my", "just",
        "now", "hey", "ok", "okay", "um", "uh", "so", "for", "of", "some", "kindly", "go", "ahead", "actually", "thanks",
        "thank", "pls", "quickly", "also", "bit", "little", "then", "right", "away", "id", "let", "us", "need", "is", "it", "be", "that",
        "on", "in", "at", "this", "all", "do", "did", "does",
        "请", "帮", "我", "一", "下", "吧", "的", "了",
    ]

    /// Cost of saying a word the template does not have.
    static func insertionCost(_ word: String) -> Double { insertionCost(filler: fillers.contains(word)) }
    /// Cost of saying an extra word that is (or is not) a filler.
    static func insertionCost(filler: Bool) -> Double { filler ? 0.3 : 1.0 }
    /// Cost of leaving out a template word.
    static func deletionCost(_ word: String) -> Double { fillers.contains(word) ? 0.35 : 1.0 }
    /// Cost of leaving out a slot (the loop asks a follow-up question for it).
    static let missingSlotCost = 0.25
    /// Cost of a near spelling of a template word ("favourite" for "favorite", a misheard ending).
    static let nearWordCost = 0.4
    /// Most extra words considered between two template parts.
    static let maxInsertions = 2

    let nodes: [Node]
    let root: Int
    /// The slots that take any words.
    let wildcards: Set<String>

    /// Flattens a parsed template; `isWildcard(slot)` says which slots take any words (free text, names).
    ///
    /// A wildcard is only as good as the words that mark where it starts and ends ("album **called** {name}",
    /// "{name} **album**", "**saying** {body}"): the nearest required part on each side of a wildcard (optional parts
    /// skipped) is its anchor, and an anchor may be misspelt but never left out. Without this, leaving out the one
    /// word that names the action let a wildcard swallow any sentence ("make the screen a bit brighter" read as
    /// creating an album called "the screen a bit brighter").
    init(_ template: SentenceTemplate, isWildcard: (String) -> Bool = { _ in false }) {
        var nodes: [Node] = []
        func isOptional(_ n: SentenceTemplate.Node) -> Bool {
            if case .alternatives(let c) = n { return c.contains(where: SentenceTemplate.isEmpty) }
            return SentenceTemplate.isEmpty(n)
        }
        func anchors(_ children: [SentenceTemplate.Node]) -> Set<Int> {
            var out = Set<Int>()
            for (i, child) in children.enumerated() {
                guard case .slot(let s) = child, isWildcard(s) else { continue }
                for step in [-1, 1] {
                    var j = i + step
                    while children.indices.contains(j), isOptional(children[j]) { j += step }
                    if children.indices.contains(j), !{ if case .slot = children[j] { true } else { false } }() { out.insert(j) }
                }
            }
            return out
        }
        // A filler among content alternatives ("(favorite|like|star)") is as dear to leave out as they are.
        func add(_ n: SentenceTemplate.Node, contentGroup: Bool, anchor: Bool) -> Int {
            switch n {
            case .word(let w):
                nodes.append(.word(w, deletion: anchor ? .infinity : contentGroup ? 1.0 : Self.deletionCost(w)))
            case .slot(let s):
                nodes.append(.slot(s))
            case .sequence(let children):
                let anchored = anchors(children)
                let ids = children.enumerated().map { add($0.element, contentGroup: false, anchor: anchor || anchored.contains($0.offset)) }
                nodes.append(.sequence(ids))
            case .alternatives(let children):
                let content = children.contains { if case .word(let w) = $0 { !Self.fillers.contains(w) } else { false } }
                let ids = children.map { add($0, contentGroup: content, anchor: anchor) }
                nodes.append(.alternatives(ids))
            }
            return nodes.count - 1
        }
        root = add(template.root, contentGroup: false, anchor: false)
        self.nodes = nodes
        wildcards = Set(nodes.compactMap { if case .slot(let s) = $0, isWildcard(s) { s } else { nil } })
    }

    /// The best alignment of the whole of `words` with the template, or nil if none.
    ///
    /// `readSlot(name, lower, upper)` says whether words `lower..<upper` can fill the slot.
    /// `mayBeMissing(name)` says whether the slot may be left out (required parameters the loop can ask for).
    /// `near(i, word)` says whether utterance word `i` is a near spelling of `word` (cached by the caller).
    /// `limit`: the alignment is of no use to the caller if it costs more; every partial path that costs more is dropped
    /// at once, and nil is the answer when the best costs more. *Why:* every cost is positive, so a part that costs more
    /// than the limit cannot be part of a whole that costs less; the best alignment within the limit is the same as
    /// without one.
    func align(_ words: [String], readSlot: (String, Int, Int) -> Bool, maxSpan: (String) -> Int,
               mayBeMissing: (String) -> Bool, near: (Int, String) -> Bool, limit: Double = .infinity,
               fillerWords: [Bool]? = nil) -> Path? {
        let n = words.count
        // Whether each word is a filler, looked up once per utterance (`fillerWords`, from the caller) rather than
        // hashed again for every extra word the search tries.
        let isFiller = fillerWords ?? words.map(Self.fillers.contains)
        let width = n + 1
        // memo[id * width + i]: for each end position k, the best path matching node `id` from i to k.
        var memo = [[Path?]?](repeating: nil, count: nodes.count * width)

        func insert(_ p: inout Path, from i: Int, count: Int) {
            for k in i..<(i + count) {
                p.cost += Self.insertionCost(filler: isFiller[k])
                if !isFiller[k] { p.extraContentWords += 1; p.extraContentPositions |= 1 << UInt64(k) }
            }
        }

        func offer(_ out: inout [Path?], _ k: Int, _ p: Path) {
            guard p.cost <= limit else { return }
            if let old = out[k], !p.isBetter(than: old) { return }
            out[k] = p
        }

        func match(_ id: Int, _ i: Int) -> [Path?] {
            let key = id * width + i
            if let m = memo[key] { return m }
            var out = [Path?](repeating: nil, count: width)
            switch nodes[id] {
            case .word(let w, let deletion):
                if i < n {
                    if words[i] == w {
                        offer(&out, i + 1, Path(cost: 0, literals: 1, bindings: [], missing: []))
                    } else if near(i, w) {
                        offer(&out, i + 1, Path(cost: Self.nearWordCost, literals: 1, bindings: [], missing: []))
                    }
                }
                if deletion.isFinite {
                    var p = Path(cost: deletion, literals: 0, bindings: [], missing: [])
                    p.leftOutSwitch = w == "on" || w == "off"
                    offer(&out, i, p)
                }
            case .slot(let name):
                let limit = min(n, i + maxSpan(name))
                if i < n, limit > i {
                    let wildcard = wildcards.contains(name)
                    for k in (i + 1)...limit where readSlot(name, i, k) {
                        var p = Path(cost: 0, literals: 0, bindings: [(name, i, k)], missing: [])
                        if wildcard { p.wildcardWords = k - i }
                        offer(&out, k, p)
                    }
                }
                if mayBeMissing(name) {
                    offer(&out, i, Path(cost: Self.missingSlotCost, literals: 0, bindings: [], missing: [name]))
                }
            case .alternatives(let children):
                for c in children {
                    let m = match(c, i)
                    for k in i...n { if let p = m[k] { offer(&out, k, p) } }
                }
            case .sequence(let children):
                var current = [Path?](repeating: nil, count: width)
                current[i] = .empty
                for c in children {
                    // Extra words said before this part.
                    var widened = current
                    for pos in i...n {
                        guard let p = current[pos] else { continue }
                        var q = p
                        var extra = 1
                        while extra <= Self.maxInsertions, pos + extra <= n {
                            insert(&q, from: pos + extra - 1, count: 1)
                            guard q.cost <= limit else { break }
                            offer(&widened, pos + extra, q)
                            extra += 1
                        }
                    }
                    var next = [Path?](repeating: nil, count: width)
                    for pos in i...n {
                        guard let p = widened[pos] else { continue }
                        let m = match(c, pos)
                        for k in pos...n {
                            guard let q = m[k], p.cost + q.cost <= limit else { continue }
                            offer(&next, k, p.appending(q))
                        }
                    }
                    current = next
                }
                for k in i...n { if let p = current[k] { offer(&out, k, p) } }
            }
            memo[key] = out
            return out
        }

        var best: Path?
        // Any number of extra words before and after the sentence ("I need an | alarm at nine").
        for start in 0...n {
            var prefix = Path.empty
            insert(&prefix, from: 0, count: start)
            // Later starts only add words before the sentence.
            guard prefix.cost <= limit else { break }
            let ends = match(root, start)
            for k in start...n {
                guard let p = ends[k], prefix.cost + p.cost <= limit else { continue }
                var q = prefix.appending(p)
                if k < n { insert(&q, from: k, count: n - k) }
                guard q.cost <= limit else { continue }
                if let b = best, !q.isBetter(than: b) { continue }
                best = q
            }
        }
        return best
    }

    /// A cost no alignment of the utterance with the template goes below: each literal word costs nothing when the
    /// utterance has it (`said`), a near spelling's cost when it has a near spelling of it (`saidNearly`), else the cost
    /// of leaving it out; slots and extra words count nothing. *Why:* a template whose bound is above the caller's limit
    /// need not be aligned at all, and the bound takes one pass over the template's nodes.
    func lowerBound(said: (String) -> Bool, saidNearly: (String) -> Bool) -> Double {
        // Nodes are stored children first (see `init`), so one pass in order sees every child before its parent.
        var bound = [Double](repeating: 0, count: nodes.count)
        for (id, node) in nodes.enumerated() {
            switch node {
            case .word(let w, let deletion):
                if said(w) { bound[id] = 0 }
                else if deletion > Self.nearWordCost, saidNearly(w) { bound[id] = Self.nearWordCost }
                else { bound[id] = deletion }
            case .slot:
                bound[id] = 0
            case .sequence(let children):
                bound[id] = children.reduce(0) { $0 + bound[$1] }
            case .alternatives(let children):
                bound[id] = children.map { bound[$0] }.min() ?? 0
            }
        }
        return bound[root]
    }

    /// Whether two different words are near spellings of each other (one edit for 5+ letters, two for 9+).
    static func isNear(_ a: String, _ b: String) -> Bool {
        let la = a.count, lb = b.count
        guard min(la, lb) >= 5, abs(la - lb) <= 2 else { return false }
        let allowed = min(la, lb) >= 9 ? 2 : 1
        return EditDistance.between(a, b, limit: allowed) <= allowed
    }
}
