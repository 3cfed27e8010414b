import RelayMedia
import Testing

/// Colour names follow the CSS/X11 names people know: pure and mixed colours.
@Suite struct ColorNameTests {
    @Test(arguments: [
        // CSS basic and extended keywords, by the name a person would give them.
        ("magenta #FF00FF", (255, 0, 255), NamedColor.magenta), ("fuchsia-ish #E000E0", (224, 0, 224), .magenta),
        ("purple #800080", (128, 0, 128), .purple), ("dark magenta #8B008B", (139, 0, 139), .purple),
        ("indigo #4B0082", (75, 0, 130), .purple), ("blue violet #8A2BE2", (138, 43, 226), .purple),
        ("dark violet #9400D3", (148, 0, 211), .purple), ("hot pink #FF69B4", (255, 105, 180), .pink),
        ("deep pink #FF1493", (255, 20, 147), .pink), ("pink #FFC0CB", (255, 192, 203), .pink),
        ("violet #EE82EE", (238, 130, 238), .pink), ("red #FF0000", (255, 0, 0), .red),
        ("crimson #DC143C", (220, 20, 60), .red), ("orange #FFA500", (255, 165, 0), .orange),
        ("dark orange #FF8C00", (255, 140, 0), .orange), ("gold #FFD700", (255, 215, 0), .yellow),
        ("yellow #FFFF00", (255, 255, 0), .yellow), ("lime #00FF00", (0, 255, 0), .green),
        ("forest green #228B22", (34, 139, 34), .green), ("teal-ish cyan #00CED1", (0, 206, 209), .cyan),
        ("aqua #00FFFF", (0, 255, 255), .cyan), ("royal blue #4169E1", (65, 105, 225), .blue),
        ("navy #000080", (0, 0, 128), .blue), ("brown #A52A2A", (165, 42, 42), .brown),
        ("saddle brown #8B4513", (139, 69, 19), .brown), ("white #FFFFFF", (255, 255, 255), .white),
        ("silver #C0C0C0", (192, 192, 192), .gray), ("grey #808080", (128, 128, 128), .gray),
        ("black #000000", (0, 0, 0), .black),
    ] as [(String, (Int, Int, Int), NamedColor)])
    func namesCSSColors(name: String, rgb: (Int, Int, Int), expected: NamedColor) {
        #expect(NamedColor.of(red: Double(rgb.0) / 255, green: Double(rgb.1) / 255, blue: Double(rgb.2) / 255) == expected, "\(name)")
        #expect(NamedColor.of(r: UInt8(rgb.0), g: UInt8(rgb.1), b: UInt8(rgb.2)) == expected, "\(name) (table)")
    }

    /// Mixed pixels: magenta and blue average to purple; magenta over white is pink; red and green to olive-yellow.
    @Test func mixedPixelsGetTheNameOfTheirMix() {
        func mix(_ a: (Double, Double, Double), _ b: (Double, Double, Double), _ t: Double) -> NamedColor {
            NamedColor.of(red: a.0 * (1 - t) + b.0 * t, green: a.1 * (1 - t) + b.1 * t, blue: a.2 * (1 - t) + b.2 * t)
        }
        let magenta = (1.0, 0.0, 1.0), blue = (0.0, 0.0, 1.0), white = (1.0, 1.0, 1.0), red = (1.0, 0.0, 0.0)
        #expect(mix(magenta, blue, 0.1) == .magenta)
        #expect(mix(magenta, blue, 0.4) == .purple)
        #expect(mix(magenta, white, 0.6) == .pink)
        #expect(mix(red, (1.0, 1.0, 0.0), 0.5) == .orange)
    }
}
