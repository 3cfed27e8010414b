public import RelayMedia
/// How much of a picture one named colour covers.
public struct ColorShare: Sendable, Hashable, Codable {
    /// The colour.
    public var color: NamedColor
    /// Fraction of the picture's pixels, 0…1.
    public var share: Double

    /// Creates a share.
    public init(color: NamedColor, share: Double) {
        self.color = color
        self.share = share
    }

    /// Shares from per-palette-index pixel counts, largest first (ties in palette order), zero shares left out.
    public static func from(counts: [Double]) -> [ColorShare] {
        let total = counts.reduce(0, +)
        guard total > 0 else { return [] }
        return zip(NamedColor.allCases, counts)
            .filter { $0.1 > 0 }
            .map { ColorShare(color: $0.0, share: $0.1 / total) }
            .sorted { $0.share != $1.share ? $0.share > $1.share : $0.color < $1.color }
    }
}
