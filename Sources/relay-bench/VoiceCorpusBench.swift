import ArgumentParser
import Foundation
import RelayAgent
import RelayKit
import RelayMedia
import RelayModel
import RelayPlugins
import RelaySpeech

/// `relay-bench voice-corpus`: recognition accuracy and rejection over a spoken corpus, one line per utterance.
///
/// The calibration tool behind the recognizer's rejection settings: it prints each utterance's transcript and
/// scores, so a threshold can be chosen from the two distributions rather than guessed.
struct VoiceCorpusBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "voice-corpus",
        abstract: "Recognition accuracy and rejection over a spoken corpus, with per-utterance scores.",
        discussion: """
            LIST is the tab-separated list that Samples/scripts/make-voice-corpus.sh reads (id, voice, wpm, clean|noisy, \
            text), with the WAV files next to it. A line whose text starts with "~" is not a command: it must dispatch \
            nothing. Other audio files that are not commands can be added with --other. Nothing is dispatched: each \
            transcript is read by the text skill and compared with the reading of the expected text (action and typed \
            arguments; free-text arguments only need to be present). --asr wyoming://HOST:PORT (or http://…) hears the \
            corpus with that server instead of pocketsphinx (Samples/scripts/speech-server.sh start runs Whisper). \
            Besides accuracy it counts wrong calls (a command heard as another call, or a non-command heard as one), \
            split into "wrong, silent" (carried out without a question: a wrong action) and "wrong, asked" (read back or \
            confirmed first, as relay listen would), counts right calls that were asked first (they count as right), \
            and times each utterance from the end of speech to its call (recognition and understanding; p50/p95). \
            Samples/voice/heldout.tsv lists a corpus in voices that no threshold was calibrated on \
            (Samples/scripts/make-voice-corpus.sh makes its audio).
            """
    )

    @Argument(help: "The corpus list.")
    var list: String

    @Option(parsing: .upToNextOption, help: "Audio files that are not commands.")
    var other: [String] = []

    @Flag(help: "Print one line per utterance.")
    var details = false

    @Option(help: "Recognizer rejection threshold (default: the recognizer's own).")
    var threshold: Double?

    @Option(help: "Speech recognizer: pocketsphinx (default), wyoming://HOST:PORT or http://HOST:PORT.")
    var asr: String = "pocketsphinx"

    @Option(help: "Seconds to wait for the speech server's transcript of one utterance (a larger model on busy cores needs more).")
    var asrTimeout: Double = 30

    @Flag(inversion: .prefixedNo, help: "Re-hear misheard words with the pronouncing dictionary (phonetic repair), as relay does.")
    var repair = true

    @Option(help: "Which changes are read back first: when_unsure (relay's default), never or always. Open-vocabulary transcripts (Whisper) always read back changes, as relay listen does.")
    var readBack: String = ReadBackPolicy.Writes.whenUnsure.rawValue

    @Option(help: "A grammar recognizer's confidence below which a change is read back (default: the policy's calibrated value).")
    var weakConfidence: Double?

    func run() async throws {
        let listURL = URL(fileURLWithPath: list)
        let folder = listURL.deletingLastPathComponent()
        var items: [(url: URL, text: String?, noisy: Bool)] = []
        for line in try String(contentsOf: listURL, encoding: .utf8).split(separator: "\n") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 5 else { continue }
            let url = folder.appendingPathComponent(f[0] + ".wav")
            items.append((url, f[4].hasPrefix("~") ? nil : f[4], f[3] == "noisy"))
        }
        items += other.map { (URL(fileURLWithPath: $0), nil, false) }

        let home = FileManager.default.temporaryDirectory.appendingPathComponent("relay-bench-corpus-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let dispatcher = Dispatcher(subsystems: InstalledPlugins.subsystems, home: home)
        for album in ["Trip", "Family", "Cats"] { await dispatcher.call("photos.create_album", ["name": .string(album)], origin: .test) }
        await dispatcher.call("messages.add_contact", ["name": .string("Bob Jones")], origin: .test)
        var recognizerConfiguration = VoiceLoop.defaultRecognizer
        if let threshold { recognizerConfiguration.rejectionThreshold = threshold }
        guard asrTimeout > 0, asrTimeout.isFinite else { throw ValidationError("--asr-timeout must be a positive number of seconds") }
        let service = try SpeechService(parsing: asr)
        let loop = try await VoiceLoop(runner: CommandRunner(dispatcher: dispatcher),
                                       configuration: .init(asksByVoice: false, recognizer: recognizerConfiguration,
                                                            speechRecognizer: service.recognizer(timeout: .milliseconds(Int64(asrTimeout * 1000)))))
        let recognizer = loop.commandRecognizer
        guard let writes = ReadBackPolicy.Writes(rawValue: readBack) else {
            throw ValidationError("--read-back must be one of \(ReadBackPolicy.Writes.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var matcher = CommandMatcher(catalog: dispatcher.catalog)
        if repair { matcher = await matcher.repairing() }
        let understanding = UnderstandingPolicy()
        let skill = TextCommandSkill(matcher: matcher, entityNames: await dispatcher.entityNames(), policy: understanding)
        let catalog = dispatcher.catalog

        func understood(_ text: String) -> CommandMatch? {
            guard case .understood(let match) = skill.interpret(text), match.missing.isEmpty else { return nil }
            return match
        }
        func reading(_ text: String) -> ToolCall? { understood(text)?.call }
        /// Whether the loop would ask before carrying out `match`: destructive actions always (the dispatcher's count),
        /// writes as the read-back policy says (every write for an open-vocabulary transcript), reads never.
        func asks(_ match: CommandMatch, _ t: Transcript) -> Bool {
            var policy = t.isOpenVocabulary ? ReadBackPolicy.always : ReadBackPolicy(writes: writes)
            if let weakConfidence { policy.weakConfidence = weakConfidence }
            return policy.asksFirst(permission: match.permission, reading: match, understanding: understanding,
                                    recognizerConfidence: t.isOpenVocabulary ? nil : t.confidence)
        }
        func same(_ a: ToolCall?, _ b: ToolCall?) -> Bool {
            guard let a, let b, a.name == b.name else { return false }
            let free = Set(catalog.action(named: a.name)?.parameters.filter { $0.kind == .string || $0.kind == .text }.map(\.name) ?? [])
            guard Set(a.arguments.keys) == Set(b.arguments.keys) else { return false }
            return a.arguments.allSatisfy { free.contains($0.key) || b.arguments[$0.key] == $0.value }
        }

        var counts = (commands: 0, right: 0, forcedRight: 0, noisy: 0, noisyRight: 0, others: 0, othersQuiet: 0, wrong: 0, failures: 0,
                      rightAsked: 0, wrongAsked: 0, wrongSilent: 0, othersAsked: 0, repaired: 0)
        var latencies: [Double] = []
        var decodeSeconds = 0.0, audioSeconds = 0.0
        for item in items {
            var utterances: [Utterance] = []
            for try await event in try AudioDecoder(url: item.url).chunks(seconds: 0.1).voiceActivity() {
                if case .speechEnd(let u) = event { utterances.append(u) }
            }
            var calls: [ToolCall] = []
            var asked: [Bool] = []
            var lines: [String] = []
            var forced = false
            var wrong = false
            for u in utterances {
                // End of speech is when the detector hands over the utterance: from here to the call.
                let started = ContinuousClock.now
                let t: Transcript
                do {
                    t = try await recognizer.transcribe(u)
                } catch {
                    counts.failures += 1
                    lines.append("error: \(error)")
                    continue
                }
                decodeSeconds += t.diagnostics?.decodingTime ?? 0
                audioSeconds += u.duration
                let d = t.diagnostics
                let match = t.isActionable ? understood(t.text) : nil
                latencies.append(Bench.seconds(started.duration(to: .now)))
                if let match {
                    calls.append(match.call)
                    asked.append(asks(match, t))
                    if match.isRepaired { counts.repaired += 1 }
                }
                if let text = item.text, same(reading(t.text.replacingOccurrences(of: "…", with: "x")), reading(text)) { forced = true }
                lines.append(String(format: "%@\t%.3f\t%.2f\t%.2f\t%.2f\t%d", t.isActionable ? "acc" : "rej", t.confidence,
                                    d?.rejectionScore ?? 0, d?.acousticGapPerFrame ?? 0, d?.wordGapPerFrame ?? 0, d?.wordFrames ?? 0)
                             + "\t\(t.text)" + (match.map { "\t→ \($0.call.name) \(JSONValue.object($0.call.arguments).compactJSON)"
                                 + ($0.isRepaired ? " (repaired: \($0.repairedText ?? ""))" : "")
                                 + (asks($0, t) ? " [asks]" : "") } ?? ""))
            }
            let ok: Bool
            if let text = item.text {
                ok = calls.count == 1 && same(calls.first, reading(text))
                counts.commands += 1
                let expected = reading(text)
                let wrongCalls = calls.indices.filter { !same(calls[$0], expected) }
                if !wrongCalls.isEmpty {
                    counts.wrong += 1; wrong = true
                    // A wrong call is an action only if it is carried out without a question.
                    if wrongCalls.allSatisfy({ asked[$0] }) { counts.wrongAsked += 1 } else { counts.wrongSilent += 1 }
                }
                if ok, asked.first == true { counts.rightAsked += 1 }
                if item.noisy { counts.noisy += 1; if ok { counts.noisyRight += 1 } } else if ok { counts.right += 1 }
                if forced, !item.noisy { counts.forcedRight += 1 }
            } else {
                ok = calls.isEmpty
                counts.others += 1
                if ok { counts.othersQuiet += 1 } else if asked.allSatisfy({ $0 }) { counts.othersAsked += 1 }
            }
            if details {
                let kind = item.text == nil ? "other" : item.noisy ? "noisy" : "clean"
                print("\(ok ? "ok" : wrong ? "WRONG" : "XX")\t\(kind)\t\(forced ? "F" : "-")\t\(item.text ?? item.url.lastPathComponent)\t" + (lines.isEmpty ? "no utterance" : lines.joined(separator: " | ")))
            }
        }
        let clean = counts.commands - counts.noisy
        print(String(format: "clean %d/%d (%.1f %%; transcript right %d), noisy %d/%d (%.1f %%), not commands quiet %d/%d (%.1f %%), RTF %.3f",
                     counts.right, clean, 100 * Double(counts.right) / Double(max(clean, 1)), counts.forcedRight,
                     counts.noisyRight, counts.noisy, 100 * Double(counts.noisyRight) / Double(max(counts.noisy, 1)),
                     counts.othersQuiet, counts.others, 100 * Double(counts.othersQuiet) / Double(max(counts.others, 1)),
                     decodeSeconds / max(audioSeconds, 0.001)))
        latencies.sort()
        func percentile(_ p: Double) -> Double {
            latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int((p * Double(latencies.count - 1)).rounded()))] * 1000
        }
        print(String(format: "wrong calls %d/%d command utterances (%.1f %%): wrong, silent %d (%.1f %%), wrong, asked %d; right calls asked first %d; "
                     + "non-commands dispatched %d (asked first %d); readings from a phonetic repair %d; recognizer failures %d",
                     counts.wrong, counts.commands, 100 * Double(counts.wrong) / Double(max(counts.commands, 1)),
                     counts.wrongSilent, 100 * Double(counts.wrongSilent) / Double(max(counts.commands, 1)), counts.wrongAsked,
                     counts.rightAsked, counts.others - counts.othersQuiet, counts.othersAsked, counts.repaired, counts.failures))
        print(String(format: "end of speech → call p50 %.0f ms, p95 %.0f ms", percentile(0.5), percentile(0.95))
              + " (\(service); repair \(repair ? "on" : "off"), read-back \(readBack))")
    }
}
