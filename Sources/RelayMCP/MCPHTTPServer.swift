import Foundation
import MCP

/// `relay mcp --http HOST:PORT`: MCP's Streamable HTTP transport at `/mcp`, one SDK session per client.
///
/// ``SocketHTTPServer`` reads HTTP (bounded sizes and times) and the SDK's `StatefulHTTPServerTransport` speaks the
/// protocol (sessions, SSE streams, Accept/Content-Type/protocol-version checks). In front of both, every request must pass:
/// - the `Origin` check (the specification's guard against DNS rebinding): a browser page may reach the server only
///   from an allowed origin, by default the loopback names on this port; requests without `Origin` (not from a
///   browser) pass;
/// - the bearer token, when one is set (`--token-file`): `Authorization: Bearer <token>`, else 401;
/// - a body limit (``Configuration/maxBodyBytes``), else 413.
public actor MCPHTTPServer {
    /// Where and how to listen.
    public struct Configuration: Sendable {
        /// The address to bind (127.0.0.1 unless told otherwise).
        public var host: String
        /// The port; 0 lets the system choose (see ``MCPHTTPServer/port``).
        public var port: Int
        /// The token clients must send, if any.
        public var token: String?
        /// Extra allowed `Origin` values (`https://example.org`), beyond the loopback names.
        public var allowedOrigins: [String]
        /// The largest request body accepted.
        public var maxBodyBytes: Int
        /// Creates a configuration.
        public init(host: String = "127.0.0.1", port: Int, token: String? = nil, allowedOrigins: [String] = [], maxBodyBytes: Int = 4 << 20) {
            self.host = host
            self.port = port
            self.token = token
            self.allowedOrigins = allowedOrigins
            self.maxBodyBytes = maxBodyBytes
        }
    }

    private let configuration: Configuration
    private let service: RelayMCPService
    private var sessions: [String: (server: Server, transport: StatefulHTTPServerTransport, lastUsed: ContinuousClock.Instant)] = [:]
    private var listener: SocketHTTPServer?
    /// The port actually bound (after ``start()``).
    public private(set) var port = 0
    static let endpoint = "/mcp"
    /// Sessions idle this long are closed.
    static let idleLimit: Duration = .seconds(3600)

    /// A server for `service` with `configuration`; nothing listens until ``start()``.
    public init(service: RelayMCPService, configuration: Configuration) {
        self.service = service
        self.configuration = configuration
    }

    /// Binds and starts accepting connections; returns the bound port.
    public func start() async throws -> Int {
        let listener = try SocketHTTPServer(host: configuration.host, port: configuration.port, maxBodyBytes: configuration.maxBodyBytes)
        self.listener = listener
        port = listener.port
        listener.start { [weak self] request in
            guard let self else { return .error(statusCode: 503, .internalError("The server is stopping.")) }
            return await self.handle(request)
        }
        Task { [weak self] in
            while let self, await self.isRunning {
                try? await Task.sleep(for: .seconds(60))
                await self.closeIdleSessions()
            }
        }
        return port
    }

    var isRunning: Bool { listener != nil }

    /// Waits until the listening socket closes.
    public func waitUntilClosed() async {
        await listener?.waitUntilClosed()
    }

    /// Closes every session and the listening socket.
    public func stop() async {
        for (_, s) in sessions {
            await s.server.stop()
            await s.transport.disconnect()
        }
        sessions = [:]
        listener?.close()
        listener = nil
    }

    private func closeIdleSessions() async {
        let now = ContinuousClock.now
        for (id, s) in sessions where now - s.lastUsed > Self.idleLimit {
            sessions[id] = nil
            await s.server.stop()
            await s.transport.disconnect()
        }
    }

    // MARK: - Requests

    func handle(_ request: HTTPRequest) async -> HTTPResponse {
        if let refusal = guardRequest(request) { return refusal }
        guard request.path == Self.endpoint else {
            return .error(statusCode: 404, .invalidRequest("Not found: the MCP endpoint is \(Self.endpoint)."))
        }
        let sessionID = request.header(HTTPHeaderName.sessionID)
        if let sessionID, var session = sessions[sessionID] {
            session.lastUsed = .now
            sessions[sessionID] = session
            let response = await session.transport.handleRequest(request)
            if request.method.uppercased() == "DELETE" && response.statusCode == 200 {
                sessions[sessionID] = nil
                await session.server.stop()
            }
            return response
        }
        if sessionID != nil {
            return .error(statusCode: 404, .invalidRequest("Session not found or expired; initialize a new one."))
        }
        guard request.method.uppercased() == "POST", let body = request.body, !body.isEmpty else {
            return .error(statusCode: 400, .invalidRequest("Bad request: missing \(HTTPHeaderName.sessionID); start with an initialize request."))
        }
        guard let object = try? JSONSerialization.jsonObject(with: body) else {
            return .error(statusCode: 400, .parseError("The body is not valid JSON."))
        }
        guard (object as? [String: Any])?["method"] as? String == "initialize" else {
            return .error(statusCode: 400, .invalidRequest("Bad request: missing \(HTTPHeaderName.sessionID); start with an initialize request."))
        }
        return await startSession(request)
    }

    /// Origin and token checks, before anything else looks at the request.
    private func guardRequest(_ request: HTTPRequest) -> HTTPResponse? {
        if let origin = request.header(HTTPHeaderName.origin), !originAllowed(origin) {
            return .error(statusCode: 403, .invalidRequest("Forbidden: the origin \(origin) may not use this server."))
        }
        // A DNS-rebinding page is same-origin to itself, and browsers leave Origin off some same-origin requests;
        // its Host header still names the attacker's domain. A loopback server answers only to loopback names.
        if Self.isLoopback(configuration.host), let host = request.header(HTTPHeaderName.host), !Self.isLoopbackHostHeader(host) {
            return .error(statusCode: 403, .invalidRequest("Forbidden: the host \(host) is not this machine's loopback address."))
        }
        if let token = configuration.token {
            let given = request.header(HTTPHeaderName.authorization) ?? ""
            guard Self.constantTimeEqual(given, "Bearer \(token)") else {
                return .error(statusCode: 401, .invalidRequest("Unauthorized: send Authorization: Bearer <token> (the token in --token-file)."),
                              extraHeaders: [HTTPHeaderName.wwwAuthenticate: "Bearer"])
            }
        }
        return nil
    }

    private func originAllowed(_ origin: String) -> Bool {
        if configuration.allowedOrigins.contains(origin) { return true }
        guard let url = URL(string: origin), let host = url.host, ["http", "https"].contains(url.scheme ?? "") else { return false }
        let loopback = ["localhost", "127.0.0.1", "::1", "[::1]"].contains(host)
        return loopback && (url.port == nil || url.port == port)
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// `localhost`, `127.x.x.x` or `[::1]`, with or without a port.
    static func isLoopbackHostHeader(_ value: String) -> Bool {
        var host = value
        if host.hasPrefix("[") { host = String(host.prefix { $0 != "]" }.dropFirst()) }
        else if let colon = host.lastIndex(of: ":") { host = String(host[..<colon]) }
        return isLoopback(host.lowercased())
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var diff = UInt8(x.count == y.count ? 0 : 1)
        for i in 0..<max(x.count, y.count) { diff |= (i < x.count ? x[i] : 0) ^ (i < y.count ? y[i] : 0) }
        return diff == 0
    }

    private func startSession(_ request: HTTPRequest) async -> HTTPResponse {
        let id = UUID().uuidString
        let transport = StatefulHTTPServerTransport(
            sessionIDGenerator: FixedSessionID(id: id),
            // Origin was checked above, with the bound port and the allowed origins.
            validationPipeline: StandardValidationPipeline(validators: [
                AcceptHeaderValidator(mode: .sseRequired), ContentTypeValidator(), ProtocolVersionValidator(), SessionValidator(),
            ]))
        let (server, session) = await service.makeServer()
        do {
            try await server.start(transport: transport, initializeHook: service.initializeHook(for: session))
        } catch {
            await transport.disconnect()
            return .error(statusCode: 500, .internalError("Could not start a session: \(error)"))
        }
        sessions[id] = (server, transport, .now)
        let response = await transport.handleRequest(request)
        if case .error = response {
            sessions[id] = nil
            await server.stop()
        }
        return response
    }

    private struct FixedSessionID: SessionIDGenerator {
        let id: String
        func generateSessionID() -> String { id }
    }
}
