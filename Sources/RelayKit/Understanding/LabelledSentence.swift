import Foundation
public import RelayJSON
public import RelayModel

/// A sentence someone said, with the call they meant, or none: a line of a test or calibration set.
///
/// The intent head (``IntentClassifier``) learns only the action; the arguments are read by the slot parsers, never
/// learnt, and are what a measurement compares a reading with.
public struct LabelledSentence: Sendable, Hashable, CustomStringConvertible {
    /// The words.
    public var text: String
    /// The call meant, or nil when the sentence asks for nothing (chit-chat, a question about the world).
    public var expected: ToolCall?

    /// The action meant, if any.
    public var action: String? { expected?.name }

    public var description: String { text }

    /// A sentence meant as `expected`.
    public init(_ text: String, expected: ToolCall?) {
        self.text = text
        self.expected = expected
    }

    /// A sentence meant as `action` with arguments left unsaid.
    public init(_ text: String, action: String?) {
        self.init(text, expected: action.map { ToolCall(name: $0, arguments: [:]) })
    }

    /// Parses lines `sentence | action key=value …` or `sentence | -` (`#` starts a comment line). A value is a string
    /// (in double quotes when it holds spaces), `true` / `false`, or an integer.
    public static func parse(_ text: String) -> [LabelledSentence] {
        text.split(separator: "\n").compactMap { raw in
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#"), let bar = line.range(of: " | ", options: .backwards) else { return nil }
            let sentence = String(line[..<bar.lowerBound])
            var parts = fields(String(line[bar.upperBound...]))
            guard let name = parts.first, name != "-" else { return LabelledSentence(sentence, expected: nil) }
            parts.removeFirst()
            var arguments = JSONObject()
            for part in parts {
                guard let eq = part.firstIndex(of: "=") else { continue }
                arguments[String(part[..<eq])] = value(String(part[part.index(after: eq)...]))
            }
            return LabelledSentence(sentence, expected: ToolCall(name: name, arguments: arguments))
        }
    }

    /// One written value as JSON.
    static func value(_ written: String) -> JSONValue {
        if written.hasPrefix("\"") { return .string(String(written.dropFirst().dropLast())) }
        if written == "true" || written == "false" { return .bool(written == "true") }
        if let i = Int(written) { return .int(i) }
        return .string(written)
    }

    /// The fields of a label, split at spaces outside double quotes.
    static func fields(_ s: String) -> [String] {
        var out: [String] = [], current = "", quoted = false
        for c in s {
            if c == "\"" { quoted.toggle() }
            if c == " " && !quoted {
                if !current.isEmpty { out.append(current) }
                current = ""
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }
}
