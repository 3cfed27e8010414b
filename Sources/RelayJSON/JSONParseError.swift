/// JSON text that does not parse: where, what, and the text itself.
///
/// RelayJSON sits below every layer, so it cannot throw a layer's error; the layers that parse JSON from
/// outside (the model's output, a server's answer, a golden file) wrap this in their own error with context.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The byte offset in the UTF-8 text where parsing stopped.
    public var offset: Int
    /// What was wrong there, e.g. "expected ':'".
    public var problem: String
    /// The text that was being parsed, kept so nothing is lost.
    public var text: String

    /// Creates an error.
    public init(offset: Int, problem: String, text: String) {
        self.offset = offset
        self.problem = problem
        self.text = text
    }

    /// `invalid JSON at byte 3: expected ':'`
    public var message: String { "invalid JSON at byte \(offset): \(problem)" }
    public var description: String { message }
}
