import Foundation
@testable import RelayAgent
import RelayKit
import RelayLanguage
import RelayModel
import Testing
import RelayJSON

/// The text half of the loop: follow-up questions, confirmation, not understood, and the JSON outcome.
@Suite struct VoiceLoopTests {
    static func runner() -> (CommandRunner, Dispatcher) {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("relay-runner-\(UUID().uuidString)")
        let dispatcher = Dispatcher(subsystems: builtInSubsystems, home: home)
        return (CommandRunner(dispatcher: dispatcher), dispatcher)
    }

    @Test func missingArgumentIsAskedForAndMerged() async throws {
        let (runner, _) = Self.runner()
        let interaction = ScriptedInteraction(replies: ["for ten minutes"])
        let outcome = await runner.run("set a timer", interaction: interaction)
        #expect(await interaction.questions == ["For how long?"])
        #expect(outcome.status == .done)
        #expect(outcome.toolCall == ToolCall(name: "clock.set_timer", arguments: ["duration": .int(600)]))
    }

    @Test func unreadableAnswerDispatchesNothing() async throws {
        let (runner, dispatcher) = Self.runner()
        let outcome = await runner.run("set a timer", interaction: ScriptedInteraction(replies: ["purple"]))
        #expect(outcome.status == .notUnderstood)
        #expect(try await dispatcher.state(of: "clock").compactJSON.contains("\"seconds\"") == false)
    }

    @Test func destructiveActionRunsOnlyAfterYes() async throws {
        let (runner, dispatcher) = Self.runner()
        await runner.run("set an alarm for seven thirty")
        let refused = await runner.run("cancel all alarms", interaction: ScriptedInteraction(replies: ["no"]))
        #expect(refused.status == .refused)
        #expect(try await dispatcher.state(of: "clock").compactJSON.contains("07:30"))
        let unanswered = await runner.run("cancel all alarms")
        #expect(unanswered.status == .needsConfirmation)
        #expect(unanswered.reply.hasSuffix("Say yes or no."))
        let confirmed = await runner.run("cancel all alarms", interaction: ScriptedInteraction(replies: ["yes please"]))
        #expect(confirmed.status == .done)
        #expect(try await dispatcher.state(of: "clock").compactJSON.contains("07:30") == false)
    }

    @Test func eventsArriveInOrderAndEndWithTheOutcome() async throws {
        let (runner, _) = Self.runner()
        let events = EventLog()
        await runner.run("turn on bluetooth") { events.append($0) }
        let all = events.all
        guard case .toolCall(let call) = all.first else { Issue.record("first event \(String(describing: all.first))"); return }
        #expect(call.name == "settings.set_toggle")
        guard case .outcome(let outcome) = all.last else { Issue.record("last event \(String(describing: all.last))"); return }
        #expect(outcome.status == .done)
        #expect(outcome.json.compactJSON.hasPrefix("{\"transcript\":\"turn on bluetooth\",\"tool_call\":{\"name\":\"settings.set_toggle\""))
    }

    @Test func notUnderstoodDispatchesNothing() async throws {
        let (runner, _) = Self.runner()
        let outcome = await runner.run("sing me a song about the sea")
        #expect(outcome.status == .notUnderstood)
        #expect(outcome.toolCall == nil)
        #expect(outcome.result == nil)
        #expect(outcome.json.compactJSON.contains("\"tool_call\":null"))
    }

    @Test func wakePhraseStripsThePrefixAndGatesTheRest() {
        let wake = WakePhrase("Hey, Relay")
        #expect(wake?.command(in: "hey relay turn on wifi") == "turn on wifi")
        #expect(wake?.command(in: "turn on wifi") == nil)
        #expect(wake?.command(in: "hey relay") == nil)
        #expect(WakePhrase("  ") == nil)
    }

    @Test func speechGrammarKeepsFreeTextAnchoredAndSkipsOneWordCommands() throws {
        let catalog = ActionCatalog(subsystems: builtInSubsystems)
        let rules = SentenceRules.builtIn.byLanguage["en"] ?? [:]
        let tellParameters: [Parameter] = [.entity("to", "", kind: "contact"), .text("body", "")]
        let anchored = try SentenceTemplate("send {to} a message saying {body}", rules: rules)
        let loose = try SentenceTemplate("(tell|text) {to} [that] {body}", rules: rules)
        #expect(CommandGrammar.anchorsFreeText(anchored.root, parameters: tellParameters))
        #expect(!CommandGrammar.anchorsFreeText(loose.root, parameters: tellParameters))
        // The grammar compiles for the real catalog (it is what `relay listen` loads).
        _ = CommandGrammar.make(catalog: catalog, entityNames: ["album": ["Trip"], "contact": ["Anna Smith"]])
    }
}

/// Collects events from a synchronous callback. `@unchecked Sendable`: guarded by the lock.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [VoiceEvent] = []
    func append(_ e: VoiceEvent) { lock.withLock { events.append(e) } }
    var all: [VoiceEvent] { lock.withLock { events } }
}
