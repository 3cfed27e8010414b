import ArgumentParser

/// `relay tokens`: Compute Qwen2.5-VL resizing, frame sampling and visual token counts.
struct TokensCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tokens", abstract: "Compute Qwen2.5-VL resizing, frame sampling and visual token counts.")

    func run() async throws {
        throw ValidationError("relay tokens is not implemented yet")
    }
}
