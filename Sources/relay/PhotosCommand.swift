import ArgumentParser

/// `relay photos`: Work with the Photos library.
struct PhotosCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "photos", abstract: "Work with the Photos library.")

    func run() async throws {
        throw ValidationError("relay photos is not implemented yet")
    }
}
