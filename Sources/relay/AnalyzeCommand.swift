import ArgumentParser

/// `relay analyze`: Analyze video files into a timeline of scenes and events.
struct AnalyzeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "analyze", abstract: "Analyze video files into a timeline of scenes and events.")

    func run() async throws {
        throw ValidationError("relay analyze is not implemented yet")
    }
}
