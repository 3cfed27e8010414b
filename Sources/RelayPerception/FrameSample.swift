/// The few numbers kept for every decoded frame (memory stays small however long the video is).
public struct FrameSample: Sendable, Hashable, Codable {
    /// Presentation time in seconds.
    public var time: Double
    /// Mean brightness, 0…1.
    public var brightness: Float
    /// Motion against the previous frame, 0…1 (nil on a video's or shot's first frame).
    public var motion: Float?
    /// Shot-boundary difference against the previous frame, 0…1: half colour histogram, half luma structure
    /// (see ``ShotBoundaryDetector``).
    public var cutScore: Float
    /// The frame is black.
    public var isBlack: Bool
    /// The frame is white.
    public var isWhite: Bool
    /// The frame is blank (uniform).
    public var isBlank: Bool
    /// Up to three largest named colours and their shares.
    public var colors: [ColorShare]

    /// Creates a sample.
    public init(
        time: Double, brightness: Float, motion: Float?, cutScore: Float, isBlack: Bool, isWhite: Bool, isBlank: Bool,
        colors: [ColorShare]
    ) {
        self.time = time
        self.brightness = brightness
        self.motion = motion
        self.cutScore = cutScore
        self.isBlack = isBlack
        self.isWhite = isWhite
        self.isBlank = isBlank
        self.colors = colors
    }
}
