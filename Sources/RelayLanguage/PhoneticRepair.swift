import Foundation

/// Re-reads a transcript whose words a recognizer misheard: words outside the sentence vocabulary are replaced by the
/// vocabulary words that sound nearest ("Can't solve my alarm." → "cancel my alarm", "Set the rightness to 70%." →
/// "Set the brightness to 70%.").
///
/// Open-vocabulary recognizers (Whisper) write what a word sounded like, not what it was; a repair compares sounds:
/// each run of unknown words is covered by spans of one to ``longestSpan`` words ("can't solve" → "cancel"), each span
/// either kept or replaced by the vocabulary word whose pronunciation is within ``threshold`` (``PhoneticDistance``
/// over the longer pronunciation); the cover with the least total distance wins, a kept word costing its length. Words
/// the vocabulary knows, numbers and words the dictionary lacks are never touched, and no word becomes its opposite
/// (``Opposites``). The matcher tries the repaired sentence only when the heard one is not understood, and a write it
/// leads to is read back before it is made.
public struct PhoneticRepair: Sendable {
    /// One replacement: the words heard and the vocabulary word put in their place.
    public struct Replacement: Sendable, Hashable {
        /// The transcript's words, as written.
        public var heard: String
        /// The vocabulary word.
        public var word: String
        /// Their normalised phonetic distance (0 same sound, 1 nothing in common).
        public var distance: Double
    }

    /// A repaired sentence.
    public struct Repaired: Sendable, Hashable {
        /// The transcript with the replacements made (punctuation and the other words as they were).
        public var text: String
        /// What was replaced, in order.
        public var replacements: [Replacement]
    }

    /// The largest normalised distance a replacement may have. Chosen on the dictionary's own near-misses of the
    /// commands' words (see `PhoneticRepairTests`), never on a test corpus.
    public static let defaultThreshold = 0.34
    /// The most transcript words one vocabulary word may replace ("can't solve" → "cancel").
    public static let longestSpan = 3
    /// Pronunciations shorter than this (in phonemes) are neither replaced nor put in: short words sound alike.
    public static let shortestPronunciation = 3

    let dictionary: PronouncingDictionary
    let known: Set<String>
    let candidates: [(word: String, phones: [[Phoneme]])]
    /// The largest normalised distance of a replacement.
    public let threshold: Double

    /// A repair towards `vocabulary` (normalised words, e.g. every word of the sentence templates). Words in `vocabulary`
    /// or `known` (stop words, number words) are never replaced.
    public init(dictionary: PronouncingDictionary, vocabulary: some Sequence<String>, known: some Sequence<String> = [String](),
                threshold: Double = PhoneticRepair.defaultThreshold) {
        self.dictionary = dictionary
        self.threshold = threshold
        var knownWords = Set(known)
        var candidates: [(word: String, phones: [[Phoneme]])] = []
        for word in Set(vocabulary).sorted() {
            knownWords.insert(word)
            let phones = dictionary.pronunciations(of: word).filter { $0.count >= Self.shortestPronunciation }
            if !phones.isEmpty { candidates.append((word, phones)) }
        }
        self.known = knownWords
        self.candidates = candidates
    }

    /// Number of vocabulary words with a pronunciation (the replacements on offer).
    public var vocabularyCount: Int { candidates.count }

