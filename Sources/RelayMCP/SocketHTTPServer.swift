import Foundation
import MCP
import RelayCore
#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 server on POSIX sockets: just what MCP's Streamable HTTP transport needs (requests with a
/// `Content-Length` body, JSON answers, SSE streams), kept small on purpose so `relay mcp --http` costs no server
/// library in every first build (SwiftNIO's modules took about 70 s of CPU per build here, twice per CI run).
///
/// Every blocking socket call runs as a ``BlockingWork`` job; connections are served by tasks. Limits make hostile
/// clients cheap: headers up to 64 KiB (else 431), a body up to `maxBodyBytes` (else 413, sent once the body has been
/// read and dropped, so the client sees it), 30 s to send a request (else the connection closes), at most 64
/// connections at once (else 503). Chunked request bodies are refused (411); MCP clients send a length.
final class SocketHTTPServer: @unchecked Sendable {
    // @unchecked Sendable: `listener` is set once in init; the open-connection count, `closed`, `accepting` and
    // `loopEnded` are guarded by `lock`.
    typealias Handler = @Sendable (HTTPRequest) async -> HTTPResponse

    private let listener: Int32
    /// The port bound.
    let port: Int
    private let maxBodyBytes: Int
    private let lock = NSLock()
    private var connections = 0
    private var closed = false
    private var accepting = false
    private var loopEnded = false
    private let done: AsyncStream<Void>
    private let finish: AsyncStream<Void>.Continuation
    static let maxHeaderBytes = 64 << 10
    static let maxConnections = 64
    static let readTimeoutSeconds = 30

