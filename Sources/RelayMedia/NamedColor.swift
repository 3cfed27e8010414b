/// One of the thirteen colour names Relay uses, decided from a pixel's HSV value: the CSS/X11 basic
/// names people know (red, orange, yellow, green, cyan, blue, purple, magenta, pink, brown, white, gray,
/// black). This is Relay's one colour namer: perception, questions, the HTML report and the Photos
/// plugin's labels all name colours through it.
///
/// The palette is deliberately small: it is what a person says when asked "what colour is it?",
/// and each name covers a wide, fixed region of HSV space so the answer is stable under
/// compression noise. CSS anchors: `#FF00FF` is magenta, `#800080` purple, `#FF69B4` pink, `#A52A2A` brown,
/// `#FFA500` orange. The regions (hue `h` in degrees, saturation `s` and value `v` in 0…1):
///
/// | name    | rule (first match wins)                                          |
/// |---------|------------------------------------------------------------------|
/// | black   | v < 0.20                                                          |
/// | white   | s < 0.15 and v ≥ 0.85                                             |
/// | gray    | s < 0.15                                                          |
/// | brown   | h < 45 or h ≥ 345, s ≥ 0.30, v < 0.70                             |
/// | pink    | (h < 15 or h ≥ 330) and s < 0.55 and v ≥ 0.70, or 320 ≤ h < 345    |
/// | magenta | 290 ≤ h < 320, s ≥ 0.55 and v ≥ 0.70 (bright and vivid)            |
/// | pink    | 290 ≤ h < 320, v ≥ 0.70, s < 0.55 (violet, plum, orchid)            |
/// | red     | h < 15 or h ≥ 345                                                 |
/// | orange  | 15 ≤ h < 45                                                       |
/// | yellow  | 45 ≤ h < 70                                                       |
/// | green   | 70 ≤ h < 165                                                      |
/// | cyan    | 165 ≤ h < 200                                                     |
/// | blue    | 200 ≤ h < 260                                                     |
/// | purple  | 260 ≤ h < 320 otherwise (indigo, dark magenta, CSS purple)         |
public enum NamedColor: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case black, white, gray, red, orange, yellow, green, cyan, blue, purple, magenta, pink, brown

    /// The name of the colour of an 8-bit RGB pixel.
    public static func of(r: UInt8, g: UInt8, b: UInt8) -> NamedColor {
        allCases[paletteIndex(r: r, g: g, b: b)]
    }

    /// Index in ``allCases`` of the colour of an 8-bit RGB pixel (a table lookup, for per-pixel loops).
    @inline(__always)
    public static func paletteIndex(r: UInt8, g: UInt8, b: UInt8) -> Int {
        Int(table[Int(r >> 3) << 10 | Int(g >> 3) << 5 | Int(b >> 3)])
    }

    /// The name of the colour with components in 0…1.
    public static func of(red: Double, green: Double, blue: Double) -> NamedColor {
        let (h, s, v) = hsv(red: red, green: green, blue: blue)
        if v < 0.20 { return .black }
        if s < 0.15 { return v >= 0.85 ? .white : .gray }
        let reddish = h < 15 || h >= 345
        if (h < 45 || h >= 345) && s >= 0.30 && v < 0.70 { return .brown }
        if (reddish && s < 0.55 && v >= 0.70) || (h >= 320 && h < 345) { return .pink }
        if h >= 290 && h < 320 && v >= 0.70 { return s >= 0.55 ? .magenta : .pink }
        switch h {
        case ..<15: return .red
        case ..<45: return .orange
        case ..<70: return .yellow
        case ..<165: return .green
        case ..<200: return .cyan
        case ..<260: return .blue
        case ..<320: return .purple
        default: return .red
        }
    }

    /// Hue in degrees [0, 360), saturation and value in 0…1.
    public static func hsv(red r: Double, green g: Double, blue b: Double) -> (h: Double, s: Double, v: Double) {
        let maxC = max(r, g, b), minC = min(r, g, b), delta = maxC - minC
        let v = maxC
        let s = maxC > 0 ? delta / maxC : 0
        guard delta > 0 else { return (0, s, v) }
        var h: Double
        if maxC == r {
            h = 60 * ((g - b) / delta)
        } else if maxC == g {
            h = 60 * ((b - r) / delta + 2)
        } else {
            h = 60 * ((r - g) / delta + 4)
        }
        if h < 0 { h += 360 }
        if h >= 360 { h -= 360 }
        return (h, s, v)
    }

    /// Whether this is a hue (not black, white or gray).
    public var isChromatic: Bool { self != .black && self != .white && self != .gray }

    /// Index in ``allCases``, for compact per-colour arrays.
    public var index: Int { Self.indices[self] ?? 0 }

    public static func < (lhs: NamedColor, rhs: NamedColor) -> Bool { lhs.index < rhs.index }

    private static let indices: [NamedColor: Int] = Dictionary(
        uniqueKeysWithValues: allCases.enumerated().map { ($0.element, $0.offset) })

    /// Names of a 32×32×32 RGB cube (5 bits per channel, cell centres), so per-pixel lookups cost one load.
    private static let table: [UInt8] = {
        var names = [UInt8](repeating: 2, count: 32 * 32 * 32)
        for r in 0..<32 {
            for g in 0..<32 {
                for b in 0..<32 {
                    let c = { (x: Int) in (Double(x) * 8 + 3.5) / 255 }
                    names[r << 10 | g << 5 | b] = UInt8(of(red: c(r), green: c(g), blue: c(b)).index)
                }
            }
        }
        return names
    }()
}
