import Foundation
import RelayTestSupport
import Testing
@testable import RelayMedia

/// Sampling must give exactly the frame a straight decode shows at each time: same time, same pixels.
@Suite struct FrameSamplerTests {
    enum Kind: String, CaseIterable, Sendable { case constant, variable, bFrames, mpeg2TS }

    /// Small H.264 clips with short GOPs (so sampling really seeks), generated once per process.
    static func clip(_ kind: Kind) async throws -> URL { try await clips.value[kind]! }

    private static let clips = Task<[Kind: URL], any Error> {
        let dir = try Fixtures.folder("relay-sampler")
        var urls: [Kind: URL] = [:]
        for kind in Kind.allCases {
            let url = dir.appendingPathComponent("\(kind.rawValue).\(kind == .mpeg2TS ? "ts" : "mp4")")
            switch kind {
            case .mpeg2TS:
                // No index (seeks by binary search on dts), open GOPs with B-frames, 5 s so that jumps exceed the 2 s window.
                try await Fixtures.ffmpeg(["-f", "lavfi", "-i", "testsrc2=size=160x120:rate=25:duration=5", "-c:v", "mpeg2video",
                                          "-q:v", "4", "-g", "12", "-bf", "2", url.path])
            case .constant:
                try await Fixtures.ffmpeg(["-f", "lavfi", "-i", "testsrc2=size=160x120:rate=25:duration=2", "-c:v", "libx264",
                                          "-preset", "ultrafast", "-g", "10", "-bf", "0", "-pix_fmt", "yuv420p", url.path])
            case .bFrames:
                try await Fixtures.ffmpeg(["-f", "lavfi", "-i", "testsrc2=size=160x120:rate=25:duration=2", "-c:v", "libx264",
                                          "-preset", "veryfast", "-g", "12", "-bf", "3", "-pix_fmt", "yuv420p", url.path])
            case .variable:
                // 1 s at 10 fps, then 1 s at 30 fps, then frames spaced by a growing gap: timestamps passed through as they are.
                try await Fixtures.ffmpeg([
                    "-f", "lavfi", "-i", "testsrc2=size=160x120:rate=10:duration=1",
                    "-f", "lavfi", "-i", "testsrc2=size=160x120:rate=30:duration=1",
                    "-f", "lavfi", "-i", "testsrc2=size=160x120:rate=25:duration=0.6",
                    "-filter_complex", "[2:v]setpts='N*N*0.004/TB'[c];[0:v][1:v][c]concat=n=3:v=1[v]", "-map", "[v]",
                    "-fps_mode", "passthrough", "-c:v", "libx264", "-preset", "veryfast", "-g", "8", "-bf", "2",
                    "-pix_fmt", "yuv420p", url.path,
                ])
            }
            urls[kind] = url
        }
        return urls
    }

    private func same(_ a: Frame, _ b: Frame?) -> Bool {
        guard let b else { return false }
        return abs(a.time - b.time) < 1e-9 && a.width == b.width && a.height == b.height && a.rgb == b.rgb
    }

    @Test(arguments: Kind.allCases)
    func timesMatchStraightDecoding(_ kind: Kind) async throws {
        let url = try await Self.clip(kind)
        let straight = try await MediaFixtures.straightFrames(url)
        let duration = try #require(MediaProbe.probe(url).format.duration)
        let interior = straight.dropFirst().prefix(8).map { $0.time }
        // Before the first frame, exactly on frames, between frames, far jumps (seek), near steps (decode forward), the end.
        let cases: [[Double]] = [
            [0, 0.01] + interior + [interior.last! + 0.001],
            [1.7],
            [0.05, 1.33, 1.34, 1.9],
            [0.5, 0.55, 1.2, 1.25, duration - 0.001],
            stride(from: 0.0, to: duration, by: 0.137).map { $0 },
            [0.05, duration * 0.45, duration * 0.9],
        ]
        for times in cases {
            var sampled: [Frame] = []
            for try await frame in FrameSampler.frames(of: url, at: times) { sampled.append(frame) }
            #expect(sampled.count == times.count)
            for (t, frame) in zip(times.sorted(), sampled) {
                let expected = MediaFixtures.displayed(at: t, in: straight)
                #expect(same(frame, expected), "\(kind) at \(t): got \(frame.time), straight decode shows \(expected?.time ?? -1)")
            }
        }
    }

