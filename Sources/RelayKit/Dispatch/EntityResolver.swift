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

    /// Entities with their names and aliases normalised once, to resolve many spoken names among the same entities.
    ///
    /// *Why:* understanding tries a name slot over every span of an utterance; normalising every entity's names for each
    /// span was a sixth of its time.
    public struct Index: Sendable {
        let entities: [Entity]
        /// Per entity: its name and aliases, each normalised and as a set of words.
        let names: [[(normalized: String, words: Set<String>)]]

        /// Indexes `entities`.
        public init(_ entities: [Entity]) {
            self.entities = entities
            names = entities.map { e in
                ([e.name] + e.aliases).map { name in
                    let words = EntityResolver.words(name)
                    return (TextNormalizer.join(words), Set(words))
                }
            }
        }
    }

    /// A name's words, British spellings of family names as the American ("mum" is "Mom"): near spellings of words
    /// this short are not matched otherwise.
    static func words(_ name: String) -> [String] {
        TextNormalizer.words(name).map { spellingVariants[$0] ?? $0 }
    }

    static let spellingVariants: [String: String] = ["mum": "mom", "mummy": "mommy", "mam": "mom"]

    /// Resolves `spoken` among `entities` (ignoring case, punctuation, diacritics; ids match too).
    public static func resolve(_ spoken: String, among entities: [Entity]) -> Resolution {
        resolve(spoken, in: Index(entities))
    }

    /// Resolves `spoken` among the entities of `index`, as ``resolve(_:among:)`` does.
    public static func resolve(_ spoken: String, in index: Index) -> Resolution {
        let entities = index.entities
        let target = words(spoken)
        guard !target.isEmpty else { return .notFound }
        let joined = TextNormalizer.join(target)
        let exact = entities.indices.filter { i in index.names[i].contains { $0.normalized == joined } }.map { entities[$0] }
        if exact.count == 1 { return .found(exact[0]) }
        if exact.count > 1 { return .ambiguous(exact) }
        if let byID = entities.first(where: { $0.id == spoken }) { return .found(byID) }
        // Every spoken word appears in the name: "Anna" → "Anna Smith", "Anna Jones". One CJK character is no
        // name on its own ("妈" of "妈妈"): each is a token, so partial matches start at two.
        if target.count == 1, let scalar = target[0].unicodeScalars.first, TextNormalizer.isCJK(scalar) { return .notFound }
        let partial = entities.indices.filter { i in
            index.names[i].contains { name in target.allSatisfy(name.words.contains) }
        }.map { entities[$0] }
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
