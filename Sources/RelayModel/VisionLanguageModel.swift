/// Sampling settings sent with a request.
public struct GenerationOptions: Sendable, Hashable {
    /// Sampling temperature; nil leaves the server's default.
    public var temperature: Double?
    /// Upper bound on generated tokens; nil leaves the server's default.
    public var maxTokens: Int?

    /// Creates options.
    public init(temperature: Double? = nil, maxTokens: Int? = nil) {
        self.temperature = temperature
        self.maxTokens = maxTokens
    }
}

/// What a vision-language model is asked: a conversation, the tools it may call, and sampling options.
public struct ModelRequest: Sendable, Hashable {
    /// The conversation, oldest first.
    public var messages: [ChatMessage]
    /// Functions the model may call (rendered into the system prompt or sent as OpenAI `tools`).
    public var tools: [ToolSpec]
    /// Sampling settings.
    public var options: GenerationOptions

    /// Creates a request.
    public init(messages: [ChatMessage], tools: [ToolSpec] = [], options: GenerationOptions = GenerationOptions()) {
        self.messages = messages
        self.tools = tools
        self.options = options
    }
}

/// What a model answered: its raw text and what Relay understood from it.
public struct ModelResponse: Sendable, Hashable {
    /// The text exactly as generated, tool-call blocks included.
    public var rawText: String
    /// The answer with `<tool_call>` blocks removed and trimmed.
    public var text: String
    /// The functions the model asked to call, in order.
    public var toolCalls: [ToolCall]
    /// Objects located in images, in original (not resized) pixels.
    public var groundings: [Grounding]
    /// Moments located in videos, in seconds.
    public var temporalSpans: [TemporalSpan]

    /// Creates a response.
    public init(
        rawText: String, text: String? = nil, toolCalls: [ToolCall] = [], groundings: [Grounding] = [],
        temporalSpans: [TemporalSpan] = []
    ) {
        self.rawText = rawText
        self.text = text ?? rawText
        self.toolCalls = toolCalls
        self.groundings = groundings
        self.temporalSpans = temporalSpans
    }
}

/// A model that understands text, images and video and may answer with tool calls — Qwen2.5-VL's interface.
///
/// The embedded ``QwenStub`` and ``OpenAICompatibleModel`` (a real Qwen2.5-VL behind vLLM, DashScope or
/// Ollama) both conform, so the agent layer never knows which one it talks to.
public protocol VisionLanguageModel: Sendable {
    /// Answers a request. Throws ``ModelError`` on transport failures or malformed output.
    func respond(to request: ModelRequest) async throws -> ModelResponse
}
