public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A scripted TCP server on 127.0.0.1 (a kernel-chosen port) that plays a Wyoming peer badly or well, to test the
/// client's handling of servers that send garbage, close early, never answer, or answer in the protocol's other
/// forms. Plain POSIX sockets; every connection is served under ``BlockingWork/start(_:)``. Closed by `stop()`.
public final class FakeWyomingServer: @unchecked Sendable {
    // @unchecked Sendable: `received` is guarded by `lock`; the rest is set once in init.

    /// How the server treats every connection.
    public enum Behaviour: Sendable {
        /// Once the client's bytes contain `after` (an event type such as `"audio-stop"`), send `bytes`, then read
        /// until the client closes.
        case answer(after: String, bytes: Data)
        /// Once the client's bytes contain `after`, send `bytes` and close the connection.
        case answerAndClose(after: String, bytes: Data)
        /// Read until the client closes, never answering (a stuck server).
        case silent
    }

    private let behaviour: Behaviour
    private var listener: LoopbackListener!
    private let lock = NSLock()
    private var received: [Data] = []
    /// The port it listens on.
    public var port: Int { listener.port }

    /// Starts a server that behaves as `behaviour` on every connection.
    public init(_ behaviour: Behaviour) throws {
        self.behaviour = behaviour
        listener = try LoopbackListener { [self] socket, number in
            lock.withLock { while received.count <= number { received.append(Data()) } }
            serve(socket, index: number)
        }
    }

    /// `wyoming://127.0.0.1:PORT`.
    public var uri: String { "wyoming://127.0.0.1:\(port)" }

    /// The bytes each connection sent, in order of connection (complete once the client closed it).
    public var connections: [Data] { lock.withLock { received } }

    /// A port on 127.0.0.1 where nothing listens: bound by the kernel's choice, then closed.
    public static func closedPort() throws -> Int {
        let server = try FakeWyomingServer(.silent)
        let port = server.port
        server.stop()
        return port
    }

    /// A Wyoming event's bytes the way the Python library writes them: the data after the header line, announced by
    /// `data_length` (Relay's client writes it inline; a server may do either).
    public static func event(_ type: String, data: [String: Any] = [:], payload: Data = Data()) -> Data {
        var header: [String: Any] = ["type": type]
        var dataBytes = Data()
        if !data.isEmpty, let json = try? JSONSerialization.data(withJSONObject: data, options: [.sortedKeys]) {
            dataBytes = json
            header["data_length"] = json.count
        }
        if !payload.isEmpty { header["payload_length"] = payload.count }
        var bytes = (try? JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])) ?? Data()
        bytes.append(0x0A)
        bytes.append(dataBytes)
        bytes.append(payload)
        return bytes
    }

    /// Stops listening and ends every open connection.
    public func stop() { listener.stop() }

    private func serve(_ fd: Int32, index: Int) {
        var seen = Data()
        var answered = false
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = recv(fd, &chunk, chunk.count, 0)
            if n <= 0 { return }
            seen.append(contentsOf: chunk[0..<n])
            lock.withLock { received[index] = seen }
            guard !answered else { continue }
            switch behaviour {
            case .silent:
                continue
            case .answer(let after, let bytes), .answerAndClose(let after, let bytes):
                guard seen.range(of: Data("\"\(after)\"".utf8)) != nil else { continue }
                answered = true
                var sent = 0
                let all = [UInt8](bytes)
                while sent < all.count {
                    let m = all[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                    if m <= 0 { return }
                    sent += m
                }
                if case .answerAndClose = behaviour { return }
            }
        }
    }
}
