import Foundation
import RelayAgent
import RelayKit
import RelayKitTesting
import RelayModel
import RelayPlugins
import RelaySpeech
import RelayTestSupport
import Testing

/// Guards against a second understanding path growing back: what a plugin author's test proves is what the product does.
@Suite struct OneUnderstandingPathTests {
    /// Every plugin's golden files (Plugins/*/Tests/Golden, Samples/Plugins/*/Tests/Golden).
    static var goldenFiles: [URL] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var files: [URL] = []
        for parent in ["Plugins", "Samples/Plugins"] {
            let folder = root.appendingPathComponent(parent)
            for plugin in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
                let golden = folder.appendingPathComponent(plugin).appendingPathComponent("Tests/Golden")
                for name in (try? FileManager.default.contentsOfDirectory(atPath: golden.path)) ?? [] where name.hasSuffix(".json") {
                    files.append(golden.appendingPathComponent(name))
                }
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    /// Each golden sentence of every plugin gives the same call through the plugin test kit (`phone.understand`) and
    /// through the model `relay say` asks (``CommandRunner/understand(_:entityNames:)``), on one phone whose state
    /// follows the file's setup and commands.
    @Test func theTestKitAndRelaySayReadEveryGoldenSentenceAlike() async throws {
        let files = Self.goldenFiles
        #expect(files.count >= 11, "golden files found: \(files.map(\.lastPathComponent))")
        var sentences = 0
        for file in files {
            guard case .object(let root) = try JSONValue(parsing: String(contentsOf: file, encoding: .utf8)),
                  case .array(let cases)? = root["cases"] else {
                Issue.record("\(file.lastPathComponent) has no cases"); continue
            }
            // Both ways with the sentence encoder's stage, as `relay say` runs.
            try await PluginTest(subsystems: InstalledPlugins.subsystems, embedder: try await InstalledEncoder.shared()) { phone in
                let runner = CommandRunner(dispatcher: phone.dispatcher, matcher: phone.matcher)
                if case .array(let setup)? = root["setup"] {
                    for step in setup {
                        guard case .object(let o) = step, case .string(let action)? = o["action"] else { continue }
                        let arguments: JSONObject = if case .object(let a)? = o["arguments"] { a } else { [:] }
                        await phone.dispatch(action, arguments, confirmed: true)
                    }
                }
                for item in cases {
                    guard case .object(let c) = item else { continue }
                    var texts: [String] = []
                    if case .string(let s)? = c["sentence"] { texts.append(s) }
                    if case .array(let a)? = c["sentences"] { texts += a.compactMap { if case .string(let s) = $0 { s } else { nil } } }
                    for text in texts {
                        sentences += 1
                        let kit = await phone.understand(text).match?.call
                        let product = try await runner.understand(text)
                        #expect(kit == product, "\(file.lastPathComponent): \"\(text)\"")
                        // Commands the golden file runs change the state later sentences are read against.
                        let runs = c["run"] == .bool(true) || c["status"] != nil || c["state"] != nil
                        if runs, let kit { await phone.dispatch(kit.name, kit.arguments, confirmed: c["confirmed"] == .bool(true)) }
                    }
                }
            }
        }
        #expect(sentences >= 120, "only \(sentences) golden sentences were compared")
    }

    /// `relay actions --jsgf` prints, byte for byte, the grammar the voice loop's recognizer loads for the same home.
    @Test func relayActionsJSGFIsTheGrammarTheRecognizerLoads() async throws {
        let home = try Fixtures.folder("relay-jsgf")
        defer { try? FileManager.default.removeItem(at: home) }
        // Live names go into the grammar: give the home an album and a contact of its own.
        let dispatcher = Dispatcher(subsystems: InstalledPlugins.subsystems, home: home)
        #expect(await dispatcher.call("photos.create_album", ["name": "Lake Trip"], origin: .test).status == .done)
        let loop = try await VoiceLoop(runner: CommandRunner(dispatcher: dispatcher),
                                       configuration: .init(wakePhrase: WakePhrase("hey relay")))
        let loaded = try #require(try await loop.recognizer.activeJSGF())

        let printed = try await RelayCLI.run(["actions", "--jsgf", "--wake-phrase", "hey relay", "--home", home.path])
        #expect(printed.status == 0, "\(printed.stderr)")
        #expect(printed.stdout == loaded)
        #expect(loaded.hasPrefix("#JSGF V1.0;"))
        #expect(loaded.contains("lake trip"))

        let other = try await RelayCLI.run(["actions", "--jsgf", "--home", home.path])
        #expect(other.status == 0)
        #expect(other.stdout != loaded, "the wake phrase is part of the grammar")
        let zh = try await RelayCLI.run(["actions", "--jsgf", "--language", "zh", "--home", home.path])
        #expect(zh.status != 0)
        #expect(zh.stderr.contains("English only"))
    }
}
