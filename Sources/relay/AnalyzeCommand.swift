import ArgumentParser
import Foundation
import RelayAgent
import RelayKit
import RelayPlugins
import RelayJSON

/// `relay analyze`: Analyze video files into a timeline of scenes and events.
struct AnalyzeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyze video files into a timeline of scenes and events.",
        discussion: """
            Streams each file once: every frame is measured (brightness, colours, motion, cuts to the frame), the \
            audio in 100 ms windows (loudness, silence, speech), and the frames Qwen2.5-VL would sample at --fps are \
            planned. Prints a readable timeline per file; with --json one JSON object per file, one per line \
            (JSON Lines): {"file", "duration", "scenes": [{"start", "end", "keyframe_time", "dominant_colors", \
            "mean_brightness", "motion", "description"}], "events": [{"type": dark|bright|still|motion|loud|silent|speech, \
            "start", "end"}], "tokens": {as relay tokens --json}, "warnings": [...] (only when there are any)}. \
            Times are in seconds. A file that cannot be analysed gets a one-line error on stderr, the others are \
            still analysed, and the exit status is 1.
            """
    )

    @Argument(help: "Video (or audio) files to analyze.", completion: .file())
    var files: [String]

    @Flag(help: "Print one JSON object per file (JSON Lines).")
    var json = false

    @Option(help: ArgumentHelp("Write a self-contained HTML report of all files.", valueName: "FILE.html"))
    var report: String?

    @Option(help: "Frames per second Qwen2.5-VL samples (its default is 2).")
    var fps: Double = 2

    @Flag(help: "Import each video and its scene keyframes into Photos (through the dispatcher).")
    var toPhotos = false

    @Option(help: "With --to-photos: the album to file them in.")
    var album: String?

    @Option(help: "Files analysed at the same time.")
    var jobs: Int = 2

    @Option(help: ArgumentHelp("Relay's home folder (state of the simulated phone), for --to-photos.", valueName: "DIR"))
    var home: String?

    func validate() throws {
        guard fps > 0, fps <= 60, fps.isFinite else { throw ValidationError("--fps must be between 0 and 60, got \(fps)") }
        guard jobs >= 1, jobs <= 64 else { throw ValidationError("--jobs must be between 1 and 64, got \(jobs)") }
        if album != nil && !toPhotos { throw ValidationError("--album needs --to-photos") }
        if let report, report.isEmpty { throw ValidationError("--report needs a file name") }
    }

    func run() async throws {
        let urls = files.map { URL(fileURLWithPath: $0) }
        let progressLine = isatty(STDERR_FILENO) == 1 ? ProgressLine(total: urls.count) : nil
        let options = VideoAnalysisOptions(fps: fps)
        var report: (@Sendable (VideoAnalysisProgress) -> Void)?
        if let progressLine { report = { progressLine.update($0) } }
        let items = await VideoBatchAnalyzer.analyze(
            urls, jobs: jobs, options: options, progress: report,
            completed: { _, item in progressLine?.done(item.file) })
        progressLine?.clear()

        var failed = 0
        var analyses: [VideoAnalysis] = []
        for (n, item) in items.enumerated() {
            switch item.result {
            case .success(let analysis):
                analyses.append(analysis)
                if json {
                    print(analysis.json.compactJSON)
                } else {
                    if n > 0 { print() }
                    print(analysis.text)
                }
                for warning in analysis.warnings where json {
                    FileHandle.standardError.write(Data("relay analyze: '\(item.file.path)': warning: \(warning)\n".utf8))
                }
            case .failure(let error):
                failed += 1
                FileHandle.standardError.write(Data("relay analyze: \(Self.describe(error, file: item.file))\n".utf8))
            }
        }
        if let report = self.report {
            do {
                try VideoReport.write(analyses, to: URL(fileURLWithPath: report))
                if !json { print("\nReport written to \(report)") }
            } catch {
                FileHandle.standardError.write(Data("relay analyze: '\(report)': cannot write the report: \(error.localizedDescription)\n".utf8))
                failed += 1
            }
        }
        if toPhotos {
            let home = self.home.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? Dispatcher.defaultHome
            let dispatcher = Dispatcher(subsystems: InstalledPlugins.subsystems, home: home)
            for analysis in analyses {
                let outcome = await VideoPhotosImporter.importAnalysis(analysis, album: album, dispatcher: dispatcher)
                for result in outcome.results {
                    if json {
                        FileHandle.standardError.write(Data("relay analyze: '\(analysis.file.path)': photos: \(result.message)\n".utf8))
                    } else {
                        print("Photos (\(analysis.file.lastPathComponent)): \(result.message)")
                    }
                }
                if !outcome.succeeded {
                    failed += 1
                    if !json {
                        FileHandle.standardError.write(Data("relay analyze: '\(analysis.file.path)': not everything could be filed into Photos\n".utf8))
                    }
                }
            }
        }
        if failed > 0 { throw ExitCode.failure }
    }

    /// One line naming the file.
    static func describe(_ error: any Error, file: URL) -> String {
        let text = String(describing: error)
        return text.contains(file.path) ? text : "'\(file.path)': \(text)"
    }
}

/// The one progress line on a terminal's stderr, shared by parallel jobs.
///
/// `@unchecked Sendable`: every access to the mutable state goes through `lock`.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private var current: [URL: VideoAnalysisProgress] = [:]
    private var finished = 0
    private let total: Int
    private var lastRender = ContinuousClock.now - .seconds(1)

    init(total: Int) { self.total = total }

    func update(_ progress: VideoAnalysisProgress) {
        lock.withLock {
            current[progress.file] = progress
            // A terminal needs no more than ten updates a second.
            if ContinuousClock.now - lastRender >= .milliseconds(100) { render() }
        }
    }

    func done(_ file: URL) {
        lock.withLock {
            current[file] = nil
            finished += 1
            render()
        }
    }

    func clear() {
        lock.withLock { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    private func render() {
        let parts = current.values.sorted { $0.file.path < $1.file.path }.map { p in
            let pct = p.fraction.map { "\(Int($0 * 100))%" } ?? String(format: "%.0fs", p.time)
            return "\(p.file.lastPathComponent) \(pct)"
        }
        let line = "analyzing [\(finished)/\(total) done] " + parts.joined(separator: ", ")
        FileHandle.standardError.write(Data("\r\u{1B}[K\(line.prefix(120))".utf8))
        lastRender = ContinuousClock.now
    }
}
