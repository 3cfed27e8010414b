import ArgumentParser

/// `relay-bench media`: Decode and sampling vs the ffmpeg CLI.
struct MediaBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "media", abstract: "Decode and sampling vs the ffmpeg CLI.")

    func run() async throws {
        throw ValidationError("relay-bench media is not implemented yet")
    }
}
