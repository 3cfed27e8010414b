import ArgumentParser
import Foundation
import RelayAgent
import RelayModel

/// `relay-bench video`: Video analysis vs the ffmpeg CLI and the reference Python pipeline.
struct VideoBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "video",
        abstract: "Video analysis vs the ffmpeg CLI and the reference Python pipeline.",
        discussion: """
            Generates (once, into --cache) a 10 s 1080p clip and a 10-minute 720p clip (H.264 + AAC, with cuts), then \
            times `relay analyze`'s pipeline on each — in a child process, so its peak memory (VmHWM) is its own — \
            against the ffmpeg CLI doing the same decode and sampling work (every frame scaled to the analysis size \
            as RGB24, audio resampled to 16 kHz mono: `ffmpeg -threads 0 -i F -vf scale=W:H:flags=area,format=rgb24 -ac 1 -ar 16000 \
            -f null -`), and against qwen-vl-utils' fetch_video when it is installed (it needs torch). Prints ratios \
            (Relay / peer: below 1 is faster). Build in release for meaningful figures.
            """
    )

    @Option(help: ArgumentHelp("Folder for the generated clips (kept between runs).", valueName: "DIR"))
    var cache: String = FileManager.default.temporaryDirectory.appendingPathComponent("relay-bench-video").path

    @Option(help: "Length of the long 720p clip in minutes.")
    var longMinutes: Double = 10

    @Flag(help: "Only the short 1080p clip.")
    var skipLong = false

    @Flag(help: "Print the figures as one JSON object.")
    var json = false

    @Option(help: .hidden)
    var analyzeOne: String?

    func run() async throws {
        if let analyzeOne {
            try await Self.measureInProcess(URL(fileURLWithPath: analyzeOne))
            return
        }
        let folder = URL(fileURLWithPath: cache)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var clips: [(name: String, url: URL)] = []
        clips.append(("1080p 10 s", try Self.clip(folder, name: "bench-1080p-10s.mp4", size: "1920x1080", seconds: 10)))
        if !skipLong {
            let seconds = Int(longMinutes * 60)
            clips.append(("720p \(Self.minutes(seconds))", try Self.clip(folder, name: "bench-720p-\(seconds)s.mp4", size: "1280x720", seconds: seconds)))
        }
        let python = Self.pythonPipelineAvailable()
        var rows: [JSONValue] = []
        for (name, url) in clips {
            if !json { FileHandle.standardError.write(Data("measuring \(name)…\n".utf8)) }
            let relay = try Self.measureChild(url)
            let size = VideoAnalyzer.measuringSize(of: url) ?? (320, 180)
            let ffmpeg = try Self.time("ffmpeg", [
                "-hide_banner", "-loglevel", "error", "-threads", "0", "-i", url.path,
                "-vf", "scale=\(size.0):\(size.1):flags=area,format=rgb24", "-ac", "1", "-ar", "16000", "-f", "null", "-",
            ])
            var row = JSONObject()
            row["clip"] = .string(name)
            row["relay_seconds"] = .double(Self.round(relay.seconds))
            row["ffmpeg_seconds"] = .double(Self.round(ffmpeg))
            row["ratio_vs_ffmpeg"] = .double(Self.round(relay.seconds / ffmpeg))
            row["peak_rss_mb"] = .double(Self.round(relay.peakMB, 1))
            row["frames"] = .int(relay.frames)
            row["scenes"] = .int(relay.scenes)
            row["qwen_vl_utils"] = python ? .string("installed but not run: see README") : .string("not installed")
            rows.append(.object(row))
            if !json {
                print(String(
                    format: "%@: relay %.2f s (%d frames, %d scenes), ffmpeg CLI %.2f s → %.2f× (target ≤ 1.3×); peak RSS %.0f MB (target < 200); qwen-vl-utils fetch_video: %@",
                    name, relay.seconds, relay.frames, relay.scenes, ffmpeg, relay.seconds / ffmpeg, relay.peakMB,
                    python ? "installed" : "not installed (needs torch)"))
            }
        }
        if json { print(JSONValue.object(["clips": .array(rows)]).compactJSON) }
    }

    /// Generates a clip with cuts every 5 s (testsrc2 / smptebars / mandelbrot alternating) and a tone, unless cached.
    static func clip(_ folder: URL, name: String, size: String, seconds: Int) throws -> URL {
        let url = folder.appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: url.path) { return url }
        FileHandle.standardError.write(Data("generating \(name) (once)…\n".utf8))
        let partial = folder.appendingPathComponent("partial-\(name)")
        let segments = max(1, seconds / 5)
        let sources = ["testsrc2", "smptehdbars", "testsrc"]
        var inputs: [String] = []
        for i in 0..<min(segments, 3) {
            inputs += ["-f", "lavfi", "-i", "\(sources[i % 3])=s=\(size):r=30:d=5"]
        }
        let count = min(segments, 3)
        let labels = (0..<count).map { "[\($0):v]" }.joined()
        // Loop the concatenated 15 s pattern to the full length: cuts every 5 s, flat in content.
        _ = try time("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y"] + inputs + [
            "-f", "lavfi", "-i", "sine=f=330:r=48000:d=\(seconds)",
            "-filter_complex", "\(labels)concat=n=\(count):v=1:a=0,loop=loop=-1:size=\(count * 150),trim=duration=\(seconds),setpts=N/30/TB,format=yuv420p[v]",
            "-map", "[v]", "-map", "\(count):a", "-c:v", "libx264", "-preset", "ultrafast", "-crf", "30", "-g", "60",
            "-c:a", "aac", "-b:a", "64k", "-t", "\(seconds)", "-f", "mp4", partial.path,
        ])
        try FileManager.default.moveItem(at: partial, to: url)
        return url
    }

    struct Measurement: Decodable {
        var seconds: Double
        var peakMB: Double
        var frames: Int
        var scenes: Int
    }

    /// Runs this binary with `--analyze-one` and reads its measurement.
    static func measureChild(_ url: URL) throws -> Measurement {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        if !FileManager.default.isExecutableFile(atPath: process.executableURL?.path ?? "") {
            process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        }
        process.arguments = ["video", "--analyze-one", url.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ValidationError("analysing \(url.path) failed") }
        return try JSONDecoder().decode(Measurement.self, from: data)
    }

    /// The child's side: analyse, then print seconds, VmHWM, frames and scenes.
    static func measureInProcess(_ url: URL) async throws {
        let start = ContinuousClock.now
        let analysis = try await VideoAnalyzer.analyze(url)
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let hwm = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
            .flatMap { Double($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
        print("{\"seconds\": \(seconds), \"peakMB\": \(hwm / 1024), \"frames\": \(analysis.timeline.frames.count), \"scenes\": \(analysis.timeline.scenes.count)}")
    }

    /// Wall time of a tool run to completion.
    static func time(_ tool: String, _ arguments: [String], quiet: Bool = false) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        process.standardOutput = FileHandle.nullDevice
        if quiet { process.standardError = FileHandle.nullDevice }
        let start = ContinuousClock.now
        try process.run()
        process.waitUntilExit()
        let elapsed = ContinuousClock.now - start
        guard process.terminationStatus == 0 else { throw ValidationError("\(tool) failed (exit \(process.terminationStatus))") }
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// qwen-vl-utils' fetch_video needs torch (and decord or PyAV).
    static func pythonPipelineAvailable() -> Bool {
        (try? time("python3", ["-c", "import torch, qwen_vl_utils"], quiet: true)) != nil
    }

    static func round(_ x: Double, _ places: Int = 3) -> Double {
        let scale = pow(10, Double(places))
        return (x * scale).rounded() / scale
    }

    static func minutes(_ seconds: Int) -> String { seconds % 60 == 0 ? "\(seconds / 60) min" : "\(seconds) s" }
}
