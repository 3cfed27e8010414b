import ArgumentParser

/// `relay plugin`: Create and inspect plugins.
struct PluginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plugin", abstract: "Create and inspect plugins.")

    func run() async throws {
        throw ValidationError("relay plugin is not implemented yet")
    }
}
