import ArgumentParser
import Foundation
import RelayAgent
import RelayModel

/// `relay-bench scenes`: shot-boundary detection side by side with PySceneDetect.
struct ScenePeerBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenes",
        abstract: "Shot boundaries vs PySceneDetect: accuracy on the generated corpus, and `relay analyze` end to end.",
        discussion: """
            Generates ShotBoundaryCorpus (the clips the tests use: cuts in five codecs and a VFR file, same-colour \
            cuts, dissolves, fades, flashes, strobe, motion) into --cache, then, --runs times: analyses every clip \
            with Relay (in this process) and with PySceneDetect's ContentDetector and AdaptiveDetector (one Python \
            process, default settings), and prints precision / recall / F1 for hard cuts (within one frame) and \
            gradual transitions (within 0.5 s), flashes taken for cuts, and the summed analysis time (median and \
            min–max over the runs). Then times `relay analyze FILE --json` against `scenedetect -i FILE -q \
            detect-content` on a 1080p and a 720p 20 s H.264 clip, both as fresh processes (start-up included). \
            PySceneDetect comes from --python or RELAY_SCENEDETECT_PYTHON (a venv's python with scenedetect and \
            opencv-python-headless); without it the peer columns are skipped. Build in release (`swift build -c \
            release`, so the `relay` binary next to this one is current).
            """
    )

    @Option(help: "Peer to compare with (only pyscenedetect).")
    var peer: String = "pyscenedetect"

    @Option(help: ArgumentHelp("Python with scenedetect installed (default: $RELAY_SCENEDETECT_PYTHON).", valueName: "PATH"))
    var python: String?

    @Option(help: ArgumentHelp("Folder for the generated clips (kept between runs).", valueName: "DIR"))
    var cache: String = FileManager.default.temporaryDirectory.appendingPathComponent("relay-bench-scenes").path

    @Option(help: "Repetitions (median and spread are printed).")
    var runs: Int = 3

    @Flag(help: "Only the corpus, not the end-to-end clips.")
    var skipEndToEnd = false

    func run() async throws {
        guard peer == "pyscenedetect" else { throw ValidationError("unknown peer '\(peer)'; the one peer is pyscenedetect") }
        let folder = URL(fileURLWithPath: cache)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let clips = ShotBoundaryCorpus.clips
        for clip in clips where !FileManager.default.fileExists(atPath: folder.appendingPathComponent(clip.fileName).path) {
            let output = folder.appendingPathComponent(clip.fileName)
            _ = try await Self.run("ffmpeg", clip.ffmpegArguments(output: output))
        }
        let python = try await Self.scenedetectPython(python ?? ProcessInfo.processInfo.environment["RELAY_SCENEDETECT_PYTHON"])
        if python == nil {
            print("PySceneDetect: not installed (pass --python PATH or set RELAY_SCENEDETECT_PYTHON to a python with "
                + "scenedetect and opencv-python-headless); peer columns skipped")
        }

        // Accuracy and time on the corpus.
        var tools: [String: (score: ShotBoundaryScore, times: [Double])] = [:]
        for run in 0..<max(1, runs) {
            FileHandle.standardError.write(Data("corpus run \(run + 1) of \(runs)…\n".utf8))
            var relay = ShotBoundaryScore(), relayTime = 0.0
            for clip in clips {
                let start = ContinuousClock.now
                let analysis = try await VideoAnalyzer.analyze(folder.appendingPathComponent(clip.fileName))
                relayTime += Self.seconds(ContinuousClock.now - start)
                relay = relay + ShotBoundaryScore(analysis.timeline.boundaries.map(ShotBoundaryScore.Detection.init), against: clip)
            }
            tools["Relay", default: (relay, [])].times.append(relayTime)
            tools["Relay"]?.score = relay
            guard let python else { continue }
            for detector in ["ContentDetector", "AdaptiveDetector"] {
                let found = try await Self.pyscenedetect(python, detector: detector, files: clips.map { folder.appendingPathComponent($0.fileName) })
                var score = ShotBoundaryScore(), time = 0.0
                for clip in clips {
                    let result = found[clip.fileName] ?? (cuts: [], seconds: 0)
                    time += result.seconds
                    score = score + ShotBoundaryScore(result.cuts.map(ShotBoundaryScore.Detection.cut), against: clip)
                }
                tools["PySceneDetect \(detector)", default: (score, [])].times.append(time)
                tools["PySceneDetect \(detector)"]?.score = score
            }
        }
        print("Corpus: \(clips.count) clips, \(clips.reduce(0) { $0 + $1.truth.filter { !$0.isGradual }.count }) hard cuts, "
            + "\(clips.reduce(0) { $0 + $1.truth.filter(\.isGradual).count }) gradual transitions, "
            + "\(clips.reduce(0) { $0 + $1.flashes.count }) flash/strobe spans; \(runs) runs")
        print("tool                              hard P / R / F1        gradual P / R / F1     flash cuts  analysis s (median, min–max)")
        for name in ["Relay", "PySceneDetect ContentDetector", "PySceneDetect AdaptiveDetector"] {
            guard let tool = tools[name] else { continue }
            let h = tool.score.hard, g = tool.score.gradual
            print(String(
                format: "%@ %.2f / %.2f / %.3f     %.2f / %.2f / %.3f     %d           %@",
                name.padding(toLength: 33, withPad: " ", startingAt: 0), h.precision, h.recall, h.f1, g.precision,
                g.recall, g.f1, tool.score.flashesTakenForCuts, Self.spread(tool.times)))
        }
        if skipEndToEnd { return }

        // End to end, process start included.
        let relayBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("relay")
        guard FileManager.default.isExecutableFile(atPath: relayBinary.path) else {
            print("end to end skipped: no `relay` binary next to relay-bench (\(relayBinary.path)); run `swift build -c release`")
            return
        }
        let scenedetect = python.map { URL(fileURLWithPath: $0).deletingLastPathComponent().appendingPathComponent("scenedetect") }
        for (name, size) in [("1080p 20 s", "1920x1080"), ("720p 20 s", "1280x720")] {
            let clip = try await Self.endToEndClip(folder, size: size)
            var relayTimes: [Double] = [], peerTimes: [Double] = []
            for _ in 0..<max(1, runs) {
                relayTimes.append(try await Self.run(relayBinary.path, ["analyze", clip.path, "--json"]))
                if let scenedetect {
                    peerTimes.append(try await Self.run(scenedetect.path, ["-q", "-i", clip.path, "detect-content"]))
                }
            }
            var line = "\(name) H.264: relay analyze \(Self.spread(relayTimes))"
            if !peerTimes.isEmpty {
                line += "; scenedetect detect-content \(Self.spread(peerTimes)); ratio \(String(format: "%.2f", Self.median(relayTimes) / Self.median(peerTimes)))× (below 1: Relay faster)"
            }
            print(line)
        }
    }

    /// A 20 s H.264 clip with a cut every 5 s (moving test pattern, colour bars, a zooming fractal), made once.
    static func endToEndClip(_ folder: URL, size: String) async throws -> URL {
        let url = folder.appendingPathComponent("scenes-\(size)-20s.mp4")
        if FileManager.default.fileExists(atPath: url.path) { return url }
        FileHandle.standardError.write(Data("generating \(url.lastPathComponent) (once)…\n".utf8))
        let partial = folder.appendingPathComponent("partial-\(url.lastPathComponent)")
        let graph = "testsrc2=s=\(size):r=30:d=5[a];smptehdbars=s=\(size):r=30:d=5[b];mandelbrot=s=\(size):r=30,trim=duration=5[c];"
            + "testsrc=s=\(size):r=30:d=5[d];[a][b][c][d]concat=n=4:v=1:a=0,format=yuv420p[v]"
        _ = try await run("ffmpeg", [
            "-hide_banner", "-loglevel", "error", "-y", "-filter_complex", graph, "-f", "lavfi", "-i",
            "sine=f=330:r=48000:d=20", "-map", "[v]", "-map", "0:a", "-c:v", "libx264", "-preset", "veryfast", "-g", "60",
            "-c:a", "aac", "-b:a", "64k", "-t", "20", "-f", "mp4", partial.path,
        ])
        try FileManager.default.moveItem(at: partial, to: url)
        return url
    }

    /// `python` when it can import scenedetect and cv2, else nil.
    static func scenedetectPython(_ python: String?) async throws -> String? {
        guard let python, FileManager.default.isExecutableFile(atPath: python) else { return nil }
        return (try? await run(python, ["-c", "import scenedetect, cv2"], quiet: true)) != nil ? python : nil
    }

    /// Runs one PySceneDetect detector over `files` in one Python process: each file's cut times and detection time.
    static func pyscenedetect(_ python: String, detector: String, files: [URL]) async throws
        -> [String: (cuts: [Double], seconds: Double)]
    {
        let script = """
            import json, sys, time
            import scenedetect
            detector = getattr(scenedetect, sys.argv[1])
            for path in sys.argv[2:]:
                start = time.perf_counter()
                scenes = scenedetect.detect(path, detector())
                elapsed = time.perf_counter() - start
                cuts = [s[0].seconds if hasattr(s[0], "seconds") else s[0].get_seconds() for s in scenes[1:]]
                print(json.dumps({"file": path.rsplit("/", 1)[-1], "cuts": cuts, "seconds": elapsed}), flush=True)
            """
        let output = try await capture(python, ["-c", script, detector] + files.map(\.path))
        var results: [String: (cuts: [Double], seconds: Double)] = [:]
        for line in output.split(separator: "\n") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let file = object["file"] as? String
            else { continue }
            results[file] = ((object["cuts"] as? [Double]) ?? [], (object["seconds"] as? Double) ?? 0)
        }
        return results
    }

    /// Runs `tool` (a path, or a name looked up on PATH) to completion; returns its wall time. Awaited through
    /// the termination handler, so no cooperative thread blocks.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String], quiet: Bool = false) async throws -> Double {
        let start = ContinuousClock.now
        _ = try await launch(tool, arguments, captureOutput: false, quiet: quiet)
        return seconds(ContinuousClock.now - start)
    }

    /// Runs `tool` and returns its standard output.
    static func capture(_ tool: String, _ arguments: [String]) async throws -> String {
        try await launch(tool, arguments, captureOutput: true, quiet: false)
    }

    private static func launch(_ tool: String, _ arguments: [String], captureOutput: Bool, quiet: Bool) async throws -> String {
        let process = Process()
        if tool.contains("/") {
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [tool] + arguments
        }
        let output = Pipe()
        process.standardOutput = captureOutput ? output : FileHandle.nullDevice
        if quiet { process.standardError = FileHandle.nullDevice }
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        // The output is small (a line per file), so the pipe's buffer holds it until the process has ended.
        let data = captureOutput ? output.fileHandleForReading.readDataToEndOfFile() : Data()
        guard status == 0 else { throw ValidationError("\(tool) \(arguments.prefix(3).joined(separator: " ")) failed (exit \(status))") }
        return String(decoding: data, as: UTF8.self)
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    /// "median s (min–max)".
    static func spread(_ values: [Double]) -> String {
        String(format: "%.2f s (%.2f–%.2f)", median(values), values.min() ?? 0, values.max() ?? 0)
    }
}
