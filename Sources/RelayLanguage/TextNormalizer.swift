import Foundation

/// One normalised word of an utterance and where it came from in the original text.
public struct Token: Sendable, Hashable {
    /// Normalised text: lowercase, no diacritics, no punctuation, contractions expanded.
    public var text: String
    /// The characters of the original utterance it came from (wildcard slots copy these, keeping case and punctuation).
    public var range: Range<String.Index>
}

/// Turns text into the tokens both templates and utterances are matched as.
///
/// Rules (why: "What's the Wi-Fi?" must match the template "what is [the] wifi" and "wi fi"):
/// lowercase and fold diacritics; split on whitespace, punctuation and hyphens; keep `6:45` and `2.5`
/// whole; split digits from letters (`5pm` → `5 pm`); `%` becomes `percent`; expand common
/// contractions (`what's` → `what is`, `don't` → `do not`), drop a possessive `'s` (`yesterday's pictures` →
/// `yesterday pictures`, `Mom's` → `mom`: the thing named is the word without it) and other apostrophes (`o'brien`);
/// every CJK ideograph is a token of its own (Mandarin has no spaces).
///
/// Transcripts from open-vocabulary recognizers (Whisper) are written, not spoken: " Wake me up at 6.15.", "Set an
/// alarm for 730.", "Set the brightness to 70%." Leading spaces and end punctuation are dropped like any punctuation,
/// `%` is `percent`, and a clock time written with a dot or without a separator becomes `6:15` / `7:30` where the words
/// around it say it is a time (see ``clockTime(_:previous:next:)``), so the matcher's slot readers read it.
public enum TextNormalizer {
    static let contractions: [String: [String]] = [
        "what's": ["what", "is"], "that's": ["that", "is"], "it's": ["it", "is"], "there's": ["there", "is"],
        "here's": ["here", "is"], "who's": ["who", "is"], "where's": ["where", "is"], "how's": ["how", "is"],
        "when's": ["when", "is"], "let's": ["let", "us"], "i'm": ["i", "am"], "don't": ["do", "not"],
        "doesn't": ["does", "not"], "didn't": ["did", "not"], "can't": ["can", "not"], "cannot": ["can", "not"],
        "won't": ["will", "not"], "isn't": ["is", "not"], "aren't": ["are", "not"], "wasn't": ["was", "not"],
        "o'clock": ["oclock"], "shouldn't": ["should", "not"], "wouldn't": ["would", "not"], "couldn't": ["could", "not"],
        "haven't": ["have", "not"], "i'd": ["i", "would"], "i'll": ["i", "will"], "i've": ["i", "have"],
        "you're": ["you", "are"], "we're": ["we", "are"], "they're": ["they", "are"], "wanna": ["want", "to"],
        "gonna": ["going", "to"],
    ]

    /// Written spellings whose normal form is the one word `word` ("oclock" ← "o'clock"): a pronunciation
    /// dictionary lists words as they are written, so the speech grammar looks these up too.
    public static func writtenForms(of word: String) -> [String] {
        contractions.filter { $0.value == [word] }.map(\.key).sorted()
    }

    /// The normalised words of `text`.
    public static func words(_ text: String) -> [String] { tokens(text).map(\.text) }

    /// Normalised text: the words joined (by spaces, except between CJK characters).
    public static func normalize(_ text: String) -> String { join(words(text)) }

    /// Joins words the way they were split: spaces between words, none between CJK characters.
    public static func join<S: Sequence>(_ words: S) -> String where S.Element == String {
        var out = ""
        var previousCJK = false
        for w in words {
            let cjk = w.unicodeScalars.first.map(isCJK) ?? false
            if !out.isEmpty && !(cjk && previousCJK) { out += " " }
            out += w
            previousCJK = cjk
        }
        return out
    }

