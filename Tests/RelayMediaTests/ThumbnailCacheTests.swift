import Foundation
import RelayTestSupport
import Testing
@testable import RelayMedia

/// The renderer's picture cache: a photo is decoded once however many screens and sizes show it, a rewritten file is
/// a new picture, and past its budget the least recently used pictures are dropped (and decoded again when needed).
@Suite struct ThumbnailCacheTests {
    /// A `width`×`height` PNG of a gradient tinted by `tint`, written into `folder`.
    static func picture(_ name: String, in folder: URL, width: Int = 64, height: Int = 48, tint: UInt8 = 0) throws -> String {
        var rgb = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            for x in 0..<width {
                let i = (y * width + x) * 3
                rgb[i] = UInt8(x * 255 / max(1, width - 1)); rgb[i + 1] = UInt8(y * 255 / max(1, height - 1)); rgb[i + 2] = tint
            }
        }
        let url = folder.appendingPathComponent(name)
        try Data(ImageCodec.encodePNG(Frame(width: width, height: height, rgb: rgb))).write(to: url)
        return url.path
    }

    @Test func aPictureIsDecodedOnceAndFittedOncePerSize() throws {
        let folder = try Fixtures.folder()
        let path = try Self.picture("a.png", in: folder)
        var cache = ThumbnailCache()
        let firstFound = cache.picture(at: path, fitting: FrameSize(width: 30, height: 30))
        let first = try #require(firstFound)
        #expect(first.width == 30 && first.height == 30)
        for _ in 0..<5 {
            let again = cache.picture(at: path, fitting: FrameSize(width: 30, height: 30))
            #expect(again == first)
        }
        // Another size (the photo's own screen after the grid): fitted again from the kept decoded picture.
        let wideFound = cache.picture(at: path, fitting: FrameSize(width: 90, height: 40))
        let wide = try #require(wideFound)
        #expect(wide.width == 90 && wide.height == 40)
        #expect(cache.statistics.decodes == 1)
        #expect(cache.statistics.fits == 2)
        #expect(cache.statistics.hits == 6)
        #expect(cache.statistics.entries == 3)  // the decoded picture and two fitted ones
        #expect(cache.statistics.bytes == 64 * 48 * 3 + 30 * 30 * 3 + 90 * 40 * 3)
    }

    @Test func fittingIsTheCentreCropScaledToTheSize() throws {
        let folder = try Fixtures.folder()
        let path = try Self.picture("b.png", in: folder, width: 64, height: 48)
        var cache = ThumbnailCache()
        let squareFound = cache.picture(at: path, fitting: FrameSize(width: 48, height: 48))
        let square = try #require(squareFound)
        // The 48×48 middle of a 64×48 gradient: red runs from column 8's value to column 55's, green top to bottom.
        let left = square.pixel(x: 0, y: 24), right = square.pixel(x: 47, y: 24)
        #expect(abs(Int(left.r) - 8 * 255 / 63) <= 2 && abs(Int(right.r) - 55 * 255 / 63) <= 2, "\(left) … \(right)")
        #expect(square.pixel(x: 24, y: 0).g < 5 && square.pixel(x: 24, y: 47).g > 250)
        // Drawn on a screen, it is copied as it is, clipped to the canvas.
        var blitted = Canvas(width: 50, height: 100, color: .white)
        blitted.draw(square, at: (10, 20))
        #expect(blitted.pixel(x: 10, y: 20) == RGBColor(square.pixel(x: 0, y: 0).r, square.pixel(x: 0, y: 0).g, square.pixel(x: 0, y: 0).b))
        #expect(blitted.pixel(x: 49, y: 67) == RGBColor(square.pixel(x: 39, y: 47).r, square.pixel(x: 39, y: 47).g, square.pixel(x: 39, y: 47).b))
        #expect(blitted.pixel(x: 9, y: 20) == .white && blitted.pixel(x: 10, y: 19) == .white && blitted.pixel(x: 10, y: 68) == .white)
    }

    @Test func aRewrittenFileIsANewPicture() throws {
        let folder = try Fixtures.folder()
        let path = try Self.picture("c.png", in: folder, tint: 0)
        var cache = ThumbnailCache()
        let size = FrameSize(width: 20, height: 20)
        let beforeFound = cache.picture(at: path, fitting: size)
        let before = try #require(beforeFound)
        // Same path, new content (and a later modification time).
        let url = URL(fileURLWithPath: path)
        try FileManager.default.removeItem(at: url)
        _ = try Self.picture("c.png", in: folder, tint: 200)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(5)], ofItemAtPath: path)
        let afterFound = cache.picture(at: path, fitting: size)
        let after = try #require(afterFound)
        #expect(before.pixel(x: 10, y: 10).b == 0 && after.pixel(x: 10, y: 10).b == 200)
        #expect(cache.statistics.decodes == 2)
    }

    @Test func pastItsBudgetTheLeastRecentlyUsedPicturesAreDroppedAndFreed() throws {
        let folder = try Fixtures.folder()
        let paths = try (0..<4).map { try Self.picture("p\($0).png", in: folder, width: 40, height: 40) }
        let size = FrameSize(width: 40, height: 40), each = 40 * 40 * 3
        // Room for three pictures: each photo costs two (decoded + fitted).
        var cache = ThumbnailCache(capacityBytes: 3 * each)
        for path in paths {
            let found = cache.picture(at: path, fitting: size)
            #expect(found != nil)
        }
        #expect(cache.statistics.decodes == 4)
        #expect(cache.statistics.bytes <= 3 * each)
        #expect(cache.statistics.entries == 3)
        #expect(cache.statistics.evictions == 5)  // 8 stored, 3 kept
        // The newest is still there; the first was dropped, so it is decoded again.
        let newest = cache.picture(at: paths[3], fitting: size)
        #expect(newest != nil)
        #expect(cache.statistics.decodes == 4)
        let oldest = cache.picture(at: paths[0], fitting: size)
        #expect(oldest != nil)
        #expect(cache.statistics.decodes == 5)
        #expect(cache.statistics.bytes <= 3 * each)
        // A count limit works the same way.
        var few = ThumbnailCache(capacityEntries: 2)
        for path in paths { _ = few.picture(at: path, fitting: size) }
        #expect(few.statistics.entries == 2 && few.statistics.evictions == 6)
        few.removeAll()
        #expect(few.statistics.entries == 0 && few.statistics.bytes == 0)
    }

    @Test func aFileThatDoesNotDecodeIsTriedOncePerVersion() throws {
        let folder = try Fixtures.folder()
        let broken = folder.appendingPathComponent("broken.jpg")
        try Data("not a picture".utf8).write(to: broken)
        var cache = ThumbnailCache()
        for _ in 0..<3 {
            let found = cache.picture(at: broken.path, fitting: FrameSize(width: 10, height: 10))
            #expect(found == nil)
        }
        #expect(cache.statistics.decodes == 1)
        let missing = cache.picture(at: folder.appendingPathComponent("missing.png").path, fitting: FrameSize(width: 10, height: 10))
        #expect(missing == nil)
        #expect(cache.statistics.decodes == 1)
    }
}
