public import RelayMedia

/// Builds a ``PerceptionTimeline`` in one streaming pass: feed every decoded frame and audio chunk in
/// order, then ``finish(duration:)``.
///
/// Memory is a few numbers per frame and per audio window, one candidate keyframe for the current scene
/// and the last ``ShotBoundaryDetector/lookahead`` frames (waiting for the cut decision); frames
/// themselves are never kept. When a scene ends its keyframe is handed back
/// (``ClosedScene``) so the caller can encode it and let the pixels go.
public struct TimelineBuilder: Sendable {
    /// A scene that just ended, with the pixels of its keyframe.
    public struct ClosedScene: Sendable {
        /// The scene (its `end` is final).
        public var scene: VideoScene
        /// The keyframe at the size it was fed.
        public var keyframe: Frame?
    }

    /// The thresholds used.
    public let thresholds: PerceptionThresholds
    private var shots: ShotBoundaryDetector
    private var audioAnalyzer: AudioAnalyzer?
    private var previousThumbnail: Thumbnail?
    private var pending: [PendingFrame] = []
    private var cutsAhead: [Int: ShotBoundary] = [:]
    /// Measurements of the frames of the last few seconds (as long as a transition can take, plus the
    /// detector's delay), so a gradual transition found late can move them between scenes.
    private var recentFeatures: [FrameFeatures] = []
    private var fed = 0
    private var frames: [FrameSample] = []
    private var audio: [AudioWindowFeatures] = []
    private var scenes: [VideoScene] = []
    private var current: SceneAccumulator?
    private var width = 0, height = 0

    /// Creates a builder.
    public init(thresholds: PerceptionThresholds = .standard) {
        self.thresholds = thresholds
        self.shots = ShotBoundaryDetector(thresholds: thresholds)
    }

    /// Number of frames fed so far.
    public var frameCount: Int { fed }
    /// Scenes closed so far.
    public var closedScenes: [VideoScene] { scenes }

    /// Feeds the next frame in display order. `sampled` marks the frames the model samples: they are
    /// measured for sharpness and are the keyframe candidates. Returns the scenes that ended: a cut is
    /// only certain ``ShotBoundaryDetector/lookahead`` frames later (a flash comes back within them), so
    /// frames wait that long before they are measured into a scene; a gradual transition is known once
    /// it is over, and its scene is closed at the transition's middle then (the transition's own frames are
    /// taken out of the scenes' summaries: they are blends of both).
    @discardableResult
    public mutating func add(_ frame: Frame, sampled: Bool, originalWidth: Int? = nil, originalHeight: Int? = nil)
        -> [ClosedScene]
    {
        width = originalWidth ?? frame.width
        height = originalHeight ?? frame.height
        let thumbnail = Thumbnail(frame)
        let boundaries = shots.feed(thumbnail, time: frame.time)
        pending.append(PendingFrame(
            frame: frame, thumbnail: thumbnail, sampled: sampled, cutScore: shots.lastDifference, index: fed))
        fed += 1
        return take(boundaries, keeping: ShotBoundaryDetector.lookahead)
    }

    /// Applies `boundaries` and measures the waiting frames into scenes until `keeping` are left.
    private mutating func take(_ boundaries: [ShotBoundary], keeping: Int) -> [ClosedScene] {
        var closed: [ClosedScene] = []
        for boundary in boundaries where boundary.kind == .cut { cutsAhead[boundary.frameIndex] = boundary }
        while pending.count > keeping {
            if let scene = commit(pending.removeFirst()) { closed.append(scene) }
        }
        for boundary in boundaries where boundary.isGradual {
            guard var scene = current, boundary.time > scene.start else { continue }
            // The transition's frames (blends of both shots) describe neither scene, and the new shot's first
            // frames, measured before the transition was known, belong to the new one.
            var next = SceneAccumulator(index: scenes.count + 1, start: boundary.time, transition: boundary)
            for features in recentFeatures where features.time >= scene.start && features.time >= boundary.start {
                scene.remove(features)
                if features.time > boundary.end { next.add(features) }
            }
            closed.append(close(scene, end: boundary.time))
            current = next
        }
        return closed
    }

    /// Measures one frame into the current scene, first closing it when a cut lies before the frame.
    private mutating func commit(_ waiting: PendingFrame) -> ClosedScene? {
        let frame = waiting.frame
        let cut = cutsAhead.removeValue(forKey: waiting.index)
        let features = FrameFeatures(
            thumbnail: waiting.thumbnail, time: frame.time, previous: cut != nil ? nil : previousThumbnail,
            thresholds: thresholds)
        previousThumbnail = waiting.thumbnail
        frames.append(FrameSample(
            time: frame.time, brightness: Float(features.brightness), motion: features.motion.map { Float($0) },
            cutScore: Float(waiting.cutScore), isBlack: features.isBlack, isWhite: features.isWhite,
            isBlank: features.isBlank, colors: Array(features.colors.prefix(3))))
        var closed: ClosedScene?
        if let cut, let scene = current {
            closed = close(scene, end: frame.time)
            current = SceneAccumulator(index: scenes.count, start: frame.time, transition: cut)
        }
        if current == nil { current = SceneAccumulator(index: scenes.count, start: frame.time, transition: nil) }
        current?.add(features)
        recentFeatures.append(features)
        let horizon = frame.time - thresholds.gradualMaximumDuration - 1
        if let first = recentFeatures.first, first.time < horizon { recentFeatures.removeAll { $0.time < horizon } }
        if waiting.sampled || current?.keyframe == nil {
            let sharpness = waiting.sampled ? FrameFeatures.sharpness(of: frame) : -1
            current?.offerKeyframe(frame, sharpness: sharpness, sampled: waiting.sampled)
        }
        return closed
    }

