import ArgumentParser

/// The `relay` command: media in, understanding, actions out.
@main
struct Relay: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relay",
        abstract: "A multimodal device-control agent: hear or watch, understand, act on a simulated phone.",
        subcommands: [
            // Media
            ProbeCommand.self, FramesCommand.self,
            // Model
            TokensCommand.self, PromptCommand.self,
            // Phone
            ActionsCommand.self, CallCommand.self, StateCommand.self, PhotosCommand.self, PluginCommand.self,
            // Voice
            ListenCommand.self, SayCommand.self,
            // Video
            AnalyzeCommand.self, AskCommand.self,
        ]
    )
}