    /// `text` with its unknown words re-heard, or nil when no word could be replaced. `names` (live album and contact
    /// names) are known words and may be put in too.
    public func repaired(_ text: String, names: [String] = []) -> Repaired? {
        // A chunk with phones takes part in repairs; an unknown one must be repaired or kept at a cost, a known
        // contraction ("can't") may be merged into a neighbour's repair but costs nothing to keep.
        struct Chunk { var range: Range<String.Index>; var core: Range<String.Index>; var phones: [[Phoneme]]?; var isKnown = false }
        var nameWords = Set<String>()
        var extra: [(word: String, phones: [[Phoneme]])] = []
        for name in names {
            for w in TextNormalizer.words(name) where nameWords.insert(w).inserted && !known.contains(w) {
                let phones = dictionary.pronunciations(of: w).filter { $0.count >= Self.shortestPronunciation }
                if !phones.isEmpty { extra.append((w, phones)) }
            }
        }
        // Whitespace-separated chunks; the core is the word without the punctuation around it ("70%." stays whole).
        var chunks: [Chunk] = []
        var i = text.startIndex
        while i < text.endIndex {
            guard !text[i].isWhitespace else { i = text.index(after: i); continue }
            var end = i
            while end < text.endIndex && !text[end].isWhitespace { end = text.index(after: end) }
            var lo = i, hi = end
            while lo < hi && !(text[lo].isLetter || text[lo].isNumber) { lo = text.index(after: lo) }
            while hi > lo && !(text[text.index(before: hi)].isLetter || text[text.index(before: hi)].isNumber) { hi = text.index(before: hi) }
            let core = text[lo..<hi].lowercased().replacingOccurrences(of: "’", with: "'")
            var phones: [[Phoneme]]?
            let words = TextNormalizer.words(core)
            let isKnown = words.allSatisfy { known.contains($0) || nameWords.contains($0) }
            if !core.isEmpty, !core.contains(where: \.isNumber), !isKnown || core.contains("'") {
                let p = dictionary.pronunciations(of: core)
                if !p.isEmpty { phones = p }
            }
            chunks.append(Chunk(range: i..<end, core: lo..<hi, phones: phones, isKnown: isKnown))
            i = end
        }
        let offered = candidates + extra
        // Runs of unknown words that have pronunciations; each is covered by the cheapest spans.
        var replacements: [(first: Int, last: Int, word: String, distance: Double)] = []
        var start = 0
        while start < chunks.count {
            guard chunks[start].phones != nil else { start += 1; continue }
            var end = start
            while end < chunks.count, chunks[end].phones != nil { end += 1 }
            let run = Array(chunks[start..<end])
            guard run.contains(where: { !$0.isKnown }) else { start = end; continue }
            // best[k]: the cheapest cover of the run's first k words, and its last step.
            var best = [(cost: Double, from: Int, word: String?, distance: Double)](repeating: (.infinity, -1, nil, 0), count: run.count + 1)
            best[0] = (0, -1, nil, 0)
            for k in 0..<run.count where best[k].cost.isFinite {
                let keep = best[k].cost + (run[k].isKnown ? 0 : Double(run[k].phones![0].count))
                if keep < best[k + 1].cost { best[k + 1] = (keep, k, nil, 0) }
                for length in 1...min(Self.longestSpan, run.count - k) where run[k..<(k + length)].contains(where: { !$0.isKnown }) {
                    let heard = Self.spanPronunciations(run[k..<(k + length)].map { $0.phones! })
                    // Never a word's opposite ("minimum" is near "maximum" in sound, and means the reverse).
                    let said = length == 1 ? String(text[run[k].core]).lowercased() : nil
                    let choices = said.flatMap { w in Opposites.of(w).map { o in offered.filter { !o.contains($0.word) } } } ?? offered
                    guard let (word, distance, raw) = nearest(heard, among: choices) else { continue }
                    let cost = best[k].cost + raw
                    if cost < best[k + length].cost { best[k + length] = (cost, k, word, distance) }
                }
            }
            var k = run.count
            while k > 0 {
                let step = best[k]
                if let word = step.word { replacements.append((start + step.from, start + k - 1, word, step.distance)) }
                k = step.from
            }
            start = end
        }
        guard !replacements.isEmpty else { return nil }
        replacements.sort { $0.first < $1.first }
        var out = ""
        var made: [Replacement] = []
        var cursor = text.startIndex
        for r in replacements {
            let first = chunks[r.first], last = chunks[r.last]
            out += text[cursor..<first.core.lowerBound]
            out += r.word
            cursor = last.core.upperBound
            made.append(Replacement(heard: String(text[first.core.lowerBound..<last.core.upperBound]), word: r.word, distance: r.distance))
        }
        out += text[cursor...]
        return Repaired(text: out, replacements: made)
    }

    /// The pronunciations of words said in a row: every variant of a single word, the first of each for several.
    static func spanPronunciations(_ words: [[[Phoneme]]]) -> [[Phoneme]] {
        words.count == 1 ? words[0] : [words.flatMap { $0[0] }]
    }

    /// The vocabulary word nearest in sound to any of `heard`, within the threshold: word, normalised and raw distance.
    func nearest(_ heard: [[Phoneme]], among offered: [(word: String, phones: [[Phoneme]])]) -> (String, Double, Double)? {
        var found: (String, Double, Double)?
        for h in heard where h.count >= Self.shortestPronunciation {
            for candidate in offered {
                for p in candidate.phones {
                    let longer = Double(max(h.count, p.count))
                    // The length difference alone costs that many edits.
                    guard Double(abs(h.count - p.count)) / longer <= threshold else { continue }
                    let raw = PhoneticDistance.between(h, p)
                    let distance = raw / longer
                    guard distance <= threshold else { continue }
                    if found == nil || distance < found!.1 { found = (candidate.word, distance, raw) }
                }
            }
        }
        return found
    }
}
