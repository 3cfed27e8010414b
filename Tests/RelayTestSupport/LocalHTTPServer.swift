public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 (a kernel-chosen port) for backend tests, with plain POSIX sockets so the
/// tests need no server library.
///
/// Each connection is read on a ``BlockingWork`` thread of its own (request line, headers, Content-Length body), recorded, and
/// answered with the next scripted reply; the last reply is repeated once the script runs out. `.hang` keeps
/// the connection open without answering, to test client timeouts, and records when the client hung up
/// (``hangUps``). Closed by `stop()`.
public final class LocalHTTPServer: @unchecked Sendable {
    // @unchecked Sendable: the requests and the script are guarded by `lock`; `listener` is set once in init.

    /// A request as the server received it.
    public struct Request: Sendable {
        /// `GET`, `POST`, …
        public var method: String
        /// The request target, e.g. `/v1/chat/completions`.
        public var path: String
        /// Header fields, names lower-cased.
        public var headers: [String: String]
        /// The body (Content-Length bytes).
        public var body: Data
    }

    /// How the server answers one request.
    public enum Reply: Sendable {
        /// A JSON body with a status and extra headers.
        case json(status: Int, body: String, headers: [String: String] = [:])
        /// No answer for `seconds`, then the connection closes.
        case hang(seconds: Double)
    }

    private let lock = NSLock()
    private var script: [Reply]
    private var recorded: [Request] = []
    private var hungUp: [Double?] = []
    private var listener: LoopbackListener!
    /// The port it listens on.
    public var port: Int { listener.port }

    /// Starts a server that answers requests with `replies` in order, repeating the last one.
    public init(replies: [Reply]) throws {
        precondition(!replies.isEmpty, "a LocalHTTPServer needs at least one reply")
        script = replies
        listener = try LoopbackListener { [self] socket, _ in serve(socket) }
    }

    /// Starts a server that answers every request with `status` and the JSON `body`.
    public convenience init(status: Int = 200, body: String) throws {
        try self.init(replies: [.json(status: status, body: body)])
    }

    /// `http://127.0.0.1:PORT`.
    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// The requests received so far.
    public var requests: [Request] { lock.withLock { recorded } }

    /// For each `.hang` reply served so far: seconds from the end of the request to the client closing the
    /// connection, or nil when it was still open at the end of the hang.
    ///
    /// Measured on the wire, so a client's timeout is seen when it fires, not when the awaiting task next runs:
    /// with other tests holding both cooperative threads, that can be seconds later.
    public var hangUps: [Double?] { lock.withLock { hungUp } }

    /// Stops listening and ends every open connection.
    public func stop() { listener.stop() }

    private func serve(_ fd: Int32) {
        guard let request = readRequest(fd) else { return }
        let reply: Reply = lock.withLock {
            recorded.append(request)
            return script.count > 1 ? script.removeFirst() : script[0]
        }
        switch reply {
        case .hang(let seconds):
            let closed = Self.waitForHangUp(fd, atMost: seconds)
            lock.withLock { hungUp.append(closed) }
        case .json(let status, let body, let headers):
            var head = "HTTP/1.1 \(status) \(status == 200 ? "OK" : "Error")\r\nContent-Type: application/json\r\n"
            head += "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n"
            for (k, v) in headers { head += "\(k): \(v)\r\n" }
            let bytes = Array((head + "\r\n" + body).utf8)
            var sent = 0
            while sent < bytes.count {
                let n = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                if n <= 0 { return }
                sent += n
            }
        }
    }

    /// Seconds until the peer closes `fd` (end of file or an error), or nil if it is still open after `limit`.
    private static func waitForHangUp(_ fd: Int32, atMost limit: Double) -> Double? {
        let start = Date()
        while true {
            let left = limit - Date().timeIntervalSince(start)
            guard left > 0 else { return nil }
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, Int32(min(left, 1) * 1000) + 1) > 0 else { continue }
            var byte: UInt8 = 0
            // Readable with no data (0) or failing (reset): the client is gone. Stray bytes are dropped.
            if recv(fd, &byte, 1, 0) <= 0 { return Date().timeIntervalSince(start) }
        }
    }

    private func readRequest(_ fd: Int32) -> Request? {
        var buffer = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 65536)
        var headerEnd: Int?
        var contentLength = 0
        while true {
            if let end = headerEnd, buffer.count >= end + contentLength { break }
            let n = recv(fd, &chunk, chunk.count, 0)
            if n <= 0 { return nil }
            buffer.append(contentsOf: chunk[0..<n])
            if headerEnd == nil, let range = findHeaderEnd(buffer) {
                headerEnd = range
                let head = String(decoding: buffer[0..<range], as: UTF8.self)
                for line in head.components(separatedBy: "\r\n") where line.lowercased().hasPrefix("content-length:") {
                    contentLength = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) ?? 0
                }
            }
        }
        guard let end = headerEnd else { return nil }
        let lines = String(decoding: buffer[0..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = lines.first?.split(separator: " ") ?? []
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Request(
            method: requestLine.count > 0 ? String(requestLine[0]) : "",
            path: requestLine.count > 1 ? String(requestLine[1]) : "",
            headers: headers, body: Data(buffer[end..<min(buffer.count, end + contentLength)])
        )
    }

    private func findHeaderEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for i in 0...(bytes.count - 4) where bytes[i] == 13 && bytes[i + 1] == 10 && bytes[i + 2] == 13 && bytes[i + 3] == 10 {
            return i + 4
        }
        return nil
    }
}
