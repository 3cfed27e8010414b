import ArgumentParser

/// `relay frames`: Extract frames of a video as JPEG or PNG files.
struct FramesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "frames", abstract: "Extract frames of a video as JPEG or PNG files.")

    func run() async throws {
        throw ValidationError("relay frames is not implemented yet")
    }
}
