import Foundation
import RelayTestSupport
import Testing

/// `relay mcp` and external MCP servers as plugins, with the official Python MCP SDK (PyPI `mcp` 2.x) as the real
/// peer on the other side: its client drives `relay mcp` over stdio and HTTP (MCPPeers/*_client.py print what they
/// saw; the assertions are here), and its MCPServer runs the Groceries sample and a server that crashes, hangs and
/// writes garbage on purpose. The venv comes from Samples/scripts/mcp-venv.sh (cached; made once).
@Suite struct MCPCLITests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let peers = packageRoot.appendingPathComponent("Tests/RelayCLITests/MCPPeers")

    /// The venv's python, made once per test process (the script is idempotent and locks against a parallel run).
    static let python = Task<String, any Error> {
        let output = try await ChildProcess("/bin/bash", [packageRoot.appendingPathComponent("Samples/scripts/mcp-venv.sh").path],
                                            timeout: .seconds(600)).checkedRun()
        return output.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A home whose mcp.json runs the Groceries sample (with the sample's own sentences) and, if asked, the flaky
    /// server and a server whose program does not exist.
    static func home(flaky: Bool = false, broken: Bool = false) async throws -> URL {
        let home = try Fixtures.folder("relay-mcp")
        let python = try await Self.python.value
        let sample = try JSONSerialization.jsonObject(with: Data(contentsOf: packageRoot.appendingPathComponent("Samples/MCP/groceries/mcp.json"))) as? [String: Any]
        var groceries = try #require((sample?["mcpServers"] as? [String: Any])?["groceries"] as? [String: Any])
        groceries["command"] = python
        groceries["args"] = [packageRoot.appendingPathComponent("Samples/MCP/groceries/groceries.py").path]
        groceries["env"] = ["GROCERIES_FILE": home.appendingPathComponent("groceries.json").path]
        var servers: [String: Any] = ["groceries": groceries]
        if flaky { servers["flaky"] = ["command": python, "args": [peers.appendingPathComponent("flaky_server.py").path], "timeout": 2] }
        if broken { servers["broken"] = ["command": home.appendingPathComponent("no-such-server").path] }
        try JSONSerialization.data(withJSONObject: ["mcpServers": servers], options: [.sortedKeys])
            .write(to: home.appendingPathComponent("mcp.json"))
        return home
    }

    /// Runs a Python peer script and returns the JSON object it printed.
    static func runPeer(_ script: String, home: URL) async throws -> [String: Any] {
        let python = try await Self.python.value
        let output = try await ChildProcess(python, [peers.appendingPathComponent(script).path, RelayCLI.binary.path, home.path],
                                            environment: ["RELAY_HOME": home.path], timeout: .seconds(120)).run()
        #expect(output.succeeded, "\(script) failed: \(output.stderrText)")
        let line = output.stdoutText.split(separator: "\n").last.map(String.init) ?? ""
        return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(script) printed \(output.stdoutText)")
    }

    static func text(_ report: [String: Any], _ key: String) -> String { (report[key] as? [String: Any])?["text"] as? String ?? "<\(key) missing>" }
    static func isError(_ report: [String: Any], _ key: String) -> Bool? { (report[key] as? [String: Any])?["is_error"] as? Bool }

    @Test func pythonClientOverStdio() async throws {
        let home = try await Self.home(flaky: true)
        let r = try await Self.runPeer("stdio_client.py", home: home)
        #expect(r["server_name"] as? String == "relay")

        // Every action, with names strict clients accept, plus Relay's own tools and the plugin servers' tools.
        let names = try #require(r["tool_names"] as? [String])
        for name in ["settings_set_toggle", "photos_import_media", "notes_add_note", "relay_command", "analyze_video", "ask_video",
                     "groceries_add_item", "flaky_echo"] {
            #expect(names.contains(name), "\(name) not in tools/list")
        }
        #expect(names.allSatisfy { $0.range(of: "^[A-Za-z0-9_-]{1,64}$", options: .regularExpression) != nil })

        // Schemas and annotations follow the declarations and permissions.
        let toggle = try #require(r["tool:settings_set_toggle"] as? [String: Any])
        let schema = try #require(toggle["schema"] as? [String: Any])
        let properties = try #require(schema["properties"] as? [String: Any])
        #expect(((properties["toggle"] as? [String: Any])?["enum"] as? [String])?.contains("wifi") == true)
        #expect((properties["on"] as? [String: Any])?["type"] as? String == "boolean")
        #expect(toggle["readOnlyHint"] as? Bool == false && toggle["destructiveHint"] as? Bool == false)
        let read = try #require(r["tool:settings_get_toggle"] as? [String: Any])
        #expect(read["readOnlyHint"] as? Bool == true && read["idempotentHint"] as? Bool == true)
        let destructive = try #require(r["tool:clock_cancel_all_alarms"] as? [String: Any])
        #expect(destructive["destructiveHint"] as? Bool == true)
        #expect(((destructive["schema"] as? [String: Any])?["properties"] as? [String: Any])?["confirmed"] != nil)
        let remote = try #require(r["tool:groceries_clear_list"] as? [String: Any])
        #expect(remote["destructiveHint"] as? Bool == true, "the remote tool's destructiveHint became Relay's destructive permission")

        // A write tool changes the state the resource shows.
        #expect(Self.text(r, "wifi_call") == "Wi-Fi is now off.")
        #expect((((r["settings_before"] as? [String: Any])?["toggles"] as? [String: Any])?["wifi"] as? Bool) == true)
        #expect((((r["settings_after"] as? [String: Any])?["toggles"] as? [String: Any])?["wifi"] as? Bool) == false)
        #expect(r["updated"] as? [String] == ["relay://state/settings"], "a subscriber hears of the change, and only of it")

        // A destructive tool asks through elicitation when the client offers it…
        #expect(r["elicitations"] as? [String] == ["Cancel your only alarm?"])
        #expect(Self.text(r, "cancel_with_elicitation") == "Cancelled all 1 alarm.")
        #expect(Self.text(r, "alarms_after_cancel") == "You have no alarms.")
        // …and otherwise asks for a second call with "confirmed": true.
        #expect(Self.text(r, "cancel_without_elicitation").contains("call clock_cancel_all_alarms again with the same arguments and \"confirmed\": true"))
        #expect(Self.text(r, "cancel_confirmed") == "Cancelled all 1 alarm.")

        #expect(Self.text(r, "command") == "Brightness is now 30% (was 50%).")
        #expect((r["resources"] as? [String])?.contains("relay://audit") == true)
        #expect(r["prompts"] as? [String] == ["file_video_highlights", "phone_status", "explain_recent_changes"])

        // A plugin server reached through relay mcp; a crash, garbage and a hang fail only that server's call, with
        // a message naming it, and the next call restarts it.
        #expect(Self.text(r, "remote_add") == "Added 3 apples to the shopping list; it now has 3.")
        #expect(Self.text(r, "remote_list").contains("\"apples\": 3"))
        #expect(Self.text(r, "flaky_crash").hasPrefix("The MCP server flaky exited with status 3: \"flaky: about to crash\""))
        #expect(Self.text(r, "flaky_garbage").hasPrefix("The MCP server flaky answered with something that is not JSON-RPC (\"this is not json\")"))
        #expect(Self.text(r, "flaky_hang").hasPrefix("The MCP server flaky did not answer tools/call within 2 seconds"))
        for key in ["flaky_crash", "flaky_garbage", "flaky_hang"] { #expect(Self.isError(r, key) == true) }
        let pids = ["flaky_after_crash", "flaky_after_garbage", "flaky_after_hang"].map { Self.text(r, $0) }
        #expect(pids[0].hasPrefix("echo: back (pid ") && pids[1].hasPrefix("echo: again (pid ") && pids[2].hasPrefix("echo: still (pid "))
        #expect(Set(pids.map { $0.split(separator: "pid ").last }).count == 3, "each failure restarted the server: \(pids)")

        // Wrong calls are JSON-RPC errors, and the server keeps serving.
        #expect((r["unknown_tool_error"] as? String)?.contains("Unknown tool: no_such_tool") == true)
        #expect(r["bad_arguments_error"] as? String == "Invalid params: settings_set_level: percent: 150 is above the maximum 100.")
        #expect(Self.text(r, "still_serving") == "Wi-Fi is off.")

        // Everything went through the dispatcher: audited with origin mcp.
        let audit = try String(contentsOf: home.appendingPathComponent("audit.jsonl"), encoding: .utf8)
        let entries = audit.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(entries.contains { $0["action"] as? String == "settings.set_toggle" && $0["origin"] as? String == "mcp" })
        #expect(entries.contains { $0["action"] as? String == "flaky.crash" && $0["status"] as? String == "failed" })
    }

    @Test func pythonClientOverHTTP() async throws {
        let r = try await Self.runPeer("http_client.py", home: try Fixtures.folder("relay-mcp-http"))
        #expect((r["listening"] as? String)?.hasPrefix("relay mcp: listening on http://127.0.0.1:") == true)
        #expect((r["tool_count"] as? Int ?? 0) > 40 && r["has_set_toggle"] as? Bool == true)
        #expect(Self.text(r, "call") == "Bluetooth is now off." && r["bluetooth_after"] as? Bool == false)
        #expect(r["no_token"] as? Int == 401 && r["wrong_token"] as? Int == 401)
        #expect(r["evil_origin"] as? Int == 403, "a page on another origin is refused (DNS rebinding)")
        #expect(r["rebound_host"] as? Int == 403, "a loopback server answers only to loopback host names")
        #expect(r["local_origin"] as? Int == 200)
        let bad = try #require(r["bad_json"] as? [String: Any])
        #expect(bad["status"] as? Int == 400 && (bad["body"] as? String)?.contains("-32700") == true)
        #expect(r["huge_body"] as? Int == 413)
        #expect(r["no_session"] as? Int == 400 && r["wrong_path"] as? Int == 404)
        #expect(r["huge_headers"] as? String == "HTTP/1.1 431 Request Header Fields Too Large")
        #expect(r["still_serving"] as? Int == 200, "served while another connection stalls mid-request")
        #expect(r["exit_before_stop"] is NSNull, "relay mcp was still running after the hostile requests")
    }

    @Test func pluginServerThroughCallSayActionsAndPluginList() async throws {
        let home = try await Self.home(broken: true)
        let list = try await RelayCLI.run(["plugin", "list", "--json"], home: home)
        #expect(list.status == 0, "\(list.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        let groceries = try #require(rows.first { $0["subsystem"] as? String == "groceries" })
        #expect((groceries["mcp"] as? [String: Any])?["status"] as? String == "ok" && groceries["actions"] as? Int == 4)
        let broken = try #require(rows.first { $0["subsystem"] as? String == "broken" })
        #expect((broken["mcp"] as? [String: Any])?["status"] as? String == "failing")
        #expect(((broken["mcp"] as? [String: Any])?["message"] as? String)?.contains("The MCP server broken could not be started") == true)

        let actions = try await RelayCLI.run(["actions", "--json", "--subsystem", "groceries"], home: home)
        let declared = try #require(try JSONSerialization.jsonObject(with: Data(actions.stdout.utf8)) as? [[String: Any]])
        #expect(declared.map { $0["name"] as? String } == ["groceries.add_item", "groceries.list_items", "groceries.remove_item", "groceries.clear_list"])
        #expect(declared.map { $0["permission"] as? String } == ["write", "read", "write", "destructive"])
        #expect((declared.first?["sentences"] as? [String: Any])?["zh"] as? [String] == ["把{item}加到购物清单"])

        let call = try await RelayCLI.run(["call", "groceries.add_item", "--args", #"{"item": "Milk", "quantity": 2}"#, "--json"], home: home)
        #expect(call.status == 0, "\(call.stderr)")
        #expect(call.jsonLines.first?["message"] as? String == "Added 2 milk to the shopping list; it now has 2.")
        #expect(call.stderr.contains("relay call: MCP server broken:"), "the failing server is reported, and the call still works")

        let said = try await RelayCLI.run(["say", "put bread on my shopping list", "--json"], home: home)
        #expect(said.status == 0, "\(said.stderr)")
        let outcome = try #require(said.jsonLines.last)
        #expect((outcome["tool_call"] as? [String: Any])?["name"] as? String == "groceries.add_item")
        #expect(outcome["reply"] as? String == "Added 1 bread to the shopping list; it now has 1.")

        // A real model (an OpenAI-compatible server) gets the remote tools in its tool block, and its call runs.
        let model = try LocalHTTPServer(replies: [.json(status: 200, body: """
            {"id": "c1", "object": "chat.completion", "created": 1, "model": "qwen", "choices": [{"index": 0, "message": {"role": "assistant", "content": null,
             "tool_calls": [{"id": "t1", "type": "function", "function": {"name": "groceries.list_items", "arguments": "{}"}}]}, "finish_reason": "tool_calls"}]}
            """)])
        defer { model.stop() }
        let asked = try await RelayCLI.run(["say", "what do I need to buy", "--model-url", model.baseURL.absoluteString, "--model", "qwen"], home: home)
        #expect(asked.status == 0, "\(asked.stderr)")
        #expect(asked.stdout.contains("\"milk\": 2"))
        let body = String(decoding: try #require(model.requests.first).body, as: UTF8.self)
        // (OpenAI-style APIs take no dots in function names: the model client sends groceries__add_item.)
        #expect(body.contains(#""name":"groceries__add_item""#) && body.contains("Add an item to the shopping list"), "the tool block: \(body.prefix(300))")

        let invalid = try await RelayCLI.run(["call", "groceries.add_item", "--args", #"{"quantity": "lots"}"#], home: home)
        #expect(invalid.status == 1 && invalid.stderr.contains("invalid_arguments"), "validated by Relay before the server sees it")
        // A destructive remote tool is not called before a yes: the dispatcher's preview cannot roll a server back.
        let refused = try await RelayCLI.run(["say", "clear my shopping list"], home: home)
        #expect(refused.status == 1 && refused.stdout.contains("This will empty the whole shopping list (on the MCP server groceries)"), "\(refused.stdout)")
        let dead = try await RelayCLI.run(["call", "broken.anything"], home: home)
        #expect(dead.status == 1)

        let list2 = try String(contentsOf: home.appendingPathComponent("groceries.json"), encoding: .utf8)
        #expect(list2.contains("\"milk\": 2") && list2.contains("\"bread\": 1"))
    }

    /// A plugin server reached by `url` (Streamable HTTP, SSE answers), and what happens when it goes away.
    @Test func pluginServerOverHTTP() async throws {
        let home = try Fixtures.folder("relay-mcp-remote")
        let python = try await Self.python.value
        let portFile = home.appendingPathComponent("port")
        let server = try ChildProcess(python, [Self.peers.appendingPathComponent("http_server.py").path,
                                               Self.packageRoot.appendingPathComponent("Samples/MCP/groceries/groceries.py").path, portFile.path],
                                      environment: ["GROCERIES_FILE": home.appendingPathComponent("groceries.json").path]).start()
        var stopped = false
        defer { if !stopped { server.send(SIGKILL) } }   // never signal a pid after it was reaped (it may be reused)
        var port: String?
        for _ in 0..<300 where port == nil {
            port = try? String(contentsOf: portFile, encoding: .utf8)
            if port == nil { try await Task.sleep(for: .milliseconds(50)) }
        }
        let url = "http://127.0.0.1:\(try #require(port, "the server never chose a port"))/mcp"
        try Data(#"{"mcpServers": {"shop": {"type": "streamable-http", "url": "\#(url)"}}}"#.utf8).write(to: home.appendingPathComponent("mcp.json"))
        // uvicorn listens a moment after the port is chosen.
        var list = try await RelayCLI.run(["plugin", "list"], home: home)
        for _ in 0..<40 where !list.stdout.contains("MCP: ok") {
            try await Task.sleep(for: .milliseconds(250))
            list = try await RelayCLI.run(["plugin", "list"], home: home)
        }
        #expect(list.stdout.contains("shop\tshop\t4 actions\tExternal MCP server at \(url).\tMCP: ok (4 tools)"), "\(list.stdout)\(list.stderr)")
        let add = try await RelayCLI.run(["call", "shop.add_item", "--args", #"{"item": "tea"}"#], home: home)
        #expect(add.stdout == "Added 1 tea to the shopping list; it now has 1.\n", "\(add.stderr)")
        let missing = try await RelayCLI.run(["call", "shop.remove_item", "--args", #"{"item": "coffee"}"#], home: home)
        #expect(missing.stderr == "relay call: failed: shop (MCP server) reported an error from remove_item: coffee is not on the shopping list\n")
        server.send(SIGKILL)
        stopped = true
        _ = await server.output()
        let gone = try await RelayCLI.run(["call", "shop.list_items"], home: home)
        #expect(gone.status == 1 && gone.stderr.contains("relay call: failed: The MCP server shop at \(url) cannot be reached"), "\(gone.stderr)")
    }

    /// Raw lines a broken or hostile client might send over stdio: each gets a JSON-RPC error, nothing is lost.
    @Test func hostileInputOverStdio() async throws {
        let home = try Fixtures.folder("relay-mcp-raw")
        let huge = "{\"jsonrpc\":\"2.0\",\"id\":90,\"method\":\"tools/call\",\"params\":{\"name\":\"notes_add_note\",\"arguments\":{\"text\":\"" + String(repeating: "x", count: 5 << 20) + "\"}}}"
        let lines = [
            #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}"#,
            #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
            "this is not json",
            #"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"settings_set_toggle","#,   // cut short
            "42",
            #"{"jsonrpc":"2.0","id":3,"method":"no/such/method"}"#,
            #"{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"toaster_toast","arguments":{}}}"#,
            #"{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"settings_set_level","arguments":{"level":"volume","percent":"loud"}}}"#,
            huge,
            #"{"jsonrpc":"2.0","id":6,"method":"resources/read","params":{"uri":"relay://state/../../etc/passwd"}}"#,
            #"{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"settings_set_level","arguments":{"level":"volume","percent":20}}}"#,
        ]
        let run = try await RelayCLI.run(["mcp"], home: home, stdin: Data((lines.joined(separator: "\n") + "\n").utf8), timeout: .seconds(60))
        #expect(run.status == 0 && !run.timedOut, "\(run.stderr)")
        let replies = run.jsonLines
        func reply(_ id: Int) -> [String: Any]? { replies.first { ($0["id"] as? Int) == id } }
        func errorCode(_ message: [String: Any]?) -> Int? { (message?["error"] as? [String: Any])?["code"] as? Int }
        let anonymous = replies.filter { $0["id"] is NSNull }.compactMap { ($0["error"] as? [String: Any]) }
        let anonymousCodes: [Int] = anonymous.map { ($0["code"] as? Int) ?? 0 }.sorted()
        #expect(anonymousCodes == [-32700, -32700, -32600, -32600],
                "two parse errors, a non-object and the oversized message, all with id null: \(anonymous)")
        #expect(anonymous.contains { ($0["message"] as? String)?.contains("over the limit") == true })
        #expect(errorCode(reply(3)) == -32601)
        #expect(errorCode(reply(4)) == -32602 && ((reply(4)?["error"] as? [String: Any])?["message"] as? String)?.contains("Unknown tool: toaster_toast") == true)
        #expect(errorCode(reply(5)) == -32602 && ((reply(5)?["error"] as? [String: Any])?["message"] as? String)?.contains("percent") == true)
        #expect(errorCode(reply(6)) == -32602)
        #expect(reply(90) == nil, "the oversized call was not run")
        let done = try #require(reply(7)?["result"] as? [String: Any])
        #expect((done["content"] as? [[String: Any]])?.first?["text"] as? String == "Volume is now 20% (was 50%).")
        // State after the storm: the one valid call, and no note from the oversized one.
        let state = try await RelayCLI.run(["state", "settings", "--json"], home: home)
        #expect(state.stdout.contains(#""volume":20"#))
        let notes = try await RelayCLI.run(["state", "notes", "--json"], home: home)
        #expect(!notes.stdout.contains("xxxx"))
    }

    @Test func badMCPConfigNeverStopsBuiltInActions() async throws {
        let home = try Fixtures.folder("relay-mcp-config")
        try Data(#"{"mcpServers": {"Bad Name": {"command": "x"}}}"#.utf8).write(to: home.appendingPathComponent("mcp.json"))
        let call = try await RelayCLI.run(["call", "settings.set_toggle", "--args", #"{"toggle": "wifi", "on": false}"#], home: home)
        #expect(call.status == 0)
        #expect(call.stderr.contains("mcp.json: the server name \"Bad Name\" must be lowercase letters, digits and _"))
        try Data("{not json".utf8).write(to: home.appendingPathComponent("mcp.json"))
        let again = try await RelayCLI.run(["actions", "--subsystem", "settings"], home: home)
        #expect(again.status == 0 && again.stderr.contains("mcp.json: not valid JSON"))
    }
}
