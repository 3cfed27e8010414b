import Foundation
public import RelayJSON
import RelayLanguage
import RelayModel

/// Reads the words of one slot as the canonical JSON value of a parameter, or says they are not one.
///
/// Uses RelayKit's typed slot parsers, so the text skill, the dispatcher's validation and the speech
/// grammar agree on what "seven thirty", "ten minutes" or "fifty percent" mean.
public struct SlotReader: Sendable {
    /// Live names of user-created things by entity kind (`["album": ["Trip"], "contact": ["Anna Smith"]]`).
    public var entityNames: EntityNames {
        didSet { entityIndexes = Self.indexes(entityNames) }
    }
    /// The live names by entity kind, normalised once (see ``EntityResolver/Index``).
    private(set) var entityIndexes: [String: EntityResolver.Index]

    /// Creates a reader that resolves entity slots among `entityNames`.
    public init(entityNames: EntityNames = [:]) {
        self.entityNames = entityNames
        entityIndexes = Self.indexes(entityNames)
    }

    /// Named by themselves: an id made up here ("3") would be matched by a spoken number ("the last 3").
    static func indexes(_ entityNames: EntityNames) -> [String: EntityResolver.Index] {
        entityNames.mapValues { names in EntityResolver.Index(names.map { Entity(id: $0, name: $0) }) }
    }

    /// Endings that are politeness, not part of a name.
    static let politeTails: [[String]] = [["please"], ["for", "me"], ["thanks"], ["thank", "you"], ["now"], ["right", "now"]]

    /// Words a multi-word name does not end with ("Work Stuff for", "could you take a").
    static let danglingWords: Set<String> = ["for", "to", "the", "a", "an", "of", "and", "with", "me", "my", "in", "on", "at", "please", "now"]

    /// Words a name does not start with: they join a clause to what came before.
    /// "Called", "named" and "titled" introduce a name and are not part of it ("new album called Wedding").
    static let joiningWords: Set<String> = ["and", "or", "but", "then", "so", "to", "into", "in", "on", "at", "for", "with", "from",
                                            "called", "named", "titled"]

    /// Pronouns that make words a clause, not a name.
    static let personalPronouns: Set<String> = ["i", "me", "we", "us", "you", "it", "they", "them"]

    /// The most words a slot of `kind` may span (wildcards may take the rest of the utterance).
    static func maximumSpan(_ kind: ParameterKind) -> Int {
        switch kind {
        case .string, .text: 12
        case .boolean: 2
        case .choice: 4
        case .integer, .number, .percentage: 6
        case .date: 9  // "between june 1 and june 10 2024", "from 2024 06 01 to 2024 06 03"
        case .timeOfDay: 7  // "twenty five past six in the evening"
        case .duration: 9
        case .entity: 5
        }
    }

    /// The most words a value of `parameter` may span: a name ("Vacation 2024", "Dr. Miller") is a few words, never a
    /// clause ("the album cover for that record is iconic" names no album); a path or a message body may be longer.
    static func maximumSpan(_ parameter: Parameter) -> Int {
        if case .string = parameter.kind, !parameter.isPath { return maximumNameWords }
        return maximumSpan(parameter.kind)
    }

    /// `words` without a first or last word that is `noun` (a parameter's name, "album"), with the matching cut of
    /// `original`; nil when neither end is that noun or `original` does not show it there.
    static func withoutOwnNoun(_ words: [String], original: String, noun: String)
        -> (words: [String], original: String)? {
        let noun = noun.lowercased()
        let text = original.trimmingCharacters(in: .whitespacesAndNewlines)
        if words.last == noun, let r = text.range(of: noun, options: [.caseInsensitive, .backwards, .anchored]) {
            return (Array(words.dropLast()), String(text[..<r.lowerBound]))
        }
        if words.first == noun, let r = text.range(of: noun, options: [.caseInsensitive, .anchored]) {
            return (Array(words.dropFirst()), String(text[r.upperBound...]))
        }
        return nil
    }

    /// The most words a name (a string that is not a path) has.
    static let maximumNameWords = 5

    /// Whether `kind` takes any words at all (a wildcard), so a template literal right after it must anchor it.
    static func isWildcard(_ kind: ParameterKind) -> Bool {
        switch kind {
        case .string, .text: true
        default: false
        }
    }

    /// The canonical value of `words` for `parameter`, or nil when they do not read as one.
    ///
    /// `original` is the exact text the words came from (case and punctuation kept), used for free text.
    public func read(_ words: [String], original: String, for parameter: Parameter) -> JSONValue? {
        read(words, original: original, for: parameter, choices: nil)
    }

    /// A choice parameter's names as ``read(_:original:for:)`` compares them, normalised once.
    ///
    /// *Why:* normalising every spoken name of every choice on each read was most of the template stage's time (the
    /// aligner reads a choice slot over every span of the utterance); the matcher keeps these per parameter.
    struct ChoiceForms: Sendable {
        /// Per choice: its value, every name (English, Mandarin, the value) normalised, and the English names and value
        /// normalised (the ones a near spelling may stand for).
        let choices: [(value: String, names: [String], nearNames: [String])]

        init(_ choices: [Choice]) {
            self.choices = choices.map { choice in
                let names = (choice.names(language: "en") + choice.names(language: "zh") + [choice.value]).map(TextNormalizer.normalize)
                let nearNames = (choice.names(language: "en") + [choice.value]).map(TextNormalizer.normalize)
                return (choice.value, names, nearNames)
            }
        }
    }

