import Foundation
import RelayKit
import RelayMedia
import Testing

/// Pictures on screens: a renderer decodes each photo once across screenshots and screens, and leaves the tiles of a
/// grid that are scrolled out of view alone.
@Suite struct ScreenPictureTests {
    /// `count` small distinct PNGs in a fresh temporary folder.
    static func photos(_ count: Int) throws -> [String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("relay-screen-pictures-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return try (0..<count).map { i in
            let rgb = [UInt8]((0..<(32 * 24)).flatMap { _ in [UInt8(i * 8), 120, 200] })
            let url = folder.appendingPathComponent("photo-\(i).png")
            try Data(ImageCodec.encodePNG(Frame(width: 32, height: 24, rgb: rgb))).write(to: url)
            return url.path
        }
    }

    @Test func eachPhotoIsDecodedOnceAcrossScreenshotsAndScreens() throws {
        let paths = try Self.photos(30)
        let tiles: [ScreenNode] = paths.map { .image(path: $0, label: $0) }
        let grid = ScreenLayout(nodes: [.grid(tiles, columns: 3)], title: "Photos", width: 1080, height: 2400, context: .init())
        let renderer = try ScreenRenderer()
        let first = try renderer.render(grid)
        let shown = renderer.pictureStatistics.decodes
        // Only the rows in view are decoded: 30 tiles of 120 dp make 10 rows, taller than the screen.
        #expect(shown > 0 && shown < 30, "\(shown) decoded")
        #expect(grid.elements.filter { $0.className.hasSuffix("ImageView") }.count == shown)
        // Again, and again: nothing decoded, the same pixels.
        for _ in 0..<3 { #expect(try renderer.render(grid).rgb == first.rgb) }
        #expect(renderer.pictureStatistics.decodes == shown)
        #expect(renderer.pictureStatistics.fits == shown)
        // Another screen showing one of them larger: fitted again, not decoded again.
        let photo = ScreenLayout(nodes: [.image(path: paths[0], label: "one")], title: "Photo", width: 1080, height: 2400, context: .init())
        let big = try renderer.render(photo)
        #expect(renderer.pictureStatistics.decodes == shown)
        #expect(renderer.pictureStatistics.fits == shown + 1)
        // The picture is drawn (its colour, not the grey tile of a missing file).
        let tile = try #require(photo.elements.first { $0.className.hasSuffix("ImageView") })
        let middle = big.pixel(x: tile.bounds.center.x, y: tile.bounds.center.y)
        let off: [Int] = [Int(middle.r) - 0, Int(middle.g) - 120, Int(middle.b) - 200].map { abs($0) }
        #expect(off.allSatisfy { $0 <= 2 }, "\(middle)")
        // Scrolled to the end, the rest are decoded once each.
        var context = ScreenLayout.Context()
        context.scroll = grid.contentHeight - grid.viewport.height
        let end = ScreenLayout(nodes: [.grid(tiles, columns: 3)], title: "Photos", width: 1080, height: 2400, context: context)
        _ = try renderer.render(end)
        #expect(renderer.pictureStatistics.decodes <= 30)
        #expect(renderer.pictureStatistics.decodes > shown)
    }
}
