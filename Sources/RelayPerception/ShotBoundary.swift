/// Where one shot gives way to the next: a hard cut, or a gradual transition with a start and an end.
public struct ShotBoundary: Sendable, Hashable, Codable {
    /// How the shots are joined.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// From one frame to the next.
        case cut
        /// The shots blend into each other (a cross-fade).
        case dissolve
        /// Through black: the old shot fades out and/or the new one fades in.
        case fade
    }

    /// How the shots are joined.
    public var kind: Kind
    /// A cut: time of the new shot's first frame. A gradual transition: time of its first changing frame.
    public var start: Double
    /// A cut: the same as `start`. A gradual transition: time of its last changing frame.
    public var end: Double
    /// Index (among the frames fed) of the frame the new scene is counted from: a cut's first frame, a gradual
    /// transition's middle frame.
    public var frameIndex: Int

    /// Creates a boundary.
    public init(kind: Kind, start: Double, end: Double, frameIndex: Int) {
        self.kind = kind
        self.start = start
        self.end = end
        self.frameIndex = frameIndex
    }

    /// Whether the shots change over more than one frame.
    public var isGradual: Bool { kind != .cut }

    /// The time the scenes are split at: a cut's frame, the middle of a gradual transition (so the scenes on
    /// either side stay contiguous and each keeps the half of the transition that looks most like it).
    public var time: Double { isGradual ? (start + end) / 2 : start }
}
