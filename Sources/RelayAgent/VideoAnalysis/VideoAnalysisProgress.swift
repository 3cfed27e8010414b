public import Foundation

/// How far the analysis of one file has got.
public struct VideoAnalysisProgress: Sendable, Hashable {
    /// The file.
    public var file: URL
    /// Media time reached, in seconds.
    public var time: Double
    /// The file's duration when known.
    public var duration: Double?
    /// Video frames measured so far.
    public var frames: Int
    /// True on the last report of the file.
    public var finished: Bool

    /// Creates a report.
    public init(file: URL, time: Double, duration: Double?, frames: Int, finished: Bool = false) {
        self.file = file
        self.time = time
        self.duration = duration
        self.frames = frames
        self.finished = finished
    }

    /// Fraction done, 0…1, when the duration is known.
    public var fraction: Double? {
        if finished { return 1 }
        guard let duration, duration > 0 else { return nil }
        return min(1, max(0, time / duration))
    }
}
