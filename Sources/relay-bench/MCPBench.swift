import ArgumentParser
import Foundation
import RelayMCP
import RelayJSON

/// `relay-bench mcp`: latency of `relay mcp` over stdio, as an MCP client sees it.
struct MCPBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Latency of relay mcp over stdio: tools/list and tools/call, p50 and p95.",
        discussion: """
            Starts the `relay` binary next to relay-bench as `relay mcp` in a fresh home, runs the MCP handshake, \
            then times --calls tools/list requests and --calls tools/call requests (settings_get_toggle: a read \
            that goes through the dispatcher, its SQLite state and the audit log) one after another, after ten \
            untimed warm-up calls of each. Prints p50, p95 and max in milliseconds.
            """
    )

    @Option(help: "Timed requests of each kind.")
    var calls = 200

    @Flag(help: "Print the results as one JSON object.")
    var json = false

    func validate() throws {
        guard calls >= 1 else { throw ValidationError("--calls must be at least 1.") }
    }

    func run() async throws {
        let relay = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("relay")
        guard FileManager.default.isExecutableFile(atPath: relay.path) else {
            throw ValidationError("no `relay` binary next to relay-bench (\(relay.path)); build it first.")
        }
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("relay-bench-mcp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let client = try await MCPStdioClient.start(relay.path, ["mcp", "--home", home.path], environment: ["RELAY_HOME": home.path])
        let list: @Sendable () async throws -> Void = { _ = try await client.request("tools/list") }
        let call: @Sendable () async throws -> Void = {
            let result = try await client.request("tools/call", ["name": "settings_get_toggle", "arguments": ["toggle": "wifi"]])
            guard result.objectValue?["isError"]?.boolValue != true else { throw ValidationError("tools/call failed: \(result.compactJSON)") }
        }
        var results: [(String, [Double])] = []
        for (name, body) in [("tools/list", list), ("tools/call", call)] {
            for _ in 0..<10 { try await body() }
            var samples: [Double] = []
            for _ in 0..<calls {
                let start = ContinuousClock.now
                try await body()
                samples.append(Bench.seconds(ContinuousClock.now - start) * 1000)
            }
            results.append((name, samples.sorted()))
        }
        await client.close()
        func percentile(_ sorted: [Double], _ p: Double) -> Double { sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)] }
        if json {
            var o = JSONObject()
            for (name, s) in results {
                o[name] = ["calls": .int(s.count), "p50_ms": .double(Bench.round(percentile(s, 0.5))),
                           "p95_ms": .double(Bench.round(percentile(s, 0.95))), "max_ms": .double(Bench.round(s.last ?? 0))]
            }
            print(JSONValue.object(o).compactJSON)
        } else {
            for (name, s) in results {
                print("\(name): p50 \(String(format: "%.2f", percentile(s, 0.5))) ms, p95 \(String(format: "%.2f", percentile(s, 0.95))) ms, max \(String(format: "%.2f", s.last ?? 0)) ms (\(s.count) calls over stdio)")
            }
        }
    }
}