    /// Whether a scalar is a CJK ideograph (or kana/hangul): each is its own token.
    public static func isCJK(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xAC00...0xD7AF, 0x20000...0x2FFFF: true
        default: false
        }
    }

    /// Prefixes written with a hyphen that make one word with what follows.
    static let hyphenPrefixes: Set<String> = ["un", "re", "de", "dis"]

    /// The tokens of `text` with their ranges in `text`.
    public static func tokens(_ text: String) -> [Token] {
        var raw: [(String, Range<String.Index>)] = []
        var start: String.Index?
        var i = text.startIndex
        func flush(_ end: String.Index) {
            if let s = start, s < end { raw.append((String(text[s..<end]), s..<end)) }
            start = nil
        }
        while i < text.endIndex {
            let c = text[i]
            let next = text.index(after: i)
            let scalar = c.unicodeScalars.first!
            if isCJK(scalar) {
                flush(i)
                raw.append((String(c), i..<next))
            } else if c == "%" {
                flush(i)
                raw.append(("percent", i..<next))
            } else if c.isLetter || c.isNumber {
                if let s = start, let last = text[s..<i].last, last.isNumber, c.isLetter {
                    // "5pm" → "5", "pm"; "3rd" → "3", "rd"
                    flush(i)
                }
                if start == nil { start = i }
            } else if (c == ":" || c == "." || c == ",") && start != nil && next < text.endIndex
                        && text[next].isNumber && (i > text.startIndex && text[text.index(before: i)].isNumber) {
                // keep 6:45 and 2.5 whole; 1,000 → 1000 below
            } else if (c == "'" || c == "’") && start != nil && next < text.endIndex && text[next].isLetter {
                // apostrophe inside a word: kept for the contraction table, dropped after
            } else {
                flush(i)
            }
            i = next
        }
        flush(text.endIndex)
        // "un-favourite", "re-enable": a prefix joined by a hyphen is part of its word, not a word of its own.
        var joined: [(String, Range<String.Index>)] = []
        for piece in raw {
            if let last = joined.last, hyphenPrefixes.contains(last.0.lowercased()), last.1.upperBound < piece.1.lowerBound,
               text.index(after: last.1.upperBound) == piece.1.lowerBound, text[last.1.upperBound] == "-" {
                joined[joined.count - 1] = (last.0 + piece.0, last.1.lowerBound..<piece.1.upperBound)
            } else {
                joined.append(piece)
            }
        }
        raw = joined

        var out: [Token] = []
        for (word, range) in raw {
            var w = word.lowercased().replacingOccurrences(of: "’", with: "'")
            w = w.folding(options: [.diacriticInsensitive], locale: nil)
            if let expansion = contractions[w] {
                out += expansion.map { Token(text: $0, range: range) }
                continue
            }
            if w.hasSuffix("'s"), w.count > 2 { w.removeLast(2) }
            w = w.replacingOccurrences(of: "'", with: "")
            if w.contains(","), w.allSatisfy({ $0.isNumber || $0 == "," }) { w = w.replacingOccurrences(of: ",", with: "") }
            if !w.isEmpty { out.append(Token(text: w, range: range)) }
        }
        for i in out.indices {
            let previous = i > 0 ? out[i - 1].text : nil
            let next = out.index(after: i) < out.endIndex ? Array(out[(i + 1)...].prefix(2).map(\.text)) : []
            if let time = clockTime(out[i].text, previous: previous, next: next) { out[i].text = time }
        }
        return out
    }

    /// Words before a number that make it a clock time: "at 730", "alarm for 6.15", "until 1130".
    static let timeLeadIns: Set<String> = ["at", "for", "until", "till", "til", "by", "alarm", "to"]
    /// Words after a number that make it a clock time ("6.15 pm", "7.30 a.m." → `a m`, "730 in the morning").
    static let dayParts: Set<String> = ["am", "pm", "oclock", "morning", "evening", "afternoon", "tonight"]
    /// Words after a number that make it a quantity, never a time: "for 130 seconds", "to 100 percent".
    static let units: Set<String> = ["percent", "second", "seconds", "minute", "minutes", "hour", "hours", "min", "mins",
                                     "sec", "secs", "day", "days", "times", "photos", "pictures", "videos", "degrees"]

    /// `h:mm` for a clock time written the way a transcriber writes it: `6.15` (a dot, two digits of minutes), or
    /// `730` / `1130` (three or four digits), when the words around it say it is a time; nil otherwise.
    ///
    /// A dotted time needs a lead-in ("at", "for", "to", "alarm") or a day part after it; a time without a separator
    /// needs a lead-in other than "to", because "set the volume to 100" is a level; a unit after either ("for 130
    /// seconds", "to 100 percent") keeps the number a number. Hours 0–23, minutes 0–59.
    public static func clockTime(_ word: String, previous: String?, next: [String]) -> String? {
        guard let first = word.first, first.isNumber, word.count >= 3, word.count <= 5 else { return nil }
        let following = next.first
        if let following, units.contains(following) { return nil }
        let dayPart = following.map { dayParts.contains($0) || (($0 == "a" || $0 == "p") && next.dropFirst().first == "m") } ?? false
        let leadIn = previous.map(timeLeadIns.contains) ?? false
        let hour: Int, minute: Int
        if let dot = word.firstIndex(of: ".") {
            let h = word[..<dot], m = word[word.index(after: dot)...]
            guard (1...2).contains(h.count), m.count == 2, let hh = Int(h), let mm = Int(m) else { return nil }
            guard leadIn || dayPart else { return nil }
            hour = hh; minute = mm
        } else {
            guard word.allSatisfy(\.isASCII), word.allSatisfy(\.isNumber), word.count <= 4, let n = Int(word) else { return nil }
            guard (leadIn && previous != "to") || dayPart else { return nil }
            hour = n / 100; minute = n % 100
        }
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        return "\(hour):\(minute < 10 ? "0" : "")\(minute)"
    }
}
