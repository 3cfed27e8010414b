/// Derives the timeline's events from its per-frame and per-window series.
///
/// Visual events use frame intervals (a frame lasts until the next one), audio events use the
/// windows; both are merged across gaps shorter than `maximumEventGap` and dropped when shorter than
/// `minimumEventLength` (speech: `maximumSpeechGap`, `minimumSpeechLength`). A shot's first frame has
/// no motion measurement (the cut is not motion), so it takes the next frame's.
public enum EventExtractor {
    /// All events of `timeline`, sorted by start then kind.
    public static func events(in timeline: PerceptionTimeline) -> [VideoEvent] {
        let t = timeline.thresholds
        var events: [VideoEvent] = []
        func add(_ kind: VideoEventKind, _ spans: [TimeSpan]) {
            events += spans.map { VideoEvent(kind: kind, start: $0.start, end: $0.end) }
        }
        let intervals = timeline.frameIntervals { $0 }
        // Fill missing motion (first frame of each shot) from the next frame that has one.
        var motion = [Double](repeating: 0, count: intervals.count)
        var next: Double = 0
        for i in stride(from: intervals.count - 1, through: 0, by: -1) {
            if let m = intervals[i].value.motion { next = Double(m) }
            motion[i] = next
        }
        func visual(_ flag: (Int, FrameSample) -> Bool) -> [TimeSpan] {
            TimeSpan.runs(
                of: intervals.enumerated().map { ($0.element.start, $0.element.end, flag($0.offset, $0.element.value)) },
                minimumLength: t.minimumEventLength, maximumGap: t.maximumEventGap)
        }
        add(.dark, visual { Double($1.brightness) < t.darkBrightness })
        add(.bright, visual { Double($1.brightness) > t.brightBrightness })
        if intervals.count >= 2 {
            add(.still, visual { i, _ in motion[i] < t.stillMotion })
            add(.motion, visual { i, _ in motion[i] > t.movingMotion })
        }
        func audible(_ flag: (AudioWindowFeatures) -> Bool, length: Double, gap: Double) -> [TimeSpan] {
            TimeSpan.runs(
                of: timeline.audio.map { ($0.start, $0.end, flag($0)) }, minimumLength: length, maximumGap: gap)
        }
        add(.loud, audible({ $0.isLoud }, length: t.minimumEventLength, gap: t.maximumEventGap))
        add(.silent, audible({ $0.isSilent }, length: t.minimumEventLength, gap: t.maximumEventGap))
        add(.speech, audible({ $0.isSpeech }, length: t.minimumSpeechLength, gap: t.maximumSpeechGap))
        let order = Dictionary(uniqueKeysWithValues: VideoEventKind.allCases.enumerated().map { ($1, $0) })
        return events.sorted {
            $0.start != $1.start ? $0.start < $1.start : (order[$0.kind] ?? 0) < (order[$1.kind] ?? 0)
        }
    }
}
