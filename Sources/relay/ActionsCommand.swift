import ArgumentParser

/// `relay actions`: List every action of the installed subsystems.
struct ActionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "actions", abstract: "List every action of the installed subsystems.")

    func run() async throws {
        throw ValidationError("relay actions is not implemented yet")
    }
}
