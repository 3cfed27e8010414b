import ArgumentParser

/// `relay ask`: Ask a question about a video file.
struct AskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ask", abstract: "Ask a question about a video file.")

    func run() async throws {
        throw ValidationError("relay ask is not implemented yet")
    }
}
