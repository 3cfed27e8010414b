import Foundation
import RelayCore
import RelayLanguage

/// Turns a template ``RecognitionGrammar`` into JSGF for pocketsphinx, checking every word against the dictionary.
///
/// Free-text slots become a loop of one-phone "words" (`relayfree0_aa`, …) added to the dictionary: the
/// grammar search then places the wildcard's frames exactly, and the recognizer decodes those frames again
/// with the open-vocabulary language model.
struct GrammarCompiler {
    /// The compiled grammar.
    struct Output {
        var jsgf: String
        var report: GrammarReport
        /// Dictionary words to add before loading the grammar: word → phones.
        var newWords: [String: String]
        /// Filler word → the free-text slot it stands for.
        var fillerSlots: [String: String]
    }

    /// The phones of the en-us acoustic model (CMU set without stress), for free-text fillers.
    static let phones = [
        "AA", "AE", "AH", "AO", "AW", "AY", "B", "CH", "D", "DH", "EH", "ER", "EY", "F", "G", "HH", "IH", "IY", "JH",
        "K", "L", "M", "N", "NG", "OW", "OY", "P", "R", "S", "SH", "T", "TH", "UH", "UW", "V", "W", "Y", "Z", "ZH",
    ]

    /// Prefix of filler words; no English word starts with it.
    static let fillerPrefix = "relayfree"

    /// Looks a word up in the dictionary: its phones, or nil.
    let pronunciation: (String) -> String?
    /// Whether each choice is weighted by its probability (1/k among k alternatives, ½ for an optional part).
    ///
    /// pocketsphinx uses JSGF weights as transition probabilities as they are, and an unweighted choice costs
    /// nothing: every path through a template with many alternatives and slots was as likely as a fixed phrase,
    /// so any audio found some flexible sentence to fit. Weighted, the grammar is a prior over sentences, and its
    /// language score says how much of the path was chosen rather than heard.
    var weighted = true
    /// Transition probability of each phone of a free-text loop: a per-phone cost, scaled by the language weight.
    ///
    /// Without it a free-text loop (itself a phone loop) explained any audio better than words, and sentences
    /// such as "note that {body}" swallowed other commands whole.
    var freeTextPhoneProbability: Double = 1

    private enum Expansion {
        case impossible
        case empty
        case text(String)
    }

    private struct Context {
        var slots: [String: [String]]
        var freeTextSlots: [String]
        var unknownWords: Set<String> = []
        var newWords: [String: String] = [:]
        var usedSlots: Set<String> = []
        /// Sayable values of each slot compiled so far.
        var slotValues: [String: [String]] = [:]
        var droppedValues: [String] = []
    }

    func compile(sentences: [RecognitionGrammar.Parsed], slots: [String: [String]], freeTextSlots: Set<String>) throws -> Output {
        var context = Context(slots: slots, freeTextSlots: freeTextSlots.sorted())
        var alternatives: [String] = []
        var dropped: [String] = []
        for parsed in sentences {
            let template = try parsed.mapError { Self.syntaxError($0) }.get()
            switch try expand(template.root, &context, in: template.text) {
            case .text(let text): alternatives.append(text)
            case .impossible: dropped.append(template.text)
            case .empty: break
            }
        }
        var rules: [String] = []
        var fillerSlots: [String: String] = [:]
        for name in context.usedSlots.sorted() {
            if let index = context.freeTextSlots.firstIndex(of: name) {
                let words = Self.phones.map { "\(Self.fillerPrefix)\(index)_\($0.lowercased())" }
                for (word, phone) in zip(words, Self.phones) {
                    context.newWords[word] = phone
                    fillerSlots[word] = name
                }
                rules.append("<\(Self.ruleName(free: name))> = \(Self.phoneLoop(words, probability: freeTextPhoneProbability)) ;")
                continue
            }
            if let values = context.slotValues[name] {
                rules.append("<\(Self.ruleName(slot: name))> = \(weighted ? Self.weightedChoice(values) : "( " + values.joined(separator: " | ") + " )") ;")
            }
        }
        guard !alternatives.isEmpty else {
            throw SpeechError(
                .invalidGrammar, operation: "compiling a grammar of \(sentences.count) sentences",
                underlying: sentences.isEmpty ? "no sentences" : "every sentence has a word missing from the dictionary ("
                    + context.unknownWords.sorted().prefix(8).joined(separator: ", ") + ")",
                hint: "Write the sentences with common English words")
        }
        let top = weighted ? Self.weightedChoice(alternatives.map { "( \($0) )" }) : "( " + alternatives.joined(separator: " ) | ( ") + " )"
        let jsgf = (["#JSGF V1.0;", "grammar relay;", "public <command> = \(top) ;"]
            + rules).joined(separator: "\n") + "\n"
        let added = context.newWords.filter { !$0.key.hasPrefix(Self.fillerPrefix) }
        let report = GrammarReport(
            sentenceCount: alternatives.count, droppedSentences: dropped, droppedSlotValues: context.droppedValues,
            unknownWords: context.unknownWords.sorted(), addedWords: added)
        return Output(jsgf: jsgf, report: report, newWords: context.newWords, fillerSlots: fillerSlots)
    }

    /// Compiles template texts (parsed here), for callers without a ``RecognitionGrammar``.
    func compile(sentences: [String], slots: [String: [String]], freeTextSlots: Set<String>) throws -> Output {
        try compile(sentences: sentences.map(RecognitionGrammar.parse),
                    slots: slots, freeTextSlots: freeTextSlots)
    }

