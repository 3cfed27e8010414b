public import RelayJSON
extension ToolSpec {
    /// Reads a tool from `{"name", "description", "parameters"}` or OpenAI's `{"type": "function", "function": {…}}`.
    public init(json value: JSONValue) throws {
        guard var object = value.objectValue else { throw ModelError(.invalidInput, "a tool must be a JSON object") }
        if let function = object["function"]?.objectValue { object = function }
        guard let name = object["name"]?.stringValue, !name.isEmpty else {
            throw ModelError(.invalidInput, "a tool has no \"name\"")
        }
        self.init(
            name: name, description: object["description"]?.stringValue ?? "",
            parameters: object["parameters"] ?? .object(["type": .string("object"), "properties": .object([:])])
        )
    }

    /// Reads a list of tools: a JSON array of tools, or an object with a `"tools"` array.
    public static func list(fromJSON text: String) throws -> [ToolSpec] {
        let value = try ModelError.parsingJSON(text)
        let items = value.arrayValue ?? value.objectValue?["tools"]?.arrayValue
        guard let items else { throw ModelError(.invalidInput, "expected a JSON array of tools or {\"tools\": [...]}") }
        return try items.map { try ToolSpec(json: $0) }
    }

    /// `{"type": "function", "function": {"name", "description", "parameters"}}`, as the prompt and OpenAI show it.
    public var functionJSON: JSONValue { ChatTemplate.toolJSON(self) }
}
