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
            `ffmpeg -i f -vf fps=2,scale=448:252 -pix_fmt rgb24 -f null -` (ratios: Relay / ffmpeg, each run against the \
            ffmpeg run beside it; median and spread of --runs; target ≤ 1.05), and the peak RSS of the sampling pass on \
            the 720p clips (target < 150 MB, flat in length).
            Build in release first: swift build -c release --product relay-bench.
            """
    )

    @OptionGroup var options: BenchOptions

    @Flag(help: "Skip the 10-minute clip (generation and sampling take a few minutes on 2 cores).")
    var skipLong = false

    /// Internal: run one sampling pass on this file in this (fresh) process and print its memory as JSON.
    @Option(help: .hidden)
    var memoryPass: String?

    /// One Relay-vs-ffmpeg timing over several rounds.
    struct Timing: Codable {
        var relaySeconds: Spread
        var ffmpegSeconds: Spread
        var ratio: Spread
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

    func run() async throws {
        if let memoryPass {
            try await Self.runMemoryPass(URL(fileURLWithPath: memoryPass))
            return
        }
        let cache = try options.cacheFolder()
        let hd = try await clip("decode-1080p-10s.mp4", in: cache, size: "1920x1080", seconds: 10, extra: ["-preset", "veryfast", "-crf", "23"])
        let short = try await clip("decode-720p-60s.mp4", in: cache, size: "1280x720", seconds: 60, extra: ["-preset", "ultrafast", "-b:v", "600k"])
        let long = skipLong ? nil : try await clip("decode-720p-600s.mp4", in: cache, size: "1280x720", seconds: 600, extra: ["-preset", "ultrafast", "-b:v", "600k"])

        options.progress("full decode of \(hd.lastPathComponent) …")
        let decode = try await compare(runs: options.runs) {
            try await VideoDecoder(url: hd).countFrames()
        } ffmpeg: {
            ["-threads", "0", "-i", hd.path, "-f", "null", "-"]
        }
        options.progress("2-fps sampling to 448x252 of \(hd.lastPathComponent) …")
        let size = FrameSize(width: 448, height: 252)
        let sampling = try await compare(runs: options.runs) {
            try await Self.sample(hd, size: size)
        } ffmpeg: {
            ["-i", hd.path, "-vf", "fps=2,scale=448:252", "-pix_fmt", "rgb24", "-f", "null", "-"]
        }
        var memory: [Memory] = []
        for clip in [short] + (long.map { [$0] } ?? []) {
            options.progress("sampling pass on \(clip.lastPathComponent) in a fresh process (peak RSS) …")
            memory.append(try JSONDecoder().decode(Memory.self, from: try await Bench.runSelf(["media", "--memory-pass", clip.path])))
        }
        let report = Report(hdClip: hd.path, decode: decode, sampling: sampling, memory: memory)
        if options.json {
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

    /// `runs` rounds of Relay's `body` then the ffmpeg CLI with `arguments`; each round gives one ratio.
    func compare(runs: Int, relay body: () async throws -> Int, ffmpeg arguments: () -> [String]) async throws -> Timing {
        var relay: [Double] = [], ffmpeg: [Double] = [], frames = 0
        for _ in 0..<runs {
            let start = ContinuousClock.now
            frames = try await body()
            relay.append(Bench.seconds(start.duration(to: .now)))
            ffmpeg.append(try await Bench.timed("/usr/bin/ffmpeg", ["-hide_banner", "-nostdin", "-loglevel", "error"] + arguments()))
        }
        return Timing(relaySeconds: Spread(relay), ffmpegSeconds: Spread(ffmpeg), ratio: .ratios(relay, ffmpeg), frames: frames)
    }

    /// A testsrc2 H.264 clip, generated once into the cache.
    func clip(_ name: String, in folder: URL, size: String, seconds: Int, extra: [String]) async throws -> URL {
        try await Bench.clip(name, in: folder, options: options, generate: [
            "-f", "lavfi", "-i", "testsrc2=size=\(size):rate=25:duration=\(seconds)", "-c:v", "libx264",
        ] + extra + ["-pix_fmt", "yuv420p", "-f", "mp4"])
    }

    // MARK: Memory

    /// The child side: sample, then report VmRSS before and VmHWM (the kernel's peak RSS) after.
    static func runMemoryPass(_ clip: URL) async throws {
        let baseline = Bench.memoryMegabytes("VmRSS")
        let start = ContinuousClock.now
        let frames = try await sample(clip, size: FrameSize(width: 448, height: 252))
        let elapsed = Bench.seconds(start.duration(to: .now))
        let memory = Memory(
            clip: clip.lastPathComponent, durationSeconds: (try? MediaProbe.probe(clip).format.duration ?? 0) ?? 0, frames: frames,
            baselineMB: baseline, peakMB: Bench.memoryMegabytes("VmHWM"), seconds: elapsed)
        print(String(decoding: try JSONEncoder().encode(memory), as: UTF8.self))
    }

    // MARK: Output

    static func table(_ r: Report) -> String {
        func pad(_ text: String, _ width: Int) -> String { text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0) }
        func row(_ name: String, _ t: Timing) -> String {
            pad(name, 40) + String(format: "%8.3f s  %8.3f s  %6.3f (%.3f–%.3f)  ", t.relaySeconds.median, t.ffmpegSeconds.median,
                                   t.ratio.median, t.ratio.min, t.ratio.max)
                + (t.ratio.median <= 1.05 ? "ok (target ≤ 1.05)" : "OVER target (≤ 1.05)")
        }
        var lines = [
            "relay-bench media — \(r.hdClip)",
            pad("measurement (median of \(r.decode.ratio.runs) runs)", 40) + "     relay      ffmpeg   ratio (spread)",
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
}
