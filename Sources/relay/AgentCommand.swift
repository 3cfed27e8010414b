import ArgumentParser
import Foundation
import RelayAgent
import RelayJSON
import RelayKit
import RelayMedia

/// `relay agent "TASK"`: Qwen2.5-VL's mobile_use loop on the phone's screen.
struct AgentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agent",
        abstract: "Carry out a task on the phone's screen, one mobile_use action per step, until terminate.",
        discussion: """
            Each step draws the screen, builds Qwen2.5-VL's mobile_use prompt (the tool description with "The \
            screen's resolution is WxH" in the smart-resized pixels, the task, the earlier actions as text, the \
            element list, the screenshot), asks the model for a <tool_call>, and acts on the screen (taps that change \
            state go through the dispatcher with origin "screen"). Without --model-url the embedded model's GUI skill \
            answers. --trajectory DIR keeps step-N.png, step-N.prompt.txt, step-N.json and an index.html to look at. \
            The screen starts where `relay screen` left it (<home>/screen.json) and is saved at the end. Exit status 1 \
            when the run does not end with terminate(success).
            Example: relay agent "Turn Wi-Fi off" --trajectory /tmp/wifi
            """
    )

    @Argument(help: ArgumentHelp("What to do, in words.", valueName: "task"))
    var task: String

    @Option(help: "The most steps to take.")
    var maxSteps: Int = 15

    @Option(help: ArgumentHelp("Save the trajectory here (PNG, prompt, answer and result per step; index.html).", valueName: "dir"),
            completion: .directory)
    var trajectory: String?

    @Flag(help: "Print one JSON object per step, then a summary object.")
    var json = false

    @Option(help: ArgumentHelp("Screen size in pixels (default: the saved screen's, else 1080x2400).", valueName: "WxH"))
    var size: String?

    @OptionGroup var model: ModelOptions
    @OptionGroup var home: HomeOptions

    func validate() throws {
        guard (1...200).contains(maxSteps) else { throw ValidationError("--max-steps is 1 to 200.") }
        if let size, FrameSize(parsing: size) == nil { throw ValidationError("--size is WIDTHxHEIGHT, such as 1080x2400 or 720x1280.") }
    }

    func run() async throws {
        let run: GUIRun
        do {
            let subsystems = await PhoneSubsystems.load(home: home.url, command: "agent").subsystems
            let dispatcher = Dispatcher(subsystems: subsystems, home: home.url)
            var state = try await ScreenState.load(home: home.url) ?? ScreenState(width: 1080, height: 2400)
            if let size, let parsed = FrameSize(parsing: size) {
                state.width = parsed.width
                state.height = parsed.height
                state.scroll = 0
            }
            let screen = try PhoneScreen(dispatcher: dispatcher, state: state)
            let gui: any GUIModel = model.usesServer ? ServedGUIModel(model: try model.makeModel()) : EmbeddedGUIModel()
            let folder = trajectory.map { URL(fileURLWithPath: ($0 as NSString).expandingTildeInPath, isDirectory: true) }
            let json = self.json
            let agent = GUIAgent(model: gui, encodes: folder != nil || model.usesServer)
            run = try await agent.run(task, on: screen, maxSteps: maxSteps) { step in
                if let folder { try await GUITrajectory.write(step, to: folder) }
                if json {
                    var o: JSONObject = ["step": .int(step.index), "answer": .string(step.answer), "result": step.result]
                    o["ms"] = ["render": .double(step.renderMs), "encode": .double(step.encodeMs), "answer": .double(step.answerMs), "act": .double(step.actMs)]
                    print(JSONValue.object(o).compactJSON)
                } else {
                    let status = step.result.objectValue?["status"]?.stringValue ?? "?"
                    let message = step.result.objectValue?["message"]?.stringValue ?? ""
                    let call = step.action.map { JSONValue.object($0.arguments).qwenJSON } ?? step.answer
                    print("\(step.index). \(call) → \(status): \(message)")
                }
            }
            try await screen.state.save(home: home.url)
            if let folder {
                try await GUITrajectory.writeIndex(task: task, run: run, to: folder)
                if !json { print("Trajectory: \(folder.appendingPathComponent("index.html").path)") }
            }
        } catch {
            printError("agent", "\(error)")
            throw ExitCode.failure
        }
        if json {
            let terminated: JSONValue = run.terminated.map { .string($0 ? "success" : "failure") } ?? .null
            print(JSONValue.object(["steps": .int(run.steps.count), "terminated": terminated, "ending": .string(run.ending)]).compactJSON)
        } else {
            print(run.ending)
        }
        if run.terminated != true { throw ExitCode.failure }
    }
}
