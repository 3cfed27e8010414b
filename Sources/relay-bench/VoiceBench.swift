import ArgumentParser
import Foundation
import RelaySpeech

/// `relay-bench voice`: end-of-speech → transcript latency, the recognizer's real-time factor, accuracy and rejection.
///
/// A corpus of spoken commands (and non-commands) is made with espeak-ng in several voices, run through the
/// voice activity detector and the pocketsphinx recognizer as `relay listen --input` would. Latency is measured
/// from the detector's end-of-speech event to the transcript; dispatch is added by the voice loop's own bench.
struct VoiceBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "voice",
        abstract: "End-of-speech to transcript latency and recognizer real-time factor over an espeak-ng corpus.")

    @Option(name: .long, parsing: .upToNextOption, help: "espeak-ng voices to speak the corpus with.")
    var voices: [String] = ["en-us", "en-gb+m3", "en-us+f2"]

    @Option(name: .long, help: "Words per minute of the synthetic speech.")
    var speed = 160

    @Option(name: .long, help: "Mix white noise in at this signal-to-noise ratio in dB (clean when absent).")
    var snr: Double?

    @Flag(name: .long, help: "Print one JSON object instead of text.")
    var json = false

    static let grammar = RecognitionGrammar(
        sentences: [
            "turn (on | off) [the] {setting}",
            "set a timer for {number} minutes",
            "set an alarm for {number} [o'clock]",
            "(show | open) [the] {app}",
            "take a (photo | picture | selfie)",
            "send a message to {contact} saying {body}",
        ],
        slots: [
            "setting": ["wifi", "bluetooth", "flashlight", "do not disturb", "airplane mode"],
            "number": ["one", "two", "three", "five", "seven", "ten", "fifteen", "twenty"],
            "app": ["camera", "photos", "messages", "settings", "clock"],
            "contact": ["alice", "bob", "mom"],
        ],
        freeTextSlots: ["body"])

    static let commands = [
        "turn on wifi", "turn off the bluetooth", "turn on do not disturb", "turn off airplane mode",
        "set a timer for ten minutes", "set a timer for five minutes", "set an alarm for seven", "show the photos",
        "open the camera", "take a selfie", "take a picture", "open settings",
    ]

    static let nonCommands = [
        "what is the weather like today", "i think it is going to rain", "play some music by the beatles",
        "how far is the moon", "my favourite colour is green", "can you tell me a joke",
    ]

    func run() async throws {
        let recognizer: PocketSphinxRecognizer
        do {
            recognizer = try await PocketSphinxRecognizer(grammar: Self.grammar)
        } catch {
            throw ValidationError("\(error)")
        }
        var latencies: [Double] = []
        var decodeTime = 0.0
        var audioTime = 0.0
        var right = 0
        var accepted = 0
        var commandCount = 0
        var rejected = 0
        var nonCommandCount = 0
        for voice in voices {
            let synthesizer = EspeakSynthesizer(voice: voice, wordsPerMinute: speed)
            for (text, isCommand) in Self.commands.map({ ($0, true) }) + Self.nonCommands.map({ ($0, false) }) {
                let speech = try await synthesizer.synthesize(text).floatSamples(at: 16_000)
                var audio = Self.quiet(0.5, seed: 1) + speech + Self.quiet(0.6, seed: 2)
                if let snr { audio = Self.mixNoise(into: audio, speech: speech, snr: snr) }
                var detector = VoiceActivityDetector()
                var events: [VoiceActivityEvent] = []
                var offset = 0
                // 100 ms chunks, as capture delivers them.
                while offset < audio.count {
                    events += detector.process(Array(audio[offset ..< min(audio.count, offset + 1_600)]))
                    offset += 1_600
                }
                events += detector.finish()
                for case .speechEnd(let utterance) in events {
                    let start = ContinuousClock.now
                    let transcript = try await recognizer.transcribe(utterance)
                    let elapsed = ContinuousClock.now - start
                    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                    latencies.append(seconds)
                    decodeTime += seconds
                    audioTime += Double(utterance.samples.count) / Double(utterance.sampleRate)
                    if isCommand {
                        commandCount += 1
                        if transcript.isInGrammar { accepted += 1 }
                        if Self.words(transcript.text) == Self.words(text), transcript.isInGrammar { right += 1 }
                    } else {
                        nonCommandCount += 1
                        if !transcript.isInGrammar { rejected += 1 }
                    }
                }
            }
        }
        let sorted = latencies.sorted()
        func percentile(_ p: Double) -> Double {
            sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int((p * Double(sorted.count - 1)).rounded()))]
        }
        let report: [String: Double] = [
            "utterances": Double(latencies.count),
            "latency_p50_ms": percentile(0.5) * 1_000,
            "latency_p95_ms": percentile(0.95) * 1_000,
            "real_time_factor": audioTime > 0 ? decodeTime / audioTime : 0,
            "command_accuracy": commandCount > 0 ? Double(right) / Double(commandCount) : 0,
            "command_acceptance": commandCount > 0 ? Double(accepted) / Double(commandCount) : 0,
            "non_command_rejection": nonCommandCount > 0 ? Double(rejected) / Double(nonCommandCount) : 0,
        ]
        if json {
            let data = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        } else {
            let condition = snr.map { "white noise at \($0) dB SNR" } ?? "clean"
            print("voice corpus: \(latencies.count) utterances (\(voices.joined(separator: ", ")), \(speed) wpm, \(condition))")
            print(String(format: "end-of-speech → transcript latency: p50 %.0f ms, p95 %.0f ms",
                         report["latency_p50_ms"] ?? 0, report["latency_p95_ms"] ?? 0))
            print(String(format: "recognizer real-time factor: %.3f", report["real_time_factor"] ?? 0))
            print("commands: \(right)/\(commandCount) right, \(accepted)/\(commandCount) accepted; "
                + "non-commands: \(rejected)/\(nonCommandCount) rejected")
        }
    }

    /// Words without the optional "the", for comparing transcripts.
    private static func words(_ text: String) -> [Substring] {
        text.lowercased().split(separator: " ").filter { $0 != "the" }
    }

    /// `audio` with white noise `snr` dB under the RMS of the voiced samples of `speech`.
    private static func mixNoise(into audio: [Float], speech: [Float], snr: Double) -> [Float] {
        let voiced = speech.filter { abs($0) > 0.01 }
        let rms = (voiced.reduce(0) { $0 + $1 * $1 } / Float(max(1, voiced.count))).squareRoot()
        let level = rms / Float(pow(10, snr / 20)) / 0.001
        let noise = quiet(Double(audio.count) / 16_000 + 0.01, seed: 3)
        return zip(audio, noise).map { $0 + $1 * level }
    }

    /// Low deterministic noise, as a quiet room gives a microphone.
    private static func quiet(_ seconds: Double, seed: UInt64) -> [Float] {
        var state = seed
        return (0 ..< Int(seconds * 16_000)).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return (Float(state >> 40) / Float(1 << 24) * 2 - 1) * 0.001
        }
    }
}
