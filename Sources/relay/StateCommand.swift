import ArgumentParser

/// `relay state`: Show the state of a subsystem.
struct StateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "state", abstract: "Show the state of a subsystem.")

    func run() async throws {
        throw ValidationError("relay state is not implemented yet")
    }
}
