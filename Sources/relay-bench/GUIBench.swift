import ArgumentParser
import Foundation
import RelayAgent
import RelayCore
import RelayKit
import RelayMedia
import RelayPlugins

/// `relay-bench gui`: the seeded phone tasks carried out by the embedded model's GUI skill, judged from state.
struct GUIBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gui",
        abstract: "Seeded phone tasks (AndroidWorld-style) run by the embedded mobile_use agent: success rate, steps, timings.",
        discussion: """
            Every template (switches, levels, alarms, messages, photos, the camera, impossible goals) with --seeds seeds, \
            each on a fresh home in a temporary folder: set-up, the agent from the home screen within the task's step \
            budget, then a success check on the apps' SQLite state (an impossible task succeeds only with \
            terminate(failure) and no change). Prints the success rate, steps per task, and p50/p95 in milliseconds of \
            render (layout + drawing), PNG encoding, the action, and a whole step (render + encode + answer + act); \
            with --by-screen, render and step per screen. With --runs N the whole set runs N times (a fresh renderer \
            each time) and the last lines give each figure's median and range over the runs, with the 1-minute load \
            average before and after each run. Targets (issue 18): ≥ 90 % of 60 tasks; render < 20 ms and step < 60 ms \
            at 1080x2400 (p95). Build in release.
            """
    )

    @Option(help: "Seeds per template.")
    var seeds: Int = 6

    @Option(help: "Only these templates, comma-separated (default: all).")
    var templates: String?

    @Option(help: ArgumentHelp("Screen size.", valueName: "WxH"))
    var size: String = "1080x2400"

    @Option(help: "Run the whole set this many times; summarise each figure over the runs.")
    var runs: Int = 1

    @Flag(help: "Also print render and step timings per screen (home, settings.main, photos.main, …).")
    var byScreen = false

    @Flag(help: "Print each task's steps.")
    var verbose = false

    /// One run's p50 and p95 of each figure, and the load around it.
    struct RunFigures {
        var figures: [String: (p50: Double, p95: Double)] = [:]
        var load: (before: Double, after: Double)
    }

    func run() async throws {
        guard let size = FrameSize(parsing: size) else { throw ValidationError("--size is WIDTHxHEIGHT") }
        guard runs >= 1 else { throw ValidationError("--runs is at least 1") }
        let names = templates.map { $0.split(separator: ",").map(String.init) } ?? GUITask.templates
        let tasks = names.flatMap { t in (0..<seeds).compactMap { GUITask.make(t, seed: UInt64($0)) } }
        guard !tasks.isEmpty else { throw ValidationError("No such template; there are \(GUITask.templates.joined(separator: ", ")).") }
        var all: [RunFigures] = []
        for r in 0..<runs {
            if runs > 1 { print("run \(r + 1) of \(runs)") }
            all.append(try await runOnce(tasks, size: size))
        }
        guard runs > 1 else { return }
        print("over \(runs) runs (median, range of the runs' figures); load \(all.map { String(format: "%.1f→%.1f", $0.load.before, $0.load.after) }.joined(separator: ", "))")
        for name in ["render", "PNG", "act", "step"] {
            let p50 = all.compactMap { $0.figures[name]?.p50 }, p95 = all.compactMap { $0.figures[name]?.p95 }
            print(String(format: "  %@: p50 %.1f (%.1f–%.1f), p95 %.1f (%.1f–%.1f) ms", name, ScreenBench.quantile(p50, 0.5), p50.min() ?? 0, p50.max() ?? 0,
                         ScreenBench.quantile(p95, 0.5), p95.min() ?? 0, p95.max() ?? 0))
        }
    }

    private func runOnce(_ tasks: [GUITask], size: FrameSize) async throws -> RunFigures {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("relay-bench-gui-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let loadBefore = Self.loadAverage()
        var ok = 0, stepCounts: [Double] = []
        var render: [Double] = [], encode: [Double] = [], act: [Double] = [], step: [Double] = []
        var perScreen: [String: (render: [Double], step: [Double])] = [:]
        var failures: [String] = []
        // One renderer for every task, as one phone would keep its fonts loaded (and its pictures).
        let renderer = try await BlockingWork.run { try ScreenRenderer() }
        for (i, task) in tasks.enumerated() {
            let home = root.appendingPathComponent("\(i)", isDirectory: true)
            let outcome = try await task.run(agent: GUIAgent(), subsystems: InstalledPlugins.subsystems, home: home, width: size.width, height: size.height, renderer: renderer)
            if outcome.success { ok += 1 } else { failures.append("\(task.template) #\(task.seed) “\(task.goal)”: \(outcome.run.ending)") }
            stepCounts.append(Double(outcome.run.steps.count))
            for s in outcome.run.steps {
                let whole = s.renderMs + s.encodeMs + s.answerMs + s.actMs
                render.append(s.renderMs)
                encode.append(s.encodeMs)
                act.append(s.actMs)
                step.append(whole)
                perScreen[s.screen, default: ([], [])].render.append(s.renderMs)
                perScreen[s.screen, default: ([], [])].step.append(whole)
            }
            if verbose {
                print("\(outcome.success ? "ok  " : "FAIL") \(task.template) #\(task.seed) “\(task.goal)” in \(outcome.run.steps.count) steps: "
                      + outcome.run.steps.map { $0.action.map { "\($0.arguments["action"]?.stringValue ?? "?")" } ?? "invalid" }.joined(separator: ", "))
            }
            try? FileManager.default.removeItem(at: home)
        }
        let loadAfter = Self.loadAverage()
        let rate = Double(ok) / Double(tasks.count) * 100
        print(String(format: "%d/%d tasks succeeded (%.1f %%) at %@; steps per task p50 %.0f, max %.0f; load %.1f→%.1f", ok, tasks.count, rate, "\(size)",
                     ScreenBench.quantile(stepCounts, 0.5), stepCounts.max() ?? 0, loadBefore, loadAfter))
        print("render (layout + draw) \(ScreenBench.summary(render)); PNG \(ScreenBench.summary(encode)); act \(ScreenBench.summary(act)); whole step \(ScreenBench.summary(step))")
        if byScreen {
            for (name, times) in perScreen.sorted(by: { $0.key < $1.key }) {
                print("  \(name) (\(times.render.count) steps): render \(ScreenBench.summary(times.render)); step \(ScreenBench.summary(times.step))")
            }
            print("  pictures: \(renderer.pictureStatistics)")
        }
        for f in failures { print("failed: \(f)") }
        func q(_ v: [Double]) -> (Double, Double) { (ScreenBench.quantile(v, 0.5), ScreenBench.quantile(v, 0.95)) }
        return RunFigures(figures: ["render": q(render), "PNG": q(encode), "act": q(act), "step": q(step)], load: (loadBefore, loadAfter))
    }

    /// The 1-minute load average (/proc/loadavg), 0 when unreadable.
    static func loadAverage() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return 0 }
        return Double(text.split(separator: " ").first ?? "") ?? 0
    }
}
