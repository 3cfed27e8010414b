import Foundation
import RelayKit
import RelayTestSupport
import Testing
import RelayJSON

@Suite("Dispatcher")
struct DispatcherTests {
    @Test func declarationsAreConsistent() {
        let catalog = ActionCatalog(subsystems: [FakeSubsystem(), OtherSubsystem()])
        #expect(catalog.problems.isEmpty, "\(catalog.problems)")
        #expect(catalog.actions.count == 15)
    }

    @Test func catalogReportsDeclarationMistakes() {
        struct Bad: Action {
            static let name = "wrong.prefix"
            static let description = "Bad."
            static let permission = Permission.read
            static let sentences: Sentences = ["en": ["do {missing}", "broken (template"]]
            init(arguments: Arguments) throws {}
            func perform(in context: ActionContext) async throws -> ActionOutcome { .done("") }
        }
        struct BadSubsystem: Subsystem {
            let name = "bad"
            let displayName = "Bad"
            var actions: [any Action.Type] { [Bad.self, Bad.self] }
            var migrator: DatabaseMigrator { DatabaseMigrator() }
        }
        let problems = ActionCatalog(subsystems: [BadSubsystem()]).problems
        #expect(problems.contains { $0.contains("does not start with its subsystem's name") })
        #expect(problems.contains { $0.contains("{missing} names no parameter") })
        #expect(problems.contains { $0.contains("missing \")\"") })
        #expect(problems.contains { $0.contains("declared twice") })
    }

    @Test func toolSchemaIsDerivedFromParameters() throws {
        let catalog = ActionCatalog(subsystems: [FakeSubsystem()])
        let spec = try #require(catalog.action(named: "fake.set_level")?.toolSpec)
        #expect(spec.name == "fake.set_level")
        #expect(spec.description == "Set the level.")
        #expect(spec.parameters.compactJSON == #"{"type":"object","properties":{"level":{"type":"integer","description":"The level in percent","minimum":0,"maximum":100}},"required":["level"]}"#)
        let toggle = try #require(catalog.action(named: "fake.set_toggle")?.toolSpec)
        #expect(toggle.parameters.compactJSON.contains(#""toggle":{"type":"string","description":"Which switch","enum":["wifi","dark_mode"]}"#))
        let repeatSpec = try #require(catalog.action(named: "fake.repeat")?.toolSpec)
        #expect(repeatSpec.parameters.compactJSON.contains(#""times":{"type":"integer","description":"How many times","minimum":1,"maximum":10,"default":2}"#))
        #expect(repeatSpec.parameters.compactJSON.hasSuffix(#""required":[]}"#))
        let alarm = try #require(catalog.action(named: "fake.set_alarm")?.toolSpec)
        #expect(alarm.parameters.compactJSON.contains(#""pattern":"^([01][0-9]|2[0-3]):[0-5][0-9]$""#))
        let md = catalog.markdown()
        #expect(md.contains("### `fake.set_level`"))
        #expect(md.contains("| `level` | percentage | yes | The level in percent |"))
        #expect(md.contains("asks for confirmation first"))
    }

    @Test func runsAnActionAndCommits() async throws {
        let home = try TempHome(); defer { home.cleanup() }
        let d = makeDispatcher(home)
        let r = await d.call("fake.add_item", ["name": "Milk"])
        #expect(r.status == .done)
        #expect(r.message == "Added Milk.")
        #expect(r.data["id"] == .int(1))
        let state = try await d.state(of: "fake")
        #expect(state.compactJSON.contains(#""item":[{"id":1,"name":"Milk"}]"#))
        #expect(FileManager.default.fileExists(atPath: home.url.appendingPathComponent("fake.sqlite").path))
    }

