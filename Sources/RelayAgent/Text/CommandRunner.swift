import Foundation
public import RelayKit
public import RelayModel
import RelayJSON

/// Runs one command from words to result: model → tool call → follow-up questions → dispatch → confirmation → reply.
///
/// The text half of the voice loop, shared by `relay say` and `relay listen`. The model is asked exactly
/// as a real Qwen2.5-VL would be — the user's words plus every installed action as a tool — and its
/// `<tool_call>` goes to the ``Dispatcher``. Nothing is dispatched when the model makes no call; a
/// destructive action runs only after a yes; a missing required argument is asked for and merged.
public struct CommandRunner: Sendable {
    /// Builds the model for a command, given the live entity names (the embedded stub needs them for its text skill).
    public typealias ModelFactory = @Sendable (EntityNames) -> any VisionLanguageModel

    /// The dispatcher commands go to.
    public let dispatcher: Dispatcher
    /// The compiled templates of the installed actions.
    public let matcher: CommandMatcher
    /// Makes the model per command.
    public let makeModel: ModelFactory
    /// How sure understanding must be (the text skill's policy; the read-back policy measures scores against it).
    public let policy: UnderstandingPolicy
    /// The system prompt sent before the tools block.
    public var systemPrompt: String
    /// The reply when nothing was understood.
    public static let notUnderstoodReply = "Sorry, I didn't understand that."

    /// Creates a runner over `dispatcher`, with the embedded QwenStub and the text skill unless `makeModel` is given.
    /// `matcher` (made from the dispatcher's catalog) brings the sentence encoder's stage; by default templates only.
    public init(dispatcher: Dispatcher, matcher: CommandMatcher? = nil, policy: UnderstandingPolicy = UnderstandingPolicy(),
                makeModel: ModelFactory? = nil) {
        self.dispatcher = dispatcher
        let matcher = matcher ?? CommandMatcher(catalog: dispatcher.catalog)
        self.matcher = matcher
        self.policy = policy
        self.makeModel = makeModel ?? { names in
            QwenStub(skills: [TextCommandSkill(matcher: matcher, entityNames: names, policy: policy)] + QwenStub.builtInSkills)
        }
        self.systemPrompt = "You are Relay, an assistant that controls a phone. Call one of the tools to carry out the user's command."
    }

    /// Understands and carries out `text`, reporting each step to `emit`; returns (and emits) the outcome.
    ///
    /// A change understood without certainty is read back and made only after a yes ("Set an alarm for 6:50 AM? Say
    /// yes or no."), as `readBack` decides: by default when the words were re-heard by phonetic repair or the reading's
    /// score was weak, or the recognizer's `recognizerConfidence` in the words was; ``ReadBackPolicy/always`` for words from a recognizer that gives no confidence (Whisper over
    /// Wyoming), where a misheard number would otherwise become a wrong action. Reads never ask; destructive actions
    /// always ask, with their count. The outcome says what was asked and why.
    @discardableResult
    public func run(_ text: String, origin: CommandOrigin = .text, interaction: any CommandInteraction = UnattendedInteraction(),
                    readBack: ReadBackPolicy = ReadBackPolicy(), recognizerConfidence: Double? = nil,
                    emit: @Sendable (VoiceEvent) -> Void = { _ in }) async -> CommandOutcome {
        // One command: the text skill's reading and the read-back's encode the words once.
        let outcome: CommandOutcome = await CommandMatcher.withinOneCommand {
            await self.outcome(of: text, origin: origin, interaction: interaction, readBack: readBack,
                          recognizerConfidence: recognizerConfidence, emit: emit)
        }
        emit(.reply(outcome.reply))
        emit(.outcome(outcome))
        return outcome
    }

