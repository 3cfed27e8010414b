import ArgumentParser

/// `relay-bench video`: Video analysis vs the ffmpeg CLI and the reference Python pipeline.
struct VideoBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "video", abstract: "Video analysis vs the ffmpeg CLI and the reference Python pipeline.")

    func run() async throws {
        throw ValidationError("relay-bench video is not implemented yet")
    }
}
