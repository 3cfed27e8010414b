public import RelayLanguage

/// What a grammar-constrained recognizer may hear: sentence templates with slot lists, or raw JSGF.
///
/// Templates use the syntax of Relay's action sentences (after Home Assistant's hassil and Rhasspy):
/// `(a | b)` alternatives, `[word]` optional parts, `{name}` a slot filled from `slots[name]` (values may
/// themselves be templates, e.g. `"living room"`, `"(tv | television)"`), and `{name}` listed in
/// `freeTextSlots` is a wildcard for free text such as a message body (filled by an open-vocabulary pass).
/// Case and punctuation are ignored. Words are checked against the pronunciation dictionary when the grammar
/// is compiled; see ``GrammarReport`` for what happens to unknown words.
public struct RecognitionGrammar: Sendable, Hashable {
    enum Source: Sendable, Hashable {
        case templates(sentences: [Parsed], slots: [String: [String]], freeTextSlots: Set<String>)
        case jsgf(String)
    }

    /// A sentence parsed by RelayLanguage's one template parser, or why it did not parse (reported when compiled).
    typealias Parsed = Result<SentenceTemplate, SentenceTemplate.SyntaxError>

    /// Parses a template text, keeping a syntax error for the compiler to report.
    static func parse(_ text: String) -> Parsed {
        Result { () throws(SentenceTemplate.SyntaxError) in try SentenceTemplate(text) }
    }

    let source: Source

    /// A grammar from sentence templates and slot lists (rebuild it when a list such as album names changes).
    public init(sentences: [String], slots: [String: [String]] = [:], freeTextSlots: Set<String> = []) {
        source = .templates(
            sentences: sentences.map(Self.parse),
            slots: slots, freeTextSlots: freeTextSlots)
    }

    /// A grammar from templates already parsed (an action's sentences with their rules inlined), with slot lists.
    public init(templates: [SentenceTemplate], slots: [String: [String]] = [:], freeTextSlots: Set<String> = []) {
        source = .templates(sentences: templates.map { .success($0) }, slots: slots, freeTextSlots: freeTextSlots)
    }

    /// A grammar given as JSGF text (`#JSGF V1.0; grammar g; public <s> = …;`), used as it is.
    ///
    /// Every word must be in the dictionary: pocketsphinx refuses the grammar otherwise. No free-text slots.
    public static func jsgf(_ text: String) -> RecognitionGrammar {
        RecognitionGrammar(source: .jsgf(text))
    }

    private init(source: Source) { self.source = source }
}

/// A grammar as the recognizer loads it: the JSGF text handed to pocketsphinx and what compiling kept and dropped.
public struct CompiledGrammar: Sendable, Hashable {
    /// The JSGF text, exactly as given to the decoder.
    public var jsgf: String
    /// What compiling kept and dropped.
    public var report: GrammarReport
}

/// What compiling a ``RecognitionGrammar`` kept and dropped.
///
/// Words missing from the dictionary: templates are normalised like utterances, so "Wi-Fi" is already the words
/// "wi fi" and "o'clock" is looked up as written; a compound
/// of two or three dictionary words gets the concatenated pronunciation ("airdrop" = "air" + "drop") under its
/// own spelling, so transcripts keep the template's word; anything else drops the alternative, slot value,
/// optional part or sentence containing it. Spelling unknown words letter by letter was rejected: nobody says
/// a contact "Xiaoming" as "x i a o m i n g", so it would only add false matches.
public struct GrammarReport: Sendable, Hashable, Codable {
    /// Number of sentence templates that made it into the grammar.
    public var sentenceCount: Int
    /// Templates dropped entirely because every way of saying them had an unknown word.
    public var droppedSentences: [String]
    /// Slot values dropped, as "slot: value".
    public var droppedSlotValues: [String]
    /// Unknown words (each once, sorted).
    public var unknownWords: [String]
    /// Words added to the dictionary with a pronunciation built from their parts: word → phones.
    public var addedWords: [String: String]

    /// Creates a report.
    public init(sentenceCount: Int = 0, droppedSentences: [String] = [], droppedSlotValues: [String] = [],
                unknownWords: [String] = [], addedWords: [String: String] = [:]) {
        self.sentenceCount = sentenceCount
        self.droppedSentences = droppedSentences
        self.droppedSlotValues = droppedSlotValues
        self.unknownWords = unknownWords
        self.addedWords = addedWords
    }
}
