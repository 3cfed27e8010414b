import Foundation
public import RelayJSON

/// Qwen2.5-VL's chat template rendered in Swift, byte-identical to Jinja2's rendering.
///
/// Text, images and videos follow Qwen2.5-VL's `chat_template.json`; tools, assistant tool calls and tool
/// results follow Qwen2.5's tokenizer template (the nous/hermes format Qwen-Agent uses): the tool list is
/// appended to the system message as one `{"type": "function", "function": …}` JSON object per line.
public enum ChatTemplate {
    /// The system prompt used when the conversation does not start with one.
    public static let defaultSystemPrompt = "You are a helpful assistant."
    /// `<|vision_start|>`, id 151652.
    public static let visionStart = "<|vision_start|>"
    /// `<|vision_end|>`, id 151653.
    public static let visionEnd = "<|vision_end|>"
    /// `<|image_pad|>`, id 151655: one per visual token of an image once expanded.
    public static let imagePad = "<|image_pad|>"
    /// `<|video_pad|>`, id 151656: one per visual token of a video once expanded.
    public static let videoPad = "<|video_pad|>"

    static let toolsHeader = "\n\n# Tools\n\nYou may call one or more functions to assist with the user query.\n\nYou are provided with function signatures within <tools></tools> XML tags:\n<tools>"
    static let toolsFooter = "\n</tools>\n\nFor each function call, return a json object with function name and arguments within <tool_call></tool_call> XML tags:\n<tool_call>\n{\"name\": <function-name>, \"arguments\": <args-json-object>}\n</tool_call><|im_end|>\n"

    /// Renders a conversation as the exact text a Qwen2.5-VL model receives (pads not expanded).
    ///
    /// - Parameters:
    ///   - addGenerationPrompt: end with `<|im_start|>assistant\n` so the model answers.
    ///   - addVisionID: prefix items with "Picture N: " / "Video N: ".
    public static func render(
        _ messages: [ChatMessage], tools: [ToolSpec] = [], addGenerationPrompt: Bool = true, addVisionID: Bool = false
    ) -> String {
        var out = ""
        var counts = (images: 0, videos: 0)
        func content(_ parts: [ContentPart]) -> String {
            var text = ""
            for part in parts {
                switch part {
                case .text(let t): text += t
                case .image:
                    counts.images += 1
                    if addVisionID { text += "Picture \(counts.images): " }
                    text += visionStart + imagePad + visionEnd
                case .video:
                    counts.videos += 1
                    if addVisionID { text += "Video \(counts.videos): " }
                    text += visionStart + videoPad + visionEnd
                }
            }
            return text
        }

        if !tools.isEmpty {
            out += "<|im_start|>system\n"
            if let first = messages.first, first.role == .system {
                out += content(first.content)
            } else {
                out += defaultSystemPrompt
            }
            out += toolsHeader
            for tool in tools { out += "\n" + toolJSON(tool).qwenJSON }
            out += toolsFooter
        }
        for (i, message) in messages.enumerated() {
            if i == 0, message.role != .system, tools.isEmpty {
                out += "<|im_start|>system\n\(defaultSystemPrompt)<|im_end|>\n"
            }
            if i == 0, message.role == .system, !tools.isEmpty { continue }
            switch message.role {
            case .tool:
                if i == 0 || messages[i - 1].role != .tool { out += "<|im_start|>user" }
                out += "\n<tool_response>\n" + content(message.content) + "\n</tool_response>"
                if i == messages.count - 1 || messages[i + 1].role != .tool { out += "<|im_end|>\n" }
            case .assistant where !message.toolCalls.isEmpty:
                out += "<|im_start|>assistant"
                let text = content(message.content)
                if !text.isEmpty { out += "\n" + text }
                for call in message.toolCalls {
                    out += "\n<tool_call>\n{\"name\": \"" + call.name + "\", \"arguments\": "
                        + JSONValue.object(call.arguments).qwenJSON + "}\n</tool_call>"
                }
                out += "<|im_end|>\n"
            default:
                out += "<|im_start|>\(message.role.rawValue)\n" + content(message.content) + "<|im_end|>\n"
            }
        }
        if addGenerationPrompt { out += "<|im_start|>assistant\n" }
        return out
    }

    /// The `{"type": "function", "function": {"name", "description", "parameters"}}` object of a tool.
    public static func toolJSON(_ tool: ToolSpec) -> JSONValue {
        var function = JSONObject()
        function["name"] = .string(tool.name)
        function["description"] = .string(tool.description)
        function["parameters"] = tool.parameters
        var object = JSONObject()
        object["type"] = .string("function")
        object["function"] = .object(function)
        return .object(object)
    }

    /// The tools listed in a rendered prompt's system message, parsed back into specs.
    ///
    /// Returns an empty list when the prompt has no `<tools>` block; throws when the block is malformed.
    public static func tools(inPrompt prompt: String) throws -> [ToolSpec] {
        guard prompt.hasPrefix("<|im_start|>system\n"), let systemEnd = prompt.range(of: toolsFooter) else { return [] }
        let system = prompt[..<systemEnd.lowerBound]
        guard let header = system.range(of: toolsHeader, options: .backwards) else { return [] }
        let block = system[header.upperBound...]
        var tools: [ToolSpec] = []
        for line in block.split(separator: "\n", omittingEmptySubsequences: true) {
            let value = try ModelError.parsingJSON(String(line))
            guard let function = value.objectValue?["function"]?.objectValue,
                  let name = function["name"]?.stringValue else {
                throw ModelError(.malformedOutput, "a tool line in the prompt is not a function object", rawOutput: String(line))
            }
            tools.append(ToolSpec(
                name: name, description: function["description"]?.stringValue ?? "",
                parameters: function["parameters"] ?? .object([:])
            ))
        }
        return tools
    }

    /// Repeats each `<|image_pad|>` / `<|video_pad|>` by its item's visual-token count, in order, as the
    /// Qwen2.5-VL processor does before tokenizing.
    public static func expandPads(_ prompt: String, images: [ImagePlan], videos: [VideoPlan]) throws -> String {
        let imageTokens = images.map(\.visualTokens)
        let videoTokens = videos.map(\.visualTokens)
        var out = ""
        var rest = Substring(prompt)
        var nextImage = 0
        var nextVideo = 0
        while let r = rest.range(of: "<|") {
            out += rest[..<r.lowerBound]
            rest = rest[r.lowerBound...]
            if rest.hasPrefix(imagePad) {
                guard nextImage < imageTokens.count else {
                    throw ModelError(.invalidInput, "the prompt has more images than the \(imageTokens.count) prepared")
                }
                out += String(repeating: imagePad, count: imageTokens[nextImage])
                nextImage += 1
                rest = rest.dropFirst(imagePad.count)
            } else if rest.hasPrefix(videoPad) {
                guard nextVideo < videoTokens.count else {
                    throw ModelError(.invalidInput, "the prompt has more videos than the \(videoTokens.count) prepared")
                }
                out += String(repeating: videoPad, count: videoTokens[nextVideo])
                nextVideo += 1
                rest = rest.dropFirst(videoPad.count)
            } else {
                out += "<|"
                rest = rest.dropFirst(2)
            }
        }
        out += rest
        guard nextImage == imageTokens.count, nextVideo == videoTokens.count else {
            throw ModelError(.invalidInput, "the prompt has \(nextImage) images and \(nextVideo) videos but \(imageTokens.count) and \(videoTokens.count) were prepared")
        }
        return out
    }
}
