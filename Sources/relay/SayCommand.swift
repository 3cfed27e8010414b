import ArgumentParser
import Foundation
import RelayAgent
import RelayKit
import RelayPlugins
import RelayJSON

/// `relay say`: Carry out a command given as text.
struct SayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "say",
        abstract: "Carry out a command given as text.",
        discussion: """
            The same loop as relay listen, starting from words: the model (the embedded Qwen2.5-VL stub unless a \
            model server is configured) turns them into a tool call, which the dispatcher runs. Destructive actions \
            ask for confirmation on a terminal (or pass --yes); a missing argument is asked for on a terminal. \
            With --json, one JSON object per step; the last line is the outcome \
            {"transcript", "tool_call": {"name", "arguments"} | null, "status", "reply"}. \
            The exit status is 0 when the status is done, 1 otherwise.
            Example: relay say "set a timer for ten minutes"
            """
    )

    @Argument(help: "What to do, in words, e.g. \"turn on wifi\".")
    var text: String

    @Flag(name: [.long, .customShort("y")], help: "Confirm a destructive action without asking.")
    var yes = false

    @Flag(help: "Print each step and the outcome as JSON lines.")
    var json = false

    @OptionGroup var home: HomeOptions

    @OptionGroup var model: ModelOptions

    func run() async throws {
        let subsystems = await PhoneSubsystems.load(home: home.url, command: "say").subsystems
        let dispatcher = Dispatcher(subsystems: subsystems, home: home.url)
        let runner = try await model.commandRunner(dispatcher: dispatcher, home: home.url)
        let interaction: any CommandInteraction = yes || !KeyboardInteraction.isAvailable
            ? UnattendedInteraction(confirmsEverything: yes) : KeyboardInteraction()
        let json = self.json
        let outcome = await runner.run(text, origin: .text, interaction: interaction) { event in
            SayCommand.print(event, json: json)
        }
        if outcome.status != .done { throw ExitCode.failure }
    }

    /// Prints one event: a JSON line with --json, else its human line (replies on stdout, the rest on stderr).
    static func print(_ event: VoiceEvent, json: Bool) {
        // Written straight to the file handles so JSON lines stream through pipes as they happen.
        if json {
            FileHandle.standardOutput.write(Data((event.json.compactJSON + "\n").utf8))
            return
        }
        guard let line = event.line else { return }
        if case .reply = event {
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        } else {
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }
}
