import Foundation
import RelayMedia
import RelayTestSupport
@testable import RelaySpeech

/// Audio for the speech tests, made at test time (espeak-ng, sox) or read from Debian's packages.
enum SpeechFixtures {
    /// A fresh folder for one test's files.
    static func temporaryFolder() throws -> URL {
        try Fixtures.folder("relay-speech")
    }

    /// Any audio file sox reads, as 16 kHz mono Float32, with extra sox effects after the conversion.
    static func load(_ path: String, effects: [String] = []) async throws -> [Float] {
        let arguments = [path, "-t", "raw", "-r", "16000", "-c", "1", "-b", "16", "-e", "signed-integer", "-"] + effects
        let run = try await ChildProcess("/usr/bin/sox", arguments).run()
        guard run.succeeded else { throw SpeechError(.badAudio, path: path, operation: "sox", underlying: run.stderrText) }
        return pcm16(run.stdout)
    }

    /// Raw 16 kHz S16LE bytes (e.g. goforward.raw) as Float32.
    static func loadRaw(_ path: String) throws -> [Float] {
        pcm16(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    static func pcm16(_ data: Data) -> [Float] {
        let bytes = [UInt8](data)
        return stride(from: 0, to: bytes.count - 1, by: 2).map {
            SampleConversion.float(Int16(bitPattern: UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8))
        }
    }

    /// `text` spoken by espeak-ng at 16 kHz.
    static func speak(_ text: String, voice: String = "en-us", speed: Int = 160) async throws -> [Float] {
        try await EspeakSynthesizer(voice: voice, wordsPerMinute: speed).synthesize(text).floatSamples(at: 16_000)
    }

    /// Deterministic white noise at `level` (linear RMS).
    static func noise(seconds: Double, rms: Float, seed: UInt64 = 42) -> [Float] {
        var state = seed
        let count = Int(seconds * 16_000)
        let scale = rms * 1.732  // uniform in [-a, a] has RMS a/√3
        return (0 ..< count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return (Float(state >> 40) / Float(1 << 24) * 2 - 1) * scale
        }
    }

    static func silence(seconds: Double) -> [Float] { [Float](repeating: 0, count: Int(seconds * 16_000)) }

    /// A sine tone.
    static func tone(seconds: Double, frequency: Double = 440, amplitude: Float = 0.3) -> [Float] {
        (0 ..< Int(seconds * 16_000)).map { amplitude * Float(sin(2 * Double.pi * frequency * Double($0) / 16_000)) }
    }

    /// Real speech that is not a Relay command (Debian's pocketsphinx-testdata and alsa-utils).
    static let nonCommandRecordings: [String] = {
        let librivox = "/usr/share/pocketsphinx/test/data/librivox/"
        let alsa = "/usr/share/sounds/alsa/"
        return ["0870", "0880", "0890", "0920", "0930"].map { librivox + "sense_and_sensibility_01_austen_64kb-\($0).wav" }
            + ["Front_Center", "Front_Left", "Front_Right", "Rear_Center", "Rear_Left", "Rear_Right", "Side_Left", "Side_Right", "Noise"]
            .map { alsa + $0 + ".wav" }
    }()
}
