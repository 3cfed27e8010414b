import ArgumentParser
import Foundation
import RelayAgent
import RelayKit
import RelayMedia
import RelayPlugins
import RelaySpeech

/// `relay-bench voice`: End-of-speech to dispatch latency and recognizer real-time factor.
struct VoiceBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "voice",
        abstract: "End-of-speech to dispatch latency and recognizer real-time factor.",
        discussion: """
            Speaks a set of commands with espeak-ng (--voices × --speeds), finds each utterance with the voice activity \
            detector, and times from the end of speech (the detector's utterance end) to the dispatcher's result: \
            recognition (grammar pass, phone-loop rejection pass, free text), understanding and dispatch. Prints p50/p95 \
            of that latency (target p95 < 250 ms on 2 cores), the recognizer's real-time factor (decoding seconds per \
            second of audio) and how many utterances became the expected call. --asr wyoming://HOST:PORT (or http://…) \
            hears the commands with that server instead of pocketsphinx (Samples/scripts/speech-server.sh start runs \
            Whisper; target p95 < 700 ms); its changes are read back, so their latency ends at the question. Build in \
            release first: swift build -c release --product relay-bench.
            """
    )

    @Option(help: "espeak-ng voices, comma-separated.")
    var voices = "en-us,en-gb,en-us+f2"

    @Option(help: "Speaking rates in words per minute, comma-separated.")
    var speeds = "140,180"

    @Option(help: "Use only the first N commands.")
    var limit: Int?

    @Option(help: "Speech recognizer: pocketsphinx (default), wyoming://HOST:PORT or http://HOST:PORT.")
    var asr: String = "pocketsphinx"

    @Option(help: "Seconds to wait for the speech server's transcript of one utterance (a larger model on busy cores needs more).")
    var asrTimeout: Double = 30

    @Flag(help: "Print the results as one JSON object.")
    var json = false

    static let commands = [
        "turn on wifi", "turn off bluetooth", "is wifi on", "what is the airplane mode status", "set the brightness to fifty percent",
        "set the volume to thirty percent", "turn the volume up", "increase the volume", "mute the phone", "what is the volume",
        "show me the settings", "set an alarm for seven thirty", "set an alarm for six a m", "wake me up at eight fifteen",
        "alarm at noon", "cancel the alarm at seven thirty", "show my alarms", "set a timer for ten minutes",
        "start a timer for half an hour", "cancel the timer", "show my timers", "how much time is left", "read my messages",
        "read messages from anna", "how many unread messages do i have", "show my contacts", "show my photos",
        "show my photos from yesterday", "find videos from march", "show my favorites", "show my albums", "favorite this photo",
        "delete photo nine", "recover this photo", "add the last photo to trip", "take a photo", "record a video",
        "camera status", "send anna a message saying hello", "new album beach",
    ]

    struct Report: Codable {
        var utterances: Int
        var understood: Int
        var latencyP50Milliseconds: Double
        var latencyP95Milliseconds: Double
        var latencyMaxMilliseconds: Double
        var recognizerRealTimeFactor: Double
        var audioSeconds: Double
    }

    func run() async throws {
        let voiceList = voices.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
        let speedList = speeds.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !voiceList.isEmpty, !speedList.isEmpty else { throw ValidationError("--voices and --speeds need at least one value each.") }
        let commands = Array(Self.commands.prefix(limit ?? Self.commands.count))

        let home = FileManager.default.temporaryDirectory.appendingPathComponent("relay-bench-voice-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let dispatcher = Dispatcher(subsystems: InstalledPlugins.subsystems, home: home)
        for album in ["Trip", "Family", "Cats"] { await dispatcher.call("photos.create_album", ["name": .string(album)], origin: .test) }
        guard asrTimeout > 0, asrTimeout.isFinite else { throw ValidationError("--asr-timeout must be a positive number of seconds") }
        let service = try SpeechService(parsing: asr)
        let loop = try await VoiceLoop(runner: CommandRunner(dispatcher: dispatcher),
                                       configuration: .init(asksByVoice: false, speechRecognizer: service.recognizer(timeout: .milliseconds(Int64(asrTimeout * 1000)))))
        let matcher = CommandMatcher(catalog: dispatcher.catalog)

        var latencies: [Double] = []
        var decodeSeconds = 0.0, audioSeconds = 0.0
        var understood = 0
        var utterances = 0
        for voice in voiceList {
            for speed in speedList {
                for text in commands {
                    let speech = try await EspeakSynthesizer(voice: voice, wordsPerMinute: speed).synthesize(text)
                    let silence = [Float](repeating: 0, count: 8_000)
                    var detector = VoiceActivityDetector()
                    var events = detector.process(silence + speech.floatSamples(at: 16_000) + silence + silence)
                    events += detector.finish()
                    for case .speechEnd(let utterance) in events {
                        utterances += 1
                        // End of speech is when the detector hands over the utterance: time from here to the result.
                        let started = ContinuousClock.now
                        let outcome = try await loop.handle(utterance)
                        latencies.append(Bench.seconds(started.duration(to: .now)))
                        let expected = TextCommandSkill(matcher: matcher, entityNames: await dispatcher.entityNames()).interpret(text).match?.call
                        if let call = outcome?.toolCall, call.name == expected?.name { understood += 1 }
                        // The recognizer alone, for its real-time factor (a server's: the whole round trip).
                        let decodeStarted = ContinuousClock.now
                        let t = try await loop.commandRecognizer.transcribe(utterance)
                        decodeSeconds += t.diagnostics?.decodingTime ?? Bench.seconds(decodeStarted.duration(to: .now))
                        audioSeconds += Double(utterance.samples.count) / Double(utterance.sampleRate)
                    }
                }
            }
        }
        latencies.sort()
        func percentile(_ p: Double) -> Double {
            guard !latencies.isEmpty else { return 0 }
            return latencies[min(latencies.count - 1, Int((p * Double(latencies.count - 1)).rounded()))] * 1000
        }
        let report = Report(
            utterances: utterances, understood: understood, latencyP50Milliseconds: percentile(0.5),
            latencyP95Milliseconds: percentile(0.95), latencyMaxMilliseconds: percentile(1),
            recognizerRealTimeFactor: audioSeconds > 0 ? decodeSeconds / audioSeconds : 0, audioSeconds: audioSeconds)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print("voice (\(service)): \(report.utterances) utterances (\(commands.count) commands × \(voiceList.count) voices × \(speedList.count) speeds), \(report.understood) became the expected action")
            print(String(format: "end of speech → dispatch: p50 %.0f ms, p95 %.0f ms, max %.0f ms (target p95 < \(service == .embedded ? 250 : 700) ms)",
                         report.latencyP50Milliseconds, report.latencyP95Milliseconds, report.latencyMaxMilliseconds))
            print(String(format: "recognizer real-time factor: %.3f (%.1f s of audio)", report.recognizerRealTimeFactor, report.audioSeconds))
        }
    }
}