    /// ``read(_:original:for:)`` with a choice parameter's names normalised beforehand (nil: normalised here).
    func read(_ words: [String], original: String, for parameter: Parameter, choices forms: ChoiceForms?) -> JSONValue? {
        guard !words.isEmpty else { return nil }
        switch parameter.kind {
        case .string where parameter.isPath:
            // A file path is what it looks like; the words around it ("the files in ~/Pictures") are not part of it.
            let paths = FilePathText.pieces(in: original)
            if paths.count == 1, let only = paths.first { return .string(only) }
            if paths.count > 1 { return nil }
            // Without a "/", a path is one piece: a file ("beach.jpg") or a folder as said aloud ("downloads"), never a
            // clause ("the photos from 2019 are on my old hard drive").
            let trimmed = original.trimmingCharacters(in: CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: ",;:!?\"'")))
            guard !trimmed.isEmpty, !trimmed.contains(where: \.isWhitespace),
                  !TemplateAligner.fillers.contains(TextNormalizer.normalize(trimmed)) else { return nil }
            return .string(trimmed)
        case .string:
            // A name said with the parameter's own noun is the name without it ("the **Wedding album**": Wedding;
            // "**album** Cats": Cats).
            if words.count > 1, let cut = Self.withoutOwnNoun(words, original: original, noun: parameter.name) {
                return read(cut.words, original: cut.original, for: parameter, choices: forms)
            }
            // A name is not made of fillers ("set me an alarm": "me an" is no label), nor does it end in
            // politeness ("an album called Work for me": the name is "Work").
            guard !words.allSatisfy(TemplateAligner.fillers.contains), !FreeText.crossesQuotation(original) else {
                return nil
            }
            for tail in Self.politeTails where words.count > tail.count && Array(words.suffix(tail.count)) == tail { return nil }
            if words.count > 1, let last = words.last, Self.danglingWords.contains(last) { return nil }
            // Nor does it start with a word that joins clauses ("take a photo and put it in Family": the album is
            // not "and put it in Family").
            if let first = words.first, Self.joiningWords.contains(first) { return nil }
            // Nor is it a clause or a selection: a personal pronoun ("everything I took on monday", "name it Books")
            // or a count of things ("the 3 most recent photos").
            if words.contains(where: Self.personalPronouns.contains) || CommandMatcher.count(words, excluding: []) != nil { return nil }
            // A name: no sentence punctuation at the end ("Summer." → "Summer").
            let trimmed = original.trimmingCharacters(in: CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: ".!?,;:\"'")))
            return trimmed.isEmpty ? nil : .string(trimmed)
        case .text:
            // A message body keeps its own punctuation, not the words that introduce it ("… **that** I'm late").
            let trimmed = original.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !FreeText.crossesQuotation(trimmed) else { return nil }
            let body = FreeText.withoutLeadIn(trimmed)
            return body.isEmpty ? nil : .string(body)
        case .integer(let lo, let hi):
            guard let n = NumberWords.parseOrdinal(words) else { return nil }
            if let lo, n < lo { return nil }
            if let hi, n > hi { return nil }
            return .int(n)
        case .number(let lo, let hi):
            guard let x = NumberWords.parse(words) else { return nil }
            if let lo, x < lo { return nil }
            if let hi, x > hi { return nil }
            return .double(x)
        case .boolean:
            return SlotParsers.boolean(words).map { .bool($0) }
        case .choice(let choices):
            let forms = forms ?? ChoiceForms(choices)
            let joined = TextNormalizer.join(words)
            for choice in forms.choices where choice.names.contains(joined) { return .string(choice.value) }
            // A slip of one word's spelling ("bluetoth", "brightnes", "volumn") when it is near one choice only.
            guard words.count == 1 else { return nil }
            let near = forms.choices.filter { choice in choice.nearNames.contains { TemplateAligner.isNear(joined, $0) } }
            return near.count == 1 ? .string(near[0].value) : nil
        case .date:
            return SlotParsers.dateSpec(words).map { .string($0) }
        case .timeOfDay:
            return SlotParsers.timeOfDay(words).map { .string($0.canonical) }
        case .duration(let lo, let hi):
            guard let s = SlotParsers.durationSeconds(words), s > 0 else { return nil }
            if let lo, s < lo { return nil }
            if let hi, s > hi { return nil }
            return .int(s)
        case .percentage:
            guard let p = SlotParsers.percentage(words), (0...100).contains(p) else { return nil }
            return .int(p)
        case .entity(let kind):
            // Numbers alone name no live thing: "2024" of "in May 2024" is a year, not the album "Vacation 2024".
            guard !words.allSatisfy({ $0.allSatisfy(\.isNumber) }) else { return nil }
            let index = entityIndexes[kind.name] ?? EntityResolver.Index([])
            switch EntityResolver.resolve(TextNormalizer.join(words), in: index) {
            case .found(let e): return .string(e.name)
            // Several match ("anna" → two Annas): keep the spoken words so the dispatcher asks which one.
            case .ambiguous: return .string(original.trimmingCharacters(in: .whitespacesAndNewlines))
            case .notFound: return nil
            }
        }
    }
}
