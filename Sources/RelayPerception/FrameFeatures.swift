public import RelayMedia

/// What perception measures on one frame: light, colour, sharpness, motion and blankness.
///
/// Brightness, colour, motion and the flags come from the frame's 64×36 ``Thumbnail`` (cheap enough for
/// every decoded frame); sharpness needs real pixels and is only measured when asked (sampled frames).
/// See ``PerceptionThresholds`` for the flag thresholds.
public struct FrameFeatures: Sendable, Hashable, Codable {
    /// Presentation time in seconds.
    public var time: Double
    /// Mean Rec. 601 luma, 0 (black) … 1 (white).
    public var brightness: Double
    /// Standard deviation of luma, 0…1 (0 for a uniform frame).
    public var contrast: Double
    /// Mean red, green and blue, 0…1.
    public var meanRed: Double, meanGreen: Double, meanBlue: Double
    /// Mean HSV saturation, 0…1.
    public var saturation: Double
    /// Named colours and the share of the frame each covers, largest first.
    public var colors: [ColorShare]
    /// Mean absolute luma change against the previous frame, 0…1; nil for a first frame.
    public var motion: Double?
    /// Variance of the luma Laplacian (grey levels²) — higher is sharper; nil when not measured.
    public var sharpness: Double?
    /// The frame is (nearly) uniform.
    public var isBlank: Bool
    /// The frame is black.
    public var isBlack: Bool
    /// The frame is white.
    public var isWhite: Bool

    /// Colours covering at least `threshold` of the frame, largest first (at most three).
    public func dominantColors(threshold: Double = PerceptionThresholds.standard.dominantShare) -> [NamedColor] {
        let top = colors.filter { $0.share >= threshold }.prefix(3).map(\.color)
        return top.isEmpty ? colors.prefix(1).map(\.color) : Array(top)
    }

    /// Measures `thumbnail` (of a frame shown at `time`), with motion against `previous` when given.
    public init(
        thumbnail: Thumbnail, time: Double, previous: Thumbnail? = nil,
        thresholds: PerceptionThresholds = .standard
    ) {
        let n = thumbnail.width * thumbnail.height
        var sumY = 0.0, sumY2 = 0.0, sumR = 0.0, sumG = 0.0, sumB = 0.0, sumS = 0.0
        var counts = [Double](repeating: 0, count: NamedColor.allCases.count)
        let px = thumbnail.rgb
        for i in 0..<n {
            let r = px[i * 3], g = px[i * 3 + 1], b = px[i * 3 + 2]
            let y = (0.299 * Double(r) + 0.587 * Double(g) + 0.114 * Double(b)) / 255
            sumY += y; sumY2 += y * y
            sumR += Double(r); sumG += Double(g); sumB += Double(b)
            let mx = max(r, g, b), mn = min(r, g, b)
            if mx > 0 { sumS += Double(mx - mn) / Double(mx) }
            counts[NamedColor.paletteIndex(r: r, g: g, b: b)] += 1
        }
        let count = Double(max(n, 1))
        self.time = time
        brightness = sumY / count
        contrast = max(0, sumY2 / count - brightness * brightness).squareRoot()
        meanRed = sumR / count / 255
        meanGreen = sumG / count / 255
        meanBlue = sumB / count / 255
        saturation = sumS / count
        colors = ColorShare.from(counts: counts)
        sharpness = nil
        isBlank = contrast < thresholds.blankContrast
        isBlack = brightness < thresholds.blackBrightness
        isWhite = brightness > thresholds.whiteBrightness && saturation < 0.1
        if let previous, previous.width == thumbnail.width, previous.height == thumbnail.height {
            var diff = 0.0
            let q = previous.rgb
            for i in 0..<n {
                let a = 0.299 * Double(px[i * 3]) + 0.587 * Double(px[i * 3 + 1]) + 0.114 * Double(px[i * 3 + 2])
                let c = 0.299 * Double(q[i * 3]) + 0.587 * Double(q[i * 3 + 1]) + 0.114 * Double(q[i * 3 + 2])
                diff += abs(a - c)
            }
            motion = diff / count / 255
        } else {
            motion = nil
        }
    }

    /// Variance of the 4-neighbour Laplacian of the frame's luma, in grey levels² (the usual focus measure).
    public static func sharpness(of frame: Frame) -> Double {
        let w = frame.width, h = frame.height
        guard w >= 3, h >= 3, frame.rgb.count >= w * h * 3 else { return 0 }
        var luma = [Float](repeating: 0, count: w * h)
        frame.rgb.withUnsafeBufferPointer { p in
            for i in 0..<(w * h) {
                luma[i] = 0.299 * Float(p[i * 3]) + 0.587 * Float(p[i * 3 + 1]) + 0.114 * Float(p[i * 3 + 2])
            }
        }
        var sum = 0.0, sum2 = 0.0
        for y in 1..<(h - 1) {
            for x in 1..<(w - 1) {
                let i = y * w + x
                let l = Double(luma[i - 1] + luma[i + 1] + luma[i - w] + luma[i + w] - 4 * luma[i])
                sum += l; sum2 += l * l
            }
        }
        let count = Double((w - 2) * (h - 2))
        let mean = sum / count
        return max(0, sum2 / count - mean * mean)
    }
}
