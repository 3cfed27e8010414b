/// Finds shot boundaries in a stream of thumbnails: hard cuts placed to the frame, dissolves and fades
/// with their start and end; camera flashes, strobes and fast motion are not boundaries.
///
/// **The difference between two frames** (0 … 1) is half colour, half structure: the largest per-channel
/// half-L1 distance of their soft-binned 16-bin RGB histograms, plus the mean absolute difference of their
/// luma thumbnails (×3, capped at 1). Colour alone misses a cut between shots of the same colours (a pattern
/// and its mirror image have identical histograms); structure alone misses a cut between two dark shots.
///
/// **A cut** before frame *i* is a *spike*: its difference exceeds `cutMinimumDifference` and
/// `cutNeighbourRatio` × the mean difference of the two frames on either side (so continuous motion, whose
/// every frame differs, and fades, whose every frame shifts the histogram, never cut), or — in a still shot —
/// exceeds `quietCutDifference` and six times the shot's level. A spike is a **flash** (not a cut) when some
/// frame of the four before it looks like some frame of the four from it on (difference under
/// `flashSimilarity`): the picture came back. Deciding a frame therefore needs ``lookahead`` frames after it,
/// which is why boundaries are reported a few frames late.
///
/// **A gradual transition** is a run of frames that each change more than `gradualMinimumDifference` and
/// twice the shot's median level (twin comparison: a lower bar than a cut's, summed over time; once
/// begun, three quarters of that bar keeps it going), lasting
/// `gradualMinimumDuration` … `gradualMaximumDuration`, whose first and last frames differ like a cut's,
/// and whose per-frame changes add up to at most `gradualPathRatio` × the straight change from its start to
/// its end (via its darkest frame, for a fade through black). That last test is what separates a dissolve —
/// every pixel moves steadily from the old shot to the new — from motion, where pixels go back and forth
/// and the summed change is many times the net one. Black frames inside a run (a fade out, a moment of
/// black, a fade in) keep it going for up to the maximum duration, so a fade through black is one boundary.
///
/// Memory is constant: the last `2 × lookahead + 1` thumbnails and three kept for the open transition.
/// Feed frames in display order, then call ``finish()``.
public struct ShotBoundaryDetector: Sendable {
    /// Frames fed after a frame before it is decided (the flash test looks this far ahead).
    public static let lookahead = 4

    /// The thresholds used.
    public let thresholds: PerceptionThresholds
    /// The difference of the last frame fed against the one before it (0 for the first).
    public private(set) var lastDifference = 0.0

    private var window: [Entry] = []
    private var fed = 0
    private var decided = 0
    private var settled: [Double] = []
    private var candidate: Candidate?

    /// What is kept of one frame.
    struct Entry: Sendable {
        var index: Int
        var time: Double
        var histogram: [Float]
        var luma: [Float]
        var brightness: Double
        /// Difference against the previous frame (0 for the first).
        var difference: Double
        /// Mean absolute luma change against the previous frame, 0…1.
        var lumaChange: Double
    }

    /// An open run of changing frames that may be a gradual transition.
    private struct Candidate: Sendable {
        var reference: Entry
        var first: Entry
        var last: Entry
        var darkest: Entry
        var path: Double
        var pathAtLast: Double
        var quietFrames = 0
    }

    /// Creates a detector.
    public init(thresholds: PerceptionThresholds = .standard) {
        self.thresholds = thresholds
    }

