import ArgumentParser
import Foundation
import RelayModel

/// `--model-url URL --model NAME`: which vision-language model answers (the embedded one by default).
///
/// With a URL (or `$RELAY_MODEL_URL`) requests go to an OpenAI-compatible server — vLLM, DashScope's
/// compatible mode, Ollama — with the API key from `$RELAY_API_KEY`; otherwise the embedded, offline
/// `QwenStub` answers. Commands include it with `@OptionGroup var model: ModelOptions`.
struct ModelOptions: ParsableArguments {
    @Option(name: .customLong("model-url"), help: ArgumentHelp(
        "Base URL of an OpenAI-compatible server, e.g. http://localhost:8000 (default: $RELAY_MODEL_URL; none: the embedded model).",
        valueName: "url"))
    var modelURL: String?

    @Option(name: .customLong("model"), help: ArgumentHelp(
        "Model name on that server, e.g. Qwen/Qwen2.5-VL-7B-Instruct (default: $RELAY_MODEL).", valueName: "name"))
    var modelName: String?

    @Option(name: .customLong("model-timeout"), help: ArgumentHelp("Seconds to wait for the server per attempt.", valueName: "seconds"))
    var modelTimeout: Double = 120

    func validate() throws {
        guard modelTimeout > 0, modelTimeout.isFinite else { throw ValidationError("--model-timeout must be a positive number of seconds") }
        if let url = resolvedURL() {
            guard let parsed = URL(string: url), let scheme = parsed.scheme, ["http", "https"].contains(scheme), parsed.host != nil else {
                throw ValidationError("--model-url '\(url)' is not an http(s) URL")
            }
            guard resolvedName() != nil else {
                throw ValidationError("--model-url needs --model NAME (or $RELAY_MODEL), e.g. Qwen/Qwen2.5-VL-7B-Instruct")
            }
        }
    }

    private func resolvedURL() -> String? {
        let value = modelURL ?? ProcessInfo.processInfo.environment["RELAY_MODEL_URL"]
        return value?.isEmpty == false ? value : nil
    }

    private func resolvedName() -> String? {
        let value = modelName ?? ProcessInfo.processInfo.environment["RELAY_MODEL"]
        return value?.isEmpty == false ? value : nil
    }

    /// True when a server was selected.
    var usesServer: Bool { resolvedURL() != nil }

    /// A one-line description for logs: "embedded QwenStub" or "Qwen/… at http://…".
    var summary: String {
        guard let url = resolvedURL() else { return "embedded QwenStub" }
        return "\(resolvedName() ?? "?") at \(url)"
    }

    /// The selected model; `skills` are the embedded model's abilities (ignored for a server).
    func makeModel(skills: [any StubSkill] = QwenStub.builtInSkills) throws -> any VisionLanguageModel {
        guard let url = resolvedURL() else { return QwenStub(skills: skills) }
        guard let parsed = URL(string: url), let name = resolvedName() else {
            throw ValidationError("--model-url needs --model NAME (or $RELAY_MODEL)")
        }
        let key = ProcessInfo.processInfo.environment["RELAY_API_KEY"]
        return OpenAICompatibleModel(configuration: .init(baseURL: parsed, model: name, apiKey: key, timeout: modelTimeout))
    }
}
