import Foundation
public import RelayKit
public import RelayModel
public import RelayJSON

/// One step of the voice (or text) command loop, in order, for the CLI to print or emit as JSON lines.
///
/// A spoken command goes `speechStart` → `speechEnd` → `transcript` → `toolCall` → `result` → `reply`
/// → `outcome`; a typed one starts at `toolCall`. Questions (confirmation, a missing argument) come as
/// `prompt` and are followed by the answer's own `transcript`.
public enum VoiceEvent: Sendable, Hashable {
    /// The loop is ready for speech.
    case listening
    /// Speech started at this stream time (seconds).
    case speechStart(time: Double)
    /// Speech ended at this stream time; `duration` seconds of voiced audio.
    case speechEnd(time: Double, duration: Double)
    /// What the recognizer heard, how sure it is, and whether it counts as a command.
    case transcript(text: String, confidence: Double, accepted: Bool)
    /// The model's call.
    case toolCall(ToolCall)
    /// A question to the user: a confirmation or a missing argument.
    case prompt(String)
    /// The dispatcher's result.
    case result(CommandResult)
    /// What Relay says back.
    case reply(String)
    /// Something went wrong that did not end the loop.
    case error(String)
    /// The command is finished.
    case outcome(CommandOutcome)
    /// Time passed and something happened on the phone: a timer finished, an alarm rang (``PhoneHeartbeat``).
    case phone(PhoneEvent)

    /// The event as one JSON object (`{"event": "transcript", …}`); an outcome is its bare outcome object.
    public var json: JSONValue {
        switch self {
        case .listening:
            return .object(["event": .string("listening")])
        case .speechStart(let time):
            return .object(["event": .string("speech_start"), "time": .double(time)])
        case .speechEnd(let time, let duration):
            return .object(["event": .string("speech_end"), "time": .double(time), "duration": .double(duration)])
        case .transcript(let text, let confidence, let accepted):
            return .object(["event": .string("transcript"), "text": .string(text), "confidence": .double(confidence),
                            "accepted": .bool(accepted)])
        case .toolCall(let call):
            return .object(["event": .string("tool_call"), "name": .string(call.name), "arguments": .object(call.arguments)])
        case .prompt(let text):
            return .object(["event": .string("prompt"), "text": .string(text)])
        case .result(let result):
            return .object(["event": .string("result"), "result": result.json])
        case .reply(let text):
            return .object(["event": .string("reply"), "text": .string(text)])
        case .error(let message):
            return .object(["event": .string("error"), "message": .string(message)])
        case .outcome(let outcome):
            return outcome.json
        case .phone(let event):
            return event.json
        }
    }

    /// One human-readable line, or nil for events not worth a line.
    public var line: String? {
        switch self {
        case .listening: return "Listening… (Ctrl-C to stop)"
        case .speechStart: return nil
        case .speechEnd(let time, let duration):
            return "[heard \(String(format: "%.1f", duration)) s of speech ending at \(String(format: "%.1f", time)) s]"
        case .transcript(let text, let confidence, let accepted):
            let shown = text.isEmpty ? "(nothing)" : "\"\(text)\""
            return "You said: \(shown) (confidence \(String(format: "%.2f", confidence))\(accepted ? "" : ", not a command"))"
        case .toolCall(let call): return "→ \(call.name) \(JSONValue.object(call.arguments).compactJSON)"
        case .prompt(let text): return "? \(text)"
        case .result: return nil
        case .reply(let text): return text
        case .error(let message): return "error: \(message)"
        case .outcome: return nil
        case .phone(let event): return event.message
        }
    }
}