    private func outcome(of text: String, origin: CommandOrigin, interaction: any CommandInteraction, readBack: ReadBackPolicy,
                         recognizerConfidence: Double?, emit: @Sendable (VoiceEvent) -> Void) async -> CommandOutcome {
        let words = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !words.isEmpty else {
            return CommandOutcome(transcript: text, toolCall: nil, status: .notUnderstood, reply: Self.notUnderstoodReply)
        }
        let names = await dispatcher.entityNames()
        let understood: ToolCall?
        do {
            understood = try await understand(words, entityNames: names)
        } catch {
            emit(.error("The model failed: \(error)"))
            return CommandOutcome(transcript: words, toolCall: nil, status: .failed, reply: "Sorry, something went wrong understanding that.")
        }
        guard var call = understood else {
            return CommandOutcome(transcript: words, toolCall: nil, status: .notUnderstood, reply: Self.notUnderstoodReply)
        }
        emit(.toolCall(call))

        // A required argument the words left out: ask for it ("For how long?") and merge the answer.
        if let action = dispatcher.catalog.action(named: call.name) {
            for parameter in action.parameters where parameter.isRequired && (call.arguments[parameter.name] ?? .null) == .null {
                let question = FollowUpQuestion.question(for: parameter)
                emit(.prompt(question))
                guard let answer = await interaction.answer(question, for: parameter) else {
                    return CommandOutcome(transcript: words, toolCall: call, status: .notUnderstood, reply: question)
                }
                guard let value = FollowUpQuestion.read(answer, for: parameter, entityNames: names) else {
                    return CommandOutcome(transcript: words, toolCall: call, status: .notUnderstood,
                                          reply: "Sorry, \"\(answer)\" is not a \(parameter.kind.displayName).")
                }
                call.arguments = Self.merging(call.arguments, parameter.name, value, order: action.parameters)
                emit(.toolCall(call))
            }
        }

        var asked: (question: String, reason: String)?
        if let action = dispatcher.catalog.action(named: call.name), action.permission == .write, readBack.writes != .never {
            // The matcher's own reading of the words says how sure understanding was (the embedded model's text skill
            // made the same reading; a real model's call that it does not reach is unconfirmed).
            var reading: CommandMatch?
            if readBack.writes == .whenUnsure, case .understood(let match) = matcher.interpret(words, entityNames: names, policy: policy),
               match.call.name == understood?.name, match.call.arguments == understood?.arguments {
                reading = match
            }
            if let reason = readBack.reason(permission: action.permission, reading: reading, understanding: policy,
                                            recognizerConfidence: recognizerConfidence) {
                let question = ReadBack.question(for: call, in: dispatcher.catalog)
                asked = (question, reason.rawValue)
                let prompt = question + " Say yes or no."
                emit(.prompt(prompt))
                switch await interaction.confirm(prompt) {
                case true?: break
                case false?: return CommandOutcome(transcript: words, toolCall: call, status: .refused, reply: "OK, I won't.",
                                                   asked: question, askedBecause: reason.rawValue)
                case nil: return CommandOutcome(transcript: words, toolCall: call, status: .needsConfirmation, reply: prompt,
                                                asked: question, askedBecause: reason.rawValue)
                }
            }
        }

        var result = await dispatcher.dispatch(Command(call, origin: origin, confirmed: false, utterance: words))
        // An ambiguous target ("turn off my alarm" with several, "text anna" with two Annas): ask which one and
        // repeat the call with the answer in the argument the result names. Twice at most, then the question stands.
        for _ in 0..<2 {
            guard result.status == .ambiguous, !result.candidates.isEmpty, case .string(let argument)? = result.data["argument"],
                  let action = dispatcher.catalog.action(named: call.name),
                  let parameter = action.parameters.first(where: { $0.name == argument }) else { break }
            emit(.prompt(result.message))
            guard let answer = await interaction.choose(result.message, among: result.candidates, for: parameter) else {
                emit(.result(result))
                return CommandOutcome(transcript: words, toolCall: call, status: .failed, reply: result.message, result: result,
                                      asked: asked?.question, askedBecause: asked?.reason)
            }
            guard let value = Self.choice(answer, among: result.candidates, for: parameter, entityNames: names) else {
                emit(.result(result))
                return CommandOutcome(transcript: words, toolCall: call, status: .notUnderstood,
                                      reply: "Sorry, \"\(answer)\" is not one of them.", result: result,
                                      asked: asked?.question, askedBecause: asked?.reason)
            }
            call.arguments = Self.merging(call.arguments, argument, value, order: action.parameters)
            emit(.toolCall(call))
            result = await dispatcher.dispatch(Command(call, origin: origin, confirmed: false, utterance: words))
        }
        if result.status == .needsConfirmation {
            let question = Self.confirmationQuestion(for: result)
            let permission = dispatcher.catalog.action(named: call.name)?.permission
            asked = (result.message.trimmingCharacters(in: .whitespaces), permission == .destructive ? "destructive" : "bulk")
            emit(.prompt(question))
            switch await interaction.confirm(question) {
            case true?:
                result = await dispatcher.dispatch(Command(call, origin: origin, confirmed: true, utterance: words))
            case false?:
                emit(.result(result))
                return CommandOutcome(transcript: words, toolCall: call, status: .refused, reply: "OK, I won't.", result: result,
                                      asked: asked?.question, askedBecause: asked?.reason)
            case nil:
                emit(.result(result))
                return CommandOutcome(transcript: words, toolCall: call, status: .needsConfirmation, reply: question, result: result,
                                      asked: asked?.question, askedBecause: asked?.reason)
            }
        }
        emit(.result(result))
        return CommandOutcome(transcript: words, toolCall: call, status: OutcomeStatus(result.status), reply: result.message, result: result,
                                      asked: asked?.question, askedBecause: asked?.reason)
    }

