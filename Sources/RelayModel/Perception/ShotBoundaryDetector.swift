/// Finds hard cuts in a stream of thumbnails, placed to the frame.
///
/// Each frame's colour histograms (16 bins per RGB channel of its ``Thumbnail``, each value shared
/// linearly between its two nearest bins so compression noise near a bin edge does not flip bins) are
/// compared with the previous frame's; the difference is the largest, over the three channels, of half
/// the L1 distance: 0 (same distribution) … 1 (nothing in common). A cut
/// is declared before a frame when the difference exceeds both `cutMinimumDifference` and the mean of
/// the recent differences (the last 30 frames of the current shot) plus `cutDeviations` standard
/// deviations — the adaptive part, so busy footage (where every frame differs a little) does not cut on
/// every frame while a quiet one still cuts on a modest change (`quietCutDifference`, once five frames
/// of the shot have shown how still it is). Feed frames in display order.
public struct ShotBoundaryDetector: Sendable {
    /// The thresholds used.
    public let thresholds: PerceptionThresholds
    private var previous: [Float]?
    private var recent: [Double] = []
    /// The histogram difference of the last frame fed against the one before it (0 for the first).
    public private(set) var lastDifference = 0.0

    /// Creates a detector.
    public init(thresholds: PerceptionThresholds = .standard) {
        self.thresholds = thresholds
    }

    /// Feeds the next frame's thumbnail; returns true when a cut lies between the previous frame and this one.
    public mutating func feed(_ thumbnail: Thumbnail) -> Bool {
        let histogram = Self.histogram(thumbnail)
        defer { previous = histogram }
        guard let previous else {
            lastDifference = 0
            return false
        }
        var difference = 0.0
        for channel in 0..<3 {
            var l1: Float = 0
            for i in (channel * 16)..<(channel * 16 + 16) { l1 += abs(histogram[i] - previous[i]) }
            difference = max(difference, Double(l1) / 2)
        }
        lastDifference = difference
        let mean = recent.isEmpty ? 0 : recent.reduce(0, +) / Double(recent.count)
        let variance = recent.isEmpty ? 0 : recent.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(recent.count)
        let adaptive = mean + thresholds.cutDeviations * variance.squareRoot()
        // A quiet shot (diffs near zero for a while) also cuts on a smaller jump, e.g. between two busy
        // patterns whose box-averaged colours are alike; busy shots (high mean) never take this path.
        let quiet = recent.count >= 5 && difference > thresholds.quietCutDifference && difference > 4 * mean
            && difference > mean + 8 * variance.squareRoot()
        if (difference > thresholds.cutMinimumDifference && difference > adaptive) || quiet {
            recent.removeAll(keepingCapacity: true)
            return true
        }
        recent.append(difference)
        if recent.count > 30 { recent.removeFirst() }
        return false
    }

    /// Three normalised 16-bin channel histograms (R, G, B), soft-binned.
    static func histogram(_ thumbnail: Thumbnail) -> [Float] {
        var bins = [Float](repeating: 0, count: 48)
        let n = thumbnail.width * thumbnail.height
        let px = thumbnail.rgb
        for i in 0..<n {
            for channel in 0..<3 {
                let position = Float(px[i * 3 + channel]) * (15.0 / 255.0)
                let low = min(Int(position), 14)
                let weight = position - Float(low)
                bins[channel * 16 + low] += 1 - weight
                bins[channel * 16 + low + 1] += weight
            }
        }
        let scale = 1 / Float(max(n, 1))
        for i in 0..<48 { bins[i] *= scale }
        return bins
    }
}
