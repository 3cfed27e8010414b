import Foundation
import RelayAgent
import RelayKit
import RelayModel

import Testing
import RelayJSON

/// The live names golden sentences are written against.
let goldenEntityNames: EntityNames = [
    "album": ["Trip", "Family", "Vacation 2024", "Cats"],
    "contact": ["Anna Smith", "Bob Jones", "Mom"],
]

/// Arguments as an order-free dictionary, for comparison.
func unordered(_ o: JSONObject) -> [String: JSONValue] { UnderstandingScore.unordered(o) }

@Suite struct TextUnderstandingTests {
    static let cases = LabelledSentence.parse(textGoldenCases)
    static let skill = TextCommandSkill(matcher: CommandMatcher(catalog: ActionCatalog(subsystems: builtInSubsystems)),
                                        entityNames: goldenEntityNames)

    @Test func goldenSetIsLargeAndCoversEveryBuiltInAction() {
        #expect(Self.cases.count >= 200)
        #expect(Self.cases.filter { $0.expected == nil }.count >= 20)
        let covered = Set(Self.cases.compactMap { $0.expected?.name })
        let all = Set(ActionCatalog(subsystems: builtInSubsystems).actions.map(\.name))
        #expect(all.subtracting(covered).sorted() == [])
        #expect(Self.skill.matcher.problems == [])
    }

    /// Serialized: 281 CPU-bound cases started at once would queue ahead of every other test's resumptions on the
    /// two cooperative threads for half a minute; one at a time, they take turns with the rest of the suite.
    /// Read as the product reads them: templates first, then the sentence encoder.
    @Test(.serialized, arguments: cases) func golden(_ golden: LabelledSentence) async throws {
        let result = try await SharedUnderstanding.skill().interpret(golden.text)
        switch (golden.expected, result) {
        case (nil, .notUnderstood):
            break
        case (let expected?, .understood(let match)):
            #expect(match.call.name == expected.name, "\(golden.text) [\(match.template), score \(match.score)]")
            #expect(unordered(match.call.arguments) == unordered(expected.arguments), "\(golden.text) [\(match.template)]")
        case (nil, .understood(let match)):
            Issue.record("\"\(golden.text)\" should not be understood, got \(match.call.name) \(match.call.arguments) [\(match.template), score \(match.score)]")
        case (let expected?, .notUnderstood(let reason)):
            Issue.record("\"\(golden.text)\" should be \(expected.name), not understood: \(reason)")
        }
    }

    @Test func missingRequiredArgumentIsReportedForTheFollowUp() throws {
        let match = try #require(Self.skill.interpret("set a timer").match)
        #expect(match.call.name == "clock.set_timer")
        #expect(match.missing == ["duration"])
    }

    @Test func destructiveActionsDemandANearExactSentence() {
        // One unexplained word is enough to refuse a destructive guess, though the same slip is fine for a read.
        #expect(Self.skill.interpret("cancel all alarms").match?.call.name == "clock.cancel_all_alarms")
        #expect(Self.skill.interpret("cancel all alarms tonight").match == nil)
        #expect(Self.skill.interpret("show my alarms tonight").match?.call.name == "clock.list_alarms")
    }

    @Test func stubAnswersWithAQwenToolCallOnlyForOfferedTools() async throws {
        let catalog = ActionCatalog(subsystems: builtInSubsystems)
        let stub = QwenStub(skills: [Self.skill] + QwenStub.builtInSkills)
        let response = try await stub.respond(to: ModelRequest(messages: [.user("turn on wifi")], tools: catalog.toolSpecs))
        #expect(response.rawText.contains("<tool_call>"))
        #expect(response.toolCalls == [ToolCall(name: "settings.set_toggle", arguments: ["toggle": .string("wifi"), "on": .bool(true)])])

        let withoutSettings = catalog.toolSpecs.filter { !$0.name.hasPrefix("settings.") }
        let refused = try await stub.respond(to: ModelRequest(messages: [.user("turn on wifi")], tools: withoutSettings))
        #expect(refused.toolCalls.isEmpty)
        #expect(refused.text == QwenStub.notUnderstoodRefusal)
    }
}

/// How far understanding generalises: the held-out paraphrases, scored right / asks / wrong / not understood.
///
/// A reading with a required value left out is a question ("Which level: brightness or volume?"), not an action.
/// The figures are printed for the record; the bounds hold what was measured when the set was written (issue 12:
/// 42 of 60 right, none misread) so that understanding can only get better. Making a sentence pass by adding its
/// template is not allowed: these sentences are held out. Since issue 13 they are also the encoder stage's
/// calibration data (with the golden sentences); its test set is ``freshParaphrases``.
@Suite struct HeldOutParaphraseTests {
    /// A verb that asks for the same change as an action's own ("**add** a notebook", whose sentences say "create")
    /// lets the encoder stage read it (the rule itself: UnderstandingRuleTests).
    @Test func aVerbThatMeansTheSameLeadsTheAction() async throws {
        let matcher = try await SharedUnderstanding.matcher()
        let call = matcher.interpret("could you add a notebook called Garden Plans").match?.call
        #expect(call?.name == "notes.create_notebook", "\(String(describing: call))")
        #expect(call?.arguments["name"] == .string("Garden Plans"))
    }

    @Test func paraphrasesAreUnderstoodOrRefusedRatherThanMisread() async throws {
        let skill = try await SharedUnderstanding.skill()
        let cases = LabelledSentence.parse(heldOutParaphrases)
        let commands = cases.filter { $0.expected != nil }
        #expect(commands.count == 60)
        #expect(cases.count - commands.count >= 5)
        let score = await UnderstandingScore.measure(cases, with: skill, catalog: SharedUnderstanding.catalog)
        print("held-out paraphrases: \(score)\n\(score.details)")
        #expect(score.right >= 57)
        #expect(score.misread.isEmpty, "misread: \(score.misread)")
        #expect(score.dispatched.isEmpty, "dispatched: \(score.dispatched)")
    }
}

/// Whisper writes what it hears ("Wake me up at 6.15.", "730", "70%"): the normaliser makes those read as the spoken
/// forms do, so a Wyoming transcript carries out the same call as the words.
@Suite struct WrittenTranscriptTests {
    static let skill = TextUnderstandingTests.skill

    static let cases: [(written: String, spoken: String)] = [
        (" Wake me up at 6.15.", "wake me up at six fifteen"),
        (" Set an alarm for 730.", "set an alarm for seven thirty"),
        (" Set an alarm for 7.30 a.m.", "set an alarm for seven thirty a m"),
        (" Set the brightness to 70%.", "set the brightness to seventy percent"),
        (" Set a timer for 10 minutes.", "set a timer for ten minutes"),
        (" Turn on Wi-Fi.", "turn on wifi"),
        (" Delete photo 9.", "delete photo nine"),
        (" Cancel the alarm at 7.30.", "cancel the alarm at seven thirty"),
    ]

    @Test(arguments: cases.indices) func writtenFormReadsAsTheSpokenOne(_ i: Int) throws {
        let (written, spoken) = Self.cases[i]
        let expected = try #require(Self.skill.interpret(spoken).match, "\(spoken)")
        let heard = try #require(Self.skill.interpret(written).match, "\(written) was not understood")
        #expect(heard.call.name == expected.call.name, "\(written)")
        #expect(unordered(heard.call.arguments) == unordered(expected.call.arguments), "\(written)")
    }
}
