import Foundation
import RelayTestSupport
import Testing
@testable import RelayMedia

/// A file tagged with a 90° display rotation decodes to portrait, turned the way the ffmpeg CLI turns it.
@Suite struct RotationTests {
    @Test func rotatedFileDecodesToPortraitLikeFFmpeg() async throws {
        let url = try await MediaFixtures.sampleSet().appendingPathComponent("rotated.mp4")
        let info = try MediaProbe.probe(url)
        #expect(info.videoStream?.rotation == 90)
        #expect(info.videoStream?.width == 320 && info.videoStream?.height == 240)
        let decoder = try VideoDecoder(url: url)
        #expect(decoder.displayWidth == 240 && decoder.displayHeight == 320)
        var first: Frame?
        for try await frame in decoder.frames() { first = frame; break }
        let frame = try #require(first)
        #expect(frame.width == 240 && frame.height == 320)
        // ffmpeg autorotates by default: its first frame as raw RGB is the reference.
        let reference = try await MediaFixtures.run("/usr/bin/ffmpeg", ["-nostdin", "-v", "error", "-i", url.path, "-frames:v", "1",
                                                                  "-f", "rawvideo", "-pix_fmt", "rgb24", "-"])
        #expect(reference.count == frame.rgb.count)
        let meanError = zip(reference, frame.rgb).reduce(0) { $0 + abs(Int($1.0) - Int($1.1)) } / max(1, frame.rgb.count)
        #expect(meanError < 4, "mean absolute difference \(meanError) from ffmpeg's autorotated frame")
        // The upright picture compared the other way round would differ a lot: the test can tell orientations apart.
        let upsideDown = PictureConverter.rotate(frame.rgb, width: 240, height: 320, clockwise: 180)
        let wrong = zip(reference, upsideDown).reduce(0) { $0 + abs(Int($1.0) - Int($1.1)) } / max(1, frame.rgb.count)
        #expect(wrong > 20)
    }

    @Test func sizeIsInDisplayOrientation() async throws {
        let url = try await MediaFixtures.sampleSet().appendingPathComponent("rotated.mp4")
        var frames: [Frame] = []
        for try await frame in FrameSampler.frames(of: url, at: [0.5], size: FrameSize(width: 60, height: 80)) { frames.append(frame) }
        #expect(frames.map { [$0.width, $0.height] } == [[60, 80]])
        let still = try ImageCodec.decode(url)
        #expect(still.width == 240 && still.height == 320)
    }

    @Test(arguments: [(90.0, 270), (-90.0, 90), (180.0, 180), (-180.0, 180), (0.0, 0), (45.0, 0)])
    func displayMatrixAnglesMapToFFmpegTurns(_ angle: Double, _ turn: Int) {
        #expect(PictureConverter.clockwiseTurn(fromDisplayRotation: angle) == turn)
    }

    @Test func quarterTurnsMovePixelsWhereExpected() {
        // 2x1 picture: red, green. Clockwise 90 makes it 1x2 with red on top.
        let rgb: [UInt8] = [255, 0, 0, 0, 255, 0]
        #expect(PictureConverter.rotate(rgb, width: 2, height: 1, clockwise: 90) == [255, 0, 0, 0, 255, 0])
        #expect(PictureConverter.rotate(rgb, width: 2, height: 1, clockwise: 270) == [0, 255, 0, 255, 0, 0])
        #expect(PictureConverter.rotate(rgb, width: 2, height: 1, clockwise: 180) == [0, 255, 0, 255, 0, 0])
    }
}
