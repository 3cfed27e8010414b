import Foundation
import RelayTestSupport
import Testing
@testable import RelayMedia

/// Still images decode through the same API; JPEG and PNG encoding round-trip.
@Suite struct ImageCodecTests {
    /// A smooth 64x48 gradient (JPEG-friendly) with a hard red square.
    static func picture() -> Frame {
        var rgb: [UInt8] = []
        for y in 0..<48 {
            for x in 0..<64 {
                let inSquare = (20..<36).contains(x) && (10..<26).contains(y)
                rgb += inSquare ? [220, 20, 30] : [UInt8(x * 4), UInt8(y * 5), 128]
            }
        }
        return Frame(width: 64, height: 48, rgb: rgb)
    }

    @Test func pngRoundTripIsLossless() async throws {
        let dir = try Fixtures.folder()
        let url = dir.appendingPathComponent("p.png")
        let bytes = try ImageCodec.encodePNG(Self.picture())
        #expect(Array(bytes.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
        try Data(bytes).write(to: url)
        let back = try ImageCodec.decode(url)
        #expect(back.width == 64 && back.height == 48)
        #expect(back.rgb == Self.picture().rgb)
        let probed = try MediaProbe.probe(url)
        #expect(probed.videoStream?.codecName == "png" && probed.videoStream?.pixFmt == "rgb24")
    }

    @Test func jpegRoundTripIsClose() async throws {
        let dir = try Fixtures.folder()
        let url = dir.appendingPathComponent("p.jpg")
        let high = try ImageCodec.encodeJPEG(Self.picture(), quality: 95)
        let low = try ImageCodec.encodeJPEG(Self.picture(), quality: 10)
        #expect(Array(high.prefix(2)) == [0xFF, 0xD8])
        #expect(low.count < high.count)
        try Data(high).write(to: url)
        let back = try ImageCodec.decode(url)
        #expect(back.width == 64 && back.height == 48)
        let error = zip(back.rgb, Self.picture().rgb).reduce(0) { $0 + abs(Int($1.0) - Int($1.1)) } / back.rgb.count
        #expect(error < 6, "mean error \(error)")
        let center = back.pixel(x: 28, y: 18)
        #expect(center.r > 180 && center.g < 70 && center.b < 80)
        #expect(try MediaProbe.probe(url).videoStream?.pixFmt == "yuvj420p")
        #expect(throws: MediaError.self) { try ImageCodec.encodeJPEG(Self.picture(), quality: 0) }
    }

    @Test(arguments: ["sample.png", "sample.jpg", "sample.gif"])
    func stillsDecodeThroughVideoDecoderToo(_ name: String) async throws {
        let url = try await MediaFixtures.sampleSet().appendingPathComponent(name)
        let image = try ImageCodec.decode(url)
        var frames: [Frame] = []
        for try await frame in try VideoDecoder(url: url).frames() { frames.append(frame) }
        let first = try #require(frames.first)
        #expect(first.rgb == image.rgb)
        if name != "sample.gif" { #expect(frames.count == 1) } else { #expect(frames.count == 10) }
    }

    @Test(arguments: ["webp", "bmp"])
    func otherStillFormatsDecode(_ ext: String) async throws {
        let url = try Fixtures.folder().appendingPathComponent("still.\(ext)")
        try await Fixtures.ffmpeg(["-f", "lavfi", "-i", "testsrc2=size=96x64:rate=1", "-frames:v", "1", url.path])
        let frame = try ImageCodec.decode(url)
        #expect(frame.width == 96 && frame.height == 64)
    }

    @Test func resizeIsBicubicAndChecked() async throws {
        let big = try Self.picture().resized(to: FrameSize(width: 128, height: 96))
        #expect(big.width == 128 && big.height == 96)
        let square = big.pixel(x: 56, y: 36)
        #expect(square.r > 180 && square.g < 70)
        #expect(throws: MediaError.self) { try Self.picture().resized(to: FrameSize(width: 0, height: 10)) }
        #expect(FrameSize(parsing: "448x252") == FrameSize(width: 448, height: 252))
        #expect(FrameSize(parsing: "448") == nil && FrameSize(parsing: "-1x2") == nil)
    }

    @Test func decodedPicturesKeepThePlanes() async throws {
        let url = try await MediaFixtures.sampleSet().appendingPathComponent("sample.mp4")
        var pictures: [DecodedPicture] = []
        for try await picture in try VideoDecoder(url: url).pictures() { pictures.append(picture); if pictures.count == 2 { break } }
        let first = try #require(pictures.first)
        #expect(first.pixelFormat == "yuv420p")
        #expect(first.planes.count == 3 && first.strides.count == 3)
        #expect(first.planes[0].count >= 320 * 240 && first.strides[0] >= 320)
        #expect(first.planes[1].count >= 160 * 120)
        #expect(abs(pictures[1].time - 0.04) < 1e-9)
    }
}
