import RelayLanguage

/// Finds the entity a spoken name means: exact name or alias first, then names containing every spoken word.
public enum EntityResolver {
    /// What a name resolved to.
    public enum Resolution: Sendable, Hashable {
        /// Exactly one entity.
        case found(Entity)
        /// Nothing by that name.
        case notFound
        /// Several entities; the user must choose.
        case ambiguous([Entity])
    }

    /// Resolves `spoken` among `entities` (ignoring case, punctuation, diacritics; ids match too).
    public static func resolve(_ spoken: String, among entities: [Entity]) -> Resolution {
        let target = TextNormalizer.words(spoken)
        guard !target.isEmpty else { return .notFound }
        let joined = TextNormalizer.join(target)
        let exact = entities.filter { e in ([e.name] + e.aliases).contains { TextNormalizer.normalize($0) == joined } }
        if exact.count == 1 { return .found(exact[0]) }
        if exact.count > 1 { return .ambiguous(exact) }
        if let byID = entities.first(where: { $0.id == spoken }) { return .found(byID) }
        // Every spoken word appears in the name: "Anna" → "Anna Smith", "Anna Jones". One CJK character is no
        // name on its own ("妈" of "妈妈"): each is a token, so partial matches start at two.
        if target.count == 1, let scalar = target[0].unicodeScalars.first, TextNormalizer.isCJK(scalar) { return .notFound }
        let partial = entities.filter { e in
            ([e.name] + e.aliases).contains { name in
                let words = Set(TextNormalizer.words(name))
                return target.allSatisfy(words.contains)
            }
        }
        if partial.count == 1 { return .found(partial[0]) }
        if partial.count > 1 { return .ambiguous(partial) }
        return .notFound
    }

    /// "There is no album named Vacation."
    public static func notFoundMessage(kind: EntityKind, spoken: String) -> String {
        "There is no \(kind.name) named \(spoken)."
    }

    /// "Which contact do you mean: Anna Smith or Anna Jones?"
    public static func ambiguousMessage(kind: EntityKind, candidates: [Entity]) -> String {
        let names = candidates.map(\.name)
        let list: String
        if names.count <= 2 { list = names.joined(separator: " or ") }
        else { list = names.dropLast().joined(separator: ", ") + " or " + names[names.count - 1] }
        return "Which \(kind.name) do you mean: \(list)?"
    }
}
