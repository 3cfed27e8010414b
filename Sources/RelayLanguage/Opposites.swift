/// Pairs of words that mean the opposite of each other in commands ("maximum" / "minimum", "louder" / "quieter").
///
/// Sound and spelling cannot tell them apart safely: "minimum" is three phonemes from "maximum", and a repair that
/// crosses such a pair turns a request into its reverse. Whatever guesses a word from a near one consults this first.
public enum Opposites {
    /// Whether `a` and `b` (normalised words) are opposites.
    public static func are(_ a: String, _ b: String) -> Bool {
        opposite[a]?.contains(b) ?? false
    }

    /// The opposites of `word`, nil when it has none.
    public static func of(_ word: String) -> Set<String>? { opposite[word] }

    static let pairs: [(String, String)] = [
        ("maximum", "minimum"), ("max", "min"), ("up", "down"), ("on", "off"), ("raise", "lower"),
        ("increase", "decrease"), ("louder", "quieter"), ("louder", "softer"), ("brighter", "dimmer"),
        ("brighter", "darker"), ("light", "dark"), ("enable", "disable"), ("activate", "deactivate"), ("start", "stop"),
        ("add", "remove"), ("read", "unread"), ("undo", "redo"), ("favorite", "unfavorite"), ("favourite", "unfavourite"),
        ("first", "last"), ("oldest", "newest"), ("earliest", "latest"), ("open", "close"), ("show", "hide"),
        ("mute", "unmute"), ("lock", "unlock"), ("before", "after"), ("import", "export"), ("more", "less"),
        ("higher", "lower"), ("high", "low"), ("full", "empty"), ("all", "none"),
    ]

    static let opposite: [String: Set<String>] = pairs.reduce(into: [:]) { table, pair in
        table[pair.0, default: []].insert(pair.1)
        table[pair.1, default: []].insert(pair.0)
    }
}
