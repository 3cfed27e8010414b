import ArgumentParser

/// `relay say`: Carry out a command given as text.
struct SayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "say", abstract: "Carry out a command given as text.")

    func run() async throws {
        throw ValidationError("relay say is not implemented yet")
    }
}