    /// Feeds the next audio chunk (mono; any sample rate, fixed for the stream).
    public mutating func add(_ chunk: AudioChunk) {
        if audioAnalyzer == nil { audioAnalyzer = AudioAnalyzer(sampleRate: chunk.sampleRate, thresholds: thresholds) }
        audio.append(contentsOf: audioAnalyzer?.feed(chunk) ?? [])
    }

    /// Ends the stream: decides the last frames, closes the scenes still open (returned with their
    /// keyframes) and derives the events.
    /// `duration` defaults to the end of the last frame or audio window.
    public mutating func finish(duration: Double? = nil) -> (timeline: PerceptionTimeline, closedScenes: [ClosedScene]) {
        var closed = take(shots.finish(), keeping: 0)
        if let last = audioAnalyzer?.finish() { audio.append(last) }
        var timeline = PerceptionTimeline(
            duration: 0, width: width, height: height, frames: frames, audio: audio, scenes: [], events: [],
            thresholds: thresholds)
        let mediaEnd = max(
            (frames.last?.time ?? 0) + (frames.isEmpty ? 0 : timeline.typicalFrameDuration), audio.last?.end ?? 0)
        timeline.duration = duration.map { max($0, frames.last?.time ?? 0) } ?? mediaEnd
        if let scene = current {
            closed.append(close(scene, end: timeline.duration))
            current = nil
        }
        timeline.scenes = scenes
        timeline.events = EventExtractor.events(in: timeline)
        return (timeline, closed)
    }

    private mutating func close(_ accumulator: SceneAccumulator, end: Double) -> ClosedScene {
        let scene = accumulator.scene(end: max(end, accumulator.start), thresholds: thresholds)
        scenes.append(scene)
        return ClosedScene(scene: scene, keyframe: accumulator.keyframe)
    }
}

/// A frame waiting for the shot-boundary decision about it.
private struct PendingFrame: Sendable {
    var frame: Frame
    var thumbnail: Thumbnail
    var sampled: Bool
    var cutScore: Double
    var index: Int
}

/// Running sums for the scene being built.
private struct SceneAccumulator: Sendable {
    let index: Int
    let start: Double
    let transition: ShotBoundary?
    var count = 0
    var brightness = 0.0
    var motion = 0.0
    var motionCount = 0
    var blank = 0
    var colorSums = [Double](repeating: 0, count: NamedColor.allCases.count)
    var keyframe: Frame?
    var keyframeSharpness = -2.0
    var keyframeSampled = false

    init(index: Int, start: Double, transition: ShotBoundary?) {
        self.index = index
        self.start = start
        self.transition = transition
    }

    mutating func add(_ features: FrameFeatures) {
        count += 1
        brightness += features.brightness
        if let m = features.motion { motion += m; motionCount += 1 }
        if features.isBlank { blank += 1 }
        for share in features.colors { colorSums[share.color.index] += share.share }
    }

    /// Takes back a frame measured into this scene by mistake (it belonged to a transition or the next scene).
    mutating func remove(_ features: FrameFeatures) {
        count -= 1
        brightness -= features.brightness
        if let m = features.motion { motion -= m; motionCount -= 1 }
        if features.isBlank { blank -= 1 }
        for share in features.colors { colorSums[share.color.index] = max(0, colorSums[share.color.index] - share.share) }
    }

    /// Keeps the sharpest sampled frame (the first on ties); any frame until a sampled one arrives.
    mutating func offerKeyframe(_ frame: Frame, sharpness: Double, sampled: Bool) {
        if keyframe == nil || (sampled && !keyframeSampled) || (sampled && sharpness > keyframeSharpness * 1.1 + 1e-9) {
            keyframe = frame
            keyframeSharpness = sharpness
            keyframeSampled = sampled
        }
    }

    func scene(end: Double, thresholds: PerceptionThresholds) -> VideoScene {
        let n = Double(max(count, 1))
        let colors = ColorShare.from(counts: colorSums)
        var dominant = colors.filter { $0.share >= thresholds.dominantShare }.prefix(3).map(\.color)
        if dominant.isEmpty { dominant = colors.prefix(1).map(\.color) }
        let meanBrightness = brightness / n
        let meanMotion = motionCount > 0 ? motion / Double(motionCount) : 0
        let isBlank = blank * 2 > count
        return VideoScene(
            index: index, start: start, end: end, keyframeTime: keyframe?.time ?? start, colors: colors,
            dominantColors: Array(dominant), meanBrightness: meanBrightness, motion: meanMotion, isBlank: isBlank,
            description: SceneDescriber.sentence(
                colors: Array(dominant), brightness: meanBrightness, motion: meanMotion, isBlank: isBlank,
                thresholds: thresholds),
            transition: transition)
    }
}
