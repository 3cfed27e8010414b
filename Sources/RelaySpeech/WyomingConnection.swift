import Foundation
import RelayCore
#if canImport(Glibc)
import Glibc
#endif

/// One TCP connection to a Wyoming server, owning its socket.
///
/// Every socket call runs as a ``BlockingWork`` job and waits in `poll` with the caller's deadline, so a server that is
/// slow, silent or gone never holds a cooperative thread and never waits past the deadline. Cancelling the calling
/// task shuts the socket down, which wakes the waiting job at once. One caller at a time: the client sends and reads
/// in sequence.
final class WyomingConnection: @unchecked Sendable {
    // @unchecked Sendable: `fd` is set once; `buffer` is touched only by the one job that is running at a time (the
    // client awaits each send and receive before the next); `aborted` and `closed` are guarded by `lock`.
    private let fd: Int32
    /// Where the server is, for messages (`wyoming://127.0.0.1:10300`).
    let address: String
    private var buffer: [UInt8] = []
    private let lock = NSLock()
    private var aborted = false
    private var closed = false

    private init(fd: Int32, address: String) {
        self.fd = fd
        self.address = address
    }

    deinit { close() }

    /// Connects to `host:port`, waiting at most `timeout`.
    static func connect(host: String, port: Int, timeout: Duration) async throws -> WyomingConnection {
        let address = "wyoming://\(host):\(port)"
        let deadline = ContinuousClock.now + timeout
        return try await BlockingWork.run { () throws -> WyomingConnection in
            var hints = addrinfo()
            hints.ai_family = AF_UNSPEC
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
            var list: UnsafeMutablePointer<addrinfo>?
            let found = getaddrinfo(host, String(port), &hints, &list)
            guard found == 0, let first = list else {
                throw SpeechError(.serverFailed, path: address, operation: "looking up the speech server's address",
                                  underlying: String(cString: gai_strerror(found)), hint: "Check the host name in --asr / --tts")
            }
            defer { freeaddrinfo(list) }
            var lastError = ECONNREFUSED
            var entry: UnsafeMutablePointer<addrinfo>? = first
            while let a = entry {
                entry = a.pointee.ai_next
                let fd = socket(a.pointee.ai_family, a.pointee.ai_socktype, a.pointee.ai_protocol)
                guard fd >= 0 else { lastError = errno; continue }
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                var yes: Int32 = 1
                setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
                if Glibc.connect(fd, a.pointee.ai_addr, a.pointee.ai_addrlen) == 0 {
                    return WyomingConnection(fd: fd, address: address)
                }
                guard errno == EINPROGRESS else { lastError = errno; Glibc.close(fd); continue }
                var p = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                let ready = poll(&p, 1, Self.milliseconds(until: deadline))
                if ready == 0 {
                    Glibc.close(fd)
                    throw SpeechError(.timedOut, path: address, operation: "connecting to the speech server",
                                      underlying: "no answer within \(timeout)", hint: "Is the server running? Samples/scripts/speech-server.sh start")
                }
                var error: Int32 = 0
                var length = socklen_t(MemoryLayout<Int32>.size)
                getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
                if ready > 0, error == 0 { return WyomingConnection(fd: fd, address: address) }
                lastError = error != 0 ? error : errno
                Glibc.close(fd)
            }
            throw SpeechError(.serverFailed, path: address, operation: "connecting to the speech server",
                              underlying: String(cString: strerror(lastError)),
                              hint: "Is the server running? Start Relay's with: Samples/scripts/speech-server.sh start")
        }
    }

    /// Sends `event` whole, by `deadline`.
    func send(_ event: WyomingEvent, deadline: ContinuousClock.Instant) async throws {
        let bytes = [UInt8](event.encoded)
        try await blocking { [self] in
            var sent = 0
            while sent < bytes.count {
                let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                if n > 0 { sent += n; continue }
                if n < 0, errno == EINTR { continue }
                if n < 0, errno == EAGAIN || errno == EWOULDBLOCK {
                    try wait(for: Int16(POLLOUT), until: deadline, doing: "sending audio to the speech server")
                    continue
                }
                throw SpeechError(.serverFailed, path: address, operation: "sending a \(event.type) event to the speech server",
                                  underlying: String(cString: strerror(errno)), hint: "The server closed the connection; check its log")
            }
        }
    }

