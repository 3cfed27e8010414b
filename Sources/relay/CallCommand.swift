import ArgumentParser

/// `relay call`: Run one action through the dispatcher.
struct CallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "call", abstract: "Run one action through the dispatcher.")

    func run() async throws {
        throw ValidationError("relay call is not implemented yet")
    }
}
