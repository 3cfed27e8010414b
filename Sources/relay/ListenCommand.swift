import ArgumentParser

/// `relay listen`: Listen for spoken commands and carry them out.
struct ListenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "listen", abstract: "Listen for spoken commands and carry them out.")

    func run() async throws {
        throw ValidationError("relay listen is not implemented yet")
    }
}