    @Test(arguments: Kind.allCases)
    func indicesMatchStraightDecoding(_ kind: Kind) async throws {
        let url = try await Self.clip(kind)
        let straight = try await MediaFixtures.straightFrames(url)
        let indices = [0, 3, 3, 17, straight.count - 1]
        var sampled: [Frame] = []
        for try await frame in FrameSampler.frames(of: url, indices: indices) { sampled.append(frame) }
        #expect(sampled.map(\.index) == indices.map { Optional($0) })
        for (i, frame) in zip(indices, sampled) { #expect(same(frame, straight[i]), "\(kind) index \(i)") }
    }

    @Test(arguments: Kind.allCases)
    func fpsAndCountMatchStraightDecoding(_ kind: Kind) async throws {
        let url = try await Self.clip(kind)
        let straight = try await MediaFixtures.straightFrames(url, size: FrameSize(width: 80, height: 60))
        let duration = try #require(VideoDecoder(url: url).duration)
        var byRate: [Frame] = []
        for try await frame in FrameSampler.frames(of: url, fps: 3, size: FrameSize(width: 80, height: 60)) { byRate.append(frame) }
        let expectedCount = Int((duration * 3).rounded(.up))
        #expect(byRate.count == expectedCount)
        for (k, frame) in byRate.enumerated() {
            #expect(same(frame, MediaFixtures.displayed(at: Double(k) / 3, in: straight)), "\(kind) fps sample \(k)")
        }
        var uniform: [Frame] = []
        for try await frame in FrameSampler.frames(of: url, count: 7, size: FrameSize(width: 80, height: 60)) { uniform.append(frame) }
        #expect(uniform.count == 7)
        for (i, frame) in uniform.enumerated() {
            #expect(same(frame, MediaFixtures.displayed(at: Double(i) * duration / 7, in: straight)), "\(kind) uniform sample \(i)")
        }
    }

    @Test func badTargetsThrowNamingTheFile() async throws {
        let url = try await Self.clip(.constant)
        for times in [[-1.0], [Double.nan], [99.0]] {
            await #expect(throws: MediaError.self) {
                for try await _ in FrameSampler.frames(of: url, at: times) {}
            }
        }
        do {
            for try await _ in FrameSampler.frames(of: url, indices: [10_000]) {}
            Issue.record("an index past the end must throw")
        } catch let error as MediaError {
            #expect(error.code == .invalidArgument)
            #expect(error.description.contains("constant.mp4"))
        }
        await #expect(throws: MediaError.self) { for try await _ in FrameSampler.frames(of: url, fps: 0) {} }
        await #expect(throws: MediaError.self) { for try await _ in FrameSampler.frames(of: url, count: 0) {} }
    }

    @Test func stoppingEarlyEndsCleanly() async throws {
        let url = try await Self.clip(.constant)
        let task = Task {
            var n = 0
            for try await _ in try VideoDecoder(url: url).frames() {
                n += 1
                if n == 3 { withUnsafeCurrentTask { $0?.cancel() } }
            }
            return n
        }
        let n = try await task.value
        #expect(n == 3)
        var taken = 0
        for try await _ in FrameSampler.frames(of: url, fps: 10) { taken += 1; if taken == 2 { break } }
        #expect(taken == 2)
    }
}

/// Sampling decodes forward to near targets and seeks only for far ones.
@Suite struct SamplingStrategyTests {
    @Test func seeksOnlyForFarTargets() async throws {
        let url = try await FrameSamplerTests.clip(.constant)  // 25 fps, a keyframe every 10 frames (0.4 s)
        let source = try VideoFrameSource(url: url)
        for t in [0.0, 0.1, 0.2, 0.3] { #expect(try source.position(at: t)) }
        #expect(source.seeks == 0)
        #expect(source.decodedFrames <= 9)  // 0.00 … 0.32: the frames up to t plus one look-ahead
        #expect(try source.position(at: 1.7))
        #expect(source.seeks == 1)  // the keyframe at 1.6 lies ahead: one seek skips 1.2 s of decoding
        #expect(source.decodedFrames <= 9 + 5)
        #expect(try source.position(at: 1.8))
        #expect(source.seeks == 1)  // same GOP: forward
        #expect(try source.position(at: 0.5))
        #expect(source.seeks == 2)  // backwards needs a seek
        #expect(abs(source.lastPositionedTime - 0.48) < 1e-9)
    }

    @Test func seekLandingPastTheTargetBacksOff() async throws {
        // MPEG-TS has no index: FFmpeg seeks by a binary search on dts and can land on any packet, so the first
        // picture the decoder can show after the seek (the next keyframe) is often displayed after the target.
        // The sampler must notice, seek earlier, and still give exactly the frame a straight decode shows.
        let url = try Fixtures.folder().appendingPathComponent("bframes.ts")
        try await Fixtures.ffmpeg(["-f", "lavfi", "-i", "testsrc2=size=160x120:rate=25:duration=4", "-c:v", "libx264",
                                  "-preset", "veryfast", "-g", "12", "-bf", "3", "-pix_fmt", "yuv420p", url.path])
        let straight = try await MediaFixtures.straightFrames(url)
        var backoffs = 0
        for t in [2.2, 2.5, 3.3, 3.9] {  // beyond the 2 s forward window: each one seeks
            let source = try VideoFrameSource(url: url)
            let frame = try #require(try source.frame(at: t, size: nil))
            let expected = try #require(MediaFixtures.displayed(at: t, in: straight))
            #expect(frame.time == expected.time && frame.rgb == expected.rgb, "at \(t): got \(frame.time), straight shows \(expected.time)")
            #expect(source.seeks >= 1)
            backoffs += source.backoffs
        }
        #expect(backoffs >= 1)
    }
}