    /// The next event from the server, by `deadline`; nil when the server closed the connection between events.
    func receive(deadline: ContinuousClock.Instant) async throws -> WyomingEvent? {
        try await blocking { [self] () throws -> WyomingEvent? in
            guard let line = try readLine(deadline: deadline) else { return nil }
            let header: WyomingEvent.Header
            do {
                header = try WyomingEvent.header(line)
            } catch {
                throw SpeechError(.badResponse, path: address, operation: "reading the speech server's answer",
                                  underlying: "\(error)", hint: "Is this a Wyoming server (wyoming-faster-whisper, wyoming-piper)?")
            }
            let extra = try readExactly(header.dataLength, deadline: deadline, what: "the data of a \(header.event.type) event")
            var event: WyomingEvent
            do {
                event = try WyomingEvent.mergingData(extra, into: header)
            } catch {
                throw SpeechError(.badResponse, path: address, operation: "reading the speech server's answer",
                                  underlying: "\(error)", hint: "Is this a Wyoming server?")
            }
            event.payload = Data(try readExactly(header.payloadLength, deadline: deadline, what: "the payload of a \(event.type) event"))
            return event
        }
    }

    /// Closes the socket (again is harmless).
    func close() {
        let wasOpen = lock.withLock { () -> Bool in
            defer { closed = true }
            return !closed
        }
        if wasOpen { Glibc.close(fd) }
    }

    /// Wakes and fails whatever job waits on the socket: the caller was cancelled.
    private func abort() {
        lock.withLock {
            aborted = true
            if !closed { shutdown(fd, Int32(SHUT_RDWR)) }
        }
    }

    private var isAborted: Bool { lock.withLock { aborted } }

    /// Runs `body` on a pool thread; cancelling the caller shuts the socket down so `body` stops waiting.
    private func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try Task.checkCancellation()
        let result = try await withTaskCancellationHandler {
            try await BlockingWork.run(body)
        } onCancel: {
            abort()
        }
        try Task.checkCancellation()
        return result
    }

    /// A line up to its newline (not included); nil at a clean end of the stream before any byte of it.
    private func readLine(deadline: ContinuousClock.Instant) throws -> [UInt8]? {
        var scanned = 0
        while true {
            if let newline = buffer[scanned...].firstIndex(of: 0x0A) {
                let line = Array(buffer[..<newline])
                buffer.removeFirst(newline + 1)
                return line
            }
            scanned = buffer.count
            guard buffer.count <= WyomingEvent.maxHeaderBytes else {
                throw SpeechError(.badResponse, path: address, operation: "reading the speech server's answer",
                                  underlying: "no event header line within \(WyomingEvent.maxHeaderBytes) bytes: \"\(String(decoding: buffer.prefix(60), as: UTF8.self))…\"",
                                  hint: "Is this a Wyoming server?")
            }
            if try !fill(deadline: deadline, what: "an event") {
                guard buffer.isEmpty else {
                    throw SpeechError(.serverFailed, path: address, operation: "reading the speech server's answer",
                                      underlying: "the connection closed in the middle of an event header", hint: "Check the server's log")
                }
                return nil
            }
        }
    }

    private func readExactly(_ count: Int, deadline: ContinuousClock.Instant, what: String) throws -> [UInt8] {
        while buffer.count < count {
            guard try fill(deadline: deadline, what: what) else {
                throw SpeechError(.serverFailed, path: address, operation: "reading \(what) from the speech server",
                                  underlying: "the connection closed after \(buffer.count) of \(count) bytes", hint: "Check the server's log")
            }
        }
        let bytes = Array(buffer[..<count])
        buffer.removeFirst(count)
        return bytes
    }

    /// Reads what is available into `buffer`; false at the end of the stream.
    private func fill(deadline: ContinuousClock.Instant, what: String) throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n > 0 { buffer.append(contentsOf: chunk[..<n]); return true }
            if n == 0 {
                if isAborted { throw CancellationError() }
                return false
            }
            if errno == EINTR { continue }
            if errno == EAGAIN || errno == EWOULDBLOCK {
                try wait(for: Int16(POLLIN), until: deadline, doing: "waiting for \(what) from the speech server")
                continue
            }
            if isAborted { throw CancellationError() }
            throw SpeechError(.serverFailed, path: address, operation: "reading from the speech server",
                              underlying: String(cString: strerror(errno)), hint: "Check the server's log")
        }
    }

    /// Waits until the socket is ready for `events`, failing at `deadline` or when aborted.
    private func wait(for events: Int16, until deadline: ContinuousClock.Instant, doing operation: String) throws {
        while true {
            if isAborted { throw CancellationError() }
            let remaining = Self.milliseconds(until: deadline)
            guard remaining > 0 else {
                throw SpeechError(.timedOut, path: address, operation: operation, underlying: "no answer in time",
                                  hint: "The server is overloaded or stuck; raise --asr-timeout or check its log")
            }
            var p = pollfd(fd: fd, events: events, revents: 0)
            let ready = poll(&p, 1, remaining)
            if ready > 0 || (ready < 0 && errno != EINTR) { return }
        }
    }

    private static func milliseconds(until deadline: ContinuousClock.Instant) -> Int32 {
        let left = ContinuousClock.now.duration(to: deadline)
        guard left > .zero else { return 0 }
        let ms = left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000
        return Int32(clamping: max(1, ms))
    }
}
