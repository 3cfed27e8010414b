import Foundation
import RelayLanguage

/// The words an utterance gives as a message's or a note's own text rather than as the command: what stands in double
/// quotes ("new note \"pick up dry cleaning\"") or after a colon that follows a few words ("text my mum: landed safely,
/// love you", "jot this down: Anna's birthday is June 4th").
///
/// Free text can say anything, so it is kept out of what decides the command: the encoder sees it as the embedded
/// sentences' example text, and its "not" or "?" neither negates the request nor makes it a question ("msg bob: don't
/// be late"). The free-text parameter of the action read takes it whole.
enum FreeText {
    /// Most words before a colon for what follows it to be free text: "send Bob a text: …", not a sentence that merely
    /// contains a colon.
    static let wordsBeforeColon = 6

    /// The range of `text` that is free text, or nil when none is marked.
    static func range(in text: String) -> Range<String.Index>? {
        for (open, close) in [("\"", "\""), ("“", "”")] {
            if let a = text.range(of: open), let b = text.range(of: close, range: a.upperBound..<text.endIndex),
               !text[a.upperBound..<b.lowerBound].trimmingCharacters(in: .whitespaces).isEmpty {
                return a.upperBound..<b.lowerBound
            }
        }
        // A colon and a space: "7:30" is a time, not a colon before free text.
        guard let colon = text.range(of: ": ") else { return nil }
        let before = TextNormalizer.words(String(text[..<colon.lowerBound]))
        guard (1...wordsBeforeColon).contains(before.count),
              !text[colon.upperBound...].trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return colon.upperBound..<text.endIndex
    }

    /// The free text of `text` as a value: without surrounding spaces and its closing ".", "!" or "?".
    static func value(in text: String) -> String? {
        guard let r = range(in: text) else { return nil }
        var value = text[r].trimmingCharacters(in: .whitespaces)
        while let last = value.last, ".!?".contains(last) { value.removeLast() }
        return value.isEmpty ? nil : value
    }

    /// `text` with its free text left out: what says the command.
    static func command(in text: String) -> String {
        guard let r = range(in: text) else { return text }
        return text.replacingCharacters(in: r, with: " ")
    }

    /// Words that introduce a message rather than belong to it, longest first: "tell Bob **that** the meeting moved",
    /// "message Bob **and say** the game starts at 8", "send Anna a text **with the text** see you at noon".
    static let leadIns: [[String]] = [
        ["with", "the", "message"], ["with", "the", "text"], ["and", "tell", "them"], ["and", "tell", "him"],
        ["and", "tell", "her"], ["that", "says"], ["which", "says"], ["and", "say"], ["to", "say"], ["the", "message"],
        ["the", "text"], ["saying"], ["says"], ["that"],
    ]

    /// How many of `words` (normalised) are a lead-in (``leadIns``) with something after it; nil when none is.
    static func leadInLength<Words: Collection<String>>(_ words: Words) -> Int? {
        leadIns.first { words.count > $0.count && words.prefix($0.count).elementsEqual($0) }?.count
    }

    /// `text` without a lead-in (``leadIns``) before the message itself; unchanged when nothing would be left.
    static func withoutLeadIn(_ text: String) -> String {
        let pieces = text.split(separator: " ", omittingEmptySubsequences: true)
        guard let n = leadInLength(pieces.map { TextNormalizer.normalize(String($0)) }) else { return text }
        return pieces.dropFirst(n).joined(separator: " ")
    }

    /// Whether `text` holds a quote mark inside it (its own ends trimmed): then it runs across the edge of a quotation
    /// ("on my way\" by text", "note \"buy milk"). What stands in quotes is a value whole or not at all.
    static func crossesQuotation(_ text: String) -> Bool {
        text.trimmingCharacters(in: CharacterSet(charactersIn: "\"“” ")).contains { "\"“”".contains($0) }
    }
}