    private func expand(_ node: SentenceTemplate.Node, _ context: inout Context, in sentence: String) throws -> Expansion {
        switch node {
        case .word(let word):
            guard let spoken = resolve(word, &context) else {
                context.unknownWords.insert(word)
                return .impossible
            }
            return .text(spoken)
        case .slot(let name):
            if context.freeTextSlots.contains(name) {
                context.usedSlots.insert(name)
                return .text("<\(Self.ruleName(free: name))>")
            }
            guard let rawValues = context.slots[name] else {
                throw SpeechError(
                    .invalidGrammar, operation: "compiling the sentence \"\(sentence)\"",
                    underlying: "it uses {\(name)} but no list of that name was given",
                    hint: "Pass the values of {\(name)} in slots, or name it as a free-text slot")
            }
            if context.slotValues[name] == nil {
                var values: [String] = []
                for value in rawValues {
                    let template: SentenceTemplate
                    do { template = try SentenceTemplate(value) } catch { throw Self.syntaxError(error) }
                    if case .text(let text) = try expand(template.root, &context, in: value) {
                        values.append(text)
                    } else {
                        context.droppedValues.append("\(name): \(value)")
                    }
                }
                context.slotValues[name] = values
            }
            // A slot with no sayable value makes the sentence unsayable.
            guard context.slotValues[name]?.isEmpty == false else { return .impossible }
            context.usedSlots.insert(name)
            return .text("<\(Self.ruleName(slot: name))>")
        case .sequence(let items):
            var parts: [String] = []
            for item in items {
                switch try expand(item, &context, in: sentence) {
                case .impossible: return .impossible
                case .empty: continue
                case .text(let text): parts.append(text)
                }
            }
            return parts.isEmpty ? .empty : .text(parts.joined(separator: " "))
        case .alternatives(let choices):
            // `[x]` parses as `(x | )`: an empty choice makes the group optional.
            var texts: [String] = []
            var canBeEmpty = false
            for choice in choices {
                switch try expand(choice, &context, in: sentence) {
                case .impossible: continue
                case .empty: canBeEmpty = true
                case .text(let text): texts.append(text)
                }
            }
            if texts.isEmpty { return canBeEmpty ? .empty : .impossible }
            if weighted {
                return .text(Self.weightedChoice(texts + (canBeEmpty ? ["<NULL>"] : [])))
            }
            return .text(canBeEmpty ? "[ " + texts.joined(separator: " | ") + " ]" : "( " + texts.joined(separator: " | ") + " )")
        }
    }

    static func syntaxError(_ error: SentenceTemplate.SyntaxError) -> SpeechError {
        SpeechError(.invalidGrammar, operation: "parsing the sentence template \"\(error.template)\"", underlying: error.problem,
                    hint: "Templates use (a | b), [optional] and {slot}")
    }

    /// The dictionary words to say `word` with, adding compound words to `context.newWords`.
    private func resolve(_ word: String, _ context: inout Context) -> String? {
        if pronunciation(word) != nil || context.newWords[word] != nil { return word }
        // Templates are normalised like utterances ("o'clock" → "oclock"); the dictionary lists the written form.
        if let written = TextNormalizer.writtenForms(of: word).first(where: { pronunciation($0) != nil }) { return written }
        if let phones = compoundPronunciation(word, parts: 3) {
            context.newWords[word] = phones
            return word
        }
        return nil
    }

    /// Phones of `word` read as up to `parts` dictionary words of two or more letters, longest first part first.
    private func compoundPronunciation(_ word: String, parts: Int) -> String? {
        guard parts > 1, word.count >= 4, word.allSatisfy({ $0.isLetter }) else { return nil }
        let characters = Array(word)
        for split in stride(from: characters.count - 2, through: 2, by: -1) {
            let head = String(characters[..<split])
            let tail = String(characters[split...])
            guard let headPhones = pronunciation(head) else { continue }
            if let tailPhones = pronunciation(tail) { return headPhones + " " + tailPhones }
            if let tailPhones = compoundPronunciation(tail, parts: parts - 1) { return headPhones + " " + tailPhones }
        }
        return nil
    }

    /// One or more of `words`, each taken with `probability`.
    static func phoneLoop(_ words: [String], probability: Double) -> String {
        guard probability < 1 else { return "( " + words.joined(separator: " | ") + " )+" }
        return "( " + words.map { weight(probability) + $0 }.joined(separator: " | ") + " )+"
    }

    /// A JSGF weight: plain decimals, since the parser reads no exponents.
    static func weight(_ probability: Double) -> String {
        var digits = String(format: "%.20f", probability)
        while digits.hasSuffix("0") { digits.removeLast() }
        if digits.hasSuffix(".") { digits += "0" }
        return "/\(digits)/ "
    }

    /// `( /1/k/ a | … )`: k alternatives, equally likely.
    static func weightedChoice(_ texts: [String]) -> String {
        guard texts.count > 1 else { return "( " + (texts.first ?? "<NULL>") + " )" }
        let each = weight(1 / Double(texts.count))
        return "( " + texts.map { each + $0 }.joined(separator: " | ") + " )"
    }

    static func ruleName(slot: String) -> String { "slot_" + sanitize(slot) }
    static func ruleName(free: String) -> String { "free_" + sanitize(free) }

    private static func sanitize(_ name: String) -> String {
        String(name.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }
}
