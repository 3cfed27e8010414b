import RelayJSON
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
    /// (in double quotes when it holds spaces), `true` / `false`, or an integer. (Bytes, not characters: the calibration
    /// sets are parsed at every start of `relay`, thousands of lines.)
    public static func parse(_ text: String) -> [LabelledSentence] {
        var out: [LabelledSentence] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = trimmed(raw)
            guard let first = line.utf8.first, first != UInt8(ascii: "#"), let bar = lastBar(in: line) else { continue }
            let sentence = String(line[..<bar.lowerBound])
            var parts = fields(line[bar.upperBound...])
            guard let name = parts.first, name != "-" else {
                out.append(LabelledSentence(sentence, expected: nil))
                continue
            }
            parts.removeFirst()
            var arguments = JSONObject()
            for part in parts {
                guard let eq = part.utf8.firstIndex(of: UInt8(ascii: "=")) else { continue }
                arguments[String(part[..<eq])] = value(part[part.utf8.index(after: eq)...])
            }
            out.append(LabelledSentence(sentence, expected: ToolCall(name: String(name), arguments: arguments)))
        }
        return out
    }

    /// `s` without leading and trailing spaces, tabs and carriage returns.
    static func trimmed(_ s: Substring) -> Substring {
        let blank: (UInt8) -> Bool = { $0 == 32 || $0 == 9 || $0 == 13 }
        guard let lo = s.utf8.firstIndex(where: { !blank($0) }), let hi = s.utf8.lastIndex(where: { !blank($0) }) else { return "" }
        return s[lo...hi]
    }

    /// The last " | " of a line.
    static func lastBar(in line: Substring) -> Range<String.Index>? {
        let u = line.utf8
        var i = u.endIndex
        while i > u.startIndex {
            i = u.index(before: i)
            guard u[i] == UInt8(ascii: "|"), i > u.startIndex else { continue }
            let before = u.index(before: i), after = u.index(after: i)
            if u[before] == 32, after < u.endIndex, u[after] == 32 { return before..<u.index(after: after) }
        }
        return nil
    }

    /// One written value as JSON.
    static func value(_ written: Substring) -> JSONValue {
        if written.utf8.first == UInt8(ascii: "\"") { return .string(String(written.dropFirst().dropLast())) }
        if written == "true" || written == "false" { return .bool(written == "true") }
        if let i = Int(written) { return .int(i) }
        return .string(String(written))
    }

    /// The fields of a label, split at spaces outside double quotes.
    static func fields(_ s: Substring) -> [Substring] {
        var out: [Substring] = [], quoted = false
        var start = s.utf8.startIndex
        for i in s.utf8.indices {
            switch s.utf8[i] {
            case UInt8(ascii: "\""): quoted.toggle()
            case 32 where !quoted:
                if start < i { out.append(s[start..<i]) }
                start = s.utf8.index(after: i)
            default: break
            }
        }
        if start < s.utf8.endIndex { out.append(s[start...]) }
        return out
    }
}
