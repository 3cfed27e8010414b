import ArgumentParser
import Foundation
import RelayKit
import RelayModel
import RelayPlugins

/// The `relay` command: media in, understanding, actions out.
@main
struct Relay: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relay",
        abstract: "A multimodal device-control agent: hear or watch, understand, act on a simulated phone.",
        discussion: """
            Every command takes --json. State lives under --home or RELAY_HOME (default ~/.local/share/relay).
            Exit status: 0 success, 1 a command or file failed, 2 a wrong option or argument.
            """,
        subcommands: [
            // Media
            ProbeCommand.self, FramesCommand.self,
            // Model
            TokensCommand.self, PromptCommand.self,
            // Phone
            ActionsCommand.self, CallCommand.self, UndoCommand.self, StateCommand.self, ScreenCommand.self, AgentCommand.self, RunCommand.self, PhotosCommand.self, PluginCommand.self, MCPCommand.self,
            // Voice
            ListenCommand.self, SayCommand.self,
            // Set-up
            DoctorCommand.self,
            // Video
            AnalyzeCommand.self, AskCommand.self,
        ]
    )

    /// Runs a command, after making the installed plugins' tools visible to the model layer.
    ///
    /// Usage errors exit with 2, as Python's argparse (and so the qwen-vl-utils reference) does,
    /// rather than ArgumentParser's default 64: scripts that wrap Relay test for 2.
    static func main() async {
        RegisteredTools.install { ActionCatalog(subsystems: InstalledPlugins.subsystems).toolSpecs }
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                var stderr = StandardErrorStream()
                print(fullMessage(for: error), to: &stderr)
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Standard error as a `TextOutputStream`, for `print(_:to:)`.
private struct StandardErrorStream: TextOutputStream {
    mutating func write(_ string: String) { FileHandle.standardError.write(Data(string.utf8)) }
}
