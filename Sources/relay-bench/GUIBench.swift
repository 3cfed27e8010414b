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
            render (layout + drawing), PNG encoding, the action, and a whole step (render + encode + answer + act). \
            Targets (issue 18): ≥ 90 % of 60 tasks; render < 20 ms and step < 60 ms at 1080x2400 (p95). Build in release.
            """
    )

    @Option(help: "Seeds per template.")
    var seeds: Int = 6

    @Option(help: "Only these templates, comma-separated (default: all).")
    var templates: String?

    @Option(help: ArgumentHelp("Screen size.", valueName: "WxH"))
    var size: String = "1080x2400"

    @Flag(help: "Print each task's steps.")
    var verbose = false

    func run() async throws {
        guard let size = FrameSize(parsing: size) else { throw ValidationError("--size is WIDTHxHEIGHT") }
        let names = templates.map { $0.split(separator: ",").map(String.init) } ?? GUITask.templates
        let tasks = names.flatMap { t in (0..<seeds).compactMap { GUITask.make(t, seed: UInt64($0)) } }
        guard !tasks.isEmpty else { throw ValidationError("No such template; there are \(GUITask.templates.joined(separator: ", ")).") }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("relay-bench-gui-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: root) }
        var ok = 0, stepCounts: [Double] = []
        var render: [Double] = [], encode: [Double] = [], act: [Double] = [], step: [Double] = []
        var failures: [String] = []
        // One renderer for every task, as one phone would keep its fonts loaded.
        let renderer = try await BlockingWork.run { try ScreenRenderer() }
        for (i, task) in tasks.enumerated() {
            let home = root.appendingPathComponent("\(i)", isDirectory: true)
            let outcome = try await task.run(agent: GUIAgent(), subsystems: InstalledPlugins.subsystems, home: home, width: size.width, height: size.height, renderer: renderer)
            if outcome.success { ok += 1 } else { failures.append("\(task.template) #\(task.seed) “\(task.goal)”: \(outcome.run.ending)") }
            stepCounts.append(Double(outcome.run.steps.count))
            for s in outcome.run.steps {
                render.append(s.renderMs)
                encode.append(s.encodeMs)
                act.append(s.actMs)
                step.append(s.renderMs + s.encodeMs + s.answerMs + s.actMs)
            }
            if verbose {
                print("\(outcome.success ? "ok  " : "FAIL") \(task.template) #\(task.seed) “\(task.goal)” in \(outcome.run.steps.count) steps: "
                      + outcome.run.steps.map { $0.action.map { "\($0.arguments["action"]?.stringValue ?? "?")" } ?? "invalid" }.joined(separator: ", "))
            }
            try? FileManager.default.removeItem(at: home)
        }
        let rate = Double(ok) / Double(tasks.count) * 100
        print(String(format: "%d/%d tasks succeeded (%.1f %%) at %@; steps per task p50 %.0f, max %.0f", ok, tasks.count, rate, "\(size)",
                     ScreenBench.quantile(stepCounts, 0.5), stepCounts.max() ?? 0))
        print("render (layout + draw) \(ScreenBench.summary(render)); PNG \(ScreenBench.summary(encode)); act \(ScreenBench.summary(act)); whole step \(ScreenBench.summary(step))")
        for f in failures { print("failed: \(f)") }
    }
}
