/// An object the model located in an image: a box or a point with a label.
public struct Grounding: Sendable, Hashable {
    /// Where the object is.
    public enum Shape: Sendable, Hashable {
        /// A box `[x1, y1, x2, y2]`.
        case box(x1: Double, y1: Double, x2: Double, y2: Double)
        /// A point `[x, y]`.
        case point(x: Double, y: Double)
    }

    /// The location.
    public var shape: Shape
    /// What the object is, as the model named it.
    public var label: String
    /// Which image of the request it refers to (0-based), when known.
    public var imageIndex: Int?

    /// Creates a grounding.
    public init(shape: Shape, label: String, imageIndex: Int? = nil) {
        self.shape = shape
        self.label = label
        self.imageIndex = imageIndex
    }
}

/// A moment the model located in a video, in seconds from its start.
public struct TemporalSpan: Sendable, Hashable {
    /// Start time in seconds.
    public var start: Double
    /// End time in seconds.
    public var end: Double
    /// What happens then, if the model said.
    public var description: String?

    /// Creates a span.
    public init(start: Double, end: Double, description: String? = nil) {
        self.start = start
        self.end = end
        self.description = description
    }
}
