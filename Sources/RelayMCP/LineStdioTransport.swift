public import Foundation
public import Logging
public import MCP
import RelayCore
import RelayJSON

/// MCP over this process's standard input and output, one JSON-RPC message per line.
///
/// The SDK's `StdioTransport` polls a non-blocking descriptor every 10 ms, which puts up to 10 ms on every message,
/// and buffers a line without bound. Here a ``BlockingWork`` thread blocks in read(2) (never a cooperative thread),
/// a line over ``maxMessageBytes`` is dropped and answered with a JSON-RPC error, and when input ends the stream
/// finishes only after every request read so far has been answered, so a client that writes its requests and
/// closes its end still gets every answer.
public actor LineStdioTransport: Transport {
    public nonisolated let logger: Logging.Logger
    /// The longest message accepted, in bytes.
    public nonisolated let maxMessageBytes: Int
    private let input: Int32
    private let output: Int32
    private let stream: AsyncThrowingStream<Data, any Error>
    private let continuation: AsyncThrowingStream<Data, any Error>.Continuation
    private var started = false
    /// Ids of requests read and not yet answered (JSON text of the id), to drain before finishing.
    private var unanswered: Set<String> = []
    private var inputEnded = false
    private let writeLock = NSLock()

    /// A transport over `input` and `output` (standard input and output by default).
    public init(input: Int32 = 0, output: Int32 = 1, maxMessageBytes: Int = 4 << 20) {
        self.input = input
        self.output = output
        self.maxMessageBytes = maxMessageBytes
        self.logger = Logger(label: "relay.mcp.stdio", factory: { _ in SwiftLogNoOpLogHandler() })
        (stream, continuation) = AsyncThrowingStream.makeStream(of: Data.self)
    }

    public func connect() async throws {
        guard !started else { return }
        started = true
        let fd = input, limit = maxMessageBytes
        // The reading thread hands events to the actor through a stream, which keeps them in the order read.
        let (events, feed) = AsyncStream.makeStream(of: Event.self)
        BlockingWork.start {
            Self.readLoop(fd: fd, limit: limit) { feed.yield($0) }
            feed.finish()
        }
        Task { [weak self] in
            for await event in events { await self?.deliver(event) }
        }
    }

    private enum Event { case message(Data), oversized(Int), end }

    private func deliver(_ event: Event) async {
        switch event {
        case .message(let data):
            // Answered here rather than by the SDK, which replies to unparsable text under a made-up id; JSON-RPC
            // says a parse error's id is null.
            guard let parsed = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
                try? await send(Self.error(-32700, "Parse error: the message is not valid JSON."))
                return
            }
            guard parsed is [String: Any] || parsed is [Any] else {
                try? await send(Self.error(-32600, "Invalid request: a message must be a JSON object (or a batch array)."))
                return
            }
            if let id = Self.requestID(in: data) { unanswered.insert(id) }
            continuation.yield(data)
        case .oversized(let bytes):
            try? await send(Self.error(-32600, "Invalid request: a message of \(bytes) bytes is over the limit of \(maxMessageBytes) bytes; it was not read."))
        case .end:
            inputEnded = true
            finishIfDrained()
            // A request the server could not even read an id from is answered under another id (or not at all):
            // do not wait for it for ever.
            Task { [weak self] in
                try? await Task.sleep(for: .seconds(30))
                await self?.disconnect()
            }
        }
    }

    private func finishIfDrained() {
        if inputEnded && unanswered.isEmpty { continuation.finish() }
    }

    public func disconnect() async {
        continuation.finish()
    }

    public func send(_ data: Data) async throws {
        if let id = Self.responseID(in: data) {
            unanswered.remove(id)
        }
        var framed = data
        framed.append(UInt8(ascii: "\n"))
        let line = framed
        let fd = output, lock = writeLock
        try await BlockingWork.run {
            try lock.withLock {
                try line.withUnsafeBytes { buffer in
                    var offset = 0
                    while offset < buffer.count {
                        let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                        if n < 0 {
                            if errno == EINTR { continue }
                            throw MCPError.transportError(POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO))
                        }
                        offset += n
                    }
                }
            }
        }
        finishIfDrained()
    }

    public func receive() -> AsyncThrowingStream<Data, any Error> { stream }

    // MARK: - Reading

    private static func readLoop(fd: Int32, limit: Int, emit: (Event) -> Void) {
        var pending = Data()
        var dropping = 0
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            var rest = buffer[0..<n]
            while let newline = rest.firstIndex(of: UInt8(ascii: "\n")) {
                let piece = rest[rest.startIndex..<newline]
                rest = rest[(newline + 1)...]
                if dropping > 0 {
                    emit(.oversized(dropping + piece.count))
                    dropping = 0
                } else {
                    pending.append(contentsOf: piece)
                    if pending.contains(where: { $0 != 0x20 && $0 != 0x0D && $0 != 0x09 }) { emit(.message(pending)) }
                    pending = Data()
                }
            }
            if dropping > 0 {
                dropping += rest.count
            } else {
                pending.append(contentsOf: rest)
                if pending.count > limit { dropping = pending.count; pending = Data() }
            }
        }
        if dropping > 0 { emit(.oversized(dropping)) } else if !pending.isEmpty { emit(.message(pending)) }
        emit(.end)
    }

    private static func error(_ code: Int, _ message: String) -> Data {
        let error: JSONValue = ["jsonrpc": "2.0", "id": .null, "error": ["code": .int(code), "message": .string(message)]]
        return Data(error.compactJSON.utf8)
    }

    /// The id of a request (a message with `method` and `id`), as JSON text; nil for anything else.
    static func requestID(in data: Data) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              object["method"] is String, let id = object["id"], !(id is NSNull) else { return nil }
        return idKey(id)
    }

    /// The id of a response (a message with `result` or `error` and an `id`), as JSON text.
    static func responseID(in data: Data) -> String? {
        // Fast path: the SDK encodes with sorted keys, so a response starts {"id":…,"jsonrpc"… and the id can be read
        // without parsing a large result (tools/list is tens of kilobytes).
        let head = data.prefix(96)
        if head.starts(with: Data(#"{"id":"#.utf8)), let end = head.firstIndex(of: UInt8(ascii: ",")),
           head[end...].starts(with: Data(#","jsonrpc":"2.0","result":"#.utf8)) || head[end...].starts(with: Data(#","error":"#.utf8)) {
            let token = String(decoding: head[(head.startIndex + 6)..<end], as: UTF8.self)
            if token.hasPrefix("\""), token.hasSuffix("\""), token.count >= 2, !token.dropFirst().dropLast().contains("\\") {
                return "s:" + token.dropFirst().dropLast()
            }
            if let n = Int(token) { return "n:\(n)" }
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              object["method"] == nil, object["result"] != nil || object["error"] != nil, let id = object["id"] else { return nil }
        return idKey(id)
    }

    private static func idKey(_ id: Any) -> String {
        if let s = id as? String { return "s:" + s }
        if let n = id as? NSNumber { return "n:" + n.stringValue }
        return "?:\(id)"
    }
}