    @Test func validationNamesEveryBadArgument() async throws {
        let home = try TempHome(); defer { home.cleanup() }
        let d = makeDispatcher(home)
        var r = await d.call("fake.set_level", ["level": 150])
        #expect(r.status == .invalidArguments)
        #expect(r.message == "level: 150 is above the maximum 100.")
        r = await d.call("fake.set_level", [:])
        #expect(r.message == "level: missing; the level in percent is required.")
        r = await d.call("fake.set_level", ["level": 20, "colour": "red"])
        #expect(r.problems.map(\.message) == [#"colour: fake.set_level has no parameter named "colour"; its parameters are level."#])
        r = await d.call("fake.set_toggle", ["toggle": "toaster", "on": "maybe"])
        #expect(r.problems.map(\.message) == [
            #"toggle: "toaster" is not one of wifi, dark_mode."#,
            #"on: expected true or false (a boolean), got "maybe" (a string)."#,
        ])
        r = await d.call("fake.set_alarm", ["time": "25:00"])
        #expect(r.message == #"time: "25:00" is not a time of day; use HH:MM (24-hour), e.g. "07:30"."#)
        r = await d.call("fake.set_timer", ["duration": 0])
        #expect(r.message == "duration: 0 seconds is below the minimum 1 second.")
        r = await d.call("fake.repeat", ["times": 2.5])
        #expect(r.message == "times: 2.5 is not a whole number.")
        r = await d.call("fake.find_items", ["when": "the day after never"])
        #expect(r.status == .invalidArguments)
        #expect(r.message.hasPrefix(#"when: "the day after never" is not a date I understand"#))
        // Nothing ran: no state file was even needed for validation failures.
        #expect(try d.audit.entries().count == 8)
    }

    @Test func lenientCanonicalForms() async throws {
        let home = try TempHome(); defer { home.cleanup() }
        let d = makeDispatcher(home)
        var r = await d.call("fake.set_alarm", ["time": "6:45 pm"])
        #expect(r.status == .done)
        #expect(r.arguments["time"] == "18:45")
        r = await d.call("fake.set_timer", ["duration": 5400.0])
        #expect(r.arguments["duration"] == .int(5400))
        r = await d.call("fake.set_toggle", ["toggle": "Wi-Fi", "on": true])
        #expect(r.arguments["toggle"] == "wifi")
        #expect(r.arguments["on"] == true)
        r = await d.call("fake.repeat", [:])
        #expect(r.arguments["times"] == .int(2))
        #expect(r.message == "Repeated 2 times.")
        r = await d.call("fake.find_items", ["when": "last week"])
        #expect(r.arguments["when"] == "last_week")
        // last week of Sunday 2026-03-15 (UTC, weeks starting Sunday) is 2026-03-08 ..< 2026-03-15
        #expect(r.data["start"] == .double(1_772_928_000))
        #expect(r.data["end"] == .double(1_773_532_800))
    }

    @Test func unknownActionSuggestsClosest() async throws {
        let home = try TempHome(); defer { home.cleanup() }
        let r = await makeDispatcher(home).call("fake.add_iten", ["name": "x"])
        #expect(r.status == .notFound)
        #expect(r.message == "There is no action named fake.add_iten. Did you mean fake.add_item?")
    }

    @Test func resolvesEntitiesAndReportsUnknownAndAmbiguous() async throws {
        let home = try TempHome(); defer { home.cleanup() }
        let d = makeDispatcher(home)
        var r = await d.call("fake.rename_album", ["album": "vacation", "name": "Trip"])
        #expect(r.status == .done)
        #expect(r.message == "Renamed Vacation to Trip.")
        #expect(r.arguments["album"] == ["id": "1", "name": "Vacation"])
        r = await d.call("fake.rename_album", ["album": "Holidays", "name": "X"])
        #expect(r.status == .notFound)
        #expect(r.message == "There is no album named Holidays.")
        r = await d.call("fake.rename_album", ["album": "anna", "name": "X"])
        #expect(r.status == .ambiguous)
        #expect(r.message == "Which album do you mean: Anna Smith or Anna Jones?")
        #expect(r.candidates.map(\.name) == ["Anna Smith", "Anna Jones"])
        r = await d.call("fake.rename_album", ["album": "Anna Jones", "name": "Jo"])
        #expect(r.status == .done)
        let names = await d.entityNames()
        #expect(names["album"] == ["Trip", "Anna Smith", "Jo"])
    }

    @Test func destructiveNeedsConfirmation() async throws {
        let home = try TempHome(); defer { home.cleanup() }
        let d = makeDispatcher(home)
        await d.call("fake.add_item", ["name": "A"])
        var r = await d.call("fake.delete_everything")
        #expect(r.status == .needsConfirmation)
        #expect(r.message == "This will permanently delete every item. Please confirm.")
        #expect(r.data["confirm"] == ["action": "fake.delete_everything", "arguments": [:], "confirmed": true])
        r = await d.call("fake.delete_everything", origin: .video)
        #expect(r.status == .needsConfirmation)
        #expect(r.message.hasPrefix("A command found in the video asks to permanently delete every item."))
        #expect(try await d.state(of: "fake").compactJSON.contains(#""name":"A""#))
        r = await d.call("fake.delete_everything", origin: .video, confirmed: true)
        #expect(r.status == .done)
        #expect(r.message == "Deleted 1 items.")
    }

    @Test func aThrowingHandlerFailsAndLeavesNothing() async throws {
        let home = try TempHome(); defer { home.cleanup() }
        let d = makeDispatcher(home)
        let r = await d.call("fake.write_then_throw")
        #expect(r.status == .failed)
        #expect(r.message == "Fake failed to run fake.write_then_throw: the disk is on fire")
        let state = try await d.state(of: "fake")
        #expect(state.compactJSON.contains(#""item":[]"#))
        // The subsystem still works afterwards.
        #expect(await d.call("fake.add_item", ["name": "B"]).status == .done)
    }

    @Test func aHangingHandlerTimesOutWithoutHarm() async throws {
        try await asUserCommand {
            let home = try TempHome(); defer { home.cleanup() }
            let d = makeDispatcher(home, timeout: .milliseconds(300))
            let clock = ContinuousClock()
            let start = clock.now
            async let polite = d.call("fake.hang_politely")
            async let other = d.call("other.ping")   // another subsystem is not blocked
            let (p, o) = await (polite, other)
            #expect(p.status == .failed)
            #expect(p.message == "Fake did not finish fake.hang_politely within 0.3 seconds; nothing was changed.")
            #expect(o.status == .done)
            // The handler sleeps 60 s; a 300 ms timeout must answer promptly, even in the full parallel suite: nothing
            // in Relay or its tests blocks a cooperative thread, and handlers run on the blocking pool.
            #expect(clock.now - start < .seconds(2), "answered after \(clock.now - start)")
            #expect(await d.call("fake.add_item", ["name": "after"]).status == .done)
            let rows = try await d.state(of: "fake")
            #expect(!rows.compactJSON.contains("before the hang"))
            #expect(rows.compactJSON.contains("after"))
        }
    }

    @Test func aHandlerIgnoringCancellationDoesNotBlockTheCaller() async throws {
        try await asUserCommand {
            let home = try TempHome(); defer { home.cleanup() }
            let d = makeDispatcher(home, timeout: .milliseconds(300))
            let start = ContinuousClock.now
            let r = await d.call("fake.hang_stubbornly")  // blocks its thread until released
            #expect(ContinuousClock.now - start < .seconds(2), "answered after \(ContinuousClock.now - start)")
            // The caller got its answer while the handler is still blocked.
            #expect(!HangStubbornly.finished.isSet)
            #expect(r.status == .failed)
            #expect(r.message == "Fake did not finish fake.hang_stubbornly within 0.3 seconds; nothing was changed.")
            HangStubbornly.release.set()
            try await waitFor(HangStubbornly.finished)
            // Its early write was rolled back and its late write refused.
            let state = try await d.state(of: "fake")
            #expect(!state.compactJSON.contains("before the block"))
            #expect(!state.compactJSON.contains("after the block"))
        }
    }

    @Test func aHandlerStuckInsideTheDatabaseKeepsOnlyItsOwnSubsystemBusy() async throws {
        try await asUserCommand {
            let home = try TempHome(); defer { home.cleanup() }
            let d = makeDispatcher(home, timeout: .seconds(1))  // ample time to reach the write even on a busy machine
            let stuck = await d.call("fake.hang_inside_write")  // blocks inside its write until released
            #expect(stuck.status == .failed)
            try await waitFor(HangInsideWrite.entered)
            // The next command of the same subsystem must not start inside the abandoned transaction.
            let busy = await d.call("fake.add_item", ["name": "too early"])
            #expect(busy.status == .failed)
            #expect(busy.message == "Fake is still busy with an earlier command that did not finish; try again in a moment.")
            #expect(await d.call("other.ping").status == .done)
            HangInsideWrite.release.set()
            var later = await d.call("fake.add_item", ["name": "later"])
            for _ in 0..<50 where later.status != .done {
                try await Task.sleep(for: .milliseconds(100))
                later = await d.call("fake.add_item", ["name": "later"])
            }
            #expect(later.status == .done)
            let state = try await d.state(of: "fake").compactJSON
            #expect(!state.contains("stuck"))
            #expect(!state.contains("too early"))
            #expect(state.contains("later"))
        }
    }

    /// Waits (up to 10 s) until `flag` is set.
    func waitFor(_ flag: Flag) async throws {
        for _ in 0..<200 where !flag.isSet { try await Task.sleep(for: .milliseconds(50)) }
        try #require(flag.isSet, "timed out waiting for the handler")
    }

    @Test func auditLogRecordsCommandsAndResults() async throws {
        let home = try TempHome(); defer { home.cleanup() }
        let d = makeDispatcher(home)
        await d.dispatch(Command(action: "fake.add_item", arguments: ["name": "Milk"], origin: .voice, utterance: "add an item called milk"))
        await d.call("fake.set_level", ["level": 101])
        let entries = try d.audit.entries()
        #expect(entries.count == 2)
        let first = try #require(entries.first?.objectValue)
        #expect(first["time"] == "2026-03-15T10:00:00.000Z")
        #expect(first["origin"] == "voice")
        #expect(first["action"] == "fake.add_item")
        #expect(first["arguments"] == ["name": "Milk"])
        #expect(first["utterance"] == "add an item called milk")
        #expect(first["status"] == "done")
        #expect(first["message"] == "Added Milk.")
        #expect(entries[1].objectValue?["status"] == "invalid_arguments")
        let text = try String(contentsOf: home.url.appendingPathComponent("audit.jsonl"), encoding: .utf8)
        #expect(text.split(separator: "\n").count == 2)
    }

    @Test func actionsCanCallOtherSubsystemsButNotTheirOwn() async throws {
        struct Caller: Action {
            static let name = "caller.go"
            static let description = "Calls others."
            static let permission = Permission.write
            init(arguments: Arguments) throws {}
            func perform(in context: ActionContext) async throws -> ActionOutcome {
                let other = await context.call("other.ping")
                let own = await context.call("caller.go")
                return .done("\(other.status.rawValue) \(own.status.rawValue)")
            }
        }
        struct CallerSubsystem: Subsystem {
            let name = "caller"
            let displayName = "Caller"
            var actions: [any Action.Type] { [Caller.self] }
            var migrator: DatabaseMigrator { DatabaseMigrator() }
        }
        let home = try TempHome(); defer { home.cleanup() }
        let d = Dispatcher(subsystems: [CallerSubsystem(), OtherSubsystem()], home: home.url)
        let r = await d.call("caller.go")
        #expect(r.message == "done refused")
        #expect(try d.audit.entries().compactMap { $0.objectValue?["origin"] } == ["subsystem", "subsystem", "text"])
    }

    @Test func corruptStateFileIsAClearFailure() async throws {
        let home = try TempHome(); defer { home.cleanup() }
        try Data("this is not sqlite".utf8).write(to: home.url.appendingPathComponent("fake.sqlite"))
        let r = await makeDispatcher(home).call("fake.add_item", ["name": "x"])
        #expect(r.status == .failed)
        #expect(r.message.contains("fake.sqlite"))
        #expect(r.message.contains("Move the file away"))
    }
}
