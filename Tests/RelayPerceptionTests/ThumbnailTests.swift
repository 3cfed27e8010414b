import RelayMedia
import Testing
@testable import RelayPerception

/// `Thumbnail` sums each band of rows column by column (it runs on every decoded frame); the cells must be exactly
/// those of averaging each box pixel by pixel, on every shape of frame, or cuts, motion and colours would change.
@Suite struct ThumbnailTests {
    /// A frame of pseudo-random pixels (xorshift, so the test is the same every run).
    static func noise(width: Int, height: Int, seed: UInt64, range: ClosedRange<UInt8> = 0...255) -> Frame {
        var state = seed | 1
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        let rgb = (0..<(width * height * 3)).map { _ -> UInt8 in
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return range.lowerBound + UInt8(state % span)
        }
        return Frame(width: width, height: height, rgb: rgb)
    }

    @Test func cellsEqualPlainBoxAverages() {
        let shapes = [(320, 180), (333, 187), (64, 36), (65, 37), (63, 35), (1, 1), (7, 500), (500, 7), (3, 2), (448, 252), (1280, 720)]
        for (i, (w, h)) in shapes.enumerated() {
            let frame = Self.noise(width: w, height: h, seed: UInt64(i + 1) * 7_919)
            for (cw, ch) in [(64, 36), (16, 9), (1, 1), (5, 3)] {
                let thumbnail = Thumbnail(frame, width: cw, height: ch)
                #expect(thumbnail.rgb == Thumbnail.boxAverage(frame, width: cw, height: ch), "\(w)x\(h) → \(cw)x\(ch)")
                #expect(thumbnail.width == min(cw, w) && thumbnail.height == min(ch, h))
            }
        }
    }

    @Test func extremesAreExact() {
        // All 255 (the largest sums) and all 0, and near-white noise, on a frame whose cells are uneven.
        for frame in [Synth.solid(255, 255, 255, width: 331, height: 190), Synth.solid(0, 0, 0, width: 331, height: 190),
                      Self.noise(width: 331, height: 190, seed: 5, range: 250...255)] {
            let thumbnail = Thumbnail(frame)
            #expect(thumbnail.rgb == Thumbnail.boxAverage(frame))
        }
        #expect(Thumbnail(Synth.solid(255, 255, 255, width: 331, height: 190)).rgb.allSatisfy { $0 == 255 })
    }
}
