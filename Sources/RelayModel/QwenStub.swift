import Foundation

/// The embedded Qwen2.5-VL stand-in: deterministic, offline, answering in Qwen2.5-VL's output formats.
///
/// It prepares a request exactly as a real model would receive it — the rendered chat-template prompt,
/// tools parsed back out of that prompt, images and videos sampled and smart-resized — and hands that
/// ``StubInput`` to its ``StubSkill``s in order. The first answer wins; if every skill passes it refuses
/// honestly rather than guessing. Its text goes through the same ``OutputParser`` as a real model's.
public struct QwenStub: VisionLanguageModel {
    /// The skills, tried in order.
    public var skills: [any StubSkill]

    /// The refusal when a request has images or videos and no skill could answer.
    public static let cannotSeeRefusal = "I can't tell what objects are in this image."
    /// The refusal for a text request no skill understood.
    public static let notUnderstoodRefusal = "I don't understand that request."

    /// The built-in skills: structural abilities only (describe sizes, refuse to invent objects).
    public static var builtInSkills: [any StubSkill] { [ImageSizeSkill(), VideoPerceptionSkill()] }

    /// Creates a stub with the given skills (later skills are tried only when earlier ones pass).
    public init(skills: [any StubSkill] = QwenStub.builtInSkills) {
        self.skills = skills
    }

    public func respond(to request: ModelRequest) async throws -> ModelResponse {
        let input = try await prepare(request)
        for skill in skills {
            try Task.checkCancellation()
            if let answer = try await skill.answer(input) {
                return try OutputParser.parse(answer.text, images: input.images.map(\.plan), videos: input.videos.map(\.plan))
            }
        }
        let refusal = (input.images.isEmpty && input.videos.isEmpty) ? Self.notUnderstoodRefusal : Self.cannotSeeRefusal
        return ModelResponse(rawText: refusal)
    }

    /// Builds the input a real model would receive for `request`.
    public func prepare(_ request: ModelRequest) async throws -> StubInput {
        let prompt = ChatTemplate.render(request.messages, tools: request.tools)
        let tools = try ChatTemplate.tools(inPrompt: prompt)
        let prepared = try await RequestPreparer.prepare(request.messages)
        let lastUser = request.messages.last(where: { $0.role == .user })
        return StubInput(
            messages: request.messages, prompt: prompt,
            userText: (lastUser?.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
            tools: tools, images: prepared.images, videos: prepared.videos, options: request.options
        )
    }
}
