import Foundation
import RelayKit
import RelayKitTesting
import RelayModel
import Testing

@Suite("Test kit")
struct TestKitTests {
    @Test func pluginTestGivesEachRunAFreshHome() async throws {
        var first: URL?
        try await PluginTest(subsystems: [FakeSubsystem()], now: fixedNow) { phone in
            first = phone.home
            let heard = try await phone.say("turn on the wifi")
            #expect(heard.call == ToolCall(name: "fake.set_toggle", arguments: ["toggle": "wifi", "on": true]))
            #expect(heard.result?.status == .done)
            try await phone.call("fake.add_item", ["name": "Milk"])
            #expect(try await phone.rows("fake", "SELECT name FROM item") == [["name": "Milk"]])
            #expect(try await phone.rows("fake", "SELECT value FROM setting WHERE key = 'wifi'") == [["value": "on"]])
            #expect(try phone.auditEntries().count == 2)
            let missing = try await phone.say("make me a sandwich")
            #expect(missing.call == nil)
            #expect(missing.result == nil)
            await #expect(throws: PluginTestFailure.self) { try await phone.call("fake.set_level", ["level": 500]) }
        }
        let home = try #require(first)
        #expect(!FileManager.default.fileExists(atPath: home.path))
        try await PluginTest(subsystems: [FakeSubsystem()]) { phone in
            let rows = try await phone.rows("fake", "SELECT name FROM item")
            #expect(phone.home != home)
            #expect(rows.isEmpty)
        }
    }

    @Test func seedWritesFixtures() async throws {
        try await PluginTest(subsystems: [FakeSubsystem()]) { phone in
            try await phone.seed("fake") { db in try db.execute(sql: "INSERT INTO album(name) VALUES ('Zoo')") }
            let r = try await phone.say("rename zoo to Safari")
            #expect(r.result?.message == "Renamed Zoo to Safari.")
        }
    }

    func writeGolden(_ text: String) throws -> (URL, TempHome) {
        let dir = try TempHome()
        let url = dir.url.appendingPathComponent("fake.json")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return (url, dir)
    }

    @Test func goldenCasesPass() async throws {
        let (url, dir) = try writeGolden("""
            {
              "language": "en",
              "now": "2026-03-15T10:00:00Z",
              "setup": [{"action": "fake.add_item", "arguments": {"name": "Bread"}}],
              "cases": [
                {"sentences": ["turn on wifi", "enable the wireless"], "action": "fake.set_toggle", "arguments": {"on": true, "toggle": "wifi"}},
                {"sentence": "set the level to 40 percent", "action": "fake.set_level", "arguments": {"level": 40},
                 "run": true, "state": {"fake": {"setting": [{"key": "level", "value": "40"}]}}},
                {"sentence": "delete everything", "action": "fake.delete_everything", "arguments": {}, "status": "needs_confirmation"},
                {"sentence": "delete everything", "confirmed": true, "status": "done", "state": {"fake": {"item": []}}},
                {"sentence": "rename vacation to Holidays", "action": "fake.rename_album", "arguments": {"album": "Vacation", "name": "Holidays"}},
                {"sentence": "rename holidays to x", "understood": false},
                {"sentence": "gibberish words here", "understood": false}
              ]
            }
            """)
        defer { dir.cleanup() }
        let report = try await GoldenCases.run(file: url, subsystems: [FakeSubsystem()])
        #expect(report.sentences == 8)
        #expect(report.commands == 3)
    }

    @Test func goldenCasesReportEveryFailure() async throws {
        let (url, dir) = try writeGolden("""
            {"cases": [
              {"sentence": "turn on wifi", "action": "fake.set_toggle", "arguments": {"toggle": "dark_mode", "on": true}},
              {"sentence": "turn on wifi", "action": "fake.add_item"},
              {"sentence": "blah blah", "action": "fake.add_item"},
              {"sentence": "turn on wifi", "understood": false},
              {"sentence": "set level to 10", "run": true, "state": {"fake": {"setting": [{"value": "99"}]}}}
            ]}
            """)
        defer { dir.cleanup() }
        do {
            try await GoldenCases.run(file: url, subsystems: [FakeSubsystem()])
            Issue.record("expected a failure")
        } catch let failure as PluginTestFailure {
            let text = failure.description
            #expect(text.hasPrefix("fake.json: 5 failing case(s):"))
            #expect(text.contains(#"case 0 "turn on wifi": expected arguments {"toggle":"dark_mode","on":true}, got {"toggle":"wifi","on":true}"#))
            #expect(text.contains(#"case 1 "turn on wifi": expected fake.add_item, got fake.set_toggle"#))
            #expect(text.contains(#"case 2 "blah blah": not understood"#))
            #expect(text.contains(#"case 3 "turn on wifi": expected not understood, got fake.set_toggle"#))
            #expect(text.contains(#"case 4 "set level to 10": state of fake does not contain"#))
        }
    }

    @Test func malformedGoldenFilesAreClearErrors() async throws {
        let (url, dir) = try writeGolden("{not json")
        defer { dir.cleanup() }
        await #expect(throws: PluginTestFailure.self) { try await GoldenCases.run(file: url, subsystems: [FakeSubsystem()]) }
        do {
            try await GoldenCases.run(file: dir.url.appendingPathComponent("missing.json"), subsystems: [FakeSubsystem()])
        } catch let f as PluginTestFailure {
            #expect(f.description.hasPrefix("Cannot read the golden file"))
        }
    }

    @Test func jsonMatching() {
        #expect(JSONMatch.equal(["a": 1, "b": [1.0, "x"]], ["b": [1, "x"], "a": 1.0]))
        #expect(!JSONMatch.equal(["a": 1], ["a": 1, "b": 2]))
        #expect(JSONMatch.contains(["t": [["id": 1, "on": 1], ["id": 2, "on": 0]]], ["t": [["on": true]]]))
        #expect(!JSONMatch.contains(["t": [["id": 1]]], ["t": [["id": 2]]]))
    }
}
