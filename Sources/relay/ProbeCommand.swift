import ArgumentParser

/// `relay probe`: Show container and stream facts of media files, like ffprobe.
struct ProbeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "probe", abstract: "Show container and stream facts of media files, like ffprobe.")

    func run() async throws {
        throw ValidationError("relay probe is not implemented yet")
    }
}
