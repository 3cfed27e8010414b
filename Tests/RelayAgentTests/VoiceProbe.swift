import Foundation
import RelayAgent
import RelayMedia
import RelaySpeech
import Testing

@Test func voiceProbe() async throws {
    let corpus = try await VoiceCorpus.shared.corpus()
    var config = PocketSphinxRecognizer.Configuration()
    config.grammarBeams = ["-beam": 1e-100, "-pbeam": 1e-100, "-wbeam": 1e-80]
    let harness = try await VoiceHarness.make(.init(asksByVoice: false, recognizer: config))
    var items = corpus.clean.filter { $0.index % 6 == 0 }.map { ($0.url, spokenCommands[$0.index], true) }
    items += corpus.nonCommands.map { ($0, $0.lastPathComponent, false) }
    for (url, label, isCommand) in items {
        let audio = try await AudioDecoder.decodeAll(url)
        let t = try await harness.loop.recognizer.transcribe(audio.samples, sampleRate: 16000)
        let d = t.diagnostics
        print("PROBE", isCommand ? "CMD" : "NON", Int(d?.acousticGapPerFrame ?? -1), String(format: "%.3f", d?.decodingTime ?? 0), String(format: "%.2f", d?.audioDuration ?? 0), t.rejection?.rawValue ?? "-", label, "=>", t.text)
    }
}
