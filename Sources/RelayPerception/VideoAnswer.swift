/// An answer about a video: the text in Qwen2.5-VL's formats and the structured facts behind it.
public struct VideoAnswer: Sendable, Hashable {
    /// The generated text ("The screen goes black in 5.0 - 8.0 seconds.", a ```` ```json ```` grounding list…).
    public var text: String
    /// The spans the text names, in seconds.
    public var spans: [TimeSpan]
    /// For a grounding: the box `[x1, y1, x2, y2]` in pixels of `groundingFrameSize` (the model's resized frame).
    public var box: [Int]?
    /// For a grounding: the label ("red").
    public var label: String?
    /// For a grounding: the time of the frame the box was found in.
    public var groundingTime: Double?
    /// True when the question could not be answered from the features.
    public var isRefusal: Bool

    /// Creates an answer.
    public init(
        text: String, spans: [TimeSpan] = [], box: [Int]? = nil, label: String? = nil, groundingTime: Double? = nil,
        isRefusal: Bool = false
    ) {
        self.text = text
        self.spans = spans
        self.box = box
        self.label = label
        self.groundingTime = groundingTime
        self.isRefusal = isRefusal
    }
}
