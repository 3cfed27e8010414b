public import Foundation
import Logging
import MCP
import NIOCore
import NIOHTTP1
import NIOPosix

/// `relay mcp --http HOST:PORT`: MCP's Streamable HTTP transport at `/mcp`, one SDK session per client.
///
/// SwiftNIO parses HTTP (bounded header sizes) and the SDK's `StatefulHTTPServerTransport` speaks the protocol
/// (sessions, SSE streams, Accept/Content-Type/protocol-version checks). In front of both, every request must pass:
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
    private var channel: (any Channel)?
    private var group: MultiThreadedEventLoopGroup?
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
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        self.group = group
        let limit = configuration.maxBodyBytes
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.backlog, value: 64)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { [self] channel in
                channel.pipeline.configureHTTPServerPipeline().flatMap {
                    channel.pipeline.addHandler(HTTPHandler(server: self, maxBodyBytes: limit))
                }
            }
        let channel = try await bootstrap.bind(host: configuration.host, port: configuration.port).get()
        self.channel = channel
        port = channel.localAddress?.port ?? configuration.port
        Task { [weak self] in
            while let self, await self.isRunning {
                try? await Task.sleep(for: .seconds(60))
                await self.closeIdleSessions()
            }
        }
        return port
    }

    var isRunning: Bool { channel != nil }

    /// Waits until the listening socket closes.
    public func waitUntilClosed() async {
        try? await channel?.closeFuture.get()
    }

    /// Closes every session and the listening socket.
    public func stop() async {
        for (_, s) in sessions {
            await s.server.stop()
            await s.transport.disconnect()
        }
        sessions = [:]
        try? await channel?.close()
        channel = nil
        try? await group?.shutdownGracefully()
        group = nil
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

/// Collects one HTTP request (refusing bodies over the limit) and writes the MCP server's response, streaming SSE.
private final class HTTPHandler: ChannelInboundHandler, @unchecked Sendable {
    // @unchecked Sendable: the mutable request state is only touched on the channel's event loop (channelRead).
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let server: MCPHTTPServer
    private let maxBodyBytes: Int
    private var head: HTTPRequestHead?
    private var body = ByteBuffer()
    private var refused = false

    init(server: MCPHTTPServer, maxBodyBytes: Int) {
        self.server = server
        self.maxBodyBytes = maxBodyBytes
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let h):
            head = h
            body.clear()
            refused = false
            if let length = h.headers.first(name: "content-length").flatMap(Int.init), length > maxBodyBytes {
                refuse(context: context, h)
            }
        case .body(var chunk):
            guard !refused else { return }
            if body.readableBytes + chunk.readableBytes > maxBodyBytes, let h = head {
                refuse(context: context, h)
                return
            }
            body.writeBuffer(&chunk)
        case .end:
            if refused {
                context.channel.close(promise: nil)
                return
            }
            guard let h = head else { return }
            head = nil
            var headers: [String: String] = [:]
            for (name, value) in h.headers { headers[name] = headers[name].map { "\($0), \(value)" } ?? value }
            let path = String(h.uri.split(separator: "?", maxSplits: 1).first ?? Substring(h.uri))
            let bytes = body.readableBytes > 0 ? Data(body.readableBytesView) : nil
            let request = HTTPRequest(method: h.method.rawValue, headers: headers, body: bytes, path: path)
            let channel = context.channel, version = h.version, server = self.server
            Task {
                let response = await server.handle(request)
                await Self.write(response, version: version, to: channel)
            }
        }
    }

    private func refuse(context: ChannelHandlerContext, _ h: HTTPRequestHead) {
        refused = true
        let message = "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"Request body over the limit of \(maxBodyBytes) bytes.\"}}"
        var headers = HTTPHeaders([("Content-Type", "application/json"), ("Connection", "close"), ("Content-Length", "\(message.utf8.count)")])
        headers.replaceOrAdd(name: "Content-Length", value: "\(message.utf8.count)")
        let channel = context.channel
        channel.write(HTTPServerResponsePart.head(HTTPResponseHead(version: h.version, status: .payloadTooLarge, headers: headers)), promise: nil)
        channel.write(HTTPServerResponsePart.body(.byteBuffer(ByteBuffer(string: message))), promise: nil)
        // The connection closes once the client has sent the rest of its body (read and dropped): closing now
        // would reset the connection under a client still writing, and it would never see the 413.
        channel.writeAndFlush(HTTPServerResponsePart.end(nil), promise: nil)
    }

    private static func write(_ response: HTTPResponse, version: HTTPVersion, to channel: any Channel) async {
        var headers = HTTPHeaders()
        for (k, v) in response.headers { headers.add(name: k, value: v) }
        let status = HTTPResponseStatus(statusCode: response.statusCode)
        if case .stream(let events, _) = response {
            headers.replaceOrAdd(name: "Cache-Control", value: "no-cache")
            _ = try? await channel.writeAndFlush(HTTPServerResponsePart.head(HTTPResponseHead(version: version, status: status, headers: headers))).get()
            do {
                for try await chunk in events {
                    try await channel.writeAndFlush(HTTPServerResponsePart.body(.byteBuffer(ByteBuffer(bytes: chunk)))).get()
                }
            } catch {
                // The client went away, or the session ended: close the stream.
            }
            _ = try? await channel.writeAndFlush(HTTPServerResponsePart.end(nil)).get()
            return
        }
        let data = response.bodyData ?? Data()
        headers.replaceOrAdd(name: "Content-Length", value: "\(data.count)")
        channel.write(HTTPServerResponsePart.head(HTTPResponseHead(version: version, status: status, headers: headers)), promise: nil)
        if !data.isEmpty { channel.write(HTTPServerResponsePart.body(.byteBuffer(ByteBuffer(bytes: data))), promise: nil) }
        _ = try? await channel.writeAndFlush(HTTPServerResponsePart.end(nil)).get()
    }
}
