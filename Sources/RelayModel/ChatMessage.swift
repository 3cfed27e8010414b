public import Foundation
public import RelayMedia

/// Who wrote a turn of a conversation, as the Qwen2.5-VL chat template names it.
public enum ChatRole: String, Sendable, Hashable, Codable {
    /// Instructions for the model (the tools block is appended to it).
    case system
    /// The person asking.
    case user
    /// The model.
    case assistant
    /// A tool result; the template renders it as a user turn wrapped in `<tool_response>`.
    case tool
}

/// A still image in a message: a decoded frame or a file, with optional pixel bounds.
public struct ImageInput: Sendable, Hashable {
    /// Where the pixels come from.
    public enum Source: Sendable, Hashable {
        /// Pixels already decoded.
        case frame(Frame)
        /// An image file (PNG, JPEG, …) decoded when the request is prepared.
        case file(URL)
    }

    /// Where the pixels come from.
    public var source: Source
    /// Lower bound on resized pixels (qwen-vl-utils `min_pixels`, default 3136).
    public var minPixels: Int?
    /// Upper bound on resized pixels (qwen-vl-utils `max_pixels`, default 12845056).
    public var maxPixels: Int?

    /// Creates an image input.
    public init(_ source: Source, minPixels: Int? = nil, maxPixels: Int? = nil) {
        self.source = source
        self.minPixels = minPixels
        self.maxPixels = maxPixels
    }
}

/// A video in a message: a file sampled by fps or frame count, or a list of frames.
public struct VideoInput: Sendable, Hashable {
    /// Where the frames come from.
    public enum Source: Sendable, Hashable {
        /// A video file, sampled with `smart_nframes` semantics.
        case file(URL)
        /// Frames already sampled; each is resized like an image (qwen-vl-utils ignores the total-pixel budget here).
        case frames([Frame])
    }

    /// Where the frames come from.
    public var source: Source
    /// Sampling rate in frames per second (default 2); exclusive with `nframes`.
    public var fps: Double?
    /// Exact number of frames to sample (rounded to even); exclusive with `fps`.
    public var nframes: Int?
    /// Lower bound on sampled frames when sampling by fps (default 4).
    public var minFrames: Int?
    /// Upper bound on sampled frames when sampling by fps (default min(768, total frames)).
    public var maxFrames: Int?
    /// Lower bound on pixels per frame (default 100352 for files, 3136 for frame lists).
    public var minPixels: Int?
    /// Upper bound on pixels per frame.
    public var maxPixels: Int?
    /// Budget for all frames together (default 90316800); files only.
    public var totalPixels: Int?

    /// Creates a video input.
    public init(
        _ source: Source, fps: Double? = nil, nframes: Int? = nil, minFrames: Int? = nil, maxFrames: Int? = nil,
        minPixels: Int? = nil, maxPixels: Int? = nil, totalPixels: Int? = nil
    ) {
        self.source = source
        self.fps = fps
        self.nframes = nframes
        self.minFrames = minFrames
        self.maxFrames = maxFrames
        self.minPixels = minPixels
        self.maxPixels = maxPixels
        self.totalPixels = totalPixels
    }
}

/// One piece of a message's content, in the order the user wrote it.
public enum ContentPart: Sendable, Hashable {
    /// Plain text.
    case text(String)
    /// A still image.
    case image(ImageInput)
    /// A video.
    case video(VideoInput)
}

/// One turn of a conversation.
public struct ChatMessage: Sendable, Hashable {
    /// Who wrote it.
    public var role: ChatRole
    /// The content, in order.
    public var content: [ContentPart]
    /// Tool calls an assistant turn made (rendered as `<tool_call>` blocks).
    public var toolCalls: [ToolCall]

    /// Creates a message from content parts.
    public init(role: ChatRole, content: [ContentPart], toolCalls: [ToolCall] = []) {
        self.role = role
        self.content = content
        self.toolCalls = toolCalls
    }

    /// Creates a text-only message.
    public init(role: ChatRole, text: String) {
        self.init(role: role, content: [.text(text)])
    }

    /// A system message.
    public static func system(_ text: String) -> ChatMessage { ChatMessage(role: .system, text: text) }
    /// A user message with text.
    public static func user(_ text: String) -> ChatMessage { ChatMessage(role: .user, text: text) }
    /// A user message with mixed content.
    public static func user(_ content: [ContentPart]) -> ChatMessage { ChatMessage(role: .user, content: content) }
    /// An assistant message.
    public static func assistant(_ text: String, toolCalls: [ToolCall] = []) -> ChatMessage {
        ChatMessage(role: .assistant, content: text.isEmpty ? [] : [.text(text)], toolCalls: toolCalls)
    }
    /// A tool result.
    public static func tool(_ text: String) -> ChatMessage { ChatMessage(role: .tool, text: text) }

    /// The text parts joined, without images or videos.
    public var text: String {
        content.compactMap { if case .text(let t) = $0 { t } else { nil } }.joined()
    }
}
