import Foundation
import RelayTestSupport
import Testing

/// The phone behaves like a phone (issue 16), end to end with the built `relay`: strict arguments, a camera
/// that works on a fresh home, bulk actions that ask with the count, `relay undo`, `relay run`.
@Suite struct PhoneCLITests {
    @Test func aNumberForANameIsRefusedNamingTheField() async throws {
        let text = try await RelayCLI.run(["call", "photos.create_album", "--args", #"{"name": 42}"#])
        #expect(text.status == 1)
        #expect(text.stderr == "relay call: invalid_arguments: name: expected a string, got 42 (an integer).\n")
        let json = try await RelayCLI.run(["call", "photos.create_album", "--args", #"{"name": 42}"#, "--json"])
        let problems = try #require(json.jsonLines.first?["problems"] as? [[String: Any]])
        #expect(problems.first?["argument"] as? String == "name")
    }

    static func deletedCount(_ home: URL) async throws -> Int {
        let state = try await RelayCLI.run(["state", "photos", "--json"], home: home)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(state.stdout.utf8)) as? [String: Any])
        let assets = try #require(object["assets"] as? [[String: Any]])
        return assets.filter { $0["deleted"] as? Bool == true }.count
    }

    @Test func deleteAllMyPhotosAsksWithTheCountAndRelayUndoBringsThemBack() async throws {
        let home = try Fixtures.folder("relay-phone-cli")
        // A fresh home's camera works: the first photo is "take a picture", three more by call.
        let first = try await RelayCLI.run(["say", "take a picture", "--json"], home: home)
        #expect(first.jsonLines.last?["status"] as? String == "done", "\(first.stdout) \(first.stderr)")
        for _ in 0..<3 { #expect(try await RelayCLI.run(["call", "camera.take_photo"], home: home).status == 0) }

        let asked = try await RelayCLI.run(["say", "delete all my photos", "--json"], home: home)
        #expect(asked.status == 1)
        #expect(asked.jsonLines.last?["status"] as? String == "needs_confirmation")
        #expect(asked.jsonLines.last?["reply"] as? String == "Move 4 photos to Recently Deleted? Say yes or no.")
        #expect(try await Self.deletedCount(home) == 0)

        let confirmed = try await RelayCLI.run(["say", "delete all my photos", "--yes", "--json"], home: home)
        #expect(confirmed.jsonLines.last?["status"] as? String == "done")
        #expect(try await Self.deletedCount(home) == 4)

        let undo = try await RelayCLI.run(["undo"], home: home)
        #expect(undo.status == 0, "\(undo.stderr)")
        #expect(undo.stdout == "Undone: moved 4 photos to Recently Deleted.\n")
        #expect(try await Self.deletedCount(home) == 0)
    }

    @Test func clearingAlarmsAsksWithTheCountAndRelayUndoRestoresThem() async throws {
        let home = try Fixtures.folder("relay-phone-cli")
        for time in ["07:30", "08:00"] {
            #expect(try await RelayCLI.run(["call", "clock.set_alarm", "--args", #"{"time": "\#(time)"}"#], home: home).status == 0)
        }
        let asked = try await RelayCLI.run(["say", "cancel all my alarms", "--json"], home: home)
        #expect(asked.jsonLines.last?["reply"] as? String == "Cancel all 2 alarms? Say yes or no.")
        #expect(try await RelayCLI.run(["say", "cancel all my alarms", "--yes"], home: home).status == 0)
        let cleared = try await RelayCLI.run(["state", "clock", "--json"], home: home)
        #expect(cleared.stdout.contains(#""alarms":[]"#))
        let undo = try await RelayCLI.run(["undo", "--json"], home: home)
        #expect(undo.jsonLines.first?["status"] as? String == "done")
        let restored = try await RelayCLI.run(["state", "clock", "--json"], home: home)
        #expect(restored.stdout.contains(#""time":"07:30""#) && restored.stdout.contains(#""time":"08:00""#))
    }

    @Test func relayListenTellsWhatFellDueBeforeListening() async throws {
        let home = try Fixtures.folder("relay-phone-cli")
        let silence = home.appendingPathComponent("silence.wav")
        try await Fixtures.sox(["-n", "-r", "16000", "-c", "1", "-b", "16", silence.path, "trim", "0", "1"])
        let set = ContinuousClock.now
        #expect(try await RelayCLI.run(["call", "clock.set_timer", "--args", #"{"duration": 1}"#], home: home).status == 0)
        try await Task.sleep(for: .milliseconds(1100))
        let run = try await RelayCLI.run(["listen", "--input", silence.path, "--json"], home: home)
        #expect(run.status == 0, "\(run.stderr)")
        // Due more than a minute (TimePassage's grace) before `listen` looked, it was missed while Relay was not
        // running: on a crowded machine the two runs can be that far apart.
        let late = set.duration(to: .now) > .seconds(60)
        #expect(run.jsonLines.first?["kind"] as? String == (late ? "timer_missed" : "timer_finished"), "\(run.stdout)")
    }

    @Test func relayRunFiresATimer() async throws {
        let home = try Fixtures.folder("relay-phone-cli")
        #expect(try await RelayCLI.run(["call", "clock.set_timer", "--args", #"{"duration": 1}"#], home: home).status == 0)
        let run = try await RelayCLI.run(["run", "--for", "2.5", "--json"], home: home)
        #expect(run.status == 0, "\(run.stderr)")
        let fired = run.jsonLines.filter { $0["kind"] as? String == "timer_finished" }
        #expect(fired.count == 1, "\(run.stdout)")
        #expect(fired.first?["message"] as? String == "Time's up: your 1 second timer is done.")
    }
}
