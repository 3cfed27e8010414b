import Foundation
import RelayLanguage

/// The values an utterance states, phrased as the actions' embedded sentences phrase them.
///
/// The embedded sentences are template expansions with one example per kind of value ("seven thirty", "ten minutes",
/// "sam", "tmp clip mp4"). An utterance's own values ("7:15", "3 minutes", "the Cats album", "/tmp/beach.jpg") are
/// words the encoder weighs as much as the verb, so an unusual value pulls a sentence away from its action
/// ("import /tmp/beach.jpg" is nearer "what is on the camera" than any import sentence). Free text (``FreeText``) is
/// one such value. Replacing each value the slot
/// parsers read with its kind's example leaves the encoder only the words that say what to do. The values
/// themselves are still read from the original words by the slot parsers.
enum ExamplePhrasing {
    /// The example words for each kind of value, shared with ``ActionEmbeddings/render(_:)`` so that both sides agree.
    static let time = ["seven", "thirty"]
    static let duration = ["ten", "minutes"]
    static let percentage = ["fifty", "percent"]
    static let date = ["yesterday"]
    static let name = ["sam"]
    static let path = ["tmp", "clip", "mp4"]
    static let number = ["five"]
    static let text = ["see", "you", "soon"]

    /// `words` with every value replaced by its kind's example, or nil when no value was found.
    ///
    /// Longest readings first, left to right; a bare number is read as a number, never as a time or a date.
    static func phrase(_ words: [String], tokens: [Token], text: String, entityNames: EntityNames) -> [String]? {
        let inPath = pathTokens(tokens, text: text)
        let free = FreeText.range(in: text)
        // Live names normalised once for the whole utterance, not once per span tried. Named by themselves: an id made
        // up here would be matched by a spoken number.
        let entityIndexes = SlotReader.indexes(entityNames)
        var out: [String] = []
        var i = 0
        var replaced = false
        while i < words.count {
            if let free, free.contains(tokens[i].range.lowerBound) {
                var j = i
                while j < words.count && free.contains(tokens[j].range.lowerBound) { j += 1 }
                out += Self.text; i = j; replaced = true
                continue
            }
            if inPath[i] {
                var j = i
                while j < words.count && inPath[j] { j += 1 }
                out += path; i = j; replaced = true
                continue
            }
            if let (length, example) = longestValue(at: i, words, entityNames: entityIndexes) {
                out += example; i += length; replaced = true
                continue
            }
            out.append(words[i]); i += 1
        }
        return replaced ? out : nil
    }

    /// The longest value starting at word `i`, and its example.
    static func longestValue(at i: Int, _ words: [String], entityNames: [String: EntityResolver.Index]) -> (Int, [String])? {
        for length in stride(from: min(9, words.count - i), through: 1, by: -1) {
            let piece = Array(words[i..<(i + length)])
            let bare = length == 1 && NumberWords.parse(piece) != nil
            if piece.contains("percent"), SlotParsers.percentage(piece) != nil { return (length, percentage) }
            if piece.contains(where: units.contains), let s = SlotParsers.durationSeconds(piece), s > 0 { return (length, duration) }
            if !bare, piece.first != "at", SlotParsers.timeOfDay(piece) != nil { return (length, time) }
            if !bare, piece.allSatisfy({ NumberWords.parse([$0]) == nil }), SlotParsers.dateSpec(piece) != nil { return (length, date) }
            if length <= 5, !piece.allSatisfy(CommandMatcher.idleWords.contains) {
                for (_, entities) in entityNames {
                    if case .found = EntityResolver.resolve(TextNormalizer.join(piece), in: entities) { return (length, name) }
                }
            }
            if bare { return (1, number) }
        }
        return nil
    }

    static let units: Set<String> = ["second", "seconds", "minute", "minutes", "hour", "hours", "min", "mins", "sec", "secs"]

    /// Which tokens lie in a file path (``FilePathText``).
    static func pathTokens(_ tokens: [Token], text: String) -> [Bool] {
        let ranges = FilePathText.ranges(in: text)
        return tokens.map { t in ranges.contains { $0.contains(t.range.lowerBound) } }
    }
}
