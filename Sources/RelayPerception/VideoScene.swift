public import RelayMedia
/// One shot of a video, between two cuts, summarised from the measurements of all its frames.
public struct VideoScene: Sendable, Hashable, Codable {
    /// Position in the video, from 0.
    public var index: Int
    /// Time of the scene's first frame, in seconds.
    public var start: Double
    /// Time the next scene starts (or the video ends), in seconds.
    public var end: Double
    /// Time of the frame chosen as keyframe.
    public var keyframeTime: Double
    /// Average share of each named colour over the scene's frames, largest first.
    public var colors: [ColorShare]
    /// Named colours covering at least `dominantShare` on average (at most three; at least one).
    public var dominantColors: [NamedColor]
    /// Mean brightness of the frames, 0…1.
    public var meanBrightness: Double
    /// Mean motion between consecutive frames, 0…1.
    public var motion: Double
    /// Most of the frames are blank (uniform).
    public var isBlank: Bool
    /// A sentence describing the scene from its measurements.
    public var description: String
    /// How the scene began: a cut, a dissolve or a fade (with the transition's start and end); nil for the first.
    public var transition: ShotBoundary?

    /// Creates a scene.
    public init(
        index: Int, start: Double, end: Double, keyframeTime: Double, colors: [ColorShare], dominantColors: [NamedColor],
        meanBrightness: Double, motion: Double, isBlank: Bool, description: String, transition: ShotBoundary? = nil
    ) {
        self.index = index
        self.start = start
        self.end = end
        self.keyframeTime = keyframeTime
        self.colors = colors
        self.dominantColors = dominantColors
        self.meanBrightness = meanBrightness
        self.motion = motion
        self.isBlank = isBlank
        self.description = description
        self.transition = transition
    }

    /// Length in seconds.
    public var duration: Double { end - start }
}
