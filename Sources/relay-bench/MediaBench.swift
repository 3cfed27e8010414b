import ArgumentParser
import Foundation
import RelayMedia

/// `relay-bench media`: Decode and sampling vs the ffmpeg CLI.
struct MediaBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "media",
        abstract: "Decode and sampling vs the ffmpeg CLI.",
        discussion: """
            Generates (once, into --cache-dir) a 10 s 1080p H.264 clip, a 1-minute and a 10-minute 720p clip, then prints:
            full decode time vs `ffmpeg -threads 0 -i f -f null -`, 2-fps sampling scaled to 448x252 RGB vs \
            `ffmpeg -i f -vf fps=2,scale=448:252 -pix_fmt rgb24 -f null -` (ratios: Relay / ffmpeg, target ≤ 1.05; best of \
            --runs), and the peak RSS of the sampling pass on the 720p clips (target < 150 MB, flat in length).
            Build in release first: swift build -c release --product relay-bench.
            """
    )

    @Option(help: "Folder for the generated clips (reused across runs).")
    var cacheDir: String = FileManager.default.temporaryDirectory.appendingPathComponent("relay-bench-media").path

    @Option(help: "Timed runs per measurement; the fastest counts.")
    var runs: Int = 3

    @Flag(help: "Skip the 10-minute clip (generation and sampling take a few minutes on 2 cores).")
    var skipLong = false

    @Flag(help: "Print the results as one JSON object.")
    var json = false

    /// Internal: run one sampling pass on this file in this (fresh) process and print its memory as JSON.
    @Option(help: .hidden)
    var memoryPass: String?

    /// One Relay-vs-ffmpeg timing.
    struct Timing: Codable {
        var relaySeconds: Double
        var ffmpegSeconds: Double
        var ratio: Double
        var frames: Int
    }

    /// Peak memory of one sampling pass.
    struct Memory: Codable {
        var clip: String
        var durationSeconds: Double
        var frames: Int
        var baselineMB: Double
        var peakMB: Double
        var seconds: Double
    }

    struct Report: Codable {
        var hdClip: String
        var decode: Timing
        var sampling: Timing
        var memory: [Memory]
    }

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1.") }
    }

    func run() async throws {
        if let memoryPass {
            try await Self.runMemoryPass(URL(fileURLWithPath: memoryPass))
            return
        }
        let cache = URL(fileURLWithPath: cacheDir)
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        let hd = try ensureClip(cache.appendingPathComponent("bench-1080p-10s.mp4"), size: "1920x1080", seconds: 10, extra: ["-preset", "veryfast", "-crf", "23"])
        let short = try ensureClip(cache.appendingPathComponent("bench-720p-60s.mp4"), size: "1280x720", seconds: 60, extra: ["-preset", "ultrafast", "-b:v", "600k"])
        let long = skipLong ? nil : try ensureClip(cache.appendingPathComponent("bench-720p-600s.mp4"), size: "1280x720", seconds: 600, extra: ["-preset", "ultrafast", "-b:v", "600k"])

        progress("full decode of \(hd.lastPathComponent) …")
        let decode = try await compare(runs: runs) {
            try await VideoDecoder(url: hd).countFrames()
        } ffmpeg: {
            ["-threads", "0", "-i", hd.path, "-f", "null", "-"]
        }
        progress("2-fps sampling to 448x252 of \(hd.lastPathComponent) …")
        let size = FrameSize(width: 448, height: 252)
        let sampling = try await compare(runs: runs) {
            try await Self.sample(hd, size: size)
        } ffmpeg: {
            ["-i", hd.path, "-vf", "fps=2,scale=448:252", "-pix_fmt", "rgb24", "-f", "null", "-"]
        }
        var memory: [Memory] = []
        for clip in [short] + (long.map { [$0] } ?? []) {
            progress("sampling pass on \(clip.lastPathComponent) in a fresh process (peak RSS) …")
            memory.append(try Self.measureInChild(clip))
        }
        let report = Report(hdClip: hd.path, decode: decode, sampling: sampling, memory: memory)
        if json {
            let encoder = JSONEncoder()
            encoder.keyEncodingStrategy = .convertToSnakeCase
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(Self.table(report))
        }
    }

    // MARK: Measurements

    /// 2-fps sampling at `size`, consuming every frame; returns the frame count.
    static func sample(_ url: URL, size: FrameSize) async throws -> Int {
        var frames = 0
        for try await frame in FrameSampler.frames(of: url, fps: 2, size: size) {
            frames += frame.rgb.isEmpty ? 0 : 1
        }
        return frames
    }

    /// Best-of-`runs` wall time of Relay's `body` and of the ffmpeg CLI with `arguments`.
    func compare(runs: Int, relay body: () async throws -> Int, ffmpeg arguments: () -> [String]) async throws -> Timing {
        var relayBest = Double.infinity, ffmpegBest = Double.infinity, frames = 0
        for _ in 0..<runs {
            let start = ContinuousClock.now
            frames = try await body()
            relayBest = min(relayBest, Self.seconds(start.duration(to: .now)))
            let ffStart = ContinuousClock.now
            try Self.ffmpeg(arguments())
            ffmpegBest = min(ffmpegBest, Self.seconds(ffStart.duration(to: .now)))
        }
        return Timing(relaySeconds: relayBest, ffmpegSeconds: ffmpegBest, ratio: relayBest / ffmpegBest, frames: frames)
    }

    // MARK: Clips

    /// Generates a testsrc2 H.264 clip unless it is already in the cache.
    func ensureClip(_ url: URL, size: String, seconds: Int, extra: [String]) throws -> URL {
        if let probed = try? MediaProbe.probe(url), let d = probed.format.duration, abs(d - Double(seconds)) < 1 { return url }
        progress("generating \(url.lastPathComponent) (once) …")
        let partial = url.deletingLastPathComponent().appendingPathComponent("partial-\(url.lastPathComponent)")
        try Self.ffmpeg(["-y", "-f", "lavfi", "-i", "testsrc2=size=\(size):rate=25:duration=\(seconds)", "-c:v", "libx264"] + extra
                        + ["-pix_fmt", "yuv420p", partial.path])
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.moveItem(at: partial, to: url)
        return url
    }

    static func ffmpeg(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/ffmpeg")
        process.arguments = ["-nostdin", "-v", "error"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ValidationError("ffmpeg \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
        }
    }

    // MARK: Memory

    /// Runs `relay-bench media --memory-pass clip` as a child process, so the peak is the sampling pass's own
    /// (this process has just decoded 1080p video and keeps that memory in malloc's pools).
    static func measureInChild(_ clip: URL) throws -> Memory {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = ["media", "--memory-pass", clip.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ValidationError("the memory pass on \(clip.path) failed") }
        return try JSONDecoder().decode(Memory.self, from: data)
    }

    /// The child side: sample, then report VmRSS before and VmHWM (the kernel's peak RSS) after.
    static func runMemoryPass(_ clip: URL) async throws {
        let baseline = status("VmRSS")
        let start = ContinuousClock.now
        let frames = try await sample(clip, size: FrameSize(width: 448, height: 252))
        let elapsed = seconds(start.duration(to: .now))
        let memory = Memory(
            clip: clip.lastPathComponent, durationSeconds: (try? MediaProbe.probe(clip).format.duration ?? 0) ?? 0, frames: frames,
            baselineMB: baseline / 1024, peakMB: status("VmHWM") / 1024, seconds: elapsed)
        print(String(decoding: try JSONEncoder().encode(memory), as: UTF8.self))
    }

    /// A `kB` field of /proc/self/status (VmRSS, VmHWM).
    static func status(_ field: String) -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
            return Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
        }
        return 0
    }

    // MARK: Output

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    static func table(_ r: Report) -> String {
        func pad(_ text: String, _ width: Int) -> String { text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0) }
        func row(_ name: String, _ t: Timing) -> String {
            pad(name, 40) + String(format: "%8.3f s  %8.3f s  %6.3f  ", t.relaySeconds, t.ffmpegSeconds, t.ratio)
                + (t.ratio <= 1.05 ? "ok (target ≤ 1.05)" : "OVER target (≤ 1.05)")
        }
        var lines = [
            "relay-bench media — \(r.hdClip)",
            pad("measurement (best of runs)", 40) + "     relay      ffmpeg   ratio",
            row("full decode (\(r.decode.frames) frames)", r.decode),
            row("2-fps sampling 448x252 (\(r.sampling.frames) frames)", r.sampling),
            "",
            "peak RSS of the 2-fps sampling pass to 448x252 RGB (fresh process each):",
        ]
        for m in r.memory {
            lines.append("  " + pad(m.clip, 24) + String(format: "%5.0f s video  %5d frames  start %6.1f MB  peak %6.1f MB  (%.1f s)  ",
                                                        m.durationSeconds, m.frames, m.baselineMB, m.peakMB, m.seconds)
                         + (m.peakMB < 150 ? "ok (target < 150 MB)" : "OVER target (< 150 MB)"))
        }
        return lines.joined(separator: "\n")
    }

    private func progress(_ text: String) {
        if !json || isatty(STDERR_FILENO) == 1 { FileHandle.standardError.write(Data("relay-bench: \(text)\n".utf8)) }
    }
}
