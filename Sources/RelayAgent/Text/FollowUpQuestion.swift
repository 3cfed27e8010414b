import RelayLanguage
public import RelayKit
public import RelayJSON
import Foundation

/// The question asked for a missing argument ("For how long?") and how its answer is read.
public enum FollowUpQuestion {
    /// The question for `parameter` of an action.
    public static func question(for parameter: Parameter) -> String {
        switch parameter.kind {
        case .duration: return "For how long?"
        case .timeOfDay: return "For what time?"
        case .percentage: return "To what percentage?"
        case .date: return "For which day?"
        case .boolean: return "On or off?"
        case .integer, .number: return "How many?"
        case .entity(let kind): return "Which \(kind.name)?"
        case .text: return "What should it say?"
        case .string: return "What \(parameter.name.replacingOccurrences(of: "_", with: " "))?"
        case .choice(let choices):
            let names = choices.map { $0.names(language: "en").first ?? $0.value }
            if names.count == 2 { return "\(names[0].capitalizedFirst) or \(names[1])?" }
            return "Which one: " + names.joined(separator: ", ") + "?"
        }
    }

    /// The canonical value of an answer for `parameter` ("ten minutes" → 600), or nil when it is not one.
    ///
    /// Leading words such as "for", "to", "at", "it's" are allowed ("for ten minutes", "to fifty percent").
    public static func read(_ answer: String, for parameter: Parameter, entityNames: EntityNames) -> JSONValue? {
        let tokens = TextNormalizer.tokens(answer)
        let words = tokens.map(\.text)
        let reader = SlotReader(entityNames: entityNames)
        for start in 0..<min(3, max(words.count, 1)) where start < words.count {
            let rest = Array(words[start...])
            let original = String(answer[tokens[start].range.lowerBound...])
            if let v = reader.read(rest, original: original, for: parameter) { return v }
            if !["for", "to", "at", "it", "is", "make", "it's", "about", "the", "a", "in", "on", "by", "set", "um", "uh"].contains(words[start]) { break }
        }
        return nil
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
