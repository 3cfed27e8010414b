import ArgumentParser
import Foundation
import RelayCore
import RelayAgent
import RelayKit
import RelayPlugins
import RelaySentenceEncoder

/// `relay-bench understanding`: understanding end to end (templates, then the sentence encoder) per command.
struct UnderstandingBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "understanding",
        abstract: "Understanding end to end (templates, then the sentence encoder): latency per command, cold start, memory.",
        discussion: """
            Reads a few hundred command-like sentences (and non-commands) one at a time on one thread with the installed \
            plugins' matcher, as `relay say` does, and prints the latency per command (p50, p95, max; target p95 < 10 ms), \
            split into sentences the templates decided and those that went on to the encoder; the cold start (a fresh \
            process loading the encoder and the actions' embedded sentences from a warm cache; target < 300 ms) and the \
            resident memory after it. Build in release first: swift build -c release --product relay-bench.
            """
    )

    @OptionGroup var options: BenchOptions

    @Option(help: "How many sentences to read per run.")
    var sentences: Int = 300

    @Flag(help: .hidden)
    var loadOnly = false

    @Flag(help: "Measure the template stage alone (no encoder), for comparison.")
    var templatesOnly = false

    @Flag(help: "Print every sentence with what it was understood as, and nothing else (to compare two builds' readings).")
    var printReadings = false

    @Option(help: "Also print the N sentences that took the most CPU time (median over the runs), to find what is slow.")
    var slowest: Int = 0

    struct Load: Codable {
        var seconds: Double
        var cacheLoaded: Bool
        var baselineMB: Double
        var loadedMB: Double
    }

    static let names: EntityNames = ["album": ["Trip", "Family", "Vacation 2024", "Cats"], "contact": ["Anna Smith", "Bob Jones", "Mom"]]

    static func load() async throws -> (CommandMatcher, Bool) {
        let catalog = ActionCatalog(subsystems: InstalledPlugins.subsystems)
        let directory = SentenceEncoder.defaultModelDirectory()
        let encoder = try await SentenceEncoder.load(modelDirectory: directory)
        let embeddings = await ActionEmbeddings.load(
            catalog: catalog, embedder: encoder, cacheDirectory: ActionEmbeddings.defaultCacheDirectory(modelDirectory: directory),
            labelled: UnderstandingCalibration.sentences)
        return (CommandMatcher(catalog: catalog, embeddings: embeddings), embeddings.cacheState == .loaded)
    }

    func run() async throws {
        if loadOnly {
            let baseline = Bench.memoryMegabytes("VmRSS")
            let start = ContinuousClock.now
            let (matcher, cached) = try await Self.load()
            _ = matcher.interpret("i'd like bluetooth on")
            let seconds = Bench.seconds(start.duration(to: .now))
            let load = Load(seconds: seconds, cacheLoaded: cached, baselineMB: baseline, loadedMB: Bench.memoryMegabytes("VmRSS"))
            print(String(decoding: try JSONEncoder().encode(load), as: UTF8.self))
            return
        }
        // Fill the cache first, so the cold starts below measure a warm cache.
        let (loaded, _) = try await Self.load()
        let matcher = templatesOnly ? CommandMatcher(catalog: ActionCatalog(subsystems: InstalledPlugins.subsystems)) : loaded
        if printReadings {
            for text in EncoderBench.commands(sentences) { print("\(text)\t\(matcher.interpret(text, entityNames: Self.names))") }
            return
        }
        var loads: [Load] = []
        for run in (templatesOnly ? [] : Array(1...options.runs)) {
            options.progress("cold start \(run)/\(options.runs) (fresh process, warm cache) …")
            loads.append(try JSONDecoder().decode(Load.self, from: try await Bench.runSelf(["understanding", "--load-only"])))
        }
        let texts = EncoderBench.commands(sentences)
        let runs = options.runs
        let timings = await BlockingWork.run { () -> [(all: [Double], templates: [Double], encoder: [Double], cpu: [Double], perText: [Double])] in
            for t in texts.prefix(20) { _ = matcher.interpret(t, entityNames: Self.names) }
            var out: [(all: [Double], templates: [Double], encoder: [Double], cpu: [Double], perText: [Double])] = []
            for run in 1...runs {
                options.progress("latency \(run)/\(runs): \(texts.count) sentences one at a time …")
                var all: [Double] = [], templates: [Double] = [], encoder: [Double] = [], cpu: [Double] = []
                for text in texts {
                    let cpuStart = EncoderBench.threadCPUMilliseconds()
                    let start = ContinuousClock.now
                    let result = matcher.interpret(text, entityNames: Self.names)
                    let ms = Bench.seconds(start.duration(to: .now)) * 1000
                    cpu.append(EncoderBench.threadCPUMilliseconds() - cpuStart)
                    all.append(ms)
                    if result.match?.template.hasPrefix("≈") == true || result.match == nil { encoder.append(ms) } else { templates.append(ms) }
                }
                out.append((all.sorted(), templates.sorted(), encoder.sorted(), cpu.sorted(), cpu))
            }
            return out
        }
        func percentile(_ sorted: [Double], _ p: Double) -> Double {
            sorted.isEmpty ? .nan : sorted[min(sorted.count - 1, max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1))]
        }
        let rss = Bench.memoryMegabytes("VmRSS")
        print("understanding: \(texts.count) sentences, one at a time, one thread, \(runs) runs (median and spread)")
        print("  per command (ms): p50 \(Spread(timings.map { percentile($0.all, 0.5) })), p95 \(Spread(timings.map { percentile($0.all, 0.95) })), max \(Spread(timings.map { $0.all.last ?? .nan }))  (target p95 < 10)")
        print("  CPU time per command (ms): p50 \(Spread(timings.map { percentile($0.cpu, 0.5) })), p95 \(Spread(timings.map { percentile($0.cpu, 0.95) }))")
        print("  decided by templates (\(timings.first?.templates.count ?? 0)): p50 \(Spread(timings.map { percentile($0.templates, 0.5) })), p95 \(Spread(timings.map { percentile($0.templates, 0.95) }))")
        print("  went on to the encoder (\(timings.first?.encoder.count ?? 0)): p50 \(Spread(timings.map { percentile($0.encoder, 0.5) })), p95 \(Spread(timings.map { percentile($0.encoder, 0.95) }))")
        print("  cold start, fresh process, encoder + embedded sentences from the cache + one command (ms): \(Spread(loads.map { $0.seconds * 1000 }))  (target < 300); cache warm in every run: \(loads.allSatisfy(\.cacheLoaded))")
        if slowest > 0 {
            let medians = texts.indices.map { i in Spread(timings.map { $0.perText[i] }).median }
            print("  slowest sentences (CPU ms, median over the runs):")
            for i in texts.indices.sorted(by: { medians[$0] > medians[$1] }).prefix(slowest) {
                let stage = matcher.interpret(texts[i], entityNames: Self.names).match.map { $0.template.hasPrefix("≈") ? "encoder" : "templates" } ?? "not understood"
                print("    \(Bench.round(medians[i], 2))  \(texts[i])  (\(stage))")
            }
        }
        print("  memory: RSS after the cold start \(Spread(loads.map(\.loadedMB))) MB (added \(Spread(loads.map { $0.loadedMB - $0.baselineMB })) MB); this process after the runs \(Bench.round(rss, 1)) MB")
    }
}