    /// Binds `host:port` (IPv4, IPv6 or `localhost`); port 0 lets the system choose.
    init(host: String, port: Int, maxBodyBytes: Int) throws {
        self.maxBodyBytes = maxBodyBytes
        (done, finish) = AsyncStream.makeStream(of: Void.self)
        let name = host == "localhost" ? "127.0.0.1" : host
        let v6 = name.contains(":")
        let fd = socket(v6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var bound: Int32
        if v6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = in_port_t(UInt16(port).bigEndian)
            guard inet_pton(AF_INET6, name, &address.sin6_addr) == 1 else { Glibc.close(fd); throw POSIXError(.EINVAL) }
            bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) } }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            guard inet_pton(AF_INET, name, &address.sin_addr) == 1 else { Glibc.close(fd); throw POSIXError(.EINVAL) }
            bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            let error = POSIXError(POSIXErrorCode(rawValue: errno) ?? .EADDRINUSE)
            Glibc.close(fd)
            throw error
        }
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &storage) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        let actual: UInt16 = withUnsafePointer(to: &storage) { p in
            v6 ? p.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) }
               : p.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
        }
        listener = fd
        self.port = Int(actual)
    }

    /// Accepts connections until ``close()``, answering each request with `handler`.
    func start(_ handler: @escaping Handler) {
        let fd = listener
        let proceed: Bool = lock.withLock {
            if closed { return false }
            accepting = true
            return true
        }
        guard proceed else { finish.finish(); return }
        Task {
            // The loop owns the listener once it runs: only it may close the descriptor, after its last `accept`
            // (closed elsewhere, the number could be reused by another socket that this `accept` would then take).
            defer { lock.withLock { accepting = false; loopEnded = true; Glibc.close(fd) } }
            while true {
                // errno is read on the thread that called accept: it is per thread.
                let (client, error) = await BlockingWork.run { () -> (Int32, Int32) in
                    let client = accept(fd, nil, nil)
                    return (client, client < 0 ? errno : 0)
                }
                if client < 0 {
                    if error == EINTR || error == ECONNABORTED, !lock.withLock({ closed }) { continue }
                    break
                }
                let admitted: Bool = lock.withLock {
                    guard connections < Self.maxConnections else { return false }
                    connections += 1
                    return true
                }
                Task {
                    if admitted {
                        await self.serve(client, handler)
                        self.lock.withLock { self.connections -= 1 }
                    } else {
                        await Self.send(client, Self.head(503, ["Content-Type": "text/plain", "Content-Length": "12", "Connection": "close"]) + Data("server busy\n".utf8))
                    }
                    Glibc.close(client)
                }
            }
            finish.finish()
        }
    }

    /// Waits until the listener has closed.
    func waitUntilClosed() async {
        for await _ in done {}
    }

    /// Stops accepting connections.
    func close() {
        lock.withLock {
            guard !closed else { return }
            closed = true
            // Under the lock, so the descriptor is still ours: a running accept loop is woken and closes it itself;
            // one that already ended (an accept error) has closed it, and nothing must touch the number again.
            if accepting {
                shutdown(listener, Int32(SHUT_RDWR))
            } else if !loopEnded {
                Glibc.close(listener)
            }
        }
    }

    // MARK: - One connection

    private func serve(_ fd: Int32, _ handler: Handler) async {
        var timeout = timeval(tv_sec: Self.readTimeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer = Data()
        while true {
            // Headers.
            let marker = Data("\r\n\r\n".utf8)
            var headerEnd = buffer.range(of: marker)
            while headerEnd == nil {
                guard buffer.count <= Self.maxHeaderBytes else {
                    await Self.send(fd, Self.plain(431, "Request headers over \(Self.maxHeaderBytes) bytes."))
                    return
                }
                let chunk = await Self.receive(fd)
                if chunk.isEmpty { return }   // closed, timed out, or an error
                buffer.append(chunk)
                headerEnd = buffer.range(of: marker)
            }
            guard let end = headerEnd, end.lowerBound - buffer.startIndex <= Self.maxHeaderBytes else {
                await Self.send(fd, Self.plain(431, "Request headers over \(Self.maxHeaderBytes) bytes."))
                return
            }
            guard let head = String(data: buffer[buffer.startIndex..<end.lowerBound], encoding: .utf8) else {
                await Self.send(fd, Self.plain(400, "Request headers are not UTF-8."))
                return
            }
            buffer = Data(buffer[end.upperBound...])
            let lines = head.components(separatedBy: "\r\n")
            let parts = lines[0].split(separator: " ")
            guard parts.count == 3, parts[2].hasPrefix("HTTP/1.") else {
                await Self.send(fd, Self.plain(400, "Malformed request line."))
                return
            }
            var headers: [String: String] = [:]
            for line in lines.dropFirst() {
                guard let colon = line.firstIndex(of: ":") else { continue }
                let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
                let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                headers[name] = headers[name].map { "\($0), \(value)" } ?? value
            }
            let keepAlive = parts[2] == "HTTP/1.1" && headers["connection"]?.lowercased() != "close"
            if headers["transfer-encoding"] != nil {
                await Self.send(fd, Self.plain(411, "Send the body with a Content-Length."))
                return
            }
            guard let length = Int(headers["content-length"] ?? "0"), length >= 0 else {
                await Self.send(fd, Self.plain(400, "Bad Content-Length."))
                return
            }
            if length > maxBodyBytes {
                // Read and drop the body first (up to a hard bound): a client still writing would see a reset, not the 413.
                var remaining = length - buffer.count
                while remaining > 0 && length <= 16 * maxBodyBytes {
                    let chunk = await Self.receive(fd)
                    if chunk.isEmpty { break }
                    remaining -= chunk.count
                }
                let body = #"{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"Request body over the limit of \#(maxBodyBytes) bytes."}}"#
                await Self.send(fd, Self.head(413, ["Content-Type": "application/json", "Content-Length": "\(body.utf8.count)", "Connection": "close"]) + Data(body.utf8))
                return
            }
            while buffer.count < length {
                let chunk = await Self.receive(fd)
                if chunk.isEmpty { return }
                buffer.append(chunk)
            }
            let body = Data(buffer.prefix(length))
            buffer = Data(buffer.dropFirst(length))
            let target = String(parts[1])
            let path = String(target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? Substring(target))
            let request = HTTPRequest(method: String(parts[0]), headers: headers, body: body.isEmpty ? nil : body, path: path)
            let response = await handler(request)
            guard await write(response, to: fd, keepAlive: keepAlive), keepAlive else { return }
        }
    }

    /// Writes `response`; false when the connection must close (a stream ended it, or the client went away).
    private func write(_ response: HTTPResponse, to fd: Int32, keepAlive: Bool) async -> Bool {
        var headers = response.headers
        if case .stream(let events, _) = response {
            // No length: the stream's end is the connection's end.
            headers["Cache-Control"] = "no-cache"
            headers["Connection"] = "close"
            guard await Self.send(fd, Self.head(response.statusCode, headers)) else { return false }
            do {
                for try await chunk in events {
                    guard await Self.send(fd, chunk) else { break }
                }
            } catch {}
            return false
        }
        let body = response.bodyData ?? Data()
        headers["Content-Length"] = "\(body.count)"
        if !keepAlive { headers["Connection"] = "close" }
        return await Self.send(fd, Self.head(response.statusCode, headers) + body)
    }

    // MARK: - Bytes

    private static func receive(_ fd: Int32) async -> Data {
        await BlockingWork.run {
            var bytes = [UInt8](repeating: 0, count: 65_536)
            while true {
                let n = bytes.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if n > 0 { return Data(bytes[0..<n]) }
                if n < 0 && errno == EINTR { continue }
                return Data()
            }
        }
    }

    @discardableResult
    private static func send(_ fd: Int32, _ data: Data) async -> Bool {
        await BlockingWork.run {
            data.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let n = Glibc.send(fd, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                    if n < 0 {
                        if errno == EINTR { continue }
                        return false
                    }
                    offset += n
                }
                return true
            }
        }
    }

    private static func head(_ status: Int, _ headers: [String: String]) -> Data {
        var text = "HTTP/1.1 \(status) \(reason(status))\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { text += "\(name): \(value)\r\n" }
        return Data((text + "\r\n").utf8)
    }

    private static func plain(_ status: Int, _ message: String) -> Data {
        head(status, ["Content-Type": "text/plain; charset=utf-8", "Content-Length": "\(message.utf8.count + 1)", "Connection": "close"]) + Data((message + "\n").utf8)
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 202: "Accepted"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 406: "Not Acceptable"
        case 411: "Length Required"
        case 413: "Content Too Large"
        case 415: "Unsupported Media Type"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}
