import ArgumentParser

/// `relay-bench voice`: End-of-speech to dispatch latency and recognizer real-time factor.
struct VoiceBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "voice", abstract: "End-of-speech to dispatch latency and recognizer real-time factor.")

    func run() async throws {
        throw ValidationError("relay-bench voice is not implemented yet")
    }
}
