import Foundation
import RelayTestSupport
import Testing

@testable import RelayMedia

/// WAV reading and writing, checked against files and raw dumps made by ffmpeg and sox.
@Suite("WAVFile")
final class WAVFileTests {
    /// A fresh temp folder per test, removed afterwards.
    private let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("relay-wav-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Runs a command-line tool and requires it to succeed.
    private func run(_ tool: String, _ arguments: [String]) async throws {
        try await Fixtures.tool("/usr/bin/env", [tool] + arguments)
    }

    private func rawSamples(_ url: URL) throws -> [Int16] {
        ALSATestDevices.samples(of: try Data(contentsOf: url))
    }

    @Test("what WAVFile writes, sox reads back sample for sample (mono and stereo)", arguments: [1, 2])
    func writeReadableBySox(channels: Int) async throws {
        let samples = ALSATestDevices.pattern(count: 1_000 * channels, seed: channels)
        let wav = WAVFile(format: AudioFormat(sampleRate: 16_000, channels: channels), samples: samples)
        let file = folder.appendingPathComponent("out.wav")
        try wav.write(to: file)
        #expect(try Data(contentsOf: file).count == 44 + samples.count * 2)

        let raw = folder.appendingPathComponent("out.raw")
        try await run("sox", [file.path, "-t", "raw", "-e", "signed-integer", "-b", "16", "-L", raw.path])
        #expect(try rawSamples(raw) == samples)

        let back = try WAVFile(contentsOf: file)
        #expect(back == wav)
        #expect(back.duration == 1_000.0 / 16_000)
    }

    @Test("reads ffmpeg's WAV (with a LIST chunk) exactly like ffmpeg's raw dump")
    func readFFmpegWAV() async throws {
        let wav = folder.appendingPathComponent("tone.wav")
        let raw = folder.appendingPathComponent("tone.raw")
        let source = ["-nostdin", "-y", "-f", "lavfi", "-i", "sine=frequency=440:duration=0.3:sample_rate=16000"]
        try await run("ffmpeg", source + ["-c:a", "pcm_s16le", wav.path])
        try await run("ffmpeg", source + ["-f", "s16le", "-c:a", "pcm_s16le", raw.path])

        let file = try WAVFile(contentsOf: wav)
        #expect(file.format == AudioFormat(sampleRate: 16_000, channels: 1))
        #expect(file.samples == (try rawSamples(raw)))
        #expect(file.frameCount == 4_800)
        #expect(!file.isTruncated)
    }

    @Test("reads sox's WAVE_FORMAT_EXTENSIBLE (3 channels) and averages channels for the mono chunk")
    func readExtensible() async throws {
        let wav = folder.appendingPathComponent("three.wav")
        let raw = folder.appendingPathComponent("three.raw")
        try await run("sox", ["-n", "-r", "8000", "-c", "3", "-b", "16", "-e", "signed-integer", wav.path, "synth", "0.1", "sine", "300", "sine", "500", "noise"])
        try await run("sox", [wav.path, "-t", "raw", "-e", "signed-integer", "-b", "16", "-L", raw.path])
        let header = [UInt8](try Data(contentsOf: wav).prefix(22))
        #expect(header[20] == 0xFE && header[21] == 0xFF, "sox did not write WAVE_FORMAT_EXTENSIBLE; the test needs it")

        let file = try WAVFile(contentsOf: wav)
        let expected = try rawSamples(raw)
        #expect(file.format == AudioFormat(sampleRate: 8_000, channels: 3))
        #expect(file.samples == expected)
        let mono = file.monoChunk
        #expect(mono.samples.count == 800)
        let first = (Float(expected[0]) + Float(expected[1]) + Float(expected[2])) / 3 / 32_768
        #expect(abs(mono.samples[0] - first) < 1e-6)
    }

    @Test("a file cut short yields its whole frames and says it was truncated")
    func truncated() async throws {
        let samples = ALSATestDevices.pattern(count: 600)
        var data = try WAVFile(format: AudioFormat(sampleRate: 16_000, channels: 2), samples: samples).wavData()
        data.removeLast(101)  // 25 frames of 4 bytes, and one byte of the 26th
        let file = try WAVFile(wavData: data)
        #expect(file.isTruncated)
        #expect(file.samples == Array(samples.prefix(600 - 26 * 2)))
    }

    @Test("headerless raw S16 reads in the given format")
    func raw() async throws {
        let samples = ALSATestDevices.pattern(count: 321)
        let url = folder.appendingPathComponent("speech.raw")
        try ALSATestDevices.bytes(of: samples).write(to: url)
        let mono = try WAVFile(rawContentsOf: url)
        #expect(mono.samples == samples)
        #expect(mono.format == .speech)
        #expect(!mono.isTruncated)
        let stereo = try WAVFile(rawContentsOf: url, format: AudioFormat(sampleRate: 8_000, channels: 2))
        #expect(stereo.samples == Array(samples.prefix(320)))
        #expect(stereo.isTruncated)
    }

    @Test("a Float chunk is written as clamped S16")
    func fromChunk() async throws {
        let wav = WAVFile(chunk: AudioChunk(sampleRate: 22_050, startTime: 3, samples: [0, 0.5, -2, 2]))
        #expect(wav.format == AudioFormat(sampleRate: 22_050, channels: 1))
        #expect(wav.samples == [0, 16_384, -32_768, 32_767])
    }

    @Test("float WAV is refused with a hint, naming the file")
    func floatWAV() async throws {
        let wav = folder.appendingPathComponent("float.wav")
        try await run("ffmpeg", ["-nostdin", "-y", "-f", "lavfi", "-i", "sine=duration=0.1", "-c:a", "pcm_f32le", wav.path])
        let error = #expect(throws: MediaError.self) { _ = try WAVFile(contentsOf: wav) }
        #expect(error?.code == .unsupportedCodec)
        #expect(error?.path == wav.path)
        #expect(error?.underlying?.contains("float") == true)
        #expect(error?.hint?.contains("AudioDecoder") == true)
    }

    @Test("bad input throws the right MediaError, naming the file")
    func badInput() async throws {
        let missing = folder.appendingPathComponent("missing.wav")
        #expect(throws: MediaError.self) { _ = try WAVFile(contentsOf: missing) }
        #expect((try? WAVFile(contentsOf: missing)) == nil)
        do {
            _ = try WAVFile(contentsOf: missing)
        } catch let error as MediaError {
            #expect(error.code == .fileNotFound)
            #expect(error.path == missing.path)
        }

        let cases: [(name: String, bytes: [UInt8], code: MediaError.Code)] = [
            ("empty.wav", [], .emptyFile),
            ("text.wav", Array("hello, this is not audio at all".utf8), .openFailed),
            ("riff-only.wav", Array("RIFF\u{0}\u{0}\u{0}\u{0}WAVE".utf8), .openFailed),
            ("fmt-no-data.wav", Array(try WAVFile(format: .speech, samples: []).wavData().prefix(36)), .openFailed),
            ("short-fmt.wav", Array("RIFF\u{0}\u{0}\u{0}\u{0}WAVEfmt \u{4}\u{0}\u{0}\u{0}\u{1}\u{0}\u{1}\u{0}".utf8), .openFailed),
        ]
        for item in cases {
            let url = folder.appendingPathComponent(item.name)
            try Data(item.bytes).write(to: url)
            let error = #expect(throws: MediaError.self, "\(item.name)") { _ = try WAVFile(contentsOf: url) }
            #expect(error?.code == item.code, "\(item.name): \(String(describing: error))")
            #expect(error?.description.contains(url.path) == true)
        }
    }

    @Test("bit-flipped headers never crash: they parse or throw")
    func bitFlips() async throws {
        let data = try WAVFile(format: AudioFormat(sampleRate: 16_000, channels: 2), samples: ALSATestDevices.pattern(count: 64)).wavData()
        var parsed = 0
        var refused = 0
        for byte in 0..<44 {
            for bit in 0..<8 {
                var damaged = data
                damaged[byte] ^= UInt8(1 << bit)
                if (try? WAVFile(wavData: damaged)) != nil { parsed += 1 } else { refused += 1 }
            }
        }
        #expect(parsed + refused == 44 * 8)
        #expect(refused > 0)
    }
}
