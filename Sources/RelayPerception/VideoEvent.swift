/// The kinds of event perception reports on a video's timeline.
public enum VideoEventKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Mean brightness below `darkBrightness`.
    case dark
    /// Mean brightness above `brightBrightness`.
    case bright
    /// Motion below `stillMotion`.
    case still
    /// Motion above `movingMotion`.
    case motion
    /// Audio louder than `loudDBFS`.
    case loud
    /// Audio quieter than `silentDBFS`.
    case silent
    /// Voice activity.
    case speech
}

/// A stretch of a video where something holds (it is dark, loud, someone speaks…).
public struct VideoEvent: Sendable, Hashable, Codable {
    /// What holds.
    public var kind: VideoEventKind
    /// Start in seconds.
    public var start: Double
    /// End in seconds.
    public var end: Double

    /// Creates an event.
    public init(kind: VideoEventKind, start: Double, end: Double) {
        self.kind = kind
        self.start = start
        self.end = end
    }

    /// Length in seconds.
    public var duration: Double { end - start }
}

/// A time span in seconds, as runs of measurements produce them.
public struct TimeSpan: Sendable, Hashable, Codable {
    /// Start in seconds.
    public var start: Double
    /// End in seconds.
    public var end: Double

    /// Creates a span.
    public init(start: Double, end: Double) {
        self.start = start
        self.end = end
    }

    /// Length in seconds.
    public var duration: Double { end - start }

    /// Maximal runs of intervals where `flag` holds, with gaps shorter than `maximumGap` bridged and runs
    /// shorter than `minimumLength` dropped. Intervals must be in time order.
    public static func runs(
        of intervals: [(start: Double, end: Double, flag: Bool)], minimumLength: Double, maximumGap: Double
    ) -> [TimeSpan] {
        var raw: [TimeSpan] = []
        for interval in intervals where interval.flag {
            if let last = raw.last, interval.start - last.end <= 1e-6 {
                raw[raw.count - 1].end = max(last.end, interval.end)
            } else {
                raw.append(TimeSpan(start: interval.start, end: interval.end))
            }
        }
        var merged: [TimeSpan] = []
        for span in raw {
            if let last = merged.last, span.start - last.end < maximumGap {
                merged[merged.count - 1].end = span.end
            } else {
                merged.append(span)
            }
        }
        return merged.filter { $0.duration >= minimumLength - 1e-9 }
    }
}
