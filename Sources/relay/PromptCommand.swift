import ArgumentParser

/// `relay prompt`: Print the exact prompt a real Qwen2.5-VL would receive.
struct PromptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "prompt", abstract: "Print the exact prompt a real Qwen2.5-VL would receive.")

    func run() async throws {
        throw ValidationError("relay prompt is not implemented yet")
    }
}
