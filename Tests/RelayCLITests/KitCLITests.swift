import Foundation
import RelayTestSupport
import Testing

/// End-to-end tests of `relay actions`, `call`, `state` and `plugin`: they run the built binary as a user would.
@Suite struct KitCLITests {
    @Test func actionsListsTheSamplePluginInEveryFormat() async throws {
        let text = try await RelayCLI.run(["actions", "--subsystem", "notes"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("Notes (notes): Short text notes, kept in notebooks."))
        #expect(text.stdout.contains("  notes.add_note(text: text, [notebook: notebook])  [write]  Add a note, to the Inbox unless a notebook is named."))

        let json = try await RelayCLI.run(["actions", "--json"])
        #expect(json.status == 0)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let add = try #require(array.first { $0["name"] as? String == "notes.add_note" })
        #expect(add["permission"] as? String == "write")
        #expect((add["parameters"] as? [String: Any])?["required"] as? [String] == ["text"])

        let tools = try await RelayCLI.run(["actions", "--tools", "--subsystem", "notes"])
        #expect(tools.stdout.hasPrefix(#"[{"type":"function","function":{"name":"notes.create_notebook","description":"Create an empty notebook.","parameters":{"type":"object""#))

        let md = try await RelayCLI.run(["actions", "--markdown"])
        #expect(md.stdout.hasPrefix("# Relay actions\n"))
        #expect(md.stdout.contains("### `notes.delete_notebook`"))

        // The speech grammar as the recognizer loads it (weighted JSGF, words checked against its dictionary).
        let jsgf = try await RelayCLI.run(["actions", "--jsgf", "--subsystem", "notes"])
        #expect(jsgf.stdout.hasPrefix("#JSGF V1.0;\ngrammar relay;\npublic <command> = "), "\(jsgf.stderr)")
        #expect(jsgf.stdout.contains(" notebook "))
        #expect(!jsgf.stdout.contains(" alarm "), "only the notes sentences were asked for")

        let sentences = try await RelayCLI.run(["actions", "--sentences", "--subsystem", "notes"])
        #expect(sentences.stdout.contains("notes.create_notebook\tcreate a new notebook called {name}\n"))
        let zh = try await RelayCLI.run(["actions", "--sentences", "--json", "--language", "zh", "--subsystem", "notes"])
        #expect(zh.stdout.contains(#"{"action":"notes.list_notes","text":"显示昨天的笔记","template":"<please>显示{when}的笔记"}"#))

        let bad = try await RelayCLI.run(["actions", "--subsystem", "toaster"])
        #expect(bad.status == 1)
        #expect(bad.stderr.hasPrefix("relay actions: there is no subsystem named toaster; installed: "))
        #expect(try await RelayCLI.run(["actions", "--json", "--markdown"]).status == 2)   // usage errors exit 2
    }

    @Test func callAndStateUseTheHomeFolder() async throws {
        let home = try Fixtures.folder("relay-kit-cli")
        defer { try? FileManager.default.removeItem(at: home) }
        var r = try await RelayCLI.run(["call", "notes.create_notebook", "--args", #"{"name": "Work"}"#, "--home", home.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "Created the notebook Work.\n")

        // RELAY_HOME is the default home.
        r = try await RelayCLI.run(["call", "notes.add_note", "--args", #"{"text": "Ship it", "notebook": "work"}"#, "--json"],
                           environment: ["RELAY_HOME": home.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix(#"{"action":"notes.add_note","status":"done","message":"Added a note to Work.","arguments":{"text":"Ship it","notebook":{"id":"2","name":"Work"}}"#))

        r = try await RelayCLI.run(["call", "notes.delete_notebook", "--args", #"{"notebook": "Work"}"#, "--home", home.path])
        #expect(r.status == 1)
        #expect(r.stderr == "relay call: needs_confirmation: Delete the notebook Work and its note? (run again with --yes)\n")

        r = try await RelayCLI.run(["call", "notes.add_note", "--args", #"{"text": "x", "notebook": "Nope"}"#, "--home", home.path])
        #expect(r.status == 1)
        #expect(r.stderr == "relay call: not_found: There is no notebook named Nope.\n")

        r = try await RelayCLI.run(["call", "notes.add_note", "--args", "[1, 2]", "--home", home.path])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("relay call: --args must be a JSON object"))

        r = try await RelayCLI.run(["call", "notes.add_note", "--args", "{oops", "--home", home.path])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("relay call: --args is not valid JSON"))

        r = try await RelayCLI.run(["call", "notes.add_notes", "--home", home.path, "--json"])
        #expect(r.status == 1)
        #expect(r.stdout.contains(#""status":"not_found","message":"There is no action named notes.add_notes. Did you mean notes.add_note?""#))

        r = try await RelayCLI.run(["state", "notes", "--home", home.path, "--json"])
        #expect(r.status == 0)
        #expect(r.stdout.contains(#""notebooks":[{"id":1,"name":"Inbox"},{"id":2,"name":"Work"}]"#))
        #expect(r.stdout.contains(#""text":"Ship it","notebook":"Work""#))

        r = try await RelayCLI.run(["state", "notes", "--home", home.path])
        #expect(r.stdout.hasPrefix("{\n  \"notebooks\": [\n    {\n      \"id\": 1,"))

        r = try await RelayCLI.run(["state", "toaster", "--home", home.path])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("relay state: There is no subsystem named toaster; installed: "))

        r = try await RelayCLI.run(["call", "notes.delete_notebook", "--args", #"{"notebook": "Work"}"#, "--yes", "--home", home.path])
        #expect(r.status == 0)
        #expect(r.stdout == "Deleted the notebook Work and its note.\n")

        let audit = try String(contentsOf: home.appendingPathComponent("audit.jsonl"), encoding: .utf8)
        #expect(audit.split(separator: "\n").count == 6)  // malformed --args never reach the dispatcher
        #expect(audit.contains(#""origin":"cli","action":"notes.delete_notebook","arguments":{"notebook":"Work"},"confirmed":true"#))
    }

    @Test func pluginNewWritesIntoTheGivenRoot() async throws {
        let root = try Fixtures.folder("relay-kit-cli")
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("// placeholder manifest\n".utf8).write(to: root.appendingPathComponent("Package.swift"))
        var r = try await RelayCLI.run(["plugin", "new", "Flashlight", "--root", root.path, "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == #"{"plugin":"Flashlight","subsystem":"flashlight","files":["Plugins/Flashlight/Sources/FlashlightSubsystem.swift","Plugins/Flashlight/Tests/FlashlightTests.swift","Plugins/Flashlight/Tests/Golden/flashlight.json","Sources/RelayPlugins/InstalledPlugins.swift"]}"# + "\n")
        let list = try String(contentsOf: root.appendingPathComponent("Sources/RelayPlugins/InstalledPlugins.swift"), encoding: .utf8)
        #expect(list.contains("FlashlightPlugin.makeSubsystem()"))

        r = try await RelayCLI.run(["plugin", "new", "Flashlight", "--root", root.path])
        #expect(r.status == 1)
        #expect(r.stderr == "relay plugin new: A plugin named Flashlight already exists in Plugins/Flashlight.\n")
        r = try await RelayCLI.run(["plugin", "new", "bad name", "--root", root.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("is not a valid plugin name"))

        r = try await RelayCLI.run(["plugin", "list", "--json"])
        #expect(r.status == 0)
        #expect(r.stdout.contains(#"{"plugin":"Notes","subsystem":"notes","actions":4,"summary":"Short text notes, kept in notebooks."}"#))
    }
}
