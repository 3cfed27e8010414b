/// Everything perception measured on one video: per-frame and per-window series, scenes and events.
///
/// Built in one streaming pass by ``TimelineBuilder``; answers questions through ``VideoQuestionAnswerer``.
public struct PerceptionTimeline: Sendable, Hashable, Codable {
    /// Length of the video in seconds.
    public var duration: Double
    /// Width of the original (display) picture, 0 without video.
    public var width: Int
    /// Height of the original (display) picture, 0 without video.
    public var height: Int
    /// One entry per decoded frame, in display order.
    public var frames: [FrameSample]
    /// One entry per audio window, in time order (empty without audio).
    public var audio: [AudioWindowFeatures]
    /// Shots between cuts.
    public var scenes: [VideoScene]
    /// Merged runs of dark/bright/still/motion/loud/silent/speech.
    public var events: [VideoEvent]
    /// The thresholds the decisions used.
    public var thresholds: PerceptionThresholds

    /// Creates a timeline.
    public init(
        duration: Double, width: Int, height: Int, frames: [FrameSample], audio: [AudioWindowFeatures],
        scenes: [VideoScene], events: [VideoEvent], thresholds: PerceptionThresholds = .standard
    ) {
        self.duration = duration
        self.width = width
        self.height = height
        self.frames = frames
        self.audio = audio
        self.scenes = scenes
        self.events = events
        self.thresholds = thresholds
    }

    /// Events of one kind, in time order.
    public func events(_ kind: VideoEventKind) -> [VideoEvent] { events.filter { $0.kind == kind } }

    /// Times of the cuts (starts of every scene but the first).
    public var cuts: [Double] { scenes.dropFirst().map(\.start) }

    /// The boundaries between scenes (hard cuts and gradual transitions), in order.
    public var boundaries: [ShotBoundary] { scenes.compactMap(\.transition) }

    /// The frame displayed at `time` (the last frame starting at or before it; the first frame before that).
    public func frame(at time: Double) -> FrameSample? {
        guard !frames.isEmpty else { return nil }
        var low = 0, high = frames.count - 1
        if time < frames[0].time { return frames[0] }
        while low < high {
            let mid = (low + high + 1) / 2
            if frames[mid].time <= time + 1e-9 { low = mid } else { high = mid - 1 }
        }
        return frames[low]
    }

    /// The scene shown at `time`.
    public func scene(at time: Double) -> VideoScene? {
        scenes.last { $0.start <= time + 1e-9 } ?? scenes.first
    }

    /// The frame series as intervals: each frame lasts until the next one (the last until the end).
    func frameIntervals<T>(_ value: (FrameSample) -> T) -> [(start: Double, end: Double, value: T)] {
        frames.enumerated().map { i, frame in
            let end = i + 1 < frames.count ? frames[i + 1].time : max(duration, frame.time + typicalFrameDuration)
            return (frame.time, end, value(frame))
        }
    }

    /// The median gap between frames (1/30 s when unknown).
    var typicalFrameDuration: Double {
        guard frames.count >= 2 else { return 1.0 / 30 }
        let gaps = zip(frames.dropFirst(), frames).map { $0.time - $1.time }.sorted()
        return max(gaps[gaps.count / 2], 1e-3)
    }

    /// Runs where the frames satisfy `predicate`, merged and filtered like events.
    public func frameRuns(minimumLength: Double? = nil, where predicate: (FrameSample) -> Bool) -> [TimeSpan] {
        TimeSpan.runs(
            of: frameIntervals(predicate).map { ($0.start, $0.end, $0.value) },
            minimumLength: minimumLength ?? thresholds.minimumEventLength,
            maximumGap: thresholds.maximumEventGap)
    }
}
