import ArgumentParser
import Foundation
import RelayCore

/// The options every benchmark takes, under the same names.
struct BenchOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Folder for the generated clips and audio, kept between runs.", valueName: "DIR"))
    var cacheDir: String = FileManager.default.temporaryDirectory.appendingPathComponent("relay-bench").path

    @Option(help: "Timed runs per measurement; the median is reported with the spread (min–max).")
    var runs: Int = 3

    @Flag(help: "Print the results as one JSON object.")
    var json = false

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1.") }
    }

    /// The cache folder, created if needed.
    func cacheFolder() throws -> URL {
        let url = URL(fileURLWithPath: cacheDir, isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Progress on stderr, kept out of the way of `--json` output unless stderr is a terminal.
    func progress(_ text: String) {
        if !json || isatty(STDERR_FILENO) == 1 { FileHandle.standardError.write(Data("relay-bench: \(text)\n".utf8)) }
    }
}

/// Several timed runs of one measurement: the median and the spread, so a figure can be checked by a second run.
struct Spread: Codable, CustomStringConvertible {
    var median: Double
    var min: Double
    var max: Double
    var runs: Int

    init(_ samples: [Double]) {
        let sorted = samples.sorted()
        runs = sorted.count
        min = sorted.first ?? .nan
        max = sorted.last ?? .nan
        median = sorted.isEmpty ? .nan
            : sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    /// The ratio of each run to its peer's run in the same round (`self` / `peer`).
    static func ratios(_ relay: [Double], _ peer: [Double]) -> Spread {
        Spread(zip(relay, peer).map { $0 / $1 })
    }

    var description: String { String(format: "%.3f (%.3f–%.3f, %d runs)", median, min, max, runs) }
}

/// Helpers the benchmarks share: clips made once with ffmpeg, timing a tool, this process's memory.
enum Bench {
    /// `d` in seconds.
    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    /// `x` rounded to `places` decimals (for JSON output).
    static func round(_ x: Double, _ places: Int = 3) -> Double {
        let scale = pow(10, Double(places))
        return (x * scale).rounded() / scale
    }

    /// "10 min" or "90 s".
    static func duration(_ seconds: Int) -> String { seconds % 60 == 0 ? "\(seconds / 60) min" : "\(seconds) s" }

    /// Runs the ffmpeg CLI quietly; throws with its message when it fails.
    static func ffmpeg(_ arguments: [String]) async throws {
        _ = try await tool("/usr/bin/ffmpeg", ["-hide_banner", "-nostdin", "-loglevel", "error"] + arguments)
    }

    /// Runs a program to completion and returns its output; throws with its message when it fails.
    static func tool(_ executable: String, _ arguments: [String]) async throws -> ChildProcess.Output {
        do {
            return try await ChildProcess(executable, arguments).checkedRun()
        } catch {
            throw ValidationError("\(error)")
        }
    }

    /// The wall time of a program run to completion (process start included).
    static func timed(_ executable: String, _ arguments: [String]) async throws -> Double {
        let start = ContinuousClock.now
        _ = try await tool(executable, arguments)
        return seconds(start.duration(to: .now))
    }

    /// CPU seconds (user + system) of every child process that has ended and been waited for so far. The difference
    /// around one `tool` run is that program's CPU time, when no other child ends meanwhile (the benchmarks run one at a time).
    static func childCPUSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
        let children = RUSAGE_CHILDREN.rawValue  // Glibc imports the constant as an enum case
        #else
        let children = RUSAGE_CHILDREN
        #endif
        guard getrusage(children, &usage) == 0 else { return 0 }
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) * 1e-6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// Runs this benchmark binary with `arguments` (a measurement in a fresh process) and returns its stdout.
    static func runSelf(_ arguments: [String]) async throws -> Data {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return try await tool(me, arguments).stdout
    }

    /// A clip in `folder` made once by `ffmpeg generate… PARTIAL` and renamed into place, so an interrupted
    /// generation is never mistaken for a clip.
    static func clip(_ name: String, in folder: URL, options: BenchOptions, generate: [String]) async throws -> URL {
        let url = folder.appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: url.path) { return url }
        options.progress("generating \(name) (once) …")
        let partial = folder.appendingPathComponent("partial-\(name)")
        try await ffmpeg(["-y"] + generate + [partial.path])
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.moveItem(at: partial, to: url)
        return url
    }

    /// A `kB` field of /proc/self/status in MB: `VmRSS` (now) or `VmHWM` (the kernel's peak so far).
    static func memoryMegabytes(_ field: String) -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
            return (Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
        }
        return 0
    }
}
