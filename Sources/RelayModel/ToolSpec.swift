public import RelayJSON
/// A function the model may call, as Qwen-Agent's hermes format and OpenAI's `tools` describe it.
///
/// RelayKit derives one from each action declaration; the model layer renders it into the
/// system prompt (`{"type": "function", "function": {...}}`) or sends it to an HTTP backend.
public struct ToolSpec: Sendable, Hashable {
    /// Stable name, e.g. `"photos.create_album"`.
    public var name: String
    /// What the function does, for the model.
    public var description: String
    /// JSON Schema of the arguments (`{"type": "object", "properties": …, "required": …}`).
    public var parameters: JSONValue

    /// Creates a tool spec.
    public init(name: String, description: String, parameters: JSONValue) {
        self.name = name
        self.description = description
        self.parameters = parameters
    }
}

/// One function call a model asked for: `<tool_call>{"name": …, "arguments": {…}}</tool_call>`.
public struct ToolCall: Sendable, Hashable {
    /// The function's name.
    public var name: String
    /// The arguments, in the order the model wrote them.
    public var arguments: JSONObject

    /// Creates a tool call.
    public init(name: String, arguments: JSONObject = [:]) {
        self.name = name
        self.arguments = arguments
    }
}