    /// The model's call for `text` (nil when it makes none), asked exactly as ``run(_:origin:interaction:emit:)`` asks it:
    /// the words plus every installed action as a tool.
    public func understand(_ text: String, entityNames: EntityNames? = nil) async throws -> ToolCall? {
        let names: EntityNames
        if let entityNames { names = entityNames } else { names = await dispatcher.entityNames() }
        let request = ModelRequest(messages: [.system(systemPrompt), .user(text)], tools: dispatcher.catalog.toolSpecs)
        return try await makeModel(names).respond(to: request).toolCalls.first
    }

    /// "Cancel all 3 alarms? Say yes or no."
    static func confirmationQuestion(for result: CommandResult) -> String {
        let message = result.message.trimmingCharacters(in: .whitespaces)
        return message.isEmpty ? "Are you sure? Say yes or no." : "\(message) Say yes or no."
    }

    /// The value an answer picks for `parameter`: a candidate named in it (an entity by its name, anything else
    /// by its id — "07:30" for the alarm called "7:30 AM"), else the answer read as the parameter's kind ("seven thirty").
    static func choice(_ answer: String, among candidates: [Entity], for parameter: Parameter, entityNames: EntityNames) -> JSONValue? {
        if case .found(let picked) = EntityResolver.resolve(answer, among: candidates) {
            if case .entity = parameter.kind { return .string(picked.name) }
            // The id in the parameter's own JSON form: a string as is, a number read as one.
            if let value = try? ArgumentValidator.canonical(.string(picked.id), for: parameter).get() { return value }
            return FollowUpQuestion.read(picked.id, for: parameter, entityNames: entityNames)
        }
        return FollowUpQuestion.read(answer, for: parameter, entityNames: entityNames)
    }

    /// `arguments` with `name` set to `value`, keeping declaration order.
    static func merging(_ arguments: JSONObject, _ name: String, _ value: JSONValue, order: [Parameter]) -> JSONObject {
        var all: [String: JSONValue] = [:]
        for (k, v) in arguments { all[k] = v }
        all[name] = value
        var out = JSONObject()
        for p in order { if let v = all[p.name] { out[p.name] = v } }
        for (k, v) in arguments where out[k] == nil { out[k] = v }
        return out
    }
}
