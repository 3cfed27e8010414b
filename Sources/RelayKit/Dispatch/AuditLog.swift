public import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import RelayJSON

/// The append-only record of every command and its result: `<home>/audit.jsonl`, one JSON object a line.
///
/// A line has `time` (ISO 8601), `origin`, `action`, `arguments` (as given), `confirmed`, `utterance`,
/// `status`, `message`, `data`, `seconds`. Lines are written with one `write` call each, so a crash
/// can cut at most the last line short; ``entries()`` skips a cut line.
public struct AuditLog: Sendable {
    /// The log file.
    public let url: URL

    /// The log under `home`.
    public init(home: URL) {
        url = home.appendingPathComponent("audit.jsonl")
    }

    /// The line for one command and its result.
    public static func line(command: Command, result: CommandResult, time: Date) -> JSONValue {
        var o: JSONObject = [
            "time": .string(iso8601(time)),
            "origin": .string(command.origin.rawValue),
            "action": .string(command.action),
            "arguments": .object(command.arguments),
            "confirmed": .bool(command.confirmed),
        ]
        if let u = command.utterance { o["utterance"] = .string(u) }
        o["status"] = .string(result.status.rawValue)
        o["message"] = .string(result.message)
        o["data"] = .object(result.data)
        o["seconds"] = .double((result.seconds * 1000).rounded() / 1000)
        return .object(o)
    }

    /// Appends one line; creates the file (and folder) if needed.
    ///
    /// The file is opened with `O_APPEND` and the line written with one `write`, so lines from several
    /// processes (`relay call` next to `relay listen`) never interleave.
    public func append(_ entry: JSONValue) throws {
        let bytes = Array((entry.compactJSON + "\n").utf8)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let fd = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw KitError(.file, "Cannot open the audit log \(url.path) (errno \(errno)); check that the home folder is writable.")
        }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw KitError(.file, "Cannot write to the audit log \(url.path) (errno \(errno)); is the disk full?")
            }
            offset += n
        }
    }

    /// Every complete line, oldest first.
    public func entries() throws -> [JSONValue] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").compactMap { try? JSONValue(parsing: String($0)) }
    }

    static func iso8601(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.string(from: date)
    }
}
