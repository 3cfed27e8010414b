import ArgumentParser
import Foundation
import RelayAgent
import RelayCore
import RelayPerception

/// `relay-bench scenes`: shot-boundary detection side by side with PySceneDetect.
struct ScenePeerBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenes",
        abstract: "Shot boundaries vs PySceneDetect: accuracy on the generated corpus, and `relay analyze` end to end.",
        discussion: """
            Generates ShotBoundaryCorpus (the clips the tests use: cuts in five codecs and a VFR file, same-colour \
            cuts, dissolves, fades, flashes, strobe, motion) into --cache-dir, then, --runs times: analyses every clip \
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

    @OptionGroup var options: BenchOptions

    @Flag(help: "Only the corpus, not the end-to-end clips.")
    var skipEndToEnd = false

    func run() async throws {
        guard peer == "pyscenedetect" else { throw ValidationError("unknown peer '\(peer)'; the one peer is pyscenedetect") }
        let folder = try options.cacheFolder()
        let runs = options.runs
        let clips = ShotBoundaryCorpus.clips
        for clip in clips {
            _ = try await Bench.clip(clip.fileName, in: folder, options: options, generate: clip.ffmpegGeneration)
        }
        let python = try await Self.scenedetectPython(python ?? ProcessInfo.processInfo.environment["RELAY_SCENEDETECT_PYTHON"])
        if python == nil {
            print("PySceneDetect: not installed (pass --python PATH or set RELAY_SCENEDETECT_PYTHON to a python with "
                + "scenedetect and opencv-python-headless); peer columns skipped")
        }

        // Accuracy and time on the corpus.
        var tools: [String: (score: ShotBoundaryScore, times: [Double])] = [:]
        for run in 0..<max(1, runs) {
            options.progress("corpus run \(run + 1) of \(runs) …")
            var relay = ShotBoundaryScore(), relayTime = 0.0
            for clip in clips {
                let start = ContinuousClock.now
                let analysis = try await VideoAnalyzer.analyze(folder.appendingPathComponent(clip.fileName))
                relayTime += Bench.seconds(ContinuousClock.now - start)
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
            let clip = try await endToEndClip(folder, size: size)
            var relayTimes: [Double] = [], peerTimes: [Double] = []
            for _ in 0..<max(1, runs) {
                relayTimes.append(try await Bench.timed(relayBinary.path, ["analyze", clip.path, "--json"]))
                if let scenedetect {
                    peerTimes.append(try await Bench.timed(scenedetect.path, ["-q", "-i", clip.path, "detect-content"]))
                }
            }
            var line = "\(name) H.264: relay analyze \(Self.spread(relayTimes))"
            if !peerTimes.isEmpty {
                line += "; scenedetect detect-content \(Self.spread(peerTimes)); ratio \(String(format: "%.2f", Spread(relayTimes).median / Spread(peerTimes).median))× (below 1: Relay faster)"
            }
            print(line)
        }
    }

    /// A 20 s H.264 clip with a cut every 5 s (moving test pattern, colour bars, a zooming fractal), made once.
    func endToEndClip(_ folder: URL, size: String) async throws -> URL {
        let graph = "testsrc2=s=\(size):r=30:d=5[a];smptehdbars=s=\(size):r=30:d=5[b];mandelbrot=s=\(size):r=30,trim=duration=5[c];"
            + "testsrc=s=\(size):r=30:d=5[d];[a][b][c][d]concat=n=4:v=1:a=0,format=yuv420p[v]"
        return try await Bench.clip("scenes-\(size)-20s.mp4", in: folder, options: options, generate: [
            "-filter_complex", graph, "-f", "lavfi", "-i", "sine=f=330:r=48000:d=20", "-map", "[v]", "-map", "0:a",
            "-c:v", "libx264", "-preset", "veryfast", "-g", "60", "-c:a", "aac", "-b:a", "64k", "-t", "20", "-f", "mp4",
        ])
    }

    /// `python` when it can import scenedetect and cv2, else nil.
    static func scenedetectPython(_ python: String?) async throws -> String? {
        guard let python, FileManager.default.isExecutableFile(atPath: python) else { return nil }
        return (try? await ChildProcess(python, ["-c", "import scenedetect, cv2"]).run().succeeded) == true ? python : nil
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
        let output = try await Bench.tool(python, ["-c", script, detector] + files.map(\.path)).stdoutText
        var results: [String: (cuts: [Double], seconds: Double)] = [:]
        for line in output.split(separator: "\n") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let file = object["file"] as? String
            else { continue }
            results[file] = ((object["cuts"] as? [Double]) ?? [], (object["seconds"] as? Double) ?? 0)
        }
        return results
    }

    /// "median s (min–max)".
    static func spread(_ values: [Double]) -> String {
        let spread = Spread(values)
        return String(format: "%.2f s (%.2f–%.2f)", spread.median, spread.min, spread.max)
    }
}
