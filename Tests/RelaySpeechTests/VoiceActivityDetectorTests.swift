import Foundation
import RelayMedia
import RelayTestSupport
import Testing
@testable import RelaySpeech

@Suite struct VoiceActivityDetectorTests {
    /// Runs the detector over `samples` in chunks of `chunk` samples.
    private func detect(_ samples: [Float], chunk: Int = 1_600, configuration: VoiceActivityDetector.Configuration = .init())
        -> [VoiceActivityEvent] {
        var detector = VoiceActivityDetector(configuration: configuration)
        var events: [VoiceActivityEvent] = []
        var start = 0
        while start < samples.count {
            let end = min(samples.count, start + chunk)
            events += detector.process(Array(samples[start ..< end]))
            start = end
        }
        return events + detector.finish()
    }

    private func utterances(_ events: [VoiceActivityEvent]) -> [Utterance] {
        events.compactMap { if case .speechEnd(let utterance) = $0 { utterance } else { nil } }
    }

    @Test func toneBetweenSilencesStartsAndEndsWithin50ms() throws {
        var audio = SpeechFixtures.noise(seconds: 1, rms: 0.001)
        audio += SpeechFixtures.tone(seconds: 1)
        audio += SpeechFixtures.noise(seconds: 1, rms: 0.001, seed: 7)
        let events = detect(audio)
        #expect(events.count == 2)
        guard case .speechStart(let start) = try #require(events.first) else {
            Issue.record("first event is not a start: \(events)")
            return
        }
        #expect(abs(start - 1.0) < 0.05)
        let utterance = try #require(utterances(events).first)
        #expect(abs(utterance.startTime - 1.0) < 0.05)
        #expect(abs(utterance.endTime - 2.0) < 0.05)
        #expect(utterance.endReason == .silence)
        // Pre-roll of 200 ms before the start, hangover of 300 ms after the end.
        #expect(abs(utterance.audioStartTime - 0.8) < 0.03)
        let seconds: Double = Double(utterance.samples.count) / 16_000
        #expect(abs(seconds - 1.5) < 0.05)
    }

    @Test func pauseShorterThanHangoverKeepsOneUtterance() {
        let quiet = { (seconds: Double) in SpeechFixtures.noise(seconds: seconds, rms: 0.001) }
        let short = quiet(0.5) + SpeechFixtures.tone(seconds: 0.5) + quiet(0.2) + SpeechFixtures.tone(seconds: 0.5) + quiet(0.6)
        #expect(utterances(detect(short)).count == 1)
        let long = quiet(0.5) + SpeechFixtures.tone(seconds: 0.5) + quiet(0.5) + SpeechFixtures.tone(seconds: 0.5) + quiet(0.6)
        let split = utterances(detect(long))
        #expect(split.count == 2)
        #expect(split.map(\.endReason) == [.silence, .silence])
    }

    @Test func longSpeechIsCutAtTheMaximumLength() {
        var configuration = VoiceActivityDetector.Configuration()
        configuration.maximumUtterance = 1.5
        let audio = SpeechFixtures.noise(seconds: 0.5, rms: 0.001) + SpeechFixtures.tone(seconds: 4)
            + SpeechFixtures.noise(seconds: 0.6, rms: 0.001)
        let found = utterances(detect(audio, configuration: configuration))
        #expect(found.count == 3)
        #expect(found.map(\.endReason) == [.maximumLength, .maximumLength, .silence])
        #expect(found.allSatisfy { $0.duration <= 1.5 + 0.011 })
        if found.count == 3 {
            #expect(abs(found[0].startTime - 0.5) < 0.05)
            #expect(abs(found[2].endTime - 4.5) < 0.05)
        }
    }

    @Test func clickShorterThanMinimumSpeechIsIgnored() {
        let audio = SpeechFixtures.noise(seconds: 0.5, rms: 0.001) + SpeechFixtures.tone(seconds: 0.05)
            + SpeechFixtures.noise(seconds: 1, rms: 0.001)
        #expect(detect(audio).isEmpty)
    }

    @Test func silenceAndSteadyNoiseGiveNothing() {
        #expect(detect(SpeechFixtures.silence(seconds: 2)).isEmpty)
        #expect(detect(SpeechFixtures.noise(seconds: 3, rms: 0.05)).isEmpty)
    }

    @Test func toneInNoiseIsFoundAboveTheAdaptiveFloor() throws {
        let noise = SpeechFixtures.noise(seconds: 3, rms: 0.02)
        var audio = noise
        let tone = SpeechFixtures.tone(seconds: 1, amplitude: 0.3)
        for index in tone.indices { audio[16_000 + index] += tone[index] }
        let found = utterances(detect(audio))
        #expect(found.count == 1)
        let utterance = try #require(found.first)
        #expect(abs(utterance.startTime - 1.0) < 0.05)
        #expect(abs(utterance.endTime - 2.0) < 0.05)
    }

    @Test func chunkSizeDoesNotChangeTheResult() {
        let audio = SpeechFixtures.noise(seconds: 0.7, rms: 0.001) + SpeechFixtures.tone(seconds: 0.8)
            + SpeechFixtures.noise(seconds: 0.7, rms: 0.001)
        let reference = detect(audio, chunk: 160)
        #expect(reference.count == 2)
        for chunk in [1, 333, 4_096, audio.count] { #expect(detect(audio, chunk: chunk) == reference) }
    }

    @Test func speechRunningIntoTheEndOfTheStreamIsReported() throws {
        let audio = SpeechFixtures.noise(seconds: 0.5, rms: 0.001) + SpeechFixtures.tone(seconds: 0.6)
        let found = utterances(detect(audio))
        #expect(found.map(\.endReason) == [.endOfStream])
    }

    @Test func espeakCommandPaddedWithSilenceAndNoiseBySox() async throws {
        let folder = try SpeechFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let speech = folder.appendingPathComponent("speech.wav").path
        let padded = folder.appendingPathComponent("padded.wav").path
        let noise = folder.appendingPathComponent("noise.wav").path
        let mixed = folder.appendingPathComponent("mixed.wav").path
        try await Fixtures.tool("/usr/bin/espeak-ng", ["-v", "en-us", "-s", "160", "-w", speech, "set a timer for ten minutes"])
        try await Fixtures.tool("/usr/bin/sox", [speech, "-r", "16000", "-c", "1", "-b", "16", padded, "pad", "1", "1.5"])
        let clean = try await SpeechFixtures.load(padded)
        try await Fixtures.tool("/usr/bin/sox", [
            "-R", "-n", "-r", "16000", "-c", "1", "-b", "16", noise, "synth", String(Double(clean.count) / 16_000), "pinknoise", "vol", "0.01",
        ])
        try await Fixtures.tool("/usr/bin/sox", ["-m", padded, noise, mixed])
        let noisy = try await SpeechFixtures.load(mixed)

        // Where the speech really is: the first and last sample of espeak's output above -40 dBFS.
        let loud = clean.indices.filter { abs(clean[$0]) > 0.01 }
        let speechStart = Double(try #require(loud.first)) / 16_000
        let speechEnd = Double(try #require(loud.last)) / 16_000
        for (audio, tolerance) in [(clean, 0.05), (noisy, 0.1)] {
            let found = utterances(detect(audio))
            // espeak-ng pauses less than the hangover between words: one utterance.
            #expect(found.count == 1)
            let utterance = try #require(found.first)
            // In noise the quiet "s" of "set" and the fading "s" of "minutes" may fall under the threshold.
            #expect(abs(utterance.startTime - speechStart) < tolerance, "start \(utterance.startTime), speech from \(speechStart)")
            #expect(abs(utterance.endTime - speechEnd) < tolerance * 2, "end \(utterance.endTime), speech to \(speechEnd)")
        }
    }

    @Test func asyncStreamOfChunksYieldsTheSameEvents() async throws {
        let audio = SpeechFixtures.noise(seconds: 1, rms: 0.001) + SpeechFixtures.tone(seconds: 1)
            + SpeechFixtures.noise(seconds: 1, rms: 0.001)
        let chunks = stride(from: 0, to: audio.count, by: 1_600).map {
            AudioChunk(sampleRate: 16_000, startTime: 10 + Double($0) / 16_000, samples: Array(audio[$0 ..< min(audio.count, $0 + 1_600)]))
        }
        let source = AsyncStream<AudioChunk> { continuation in
            for chunk in chunks { continuation.yield(chunk) }
            continuation.finish()
        }
        var events: [VoiceActivityEvent] = []
        for try await event in source.voiceActivity() { events.append(event) }
        #expect(events.count == 2)
        guard case .speechStart(let start) = try #require(events.first) else { return }
        // Times are on the stream's clock, which started at 10 s.
        #expect(abs(start - 11.0) < 0.05)
    }

    @Test func chunksAtTheWrongRateEndTheStreamWithAnError() async throws {
        let source = AsyncStream<AudioChunk> { continuation in
            continuation.yield(AudioChunk(sampleRate: 44_100, startTime: 0, samples: [0, 0, 0]))
            continuation.finish()
        }
        await #expect(throws: SpeechError.self) {
            for try await _ in source.voiceActivity() {}
        }
    }
}
