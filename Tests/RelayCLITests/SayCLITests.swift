import Foundation
import RelayTestSupport
import Testing

@Suite struct SayCLITests {
    @Test func sayRunsTheCommandAndEndsWithTheOutcome() async throws {
        let home = try Fixtures.folder("relay-voice-cli")
        let run = try await RelayCLI.run(["say", "set a timer for ten minutes", "--json", "--home", home.path])
        #expect(run.status == 0, "\(run.stderr)")
        let last = try #require(run.jsonLines.last)
        #expect(Set(last.keys) == ["transcript", "tool_call", "status", "reply"])
        #expect(last["status"] as? String == "done")
        #expect(last["transcript"] as? String == "set a timer for ten minutes")
        let call = try #require(last["tool_call"] as? [String: Any])
        #expect(call["name"] as? String == "clock.set_timer")
        #expect((call["arguments"] as? [String: Any])?["duration"] as? Int == 600)
        #expect((last["reply"] as? String)?.isEmpty == false)
        // The timer really exists in the home folder's state.
        let listed = try await RelayCLI.run(["say", "show my timers", "--json", "--home", home.path])
        #expect(listed.jsonLines.last?["status"] as? String == "done")
    }

    @Test func nonsenseIsNotUnderstoodAndDispatchesNothing() async throws {
        let home = try Fixtures.folder("relay-voice-cli")
        let run = try await RelayCLI.run(["say", "what's the weather like in Paris", "--json", "--home", home.path])
        #expect(run.status != 0)
        let last = try #require(run.jsonLines.last)
        #expect(last["status"] as? String == "not_understood")
        #expect(last["tool_call"] is NSNull)
        #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent("audit.jsonl").path))
    }

    @Test func destructiveCommandsWaitForConfirmationUnlessYes() async throws {
        let home = try Fixtures.folder("relay-voice-cli")
        _ = try await RelayCLI.run(["say", "set an alarm for seven thirty", "--home", home.path])
        let asked = try await RelayCLI.run(["say", "cancel all alarms", "--json", "--home", home.path])
        #expect(asked.jsonLines.last?["status"] as? String == "needs_confirmation")
        #expect((asked.jsonLines.last?["reply"] as? String)?.contains("yes or no") == true)
        let confirmed = try await RelayCLI.run(["say", "cancel all alarms", "--yes", "--json", "--home", home.path])
        #expect(confirmed.status == 0, "\(confirmed.stderr)")
        #expect(confirmed.jsonLines.last?["status"] as? String == "done")
    }

    @Test func humanOutputPrintsTheReply() async throws {
        let home = try Fixtures.folder("relay-voice-cli")
        let run = try await RelayCLI.run(["say", "create an album called Road Trip", "--home", home.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Road Trip"))
        #expect(run.stderr.contains("photos.create_album"))
    }
}
