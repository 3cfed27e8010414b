import Foundation
#if canImport(Glibc)
import Glibc
#endif


/// A TCP listener on 127.0.0.1 (a kernel-chosen port) that serves each connection on a ``BlockingWork`` thread of its
/// own: the plumbing the tests' scripted servers (`LocalHTTPServer`, `FakeWyomingServer`) share.
///
/// It owns every descriptor it hands out. `stop()` only shuts sockets down; the thread that owns a descriptor closes
/// it, under the lock, after forgetting it. A descriptor closed anywhere else could be reused at once by another test's
/// socket, which a later `shutdown` or `accept` would then break (the parallel suite saw "Broken pipe" on clients of
/// other tests' servers).
final class LoopbackListener: @unchecked Sendable {
    // @unchecked Sendable: `open`, `connections` and `stopped` are guarded by `lock`; the rest is set once in init.
    private let lock = NSLock()
    private let listener: Int32
    private var open: [Int32] = []
    private var connections = 0
    private var stopped = false
    /// The port it listens on.
    let port: Int

    /// Starts listening; `serve` gets each connection's socket and its number (0, 1, … in order of arrival). The
    /// socket is closed when `serve` returns.
    init(serve: @escaping @Sendable (_ socket: Int32, _ number: Int) -> Void) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else { close(fd); throw POSIXError(.EADDRINUSE) }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = Int(UInt16(bigEndian: actual.sin_port))
        BlockingWork.start { [self] in acceptLoop(serve) }
    }

    /// Stops listening and ends every open connection.
    func stop() {
        lock.withLock {
            stopped = true
            shutdown(listener, Int32(SHUT_RDWR))
            for fd in open { shutdown(fd, Int32(SHUT_RDWR)) }
        }
    }

    private func acceptLoop(_ serve: @escaping @Sendable (Int32, Int) -> Void) {
        defer { close(listener) }
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 { return }
            let number: Int? = lock.withLock {
                if stopped { return nil }
                open.append(client)
                defer { connections += 1 }
                return connections
            }
            guard let number else { close(client); return }
            BlockingWork.start { [self] in
                // Forgotten and closed under the lock, so `stop()` never shuts down a number someone else now owns.
                defer { lock.withLock { open.removeAll { $0 == client }; close(client) } }
                serve(client, number)
            }
        }
    }
}
