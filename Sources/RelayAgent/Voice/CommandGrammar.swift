import Foundation
public import RelayKit
import RelayLanguage
public import RelaySpeech

/// The speech grammar of the installed actions: their English sentence templates, slots filled with
/// sayable values and live entity names (albums, contacts), free text where a template takes any words.
///
/// Rhasspy's idea: the recognizer's grammar and the text matcher come from the same templates, so what
/// can be heard is exactly what can be understood. Rebuild it whenever entity names change.
public enum CommandGrammar {
    /// The recognition grammar for `catalog` with the live `entityNames`, every sentence optionally prefixed by the wake phrase.
    public static func make(catalog: ActionCatalog, entityNames: EntityNames, wakePhrase: String? = nil) -> RecognitionGrammar {
        var templates: [SentenceTemplate] = []
        var slots: [String: [String]] = [:]
        var free: Set<String> = []
        // The wake phrase is optional in the grammar and required of the transcript: forced onto audio that
        // lacks it, "hey relay" got squeezed into a few frames and the rest still fitted a command, so the
        // decoder must be free to leave it out when it was not said.
        let wake = wakePhrase.map { SentenceTemplate.optional(.sequence(TextNormalizer.words($0).map { .word($0) })) }
        for action in catalog.actions {
            for template in action.sentences(in: "en").map(\.template) {
                guard anchorsFreeText(template.root, parameters: action.parameters) else { continue }
                // One-word commands ("cheese", "louder") are what noise and coughs decode to; say two words or more.
                guard shortestLength(template.root) >= 2 else { continue }
                // Slots become one shared list per kind of value; a typed slot with nothing sayable drops the template.
                let spoken = template.replacingSlots { name -> SentenceTemplate.Node? in
                    guard let p = action.type.parameter(named: name) else { return nil }
                    let key = slotKey(p.kind, parameter: p.name)
                    if let values = SpokenValues.values(for: p.kind, entityNames: entityNames) {
                        guard !values.isEmpty else { return nil }
                        slots[key] = values
                    } else {
                        free.insert(key)
                    }
                    return .slot(key)
                }
                guard let spoken else { continue }
                templates.append(wake.map { SentenceTemplate(text: spoken.text, root: .sequence([$0, spoken.root])) } ?? spoken)
            }
        }
        return RecognitionGrammar(templates: templates, slots: slots, freeTextSlots: free)
    }

    /// The grammar of a yes/no answer.
    public static let yesNo = RecognitionGrammar(sentences: [
        "(yes | yeah | yep | sure | okay | confirm | do it | go ahead) [please]",
        "(no | nope | cancel | stop | don't) [thanks]",
    ])

    /// The grammar of an answer to a follow-up question for `parameter` ("for ten minutes"), or nil for free text.
    public static func answer(for parameter: Parameter, entityNames: EntityNames) -> RecognitionGrammar? {
        guard let values = SpokenValues.values(for: parameter.kind, entityNames: entityNames), !values.isEmpty else { return nil }
        return RecognitionGrammar(sentences: ["[for | to | at | it's] {value} [please]"], slots: ["value": values])
    }

    /// Whether every free-text slot of a template sits at its top level right after a word that must be said
    /// ("saying {body}", "called {name}") and at least two such words are required.
    ///
    /// Free text is decoded with a phone loop, which fits any audio; a template that is mostly free text
    /// ("tell {to} {body}", "{label} {kind}") would turn ordinary speech into a command. Those templates
    /// stay typed-only (the text skill still understands them).
    static func anchorsFreeText(_ root: SentenceTemplate.Node, parameters: [Parameter]) -> Bool {
        func isFree(_ name: String) -> Bool {
            parameters.first { $0.name == name }.map { $0.kind == .string || $0.kind == .text } ?? false
        }
        func freeSlots(_ n: SentenceTemplate.Node) -> Int {
            switch n {
            case .word: 0
            case .slot(let s): isFree(s) ? 1 : 0
            case .sequence(let c), .alternatives(let c): c.map(freeSlots).reduce(0, +)
            }
        }
        guard freeSlots(root) > 0 else { return true }
        guard case .sequence(let items) = root else { return false }
        func isRequiredWords(_ n: SentenceTemplate.Node) -> Bool {
            switch n {
            case .word: true
            case .alternatives(let c): !c.isEmpty && c.allSatisfy { if case .sequence(let s) = $0 { !s.isEmpty && s.allSatisfy(isRequiredWords) } else { isRequiredWords($0) } }
            case .sequence(let s): !s.isEmpty && s.allSatisfy(isRequiredWords)
            case .slot: false
            }
        }
        var topLevelFree = 0
        for (i, item) in items.enumerated() {
            if case .slot(let s) = item, isFree(s) {
                guard i > 0, isRequiredWords(items[i - 1]) else { return false }
                topLevelFree += 1
            }
        }
        guard topLevelFree == freeSlots(root) else { return false }
        return items.filter(isRequiredWords).count >= 2
    }

    /// The fewest words (a slot counts as one) a template can be said with.
    static func shortestLength(_ node: SentenceTemplate.Node) -> Int {
        switch node {
        case .word, .slot: 1
        case .sequence(let c): c.map(shortestLength).reduce(0, +)
        case .alternatives(let c): c.map(shortestLength).min() ?? 0
        }
    }

    /// One slot name per kind of values, so equal lists are shared across actions.
    static func slotKey(_ kind: ParameterKind, parameter: String) -> String {
        switch kind {
        case .string, .text: "free_\(parameter)"
        case .boolean: "boolean"
        case .choice(let choices): "choice_" + choices.map(\.value).joined(separator: "_")
        case .integer(let lo, let hi): "integer_\(lo ?? 0)_\(min(hi ?? 100, 100))"
        case .number(let lo, let hi): "number_\(Int(lo ?? 0))_\(min(Int(hi ?? 100), 100))"
        case .percentage: "percentage"
        case .duration: "duration"
        case .timeOfDay: "time"
        case .date: "date"
        case .entity(let k): "entity_\(k.name)"
        }
    }
}
