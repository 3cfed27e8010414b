import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The real Wyoming speech server the tests talk to: wyoming-faster-whisper with Whisper tiny.en, started by
/// `Samples/scripts/test.sh` (through `Samples/scripts/speech-server.sh`) on 127.0.0.1 before the suite and stopped
/// after it; its address comes in `RELAY_TEST_WYOMING` (`wyoming://127.0.0.1:PORT`).
///
/// Tests against it run when that variable is set, and always under CI (`CI=true`), where a missing server is a
/// failure rather than a skip. The server is started in the background while the suite runs, so the first test
/// waits for it to answer (``ready()``).
public enum WhisperServer {
    /// `wyoming://127.0.0.1:PORT`, or nil when no server was started for the tests.
    public static var uri: String? {
        guard let value = ProcessInfo.processInfo.environment["RELAY_TEST_WYOMING"], !value.isEmpty else { return nil }
        return value
    }

    /// Whether the tests against the real server run: a server was started, or this is CI, where one must be.
    public static var isExpected: Bool {
        uri != nil || ProcessInfo.processInfo.environment["CI"] == "true"
    }

    private static let readiness = Task<String, any Error> {
        guard let uri else {
            throw FixtureError("RELAY_TEST_WYOMING is not set: Samples/scripts/test.sh starts the speech server (speech-server.sh) and sets it")
        }
        guard let url = URLComponents(string: uri), let host = url.host, let port = url.port else {
            throw FixtureError("RELAY_TEST_WYOMING is not wyoming://HOST:PORT: \(uri)")
        }
        let deadline = ContinuousClock.now + .seconds(120)
        while ContinuousClock.now < deadline {
            if await BlockingWork.run({ answersDescribe(host: host, port: port) }) { return uri }
            try await Task.sleep(for: .milliseconds(250))
        }
        throw FixtureError("the speech server at \(uri) did not answer `describe` within 120 s (its log: ~/.cache/relay/speech-server/server.log)")
    }

    /// The server's address once it answers `describe` (waiting up to two minutes for it to load its model).
    public static func ready() async throws -> String { try await readiness.value }

    /// One `describe` → `info` round trip with plain blocking sockets (runs on a pool thread).
    private static func answersDescribe(host: String, port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr(host == "localhost" ? "127.0.0.1" : host)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return false }
        let request = Array("{\"type\": \"describe\"}\n".utf8)
        guard send(fd, request, request.count, Int32(MSG_NOSIGNAL)) == request.count else { return false }
        var seen = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 4096)
        while !seen.contains(0x0A) {
            let n = recv(fd, &chunk, chunk.count, 0)
            if n <= 0 { return false }
            seen.append(contentsOf: chunk[0..<n])
        }
        return String(decoding: seen, as: UTF8.self).contains("\"info\"")
    }
}
