import Foundation
import Testing
@testable import RelaySpeech
import RelayCore

@Suite struct SynthesisTests {
    @Test func espeakProducesAudioOfPlausibleLength() async throws {
        let speech = try await EspeakSynthesizer(voice: "en-us", wordsPerMinute: 160).synthesize("Setting a timer for ten minutes.")
        #expect(speech.sampleRate == 22_050)
        // Six words at 160 words per minute: about 2.3 s, with espeak-ng's own pauses.
        #expect(speech.duration > 1.2 && speech.duration < 4)
        let peak = speech.samples.map { abs(Int($0)) }.max() ?? 0
        #expect(peak > 3_000)
        let at16k = speech.floatSamples(at: 16_000)
        #expect(abs(Double(at16k.count) / 16_000 - speech.duration) < 0.01)
    }

    @Test func fasterSpeechIsShorter() async throws {
        let slow = try await EspeakSynthesizer(wordsPerMinute: 120).synthesize("turn on the flashlight please")
        let fast = try await EspeakSynthesizer(wordsPerMinute: 240).synthesize("turn on the flashlight please")
        #expect(fast.duration < slow.duration * 0.8)
    }

    @Test func textStartingWithADashIsSpokenNotParsedAsAnOption() async throws {
        let speech = try await EspeakSynthesizer().synthesize("-v is not a voice")
        #expect(speech.duration > 0.5)
    }

    @Test func badInputGivesClearErrors() async throws {
        await #expect(throws: SpeechError.self) { try await EspeakSynthesizer().synthesize("   ") }
        do {
            _ = try await EspeakSynthesizer(executable: "/nonexistent/espeak-ng").synthesize("hello")
            Issue.record("synthesis without espeak-ng succeeded")
        } catch let error as SpeechError {
            #expect(error.description.contains("/nonexistent/espeak-ng"))
            #expect(error.description.contains("apt-get install espeak-ng"))
        }
        await #expect(throws: SpeechError.self) { try await EspeakSynthesizer(voice: "no-such-voice-xx").synthesize("hello") }
    }
}
