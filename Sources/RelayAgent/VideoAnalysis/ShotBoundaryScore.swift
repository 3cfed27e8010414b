public import RelayPerception

/// Precision, recall and F1 of detected shot boundaries against a ``ShotBoundaryCorpus`` clip's truth.
///
/// The rules, the same for Relay and for a peer that only reports cut points (PySceneDetect):
/// - a detected **cut** matches a true hard cut within one frame (the clip's longest frame gap);
/// - any detection (a cut point or a transition span) matches a true **gradual** transition when it
///   overlaps the transition widened by `gradualTolerance` (0.5 s) on each side — a peer's cut inside a
///   dissolve finds it, a second cut inside the same dissolve is a false cut;
/// - matching is one to one, cuts first; a detection left over is false: a false cut when it is a cut
///   point, a false transition when it is a span; left-over detections inside a flash span are also
///   counted as ``flashesTakenForCuts``.
public struct ShotBoundaryScore: Sendable, Hashable {
    /// Counts for one kind of boundary.
    public struct Counts: Sendable, Hashable {
        public var truePositives = 0, falsePositives = 0, falseNegatives = 0

        /// Creates counts.
        public init(truePositives: Int = 0, falsePositives: Int = 0, falseNegatives: Int = 0) {
            self.truePositives = truePositives
            self.falsePositives = falsePositives
            self.falseNegatives = falseNegatives
        }

        public var precision: Double {
            truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
        }
        public var recall: Double {
            truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives)
        }
        public var f1: Double {
            let p = precision, r = recall
            return p + r == 0 ? 0 : 2 * p * r / (p + r)
        }

        static func + (a: Counts, b: Counts) -> Counts {
            Counts(
                truePositives: a.truePositives + b.truePositives, falsePositives: a.falsePositives + b.falsePositives,
                falseNegatives: a.falseNegatives + b.falseNegatives)
        }
    }

    /// A detection to score: a point (`start == end`, not gradual) or a span.
    public struct Detection: Sendable, Hashable {
        public var start: Double, end: Double, isGradual: Bool

        public init(start: Double, end: Double, isGradual: Bool) {
            self.start = start
            self.end = end
            self.isGradual = isGradual
        }

        /// A cut point.
        public static func cut(_ time: Double) -> Detection { Detection(start: time, end: time, isGradual: false) }

        /// Relay's boundary.
        public init(_ boundary: ShotBoundary) {
            self.init(start: boundary.start, end: boundary.end, isGradual: boundary.isGradual)
        }
    }

    /// Hard cuts.
    public var hard = Counts()
    /// Dissolves and fades.
    public var gradual = Counts()
    /// Left-over detections inside a flash or strobe span.
    public var flashesTakenForCuts = 0

    /// Sums of two scores (for a whole corpus).
    public static func + (a: ShotBoundaryScore, b: ShotBoundaryScore) -> ShotBoundaryScore {
        ShotBoundaryScore(
            hard: a.hard + b.hard, gradual: a.gradual + b.gradual,
            flashesTakenForCuts: a.flashesTakenForCuts + b.flashesTakenForCuts)
    }

    /// Scores `detections` against `clip`'s truth.
    public init(_ detections: [Detection], against clip: ShotBoundaryCorpus.Clip, gradualTolerance: Double = 0.5) {
        var left = detections.sorted { $0.start < $1.start }
        let tolerance = clip.frameDuration + 1e-3
        for truth in clip.truth where !truth.isGradual {
            if let i = left.indices.filter({ !left[$0].isGradual && abs(left[$0].start - truth.start) <= tolerance })
                .min(by: { abs(left[$0].start - truth.start) < abs(left[$1].start - truth.start) })
            {
                left.remove(at: i)
                hard.truePositives += 1
            } else {
                hard.falseNegatives += 1
            }
        }
        for truth in clip.truth where truth.isGradual {
            let low = truth.start - gradualTolerance, high = truth.end + gradualTolerance
            if let i = left.firstIndex(where: { $0.end >= low && $0.start <= high }) {
                left.remove(at: i)
                gradual.truePositives += 1
            } else {
                gradual.falseNegatives += 1
            }
        }
        for extra in left {
            if extra.isGradual { gradual.falsePositives += 1 } else { hard.falsePositives += 1 }
            if clip.flashes.contains(where: { $0.overlaps(extra.start...extra.end) }) { flashesTakenForCuts += 1 }
        }
    }

    init(hard: Counts, gradual: Counts, flashesTakenForCuts: Int) {
        self.hard = hard
        self.gradual = gradual
        self.flashesTakenForCuts = flashesTakenForCuts
    }

    /// An empty score.
    public init() {}
}
