import Foundation
import RelayTestSupport
import Testing
@testable import RelayMedia

/// Empty, garbage, truncated and bit-flipped files: a `MediaError` naming the file, or what is decodable with a
/// count of damaged packets. Never a crash, a hang or a leak.
@Suite struct BadInputTests {
    /// What decoding a bad file gave.
    enum Outcome { case threw(MediaError), decoded(frames: Int, damaged: Int) }

    /// Opens and fully decodes the video of `url` (or, for audio-only files, the audio).
    static func decode(_ url: URL) async -> Outcome {
        do {
            let decoder = try VideoDecoder(url: url)
            var frames = 0
            for try await _ in decoder.frames(size: FrameSize(width: 32, height: 24)) { frames += 1 }
            return .decoded(frames: frames, damaged: decoder.damagedPackets)
        } catch let error as MediaError {
            return .threw(error)
        } catch {
            Issue.record("not a MediaError: \(error)")
            return .decoded(frames: -1, damaged: -1)
        }
    }

    /// Deterministic pseudo-random bytes (a fixed LCG), so a failure reproduces.
    static func noise(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
    }

    static func write(_ bytes: [UInt8], _ name: String) throws -> URL {
        let url = try Fixtures.folder().appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    @Test func emptyFileThrowsEverywhere() async throws {
        let url = try Self.write([], "empty.mp4")
        let attempts: [() throws -> Void] = [
            { _ = try MediaProbe.probe(url) }, { _ = try VideoDecoder(url: url) }, { _ = try AudioDecoder(url: url) },
            { _ = try ImageCodec.decode(url) }, { _ = try MediaReader(url: url) },
        ]
        for attempt in attempts {
            do { try attempt(); Issue.record("an empty file must throw") } catch let error as MediaError {
                #expect(error.code == .emptyFile)
                #expect(error.description.contains("empty.mp4"))
            }
        }
        await #expect(throws: MediaError.self) { for try await _ in FrameSampler.frames(of: url, count: 3) {} }
    }

    @Test func missingFileNamesTheFile() async throws {
        do { _ = try MediaProbe.probe(URL(fileURLWithPath: "/nonexistent/clip.mp4")); Issue.record("must throw") } catch let error as MediaError {
            #expect(error.code == .fileNotFound)
            #expect(error.description.hasPrefix("'/nonexistent/clip.mp4': opening failed"))
        }
    }

    @Test(arguments: [1, 2, 3])
    func garbageThrowsNamingTheFile(seed: UInt64) async throws {
        let url = try Self.write(Self.noise(64 * 1024, seed: seed), "garbage-\(seed).mp4")
        switch await Self.decode(url) {
        case .threw(let error):
            #expect(error.description.contains("garbage-\(seed).mp4"))
            #expect(error.cFunction != nil || error.code == .noSuchStream)
        case .decoded(let frames, let damaged):
            #expect(frames == 0 || damaged > 0, "garbage decoded to \(frames) clean frames")
        }
        #expect(throws: MediaError.self) { try MediaProbe.probe(url) }
    }

    @Test(arguments: ["sample.mp4", "sample.ts", "sample.mkv", "sample.avi"])
    func truncatedFileThrowsOrKeepsWhatIsDecodable(_ name: String) async throws {
        let source = try await MediaFixtures.sampleSet().appendingPathComponent(name)
        let bytes = try [UInt8](Data(contentsOf: source))
        let url = try Self.write(Array(bytes.prefix(bytes.count * 6 / 10 + 37)), "truncated-\(name)")
        switch await Self.decode(url) {
        case .threw(let error):
            #expect(error.description.contains("truncated-\(name)"))
        case .decoded(let frames, let damaged):
            #expect(frames > 0 && frames < 50, "\(name): \(frames) frames")
            #expect(damaged > 0, "\(name): a truncated file must report damage")
        }
    }

    @Test func truncatedFastStartMP4KeepsItsFirstFrames() async throws {
        let dir = try Fixtures.folder()
        let whole = dir.appendingPathComponent("fast.mp4")
        try await Fixtures.ffmpeg(["-f", "lavfi", "-i", "testsrc2=size=160x120:rate=25:duration=2", "-c:v", "libx264", "-preset", "ultrafast",
                                  "-g", "10", "-movflags", "+faststart", whole.path])
        let bytes = try [UInt8](Data(contentsOf: whole))
        let url = try Self.write(Array(bytes.prefix(bytes.count / 2)), "half.mp4")
        guard case .decoded(let frames, let damaged) = await Self.decode(url) else {
            Issue.record("a half fast-start MP4 still has its index: it must decode")
            return
        }
        #expect(frames > 5 && frames < 50)
        #expect(damaged > 0)
    }

    @Test(arguments: ["sample.mp4", "sample.ts", "sample.mkv", "sample.webm", "sample.avi", "sample.mov"])
    func bitFlippedFileThrowsOrCountsDamage(_ name: String) async throws {
        let source = try await MediaFixtures.sampleSet().appendingPathComponent(name)
        var bytes = try [UInt8](Data(contentsOf: source))
        // Flip one bit in every 997 bytes past the first 4 KB (headers stay readable, the payload is hit everywhere).
        let flips = Self.noise(bytes.count / 997 + 1, seed: 7)
        var k = 0
        for i in stride(from: 4096, to: bytes.count, by: 997) {
            bytes[i] ^= 1 << (flips[k] % 8)
            k += 1
        }
        let url = try Self.write(bytes, "flipped-\(name)")
        var noticed = false
        switch await Self.decode(url) {
        case .threw(let error):
            #expect(error.description.contains("flipped-\(name)"))
            noticed = true
        case .decoded(_, let damaged):
            noticed = damaged > 0
        }
        let videoNoticed = noticed
        // VP8 (WebM) has no checksum at any layer, so flipped payload bits decode to wrong pixels unnoticed — by
        // FFmpeg's own CLI too. The file as a whole must still report the damage, here through its audio stream.
        do {
            let audio = try AudioDecoder(url: url)
            for try await _ in audio.chunks() {}
            noticed = noticed || audio.damagedPackets > 0
        } catch let error as MediaError {
            #expect(error.description.contains("flipped-\(name)"))
            noticed = true
        }
        #expect(noticed, "\(name): \(k) flipped bits went unnoticed")
        #expect(videoNoticed || name == "sample.webm", "\(name): \(k) flipped bits went unnoticed by the video decoder")
        // Sampling and audio over the same damage must not crash or hang either.
        do { for try await _ in FrameSampler.frames(of: url, fps: 4, size: FrameSize(width: 32, height: 24)) {} } catch is MediaError {}
    }
}
