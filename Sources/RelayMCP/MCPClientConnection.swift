import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import RelayCore
public import RelayJSON

/// Talking to an external MCP server failed; the message names the server and says what happened.
public struct RemoteServerError: Error, Sendable, CustomStringConvertible {
    /// The whole message ("The MCP server weather exited with status 1: Traceback …").
    public var message: String
    /// Whether the connection is unusable afterwards (the server is restarted on the next call).
    public var connectionLost: Bool
    public var description: String { message }
}

/// One live MCP session with an external server, as a client: JSON-RPC 2.0 over the server's standard input and
/// output (one message a line), or over Streamable HTTP (a POST per message, answered with JSON or an SSE stream).
///
/// Relay's own client rather than the Swift SDK's `Client`, because a plugin server must fail in a bounded and
/// explained way: the SDK client keeps requests pending when its server dies or prints garbage, while here a closed
/// output, a non-JSON line or a time limit fails every pending request at once with a message naming the server
/// (and, for a crash, its exit status and last words on stderr), and marks the connection lost.
actor MCPClientConnection {
    enum Channel {
        case stdio(ChildSession)
        case http(URL, headers: [String: String])
    }

    /// "The MCP server weather", for messages.
    nonisolated let label: String
    private let channel: Channel
    private var pending: [Int: CheckedContinuation<JSONValue, any Error>] = [:]
    private var nextID = 1
    private var lostReason: String?
    private var httpSession: String?
    private var protocolVersion = MCPClientConnection.protocolVersion
    private var reader: Task<Void, Never>?

    /// The protocol revision Relay asks for; servers answer with the one they speak.
    static let protocolVersion = "2025-06-18"

    private init(label: String, channel: Channel) {
        self.label = label
        self.channel = channel
    }

    /// Starts (stdio) or reaches (HTTP) the server and runs the MCP handshake within `timeout`.
    static func open(_ server: MCPConfig.Server, label: String, timeout: Duration) async throws -> MCPClientConnection {
        let channel: Channel
        switch server.transport {
        case .stdio(let command, let arguments, let environment):
            let path = try resolve(command, environment: environment, label: label)
            do {
                channel = .stdio(try ChildSession(path, arguments, environment: environment.mapValues { Optional($0) }))
            } catch {
                throw RemoteServerError(message: "\(label) could not be started: \(error)", connectionLost: true)
            }
        case .http(let url, let headers):
            channel = .http(url, headers: headers)
        }
        let connection = MCPClientConnection(label: label, channel: channel)
        await connection.startReading()
        do {
            let result = try await connection.request("initialize", [
                "protocolVersion": .string(protocolVersion),
                "capabilities": .object([:]),
                "clientInfo": ["name": "relay", "version": "1.0"],
            ], timeout: timeout)
            await connection.initialized(version: result.objectValue?["protocolVersion"]?.stringValue)
            try await connection.notify("notifications/initialized")
        } catch {
            await connection.close()
            throw error
        }
        return connection
    }

    /// A command name looked up on PATH (the entry's `env` PATH first), as `mcpServers` entries give `python3` or `uvx`.
    static func resolve(_ command: String, environment: [String: String], label: String) throws -> String {
        if command.contains("/") { return command }
        let path = environment["PATH"] ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(command)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw RemoteServerError(message: "\(label) could not be started: there is no program \(command) on PATH.", connectionLost: true)
    }

    private func initialized(version: String?) {
        if let version { protocolVersion = version }
    }

    private func startReading() {
        guard case .stdio(let child) = channel else { return }
        reader = Task { [weak self] in
            for await output in child.lines {
                guard let self else { return }
                await self.received(output)
            }
            await self?.outputEnded(child)
        }
    }

    /// Whether calls can still go through this connection.
    var isUsable: Bool {
        guard lostReason == nil else { return false }
        if case .stdio(let child) = channel { return child.isRunning }
        return true
    }

    /// Sends a request and waits for its result (or its error) for at most `timeout`.
    func request(_ method: String, _ params: JSONObject = [:], timeout: Duration) async throws -> JSONValue {
        if let lostReason { throw RemoteServerError(message: lostReason, connectionLost: true) }
        let id = nextID
        nextID += 1
        let message: JSONValue = ["jsonrpc": "2.0", "id": .int(id), "method": .string(method), "params": .object(params)]
        switch channel {
        case .http(let url, let headers):
            return try await post(message, id: id, url: url, headers: headers, timeout: timeout)
        case .stdio(let child):
            let timer = Task { [weak self] in
                guard (try? await Task.sleep(for: timeout)) != nil else { return }
                await self?.lose("\(self?.label ?? "The MCP server") did not answer \(method) within \(Self.format(timeout)); it will be restarted on the next call.")
            }
            defer { timer.cancel() }
            return try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<JSONValue, any Error>) in
                    pending[id] = continuation
                    Task { [weak self] in
                        do { try await child.write(Data((message.compactJSON + "\n").utf8)) } catch {
                            await self?.lose("\(self?.label ?? "The MCP server") stopped reading its input: \(error)")
                        }
                    }
                }
            } onCancel: {
                // The dispatcher's time limit (or the caller) gave up: a server that is still busy with the call
                // cannot be trusted with the next one, so it is stopped and restarted on the next use.
                Task { [weak self] in await self?.lose("\(self?.label ?? "The MCP server") was stopped because the call was abandoned (time limit or cancellation); it will be restarted on the next call.") }
            }
        }
    }

    /// Sends a notification (no answer expected).
    func notify(_ method: String, _ params: JSONObject = [:]) async throws {
        let message: JSONValue = ["jsonrpc": "2.0", "method": .string(method), "params": .object(params)]
        switch channel {
        case .stdio(let child):
            try await child.write(Data((message.compactJSON + "\n").utf8))
        case .http(let url, let headers):
            _ = try? await send(message, url: url, headers: headers, timeout: .seconds(10))
        }
    }

    /// Ends the session: the child is stopped; pending requests fail.
    func close() {
        lose("\(label) was closed.")
    }

    // MARK: - stdio

    private func received(_ output: ChildSession.Output) {
        switch output {
        case .oversized(let bytes):
            lose("\(label) sent a message of \(bytes) bytes, over the limit; it will be restarted on the next call.")
        case .line(let data):
            let text = String(decoding: data, as: UTF8.self)
            guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return }
            guard case .object(let message)? = try? JSONValue(parsing: text), message["jsonrpc"]?.stringValue == "2.0" else {
                lose("\(label) answered with something that is not JSON-RPC (\(Self.excerpt(text))); it will be restarted on the next call.")
                return
            }
            handle(message)
        }
    }

    private func handle(_ message: JSONObject) {
        let method = message["method"]?.stringValue
        if let method, let id = message["id"] {
            // A request from the server (ping, roots, sampling, elicitation): Relay answers ping and declines the rest.
            let reply: JSONValue = method == "ping"
                ? ["jsonrpc": "2.0", "id": id, "result": .object([:])]
                : ["jsonrpc": "2.0", "id": id, "error": ["code": -32601, "message": .string("Relay does not offer \(method) to plugin servers.")]]
            if case .stdio(let child) = channel {
                Task { try? await child.write(Data((reply.compactJSON + "\n").utf8)) }
            }
            return
        }
        guard method == nil, let id = message["id"]?.intValue, let continuation = pending.removeValue(forKey: id) else { return }
        continuation.resume(with: Self.result(of: message, label: label))
    }

    private func outputEnded(_ child: ChildSession) async {
        guard lostReason == nil else { return }
        // The exit status arrives through the termination handler, a moment after the pipe closes.
        for _ in 0..<20 where child.exitDescription == nil { try? await Task.sleep(for: .milliseconds(25)) }
        let how = child.exitDescription ?? "closed its output"
        let words = child.standardErrorTail
        let last = words.isEmpty ? "" : ": " + Self.excerpt(String(words.split(separator: "\n").suffix(3).joined(separator: " | ")), limit: 300)
        lose("\(label) \(how)\(last); it will be restarted on the next call.")
    }

    private func lose(_ reason: String) {
        if lostReason == nil { lostReason = reason }
        let waiting = pending
        pending = [:]
        for (_, continuation) in waiting {
            continuation.resume(throwing: RemoteServerError(message: reason, connectionLost: true))
        }
        if case .stdio(let child) = channel { child.terminate() }
        reader?.cancel()
    }

    // MARK: - Streamable HTTP

    private func post(_ message: JSONValue, id: Int, url: URL, headers: [String: String], timeout: Duration) async throws -> JSONValue {
        let (body, contentType) = try await send(message, url: url, headers: headers, timeout: timeout)
        let text = String(decoding: body, as: UTF8.self)
        if contentType.hasPrefix("text/event-stream") {
            // The answer is one of the stream's events (others may be notifications or requests to the client).
            // SSE lines end in CR LF, LF or CR.
            let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            for event in normalized.components(separatedBy: "\n\n") {
                let data = event.split(separator: "\n").filter { $0.hasPrefix("data:") }.map { $0.dropFirst(5).trimmingCharacters(in: .whitespaces) }.joined(separator: "\n")
                guard case .object(let o)? = try? JSONValue(parsing: data), o["id"]?.intValue == id, o["method"] == nil else { continue }
                return try Self.result(of: o, label: label).get()
            }
            throw RemoteServerError(message: "\(label) closed its event stream without answering.", connectionLost: false)
        }
        guard case .object(let o)? = try? JSONValue(parsing: text) else {
            throw RemoteServerError(message: "\(label) answered with something that is not JSON-RPC (\(Self.excerpt(text))).", connectionLost: false)
        }
        return try Self.result(of: o, label: label).get()
    }

    private func send(_ message: JSONValue, url: URL, headers: [String: String], timeout: Duration) async throws -> (Data, String) {
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.timeoutInterval = Double(timeout.components.seconds) + 1
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("application/json, text/event-stream", forHTTPHeaderField: "Accept")
        request.setValue(protocolVersion, forHTTPHeaderField: "MCP-Protocol-Version")
        if let httpSession { request.setValue(httpSession, forHTTPHeaderField: "Mcp-Session-Id") }
        for (k, v) in headers { request.setValue(v, forHTTPHeaderField: k) }
        request.httpBody = Data(message.compactJSON.utf8)
        let (data, response): (Data, URLResponse)
        do { (data, response) = try await URLSession.shared.data(for: request) } catch {
            throw RemoteServerError(message: "\(label) at \(url.absoluteString) cannot be reached: \(error.localizedDescription)", connectionLost: true)
        }
        guard let http = response as? HTTPURLResponse else {
            throw RemoteServerError(message: "\(label) at \(url.absoluteString) gave no HTTP answer.", connectionLost: true)
        }
        if let session = http.value(forHTTPHeaderField: "Mcp-Session-Id") { httpSession = session }
        guard (200..<300).contains(http.statusCode) else {
            throw RemoteServerError(message: "\(label) at \(url.absoluteString) answered HTTP \(http.statusCode): \(Self.excerpt(String(decoding: data, as: UTF8.self)))",
                                    connectionLost: http.statusCode == 404)
        }
        return (data, http.value(forHTTPHeaderField: "Content-Type") ?? "")
    }

    // MARK: - Helpers

    private static func result(of message: JSONObject, label: String) -> Result<JSONValue, any Error> {
        if case .object(let error)? = message["error"] {
            let text = error["message"]?.stringValue ?? "an error without a message"
            return .failure(RemoteServerError(message: "\(label) refused the request: \(text) (JSON-RPC error \(error["code"]?.intValue ?? 0)).", connectionLost: false))
        }
        return .success(message["result"] ?? .null)
    }

    static func excerpt(_ text: String, limit: Int = 80) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        return flat.count <= limit ? "\"\(flat)\"" : "\"\(flat.prefix(limit))…\""
    }

    static func format(_ d: Duration) -> String {
        let s = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        return s == s.rounded() ? "\(Int(s)) seconds" : String(format: "%.1f seconds", s)
    }
}

/// A plain MCP client over a program's standard input and output, for benchmarks and diagnostics
/// (`relay-bench mcp`): the same connection Relay uses for plugin servers.
public struct MCPStdioClient: Sendable {
    private let connection: MCPClientConnection

    /// Starts `executable` with `arguments` and runs the MCP handshake.
    /// - Throws: ``RemoteServerError`` naming the program when it cannot start or answer.
    public static func start(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                             timeout: Duration = .seconds(30)) async throws -> MCPStdioClient {
        let entry = MCPConfig.Server(name: "client", transport: .stdio(command: executable, arguments: arguments, environment: environment),
                                     sentences: [:], timeout: nil, fingerprint: "")
        return MCPStdioClient(connection: try await MCPClientConnection.open(entry, label: "The MCP server \(executable)", timeout: timeout))
    }

    /// Sends a request and returns its result.
    public func request(_ method: String, _ params: JSONObject = [:], timeout: Duration = .seconds(30)) async throws -> JSONValue {
        try await connection.request(method, params, timeout: timeout)
    }

    /// Stops the program.
    public func close() async { await connection.close() }
}
