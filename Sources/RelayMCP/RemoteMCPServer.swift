import Foundation
import RelayKit
import RelayJSON

/// An external MCP server named in `mcp.json`, as Relay uses it: started on first use, kept for later calls,
/// restarted on the next call after it crashed, hung or answered garbage.
public actor RemoteMCPServer {
    /// Its entry in `mcp.json`.
    public nonisolated let config: MCPConfig.Server
    /// "weather (MCP server)": the subsystem's display name, which every message about it starts with.
    public nonisolated let displayName: String
    /// How long the handshake and the tool list may take.
    nonisolated let startTimeout: Duration
    private var connection: MCPClientConnection?
    private var starting: Task<MCPClientConnection, any Error>?
    /// How many times a connection was opened (1 after the first start; more after restarts).
    public private(set) var starts = 0

    /// Where the tool cache lives, refreshed whenever the server starts.
    nonisolated let cacheHome: URL?

    init(config: MCPConfig.Server, startTimeout: Duration, cacheHome: URL? = nil) {
        self.config = config
        self.displayName = "\(config.name) (MCP server)"
        self.startTimeout = startTimeout
        self.cacheHome = cacheHome
    }

    private var label: String { "The MCP server \(config.name)" }

    /// The live connection, started (or restarted) when there is none or the last one was lost.
    private func live() async throws -> MCPClientConnection {
        if let connection, await connection.isUsable { return connection }
        if let starting { return try await starting.value }
        let config = self.config, label = self.label, timeout = self.startTimeout
        let task = Task { try await MCPClientConnection.open(config, label: label, timeout: timeout) }
        starting = task
        defer { starting = nil }
        let opened = try await task.value
        starts += 1
        connection = opened
        return opened
    }

    /// Lists the tools of a server that started for a call, so the next command sees tools it added or changed.
    private func refreshCache(_ connection: MCPClientConnection) async {
        guard let cacheHome, let tools = try? await listTools(on: connection) else { return }
        ToolCache.update(home: cacheHome, config, tools: tools)
    }

    /// Every tool the server lists (following `nextCursor`), as raw MCP tool objects.
    func listTools() async throws -> [JSONObject] {
        try await listTools(on: try await live())
    }

    private func listTools(on connection: MCPClientConnection) async throws -> [JSONObject] {
        var tools: [JSONObject] = []
        var cursor: String?
        repeat {
            var params = JSONObject()
            if let cursor { params["cursor"] = .string(cursor) }
            let result = try await connection.request("tools/list", params, timeout: startTimeout)
            guard case .array(let page)? = result.objectValue?["tools"] else {
                throw RemoteServerError(message: "\(label) answered tools/list without a list of tools.", connectionLost: false)
            }
            tools += page.compactMap(\.objectValue)
            cursor = result.objectValue?["nextCursor"]?.stringValue
        } while cursor != nil && tools.count < 10_000
        return tools
    }

    /// What a tool call returned.
    struct ToolReply: Sendable {
        var text: String
        var structured: JSONValue?
        var isError: Bool
    }

    /// Calls `tool`; the dispatcher's time limit cancels the call (and the server is restarted next time).
    func callTool(_ tool: String, arguments: JSONObject) async throws -> ToolReply {
        do {
            let fresh = connection == nil
            let connection = try await live()
            if fresh && starts == 1 {
                // Started for this call from cached tools: refresh the cache in the background.
                Task { await self.refreshCache(connection) }
            }
            // The entry's own limit, if any; otherwise only the dispatcher's (cancellation) bounds the call.
            let limit = config.timeout ?? .seconds(3600)
            let result = try await connection.request("tools/call", ["name": .string(tool), "arguments": .object(arguments)], timeout: limit)
            guard case .object(let o) = result else {
                throw RemoteServerError(message: "\(label) answered tools/call with \(MCPClientConnection.excerpt(result.compactJSON)), not a result object.", connectionLost: false)
            }
            var texts: [String] = []
            if case .array(let content)? = o["content"] {
                for item in content {
                    if item.objectValue?["type"]?.stringValue == "text", let text = item.objectValue?["text"]?.stringValue { texts.append(text) }
                }
            }
            return ToolReply(text: texts.joined(separator: "\n"), structured: o["structuredContent"], isError: o["isError"]?.boolValue ?? false)
        } catch let error as RemoteServerError {
            throw ActionFailure(.failed, error.message)
        }
    }

    /// Stops the server (at the end of `relay mcp`; a one-shot command's children see their input close and exit).
    public func shutdown() async {
        await connection?.close()
        connection = nil
    }
}

/// An external MCP server as a subsystem: its tools are its actions.
struct RemoteMCPSubsystem: Subsystem {
    let server: RemoteMCPServer
    let actions: [any Action.Type]
    var name: String { server.config.name }
    var displayName: String { server.displayName }
    var summary: String {
        switch server.config.transport {
        case .stdio(let command, let arguments, _): "External MCP server (\(([command] + arguments).joined(separator: " ")))."
        case .http(let url, _): "External MCP server at \(url.absoluteString)."
        }
    }
    // No tables: the server keeps its own state. The dispatcher still opens an (empty) SQLite file for it.
    var migrator: DatabaseMigrator { DatabaseMigrator() }
    /// A call may have to start the server first (a Python SDK's imports take seconds on a busy machine), so the
    /// limit is the entry's `timeout` (or 30 s) plus the start's. A hang is still caught at the entry's `timeout`
    /// by the connection itself.
    var timeLimit: Duration? { (server.config.timeout ?? .seconds(30)) + server.startTimeout }
}
