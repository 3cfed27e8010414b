public import RelayKit
public import RelayModel

/// The QwenStub skill that understands spoken or typed commands: words + tools in, a `<tool_call>` out.
///
/// It reads the tools exactly as a real Qwen2.5-VL would see them — parsed back out of the rendered
/// system prompt — and only calls a tool listed there. Matching uses the actions' sentence templates
/// (``CommandMatcher``) and ``UnderstandingPolicy`` decides: a clear reading becomes
/// `<tool_call>{"name": …, "arguments": {…}}</tool_call>`; anything unclear passes (nil), so the stub
/// answers "I don't understand that request." rather than guessing. It lives in RelayAgent because
/// RelayModel must not depend on RelayKit; it is injected with `QwenStub(skills: [skill] + QwenStub.builtInSkills)`.
public struct TextCommandSkill: StubSkill {
    /// `"text-command"`.
    public let name = "text-command"
    /// The compiled templates of the installed actions.
    public let matcher: CommandMatcher
    /// Live entity names for entity slots.
    public var entityNames: EntityNames
    /// How sure it must be.
    public var policy: UnderstandingPolicy

    /// Creates the skill.
    public init(matcher: CommandMatcher, entityNames: EntityNames = [:], policy: UnderstandingPolicy = UnderstandingPolicy()) {
        self.matcher = matcher
        self.entityNames = entityNames
        self.policy = policy
    }

    /// What the skill makes of `text` when offered `tools` (all installed actions when nil).
    public func interpret(_ text: String, tools: Set<String>? = nil) -> Interpretation {
        matcher.interpret(text, entityNames: entityNames, tools: tools, policy: policy)
    }

    public func answer(_ input: StubInput) async throws -> StubAnswer? {
        // After a tool result the model would summarise it; the loop speaks the dispatcher's message instead.
        guard !input.followsToolResult, !input.userText.isEmpty, !input.tools.isEmpty else { return nil }
        let offered = Set(input.tools.map(\.name))
        guard case .understood(let match) = interpret(input.userText, tools: offered) else { return nil }
        return .toolCalls([match.call])
    }
}
