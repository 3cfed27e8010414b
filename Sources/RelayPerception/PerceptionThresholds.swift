/// Every threshold Relay's perception decides with, in one place, so answers are explainable.
///
/// Brightness is mean Rec. 601 luma in 0…1; motion is the mean absolute luma difference against
/// the previous frame in 0…1 (measured on the 64×36 thumbnail); loudness is RMS in dBFS over a window.
///
/// | threshold              | default | meaning                                                                   |
/// |------------------------|---------|---------------------------------------------------------------------------|
/// | `blackBrightness`      | 0.07    | a frame darker than this (mean luma) is black                              |
/// | `whiteBrightness`      | 0.93    | a frame brighter than this with saturation < 0.1 is white                  |
/// | `blankContrast`        | 0.03    | a frame whose luma standard deviation is below this is blank (uniform)    |
/// | `darkBrightness`       | 0.15    | frames below this mean luma form *dark* events                             |
/// | `brightBrightness`     | 0.70    | frames above this mean luma form *bright* events                           |
/// | `stillMotion`          | 0.004   | frames moving less than this (≈1 grey level) form *still* events           |
/// | `movingMotion`         | 0.015   | frames moving more than this (≈4 grey levels) form *motion* events         |
/// | `dominantShare`        | 0.15    | a named colour covering at least this share of a frame is dominant         |
/// | `cutMinimumDifference` | 0.25    | frame difference (0…1, colour + structure) a cut must exceed…              |
/// | `cutNeighbourRatio`    | 3.0     | …and this many times the mean difference of the two frames either side    |
/// | `quietCutDifference`   | 0.08    | or, in a still shot: exceed this and 6× the shot's and the neighbours' level |
/// | `flashSimilarity`      | 0.15    | a jump whose before and after (within 4 frames) differ less is a flash     |
/// | `gradualMinimumDifference` | 0.03 | a frame changing more than this (and 2× the shot's level) may be in a transition |
/// | `gradualDuration`      | 0.2–3 s | how long a dissolve or fade may last                                       |
/// | `gradualPathRatio`     | 2.5     | a transition's summed per-frame change ≤ this × its start-to-end change   |
/// | `loudDBFS`             | −20     | audio windows louder than this (RMS dBFS) form *loud* events              |
/// | `silentDBFS`           | −50     | audio windows quieter than this form *silent* events                      |
/// | `speechMinimumDBFS`    | −45     | speech must be at least this loud                                         |
/// | `speechFlux`           | 0.20    | …and its spectrum change this much between 32 ms frames (tones do not)    |
/// | `speechMaximumFlatness`| 0.45    | …and be less noise-like than this spectral flatness                        |
/// | `minimumEventLength`   | 0.30 s  | shorter runs are dropped                                                  |
/// | `maximumEventGap`      | 0.20 s  | runs separated by shorter gaps are merged                                 |
/// | `minimumSpeechLength`  | 0.20 s  | shorter speech runs are dropped; speech gaps up to 0.4 s are bridged       |
public struct PerceptionThresholds: Sendable, Hashable, Codable {
    public var blackBrightness = 0.07
    public var whiteBrightness = 0.93
    public var blankContrast = 0.03
    public var darkBrightness = 0.15
    public var brightBrightness = 0.70
    public var stillMotion = 0.004
    public var movingMotion = 0.015
    public var dominantShare = 0.15
    public var cutMinimumDifference = 0.25
    public var cutNeighbourRatio = 3.0
    public var quietCutDifference = 0.08
    public var flashSimilarity = 0.15
    public var gradualMinimumDifference = 0.03
    public var gradualMinimumDuration = 0.2
    public var gradualMaximumDuration = 3.0
    public var gradualPathRatio = 2.5
    public var loudDBFS = -20.0
    public var silentDBFS = -50.0
    public var speechMinimumDBFS = -45.0
    public var speechFlux = 0.20
    public var speechMaximumFlatness = 0.45
    public var minimumEventLength = 0.30
    public var maximumEventGap = 0.20
    public var minimumSpeechLength = 0.20
    public var maximumSpeechGap = 0.40

    /// The documented defaults.
    public init() {}

    /// The documented defaults.
    public static let standard = PerceptionThresholds()
}