    /// Feeds the next frame's thumbnail (shown at `time` seconds); returns the boundaries decided by it, which
    /// lie up to ``lookahead`` frames back (a gradual transition's, further).
    public mutating func feed(_ thumbnail: Thumbnail, time: Double) -> [ShotBoundary] {
        let histogram = Self.histogram(thumbnail)
        let luma = thumbnail.luma
        var brightness = 0.0
        for value in luma { brightness += Double(value) }
        brightness /= Double(max(luma.count, 1)) * 255
        var entry = Entry(
            index: fed, time: time, histogram: histogram, luma: luma, brightness: brightness, difference: 0,
            lumaChange: 0)
        if let previous = window.last {
            entry.lumaChange = Self.lumaDistance(previous.luma, luma)
            entry.difference = Self.difference(previous, entry, lumaChange: entry.lumaChange)
        }
        lastDifference = entry.difference
        fed += 1
        window.append(entry)
        if window.count > 2 * Self.lookahead + 1 { window.removeFirst() }
        var found: [ShotBoundary] = []
        while decided < fed - Self.lookahead {
            if let boundary = decide(decided) { found.append(boundary) }
            decided += 1
        }
        return found
    }

    /// Ends the stream: decides the last frames and closes an open transition.
    public mutating func finish() -> [ShotBoundary] {
        var found: [ShotBoundary] = []
        while decided < fed {
            if let boundary = decide(decided) { found.append(boundary) }
            decided += 1
        }
        if let open = candidate, let boundary = conclude(open) { found.append(boundary) }
        candidate = nil
        return found
    }

    /// Decides frame `index` (held in the window with its neighbours).
    private mutating func decide(_ index: Int) -> ShotBoundary? {
        guard index > 0, let p = window.firstIndex(where: { $0.index == index }) else { return nil }
        let entry = window[p]
        let s = entry.difference
        var neighbours = 0.0, count = 0
        for q in [p - 2, p - 1, p + 1, p + 2] where q >= 0 && q < window.count && window[q].index > 0 {
            neighbours += window[q].difference
            count += 1
        }
        let around = count > 0 ? neighbours / Double(count) : 0
        let level = median(settled) ?? around
        let spike = s > thresholds.cutNeighbourRatio * around + 0.02
        let large = s > thresholds.cutMinimumDifference
            || (s > thresholds.quietCutDifference && s > 6 * max(around, level, 0.005))
        // Out of black into a frame still dark (or the reverse) is a fade's first or last step, not a cut:
        // the histogram of a near-black frame jumps on the smallest change.
        let black = thresholds.blackBrightness
        let fadeStep = p > 0 && min(window[p - 1].brightness, entry.brightness) < black
            && max(window[p - 1].brightness, entry.brightness) < 2 * black
        if spike && large && !fadeStep && !isFlash(at: p) {
            candidate = nil
            settled.removeAll(keepingCapacity: true)
            return ShotBoundary(kind: .cut, start: entry.time, end: entry.time, frameIndex: index)
        }
        let low = max(thresholds.gradualMinimumDifference, 2 * (settled.count >= 3 ? level : 0.02))
        guard var open = candidate else {
            if s > low, p > 0 {
                candidate = Candidate(
                    reference: window[p - 1], first: entry, last: entry, darkest: entry, path: entry.lumaChange,
                    pathAtLast: entry.lumaChange)
            } else {
                settle(s)
            }
            return nil
        }
        open.path += entry.lumaChange
        if entry.brightness < open.darkest.brightness { open.darkest = entry }
        let elapsed = entry.time - open.first.time
        if elapsed > thresholds.gradualMaximumDuration {
            // Longer than any transition: this is motion; let the shot's level learn it.
            settle(s)
        }
        // Hysteresis: a transition that has begun continues on a lower bar (the middle of a long dissolve
        // changes least per frame).
        if s > max(thresholds.gradualMinimumDifference / 2, 0.75 * low) {
            open.last = entry
            open.pathAtLast = open.path
            open.quietFrames = 0
        } else if entry.brightness < black && elapsed <= thresholds.gradualMaximumDuration {
            // A moment of black between a fade out and a fade in: still the same transition.
        } else {
            open.quietFrames += 1
        }
        if open.quietFrames >= 3 || elapsed > 2 * thresholds.gradualMaximumDuration {
            candidate = nil
            let boundary = conclude(open)
            if boundary != nil { settled.removeAll(keepingCapacity: true) }
            return boundary
        }
        candidate = open
        return nil
    }

