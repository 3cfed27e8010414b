import ArgumentParser
import Foundation
import RelayCore
import RelaySentenceEncoder

/// `relay-bench encoder`: the sentence encoder's latency per command, cold start and memory.
struct EncoderBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encoder",
        abstract: "Sentence encoder (all-MiniLM-L6-v2): latency per command, cold start, memory.",
        discussion: """
            Encodes a few hundred command-like sentences one at a time on one thread and prints the latency per sentence \
            (p50, p95, max; target p95 < 10 ms), the throughput in batches of 32, the cold start (loading the model in a \
            fresh process with the files in the page cache; target < 300 ms) and the resident memory the model adds \
            (target < 150 MB), each as the median and spread of --runs. The model comes from $RELAY_MODELS \
            (Samples/scripts/fetch-models.sh). Build in release first: swift build -c release --product relay-bench.
            """
    )

    @OptionGroup var options: BenchOptions

    @Option(help: ArgumentHelp("The model folder (default: $RELAY_MODELS/all-MiniLM-L6-v2).", valueName: "DIR"))
    var model: String?

    @Option(help: "What multiplies the matrices: builtin (the default: AVX2/FMA over half-precision weights), builtin-f32, swift or openblas.")
    var backend: String = SentenceEncoder.Backend.builtIn.rawValue

    @Option(help: "How many command-like sentences to encode per run.")
    var sentences: Int = 300

    /// Internal: load the model in this (fresh) process and print the load time and memory as JSON.
    @Flag(help: .hidden)
    var loadOnly = false

    struct Load: Codable {
        var seconds: Double
        var baselineMB: Double
        var loadedMB: Double
        /// After encoding the sentences once (word-embedding rows paged in).
        var afterEncodingMB: Double
    }

    struct Report: Codable {
        var backend: String
        var sentences: Int
        var meanTokens: Double
        var p50Milliseconds: Spread
        var p95Milliseconds: Spread
        var maxMilliseconds: Spread
        var cpuP50Milliseconds: Spread
        var cpuP95Milliseconds: Spread
        var batchedMillisecondsPerSentence: Spread
        var coldStartMilliseconds: Spread
        var modelMemoryMB: Spread
        var peakRSSMB: Spread
    }

    func validate() throws {
        guard SentenceEncoder.Backend(rawValue: backend) != nil else { throw ValidationError("--backend is builtin, builtin-f32, swift or openblas.") }
    }

    var chosenBackend: SentenceEncoder.Backend { SentenceEncoder.Backend(rawValue: backend) ?? .builtIn }

    func modelDirectory() -> URL {
        model.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? SentenceEncoder.defaultModelDirectory()
    }

    func run() async throws {
        if loadOnly {
            let load = try await Self.measureLoad(modelDirectory(), backend: chosenBackend, sentences: Self.commands(sentences))
            print(String(decoding: try JSONEncoder().encode(load), as: UTF8.self))
            return
        }
        let texts = Self.commands(sentences)
        var loads: [Load] = []
        for run in 1...options.runs {
            options.progress("cold start \(run)/\(options.runs) (fresh process) …")
            var arguments = ["encoder", "--load-only", "--sentences", "\(sentences)", "--backend", backend]
            if let model { arguments += ["--model", model] }
            loads.append(try JSONDecoder().decode(Load.self, from: try await Bench.runSelf(arguments)))
        }
        let encoder = try await SentenceEncoder.load(modelDirectory: modelDirectory(), backend: chosenBackend)
        let tokens = texts.reduce(0) { $0 + encoder.tokenize($1).count }
        // All timing on one pool thread: the encoder is synchronous and single-threaded, so this is one core's speed.
        // Wall time and the thread's CPU time: on a shared machine the wall time includes waiting for a core, the CPU
        // time is what one core spends.
        let (single, cpu, batched) = await BlockingWork.run { () -> ([[Double]], [[Double]], [Double]) in
            _ = encoder.encode(Array(texts.prefix(20)))  // warm-up: caches, page faults of the embedding rows
            var single: [[Double]] = []
            var cpu: [[Double]] = []
            var batched: [Double] = []
            for run in 1...options.runs {
                options.progress("latency \(run)/\(options.runs): \(texts.count) sentences one at a time …")
                var times: [Double] = []
                var cpuTimes: [Double] = []
                for text in texts {
                    let cpuStart = Self.threadCPUMilliseconds()
                    let start = ContinuousClock.now
                    _ = encoder.encode([text])
                    times.append(Bench.seconds(start.duration(to: .now)) * 1000)
                    cpuTimes.append(Self.threadCPUMilliseconds() - cpuStart)
                }
                single.append(times.sorted())
                cpu.append(cpuTimes.sorted())
                let start = ContinuousClock.now
                var index = 0
                while index < texts.count {
                    _ = encoder.encode(Array(texts[index..<min(index + 32, texts.count)]))
                    index += 32
                }
                batched.append(Bench.seconds(start.duration(to: .now)) * 1000 / Double(texts.count))
            }
            return (single, cpu, batched)
        }
        func percentile(_ sorted: [Double], _ p: Double) -> Double { sorted[min(sorted.count - 1, Int((p * Double(sorted.count)).rounded(.up)) - 1)] }
        let report = Report(
            backend: backend, sentences: texts.count, meanTokens: Bench.round(Double(tokens) / Double(texts.count), 1),
            p50Milliseconds: Spread(single.map { percentile($0, 0.5) }), p95Milliseconds: Spread(single.map { percentile($0, 0.95) }),
            maxMilliseconds: Spread(single.map { $0.last ?? .nan }),
            cpuP50Milliseconds: Spread(cpu.map { percentile($0, 0.5) }), cpuP95Milliseconds: Spread(cpu.map { percentile($0, 0.95) }), batchedMillisecondsPerSentence: Spread(batched),
            coldStartMilliseconds: Spread(loads.map { $0.seconds * 1000 }),
            modelMemoryMB: Spread(loads.map { $0.afterEncodingMB - $0.baselineMB }), peakRSSMB: Spread(loads.map(\.afterEncodingMB)))
        if options.json {
            let json = JSONEncoder()
            json.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try json.encode(report), as: UTF8.self))
        } else {
            print("encoder (\(backend)): \(report.sentences) command-like sentences, \(report.meanTokens) tokens on average ([CLS] and [SEP] included)")
            print("  latency per sentence, one at a time, one thread (ms): p50 \(report.p50Milliseconds), p95 \(report.p95Milliseconds), max \(report.maxMilliseconds)  (target p95 < 10)")
            print("  CPU time of that thread per sentence (ms): p50 \(report.cpuP50Milliseconds), p95 \(report.cpuP95Milliseconds)")
            print("  batches of 32 (ms per sentence): \(report.batchedMillisecondsPerSentence)")
            print("  cold start, fresh process, files cached (ms): \(report.coldStartMilliseconds)  (target < 300)")
            print("  memory the model adds, RSS after encoding (MB): \(report.modelMemoryMB)  (target < 150); process RSS \(report.peakRSSMB)")
        }
    }

    /// Loads the model and encodes `sentences` once, on a pool thread, measuring time and this process's RSS.
    static func measureLoad(_ directory: URL, backend: SentenceEncoder.Backend, sentences: [String]) async throws -> Load {
        try await BlockingWork.run {
            let baseline = Bench.memoryMegabytes("VmRSS")
            let start = ContinuousClock.now
            let encoder = try SentenceEncoder(modelDirectory: directory, backend: backend)
            let seconds = Bench.seconds(start.duration(to: .now))
            let loaded = Bench.memoryMegabytes("VmRSS")
            _ = encoder.encode(sentences)
            return Load(seconds: seconds, baselineMB: baseline, loadedMB: loaded, afterEncodingMB: Bench.memoryMegabytes("VmRSS"))
        }
    }

    /// The calling thread's CPU time so far, in milliseconds.
    static func threadCPUMilliseconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1e6
    }

    /// `count` command-like sentences, made deterministically from verbs, objects and values a phone assistant hears.
    static func commands(_ count: Int) -> [String] {
        let patterns = [
            "turn on the %@", "switch off %@", "can you please enable %@ for me", "i'd like %@ on", "%@ off",
            "set an alarm for %@", "wake me up at %@ tomorrow", "start a timer for %@", "countdown of %@",
            "send a message to %@ saying i'll be late", "text %@ that dinner is ready", "call %@",
            "show me the photos from %@", "delete the pictures i took %@", "make an album called %@",
            "set the brightness to %@", "turn the volume down to %@", "what alarms have i got", "grab a photo",
            "start recording a video", "which albums do i have", "restore the photos i deleted %@",
            "is %@ on right now", "remind me to buy milk at %@", "how much battery do i have left",
        ]
        let values = ["wifi", "bluetooth", "dark mode", "do not disturb", "airplane mode", "6:45", "7 am", "half past nine",
                      "10 minutes", "3 minutes and 20 seconds", "Mom", "Dr. Müller", "the team", "last week", "yesterday",
                      "the beach trip in July", "Summer 2024", "80 percent", "50%", "the hotspot", "location services"]
        return (0..<count).map { i in
            let pattern = patterns[i % patterns.count]
            let value = values[(i / patterns.count + i * 7) % values.count]
            return pattern.replacingOccurrences(of: "%@", with: value)
        }
    }
}
