import Foundation
import Testing
@testable import RelaySpeech

@Suite struct CalibrationTests {
    @Test func printGaps() async throws {
        let grammar = RecognitionGrammar(
            sentences: ["turn (on | off) [the] {device}", "set a timer for {minutes} minutes", "send a message to {contact} saying {body}"],
            slots: ["device": ["wifi", "bluetooth", "flashlight", "do not disturb"], "minutes": ["one", "two", "five", "ten"], "contact": ["alice", "bob"]],
            freeTextSlots: ["body"])
        let clock = ContinuousClock()
        var start = clock.now
        var cfg = PocketSphinxRecognizer.Configuration(); cfg.extraArguments = ["-logfn": "/tmp/ps.log"]
        let recognizer = try await PocketSphinxRecognizer(configuration: cfg, grammar: grammar)
        print("init", clock.now - start)
        let commands = ["turn on wifi", "turn off the bluetooth", "set a timer for five minutes", "turn on do not disturb", "set a timer for ten minutes", "send a message to bob saying i will be late"]
        for voice in ["en-us", "en-gb+m3", "en-us+f2"] {
            for command in commands {
                let audio = SpeechFixtures.silence(seconds: 0.2) + (try await SpeechFixtures.speak(command, voice: voice)) + SpeechFixtures.silence(seconds: 0.2)
                start = clock.now
                let t = try await recognizer.transcribe(audio, sampleRate: 16000)
                print("IN", voice, command, "->", t.text, t.isInGrammar, String(format: "%.0f %.0f", t.diagnostics?.acousticGapPerFrame ?? -1, t.diagnostics?.worstWordGap ?? -1), t.freeText, clock.now - start)
            }
        }
        for other in ["what is the weather like today", "play some music by the beatles", "i think it is going to rain", "turn on the television please"] {
            let audio = try await SpeechFixtures.speak(other)
            let t = try await recognizer.transcribe(audio, sampleRate: 16000)
            print("OOG-espeak", other, "->", t.text, t.isInGrammar, String(format: "%.0f %.0f", t.diagnostics?.acousticGapPerFrame ?? -1, t.diagnostics?.worstWordGap ?? -1))
        }
        for path in SpeechFixtures.nonCommandRecordings + ["/usr/share/pocketsphinx/test/data/cards/002.wav"] {
            let audio = try await SpeechFixtures.load(path)
            start = clock.now
            let t = try await recognizer.transcribe(audio, sampleRate: 16000)
            print("OOG", (path as NSString).lastPathComponent, "->", t.text, t.isInGrammar, String(format: "%.0f %.0f", t.diagnostics?.acousticGapPerFrame ?? -1, t.diagnostics?.worstWordGap ?? -1), clock.now - start)
        }
        let go = try SpeechFixtures.loadRaw("/usr/share/pocketsphinx/test/data/goforward.raw")
        let t = try await recognizer.transcribe(go, sampleRate: 16000)
        print("OOG goforward ->", t.text, t.isInGrammar, String(format: "%.0f %.0f", t.diagnostics?.acousticGapPerFrame ?? -1, t.diagnostics?.worstWordGap ?? -1))
        for (name, audio) in [("noise", SpeechFixtures.noise(seconds: 1.5, rms: 0.05)), ("silence", SpeechFixtures.silence(seconds: 1))] {
            let t = try await recognizer.transcribe(audio, sampleRate: 16000)
            print("NOISE", name, "->", t.text, t.isInGrammar, t.rejection as Any, String(format: "%.0f %.0f", t.diagnostics?.acousticGapPerFrame ?? -1, t.diagnostics?.worstWordGap ?? -1))
        }
        // Real human in-grammar speech: the cards grammar.
        let cards = try String(contentsOfFile: "/usr/share/pocketsphinx/test/data/cards/cards.gram", encoding: .utf8)
        try await recognizer.setGrammar(.jsgf(cards))
        for n in 1...5 {
            let audio = try await SpeechFixtures.load("/usr/share/pocketsphinx/test/data/cards/00\(n).wav")
            let t = try await recognizer.transcribe(audio, sampleRate: 16000)
            print("CARDS", n, "->", t.text, t.isInGrammar, String(format: "%.0f %.0f", t.diagnostics?.acousticGapPerFrame ?? -1, t.diagnostics?.worstWordGap ?? -1))
        }
    }
}
