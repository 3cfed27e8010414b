import ArgumentParser
import Foundation
import RelayAgent
import RelayCore
import RelayJSON
import RelayPerception

/// `relay-bench video`: Video analysis vs the ffmpeg CLI and the reference Python pipeline.
struct VideoBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "video",
        abstract: "Video analysis vs the ffmpeg CLI and the reference Python pipeline.",
        discussion: """
            Generates (once, into --cache-dir) a 10 s 1080p clip and a 10-minute 720p clip (H.264 + AAC, with cuts), then \
            times `relay analyze`'s pipeline on each — in a child process, so its peak memory (VmHWM) is its own — \
            against the ffmpeg CLI doing the same decode and sampling work (every frame scaled to the analysis size \
            as RGB24, audio resampled to 16 kHz mono: `ffmpeg -threads 0 -i F -vf scale=W:H:flags=area,format=rgb24 -ac 1 -ar 16000 \
            -f null -`), and against qwen-vl-utils' fetch_video when it is installed (it needs torch). Prints ratios \
            (Relay / peer: below 1 is faster), each Relay run against the ffmpeg run beside it, as the median and \
            spread of --runs, and the median CPU time (user + system) of each side. Build in release for meaningful figures.
            """
    )

    @OptionGroup var options: BenchOptions

    @Option(help: "Length of the long 720p clip in minutes.")
    var longMinutes: Double = 10

    @Flag(help: "Only the short 1080p clip.")
    var skipLong = false

    @Option(help: .hidden)
    var analyzeOne: String?

    func run() async throws {
        if let analyzeOne {
            try await Self.measureInProcess(URL(fileURLWithPath: analyzeOne))
            return
        }
        let folder = try options.cacheFolder()
        var clips: [(name: String, url: URL)] = []
        clips.append(("1080p 10 s", try await clip(folder, name: "analysis-1080p-10s.mp4", size: "1920x1080", seconds: 10)))
        if !skipLong {
            let seconds = Int(longMinutes * 60)
            clips.append(("720p \(Bench.duration(seconds))",
                          try await clip(folder, name: "analysis-720p-\(seconds)s.mp4", size: "1280x720", seconds: seconds)))
        }
        let python = await Self.pythonPipelineAvailable()
        var rows: [JSONValue] = []
        for (name, url) in clips {
            options.progress("measuring \(name) …")
            let size = VideoAnalyzer.measuringSize(of: url) ?? (320, 180)
            var relay: [Measurement] = [], ffmpeg: [Double] = [], relayCPU: [Double] = [], ffmpegCPU: [Double] = []
            for _ in 0..<options.runs {
                var cpu = Bench.childCPUSeconds()
                relay.append(try JSONDecoder().decode(Measurement.self, from: try await Bench.runSelf(["video", "--analyze-one", url.path])))
                relayCPU.append(Bench.childCPUSeconds() - cpu)
                cpu = Bench.childCPUSeconds()
                ffmpeg.append(try await Bench.timed("/usr/bin/ffmpeg", [
                    "-hide_banner", "-nostdin", "-loglevel", "error", "-threads", "0", "-i", url.path,
                    "-vf", "scale=\(size.0):\(size.1):flags=area,format=rgb24", "-ac", "1", "-ar", "16000", "-f", "null", "-",
                ]))
                ffmpegCPU.append(Bench.childCPUSeconds() - cpu)
            }
            let relaySeconds = Spread(relay.map(\.seconds)), ratio = Spread.ratios(relay.map(\.seconds), ffmpeg)
            let peak = relay.map(\.peakMB).max() ?? 0
            var row = JSONObject()
            row["clip"] = .string(name)
            row["relay_seconds"] = .double(Bench.round(relaySeconds.median))
            row["ffmpeg_seconds"] = .double(Bench.round(Spread(ffmpeg).median))
            row["ratio_vs_ffmpeg"] = .double(Bench.round(ratio.median))
            row["ratio_min"] = .double(Bench.round(ratio.min))
            row["ratio_max"] = .double(Bench.round(ratio.max))
            row["runs"] = .int(options.runs)
            row["relay_cpu_seconds"] = .double(Bench.round(Spread(relayCPU).median))
            row["ffmpeg_cpu_seconds"] = .double(Bench.round(Spread(ffmpegCPU).median))
            row["peak_rss_mb"] = .double(Bench.round(peak, 1))
            row["frames"] = .int(relay.last?.frames ?? 0)
            row["scenes"] = .int(relay.last?.scenes ?? 0)
            row["qwen_vl_utils"] = python ? .string("installed but not run: see README") : .string("not installed")
            rows.append(.object(row))
            if !options.json {
                print(String(
                    format: "%@: relay %.2f s (%d frames, %d scenes), ffmpeg CLI %.2f s → %.2f× (spread %.2f–%.2f over %d runs; target ≤ 1.15×); CPU relay %.1f s, ffmpeg %.1f s; peak RSS %.0f MB (target < 200); qwen-vl-utils fetch_video: %@",
                    name, relaySeconds.median, relay.last?.frames ?? 0, relay.last?.scenes ?? 0, Spread(ffmpeg).median, ratio.median,
                    ratio.min, ratio.max, options.runs, Spread(relayCPU).median, Spread(ffmpegCPU).median, peak,
                    python ? "installed" : "not installed (needs torch)"))
            }
        }
        if options.json { print(JSONValue.object(["clips": .array(rows)]).compactJSON) }
    }

    /// A clip with cuts every 5 s (testsrc2 / smptehdbars / testsrc alternating) and a tone, generated once.
    func clip(_ folder: URL, name: String, size: String, seconds: Int) async throws -> URL {
        let segments = max(1, seconds / 5)
        let sources = ["testsrc2", "smptehdbars", "testsrc"]
        var inputs: [String] = []
        for i in 0..<min(segments, 3) {
            inputs += ["-f", "lavfi", "-i", "\(sources[i % 3])=s=\(size):r=30:d=5"]
        }
        let count = min(segments, 3)
        let labels = (0..<count).map { "[\($0):v]" }.joined()
        // Loop the concatenated 15 s pattern to the full length: cuts every 5 s, flat in content.
        return try await Bench.clip(name, in: folder, options: options, generate: inputs + [
            "-f", "lavfi", "-i", "sine=f=330:r=48000:d=\(seconds)",
            "-filter_complex", "\(labels)concat=n=\(count):v=1:a=0,loop=loop=-1:size=\(count * 150),trim=duration=\(seconds),setpts=N/30/TB,format=yuv420p[v]",
            "-map", "[v]", "-map", "\(count):a", "-c:v", "libx264", "-preset", "ultrafast", "-crf", "30", "-g", "60",
            "-c:a", "aac", "-b:a", "64k", "-t", "\(seconds)", "-f", "mp4",
        ])
    }

    struct Measurement: Decodable {
        var seconds: Double
        var peakMB: Double
        var frames: Int
        var scenes: Int
    }

    /// The child's side: analyse, then print seconds, VmHWM, frames and scenes.
    static func measureInProcess(_ url: URL) async throws {
        let start = ContinuousClock.now
        let analysis = try await VideoAnalyzer.analyze(url)
        let seconds = Bench.seconds(start.duration(to: .now))
        print("{\"seconds\": \(seconds), \"peakMB\": \(Bench.memoryMegabytes("VmHWM")), \"frames\": \(analysis.timeline.frames.count), \"scenes\": \(analysis.timeline.scenes.count)}")
    }

    /// qwen-vl-utils' fetch_video needs torch (and decord or PyAV).
    static func pythonPipelineAvailable() async -> Bool {
        (try? await ChildProcess("/usr/bin/env", ["python3", "-c", "import torch, qwen_vl_utils"]).run().succeeded) ?? false
    }
}