    /// Judges a finished run of changing frames.
    private func conclude(_ open: Candidate) -> ShotBoundary? {
        let a = open.reference, b = open.last, m = open.darkest
        let duration = b.time - open.first.time
        guard duration >= thresholds.gradualMinimumDuration, duration <= thresholds.gradualMaximumDuration else {
            return nil
        }
        guard Self.difference(a, b, lumaChange: Self.lumaDistance(a.luma, b.luma)) > thresholds.cutMinimumDifference
        else { return nil }
        let straight = max(
            Self.lumaDistance(a.luma, b.luma), Self.lumaDistance(a.luma, m.luma) + Self.lumaDistance(m.luma, b.luma))
        guard open.pathAtLast <= thresholds.gradualPathRatio * straight + 0.01 else { return nil }
        let black = thresholds.blackBrightness
        let kind: ShotBoundary.Kind = min(a.brightness, m.brightness, b.brightness) < black ? .fade : .dissolve
        return ShotBoundary(
            kind: kind, start: open.first.time, end: b.time, frameIndex: (open.first.index + b.index + 1) / 2)
    }

    /// A spike at window position `p` is a flash when the picture before it comes back within ``lookahead`` frames.
    private func isFlash(at p: Int) -> Bool {
        let before = max(0, p - Self.lookahead)..<p
        let after = p..<min(window.count, p + Self.lookahead + 1)
        for a in before {
            for b in after where !(a == p - 1 && b == p) {
                let d = Self.difference(window[a], window[b], lumaChange: Self.lumaDistance(window[a].luma, window[b].luma))
                if d < thresholds.flashSimilarity && d < 0.5 * window[p].difference { return true }
            }
        }
        return false
    }

    private mutating func settle(_ difference: Double) {
        settled.append(difference)
        if settled.count > 30 { settled.removeFirst() }
    }

    private func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }

    /// The frame difference: half colour (histogram), half structure (luma thumbnail).
    static func difference(_ a: Entry, _ b: Entry, lumaChange: Double) -> Double {
        var colour = 0.0
        a.histogram.withUnsafeBufferPointer { x in
            b.histogram.withUnsafeBufferPointer { y in
                for channel in 0..<3 {
                    var l1: Float = 0
                    for i in (channel * 16)..<(channel * 16 + 16) { l1 += abs(x[i] - y[i]) }
                    colour = max(colour, Double(l1) / 2)
                }
            }
        }
        return 0.5 * colour + 0.5 * min(1, 3 * lumaChange)
    }

    /// Mean absolute difference of two luma thumbnails, 0…1 (1 when their sizes differ).
    static func lumaDistance(_ a: [Float], _ b: [Float]) -> Double {
        guard a.count == b.count, !a.isEmpty else { return 1 }
        var sum: Float = 0
        a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in
                for i in 0..<x.count { sum += abs(x[i] - y[i]) }
            }
        }
        return Double(sum) / Double(a.count) / 255
    }

    /// Three normalised 16-bin channel histograms (R, G, B), each value shared linearly between its two
    /// nearest bins so compression noise near a bin edge does not flip bins.
    static func histogram(_ thumbnail: Thumbnail) -> [Float] {
        var bins = [Float](repeating: 0, count: 48)
        let n = thumbnail.width * thumbnail.height
        thumbnail.rgb.withUnsafeBufferPointer { px in
            for i in 0..<n {
                for channel in 0..<3 {
                    let position = Float(px[i * 3 + channel]) * (15.0 / 255.0)
                    let low = min(Int(position), 14)
                    let weight = position - Float(low)
                    bins[channel * 16 + low] += 1 - weight
                    bins[channel * 16 + low + 1] += weight
                }
            }
        }
        let scale = 1 / Float(max(n, 1))
        for i in 0..<48 { bins[i] *= scale }
        return bins
    }
}
