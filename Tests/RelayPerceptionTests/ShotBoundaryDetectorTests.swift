import RelayMedia
import Testing
import RelayPerception

/// The detector on synthetic frames (25 fps, light noise): what each kind of change becomes.
@Suite struct ShotBoundaryDetectorTests {
    static func boundaries(_ frames: [Frame]) -> [ShotBoundary] {
        var detector = ShotBoundaryDetector()
        var found: [ShotBoundary] = []
        for (i, frame) in frames.enumerated() {
            found += detector.feed(Thumbnail(Synth.noisy(frame, amplitude: 2, seed: UInt64(i))), time: Double(i) / 25)
        }
        return found + detector.finish()
    }

    /// `a` blended into `b` by `t` (0…1).
    static func blend(_ a: Frame, _ b: Frame, _ t: Double) -> Frame {
        var out = a
        for i in 0..<out.rgb.count { out.rgb[i] = UInt8((Double(a.rgb[i]) * (1 - t) + Double(b.rgb[i]) * t).rounded()) }
        return out
    }

    static let left = Synth.box(background: (40, 60, 160), box: (230, 200, 40), x: 10, y: 20, w: 50, h: 60)
    static let right = Synth.box(background: (40, 60, 160), box: (230, 200, 40), x: 100, y: 40, w: 50, h: 60)
    static let red = Synth.box(background: (180, 30, 30), box: (250, 250, 250), x: 60, y: 30, w: 40, h: 40)

    @Test func sameColoursDifferentPlaceIsACut() {
        // Identical colour histograms: only structure tells the shots apart.
        let frames = (0..<40).map { $0 < 20 ? Self.left : Self.right }
        let found = Self.boundaries(frames)
        #expect(found.map(\.kind) == [.cut])
        #expect(found.first?.frameIndex == 20)
    }

    @Test func flashesAndStrobeAreNotCuts() {
        let white = Synth.solid(250, 250, 250, width: 160, height: 120)
        let frames = (0..<80).map { i -> Frame in
            if i == 20 || i == 21 { return white }  // a two-frame camera flash
            if i >= 40 && i < 64 && i % 4 == 0 { return Self.blend(Self.left, white, 0.85) }  // strobe
            return Self.left
        }
        #expect(Self.boundaries(frames).isEmpty)
    }

    @Test func dissolveIsOneTransitionWithItsSpan() {
        // 15 frames of A, a 1 s (25-frame) dissolve, 20 frames of B.
        let frames = (0..<60).map { (i: Int) -> Frame in
            if i < 15 { return Self.left }
            if i >= 40 { return Self.red }
            let mix: Double = Double(i - 14) / 26
            return Self.blend(Self.left, Self.red, mix)
        }
        let found = Self.boundaries(frames)
        #expect(found.map(\.kind) == [.dissolve], "\(found)")
        if let d = found.first {
            #expect(abs(d.start - 15.0 / 25) <= 0.2 && abs(d.end - 39.0 / 25) <= 0.2, "\(d)")
        }
    }

    @Test func fadeThroughBlackIsOneFade() {
        let black = Synth.solid(0, 0, 0, width: 160, height: 120)
        let frames = (0..<75).map { i -> Frame in
            switch i {
            case ..<15: return Self.left
            case ..<30: return Self.blend(Self.left, black, Double(i - 14) / 15)
            case ..<35: return black
            case ..<50: return Self.blend(black, Self.red, Double(i - 34) / 15)
            default: return Self.red
            }
        }
        let found = Self.boundaries(frames)
        #expect(found.map(\.kind) == [.fade], "\(found)")
    }

    @Test func steadyMotionIsNothing() {
        let frames = (0..<60).map { i in Synth.box(background: (40, 60, 160), box: (230, 200, 40), x: i * 2, y: 20, w: 50, h: 60) }
        #expect(Self.boundaries(frames).isEmpty)
    }
}
