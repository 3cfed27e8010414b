import Foundation
import RelayTestSupport
import Testing
@testable import RelayMedia

/// Audio resampling keeps length and level.
@Suite struct AudioDecoderTests {
    /// A 1.5 s 440 Hz sine at amplitude 0.5, stereo at 44.1 kHz (both channels equal) in a WAV file.
    static func sine(_ dir: URL) async throws -> URL {
        let url = dir.appendingPathComponent("sine.wav")
        try await Fixtures.ffmpeg(["-f", "lavfi", "-i", "aevalsrc=0.5*sin(2*PI*440*t)|0.5*sin(2*PI*440*t):s=44100:d=1.5",
                                  "-c:a", "pcm_f32le", url.path])
        return url
    }

    @Test(arguments: [16_000, 8_000, 48_000])
    func lengthAndLevelSurviveResampling(rate: Int) async throws {
        let url = try await Self.sine(Fixtures.folder())
        let chunk = try await AudioDecoder.decodeAll(url, sampleRate: rate)
        #expect(chunk.sampleRate == rate)
        #expect(abs(chunk.samples.count - Int(1.5 * Double(rate))) <= 4, "\(chunk.samples.count) samples")
        // Skip the resampler's ramp at both ends; RMS of a sine of amplitude A is A/√2.
        let body = chunk.samples.dropFirst(rate / 10).dropLast(rate / 10)
        let rms = (body.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(body.count)).squareRoot()
        #expect(abs(rms - 0.5 / 2.0.squareRoot()) < 0.005, "RMS \(rms)")
        #expect(body.allSatisfy { abs($0) <= 0.52 })
    }

    @Test func chunksAreContiguousAndTimed() async throws {
        let url = try await Self.sine(Fixtures.folder())
        let decoder = try AudioDecoder(url: url)
        var chunks: [AudioChunk] = []
        for try await chunk in decoder.chunks(seconds: 0.25) { chunks.append(chunk) }
        #expect(chunks.count == 6)
        #expect(chunks.dropLast().allSatisfy { $0.samples.count == 4_000 })
        for (i, chunk) in chunks.enumerated() { #expect(abs(chunk.startTime - Double(i) * 0.25) < 1e-9) }
        let whole = try await AudioDecoder.decodeAll(url)
        #expect(chunks.flatMap(\.samples) == whole.samples)
        #expect(decoder.damagedPackets == 0)
    }

    @Test func videoFileWithoutAudioSaysSo() async throws {
        let url = try await MediaFixtures.sampleSet().appendingPathComponent("rotated.mp4")
        #expect(throws: MediaError.self) { try AudioDecoder(url: url) }
        do { _ = try AudioDecoder(url: url) } catch let error as MediaError {
            #expect(error.code == .noSuchStream)
            #expect(error.description.contains("rotated.mp4"))
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func mediaReaderStreamsVideoAndAudioInOnePass() async throws {
        let url = try await MediaFixtures.sampleSet().appendingPathComponent("sample.mp4")
        let reader = try MediaReader(url: url)
        #expect(reader.info.streams.count == 2)
        var frames: [Frame] = []
        var samples: [Float] = []
        for try await event in reader.events(videoSize: FrameSize(width: 32, height: 24)) {
            switch event {
            case .video(let frame): frames.append(frame)
            case .audio(let chunk): samples.append(contentsOf: chunk.samples)
            }
        }
        #expect(frames.count == 50)
        #expect(frames.allSatisfy { $0.width == 32 && $0.height == 24 })
        let straight = try await MediaFixtures.straightFrames(url, size: FrameSize(width: 32, height: 24))
        #expect(frames.map(\.rgb) == straight.map(\.rgb))
        let alone = try await AudioDecoder.decodeAll(url)
        #expect(samples == alone.samples)
    }
}
