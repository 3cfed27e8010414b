public import RelayPerception

/// How ``VideoAnalyzer`` samples and measures a video.
public struct VideoAnalysisOptions: Sendable, Hashable {
    /// Frames per second the model samples (Qwen2.5-VL's `fps`, default 2).
    public var fps: Double
    /// Longest side, in pixels, of the frames decoded for measuring (every frame is decoded at this size;
    /// keyframes are stored at it). Small keeps the every-frame pass cheap; cuts and colours do not need more.
    public var analysisSide: Int
    /// JPEG quality of scene keyframes, 1…100.
    public var keyframeQuality: Int
    /// Audio sample rate for the loudness and voice measures.
    public var audioSampleRate: Int
    /// Decision thresholds.
    public var thresholds: PerceptionThresholds

    /// Creates options.
    public init(
        fps: Double = 2, analysisSide: Int = 320, keyframeQuality: Int = 80, audioSampleRate: Int = 16_000,
        thresholds: PerceptionThresholds = .standard
    ) {
        self.fps = fps
        self.analysisSide = analysisSide
        self.keyframeQuality = keyframeQuality
        self.audioSampleRate = audioSampleRate
        self.thresholds = thresholds
    }
}
