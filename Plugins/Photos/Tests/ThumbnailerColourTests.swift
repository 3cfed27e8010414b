import PhotosPlugin
import RelayMedia
import Testing

/// Photo labels name colours with Relay's one namer (`NamedColor`): pure #FF00FF is magenta, not purple.
@Suite struct ThumbnailerColourTests {
    static func solid(_ r: UInt8, _ g: UInt8, _ b: UInt8, width: Int = 48, height: Int = 32) -> Frame {
        var rgb = [UInt8](repeating: 0, count: width * height * 3)
        for i in 0..<(width * height) { rgb[i * 3] = r; rgb[i * 3 + 1] = g; rgb[i * 3 + 2] = b }
        return Frame(width: width, height: height, time: 0, rgb: rgb)
    }

    @Test(arguments: [
        ((255, 0, 255), "magenta"), ((128, 0, 128), "purple"), ((255, 105, 180), "pink"), ((165, 42, 42), "brown"),
        ((255, 165, 0), "orange"), ((0, 0, 255), "blue"), ((20, 20, 20), "dark"), ((250, 250, 250), "bright"),
        ((128, 128, 128), "grey"),
    ] as [((Int, Int, Int), String)])
    func labelsNameTheColour(rgb: (Int, Int, Int), expected: String) {
        let labels = Thumbnailer.labels(of: Self.solid(UInt8(rgb.0), UInt8(rgb.1), UInt8(rgb.2)))
        #expect(labels == ["landscape", expected])
    }
}
