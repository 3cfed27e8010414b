public import RelayMedia
import RelayJSON

/// An image of a request after preparation: its plan and, when decoded, its resized pixels.
public struct PreparedImage: Sendable, Hashable {
    /// The resize plan (original and resized sizes, grid, tokens).
    public var plan: ImagePlan
    /// The pixels at the resized size, exactly what a real model's vision encoder would see.
    public var frame: Frame

    /// Creates a prepared image.
    public init(plan: ImagePlan, frame: Frame) {
        self.plan = plan
        self.frame = frame
    }
}

/// A video of a request after preparation: its plan and the sampled, resized frames.
public struct PreparedVideo: Sendable, Hashable {
    /// The sampling and resize plan.
    public var plan: VideoPlan
    /// The sampled frames at the resized size, `plan.nframes` of them, with their source times.
    public var frames: [Frame]

    /// Creates a prepared video.
    public init(plan: VideoPlan, frames: [Frame]) {
        self.plan = plan
        self.frames = frames
    }
}

/// Everything a real Qwen2.5-VL would receive for a request, handed to each ``StubSkill``.
///
/// The tools are parsed back out of the rendered prompt (not taken from the request), so a skill
/// sees exactly what a real model would: if the prompt renders a tool wrongly, the stub notices.
public struct StubInput: Sendable {
    /// The conversation as sent.
    public var messages: [ChatMessage]
    /// The exact rendered prompt (Qwen2.5-VL chat template, pads not expanded).
    public var prompt: String
    /// The text of the last user message (tool results excluded), trimmed.
    public var userText: String
    /// The tools listed in the prompt's `<tools>` block, in order.
    public var tools: [ToolSpec]
    /// The images of all messages, in order, resized.
    public var images: [PreparedImage]
    /// The videos of all messages, in order, sampled and resized.
    public var videos: [PreparedVideo]
    /// Sampling options of the request.
    public var options: GenerationOptions

    /// Creates an input.
    public init(
        messages: [ChatMessage], prompt: String, userText: String, tools: [ToolSpec], images: [PreparedImage],
        videos: [PreparedVideo], options: GenerationOptions = GenerationOptions()
    ) {
        self.messages = messages
        self.prompt = prompt
        self.userText = userText
        self.tools = tools
        self.images = images
        self.videos = videos
        self.options = options
    }

    /// True when the last message is a tool result (the model is asked to continue after a call).
    public var followsToolResult: Bool { messages.last?.role == .tool }
}

/// What a skill answers: generated text in Qwen2.5-VL's own output formats.
///
/// The stub parses this text with the same ``OutputParser`` used for a real model, so a skill cannot
/// produce anything a real model could not. Coordinates are in pixels of the *resized* input, as Qwen2.5-VL's are.
public struct StubAnswer: Sendable, Hashable {
    /// The generated text.
    public var text: String

    /// Creates an answer from raw generated text.
    public init(text: String) { self.text = text }

    /// A plain text answer.
    public static func text(_ text: String) -> StubAnswer { StubAnswer(text: text) }

    /// One or more `<tool_call>` blocks, optionally after some text, as Qwen2.5-VL writes them.
    public static func toolCalls(_ calls: [ToolCall], preamble: String = "") -> StubAnswer {
        var parts: [String] = []
        if !preamble.isEmpty { parts.append(preamble) }
        for call in calls {
            var object = JSONObject()
            object["name"] = .string(call.name)
            object["arguments"] = .object(call.arguments)
            parts.append("<tool_call>\n\(JSONValue.object(object).qwenJSON)\n</tool_call>")
        }
        return StubAnswer(text: parts.joined(separator: "\n"))
    }

    /// A ```` ```json ```` grounding list, coordinates in resized pixels rounded to integers.
    public static func groundings(_ items: [Grounding]) -> StubAnswer {
        let values: [JSONValue] = items.map { item in
            var object = JSONObject()
            switch item.shape {
            case .box(let x1, let y1, let x2, let y2):
                object["bbox_2d"] = .array([x1, y1, x2, y2].map { .int(Int($0.rounded())) })
            case .point(let x, let y):
                object["point_2d"] = .array([x, y].map { .int(Int($0.rounded())) })
            }
            object["label"] = .string(item.label)
            return .object(object)
        }
        return StubAnswer(text: "```json\n\(JSONValue.array(values).qwenJSON)\n```")
    }

    /// "The given query happens in S - E seconds." as Qwen2.5-VL answers video grounding.
    public static func temporal(_ span: TemporalSpan) -> StubAnswer {
        StubAnswer(text: "The given query happens in \(oneDecimal(span.start)) - \(oneDecimal(span.end)) seconds.")
    }

    private static func oneDecimal(_ x: Double) -> String {
        let tenths = (x * 10).rounded()
        let whole = Int(tenths) / 10
        let frac = abs(Int(tenths) % 10)
        return "\(tenths < 0 && whole == 0 ? "-" : "")\(whole).\(frac)"
    }
}

/// One ability of the embedded ``QwenStub``: answer a request in Qwen2.5-VL's formats, or pass.
///
/// `QwenStub` asks its skills in order and uses the first non-nil answer; when every skill passes, it
/// refuses honestly instead of guessing. Layers above RelayModel add abilities by conforming types and
/// handing them to `QwenStub(skills:)` — e.g. RelayKit's sentence matcher turns "create an album called
/// Trip" into a `<tool_call>` for a tool present in `input.tools`, and video analysis answers with
/// temporal spans or groundings from `input.videos` / `input.images`.
///
/// Rules for a skill:
/// - Be deterministic: the same input gives the same answer (no clocks, no randomness).
/// - Only call tools that appear in `input.tools`, with arguments matching their schema.
/// - Return nil when the request is not for you, rather than a weak guess; throw only for real failures.
/// - Coordinates are in pixels of the resized image (`PreparedImage.plan.resizedWidth`…), times in seconds.
public protocol StubSkill: Sendable {
    /// A short stable name for logs and tests, e.g. `"image-size"`.
    var name: String { get }
    /// Answers the input, or returns nil to let the next skill try.
    func answer(_ input: StubInput) async throws -> StubAnswer?
}
