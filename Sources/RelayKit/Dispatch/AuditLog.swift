public import Foundation
public import RelayModel

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
    public func append(_ entry: JSONValue) throws {
        let data = Data((entry.compactJSON + "\n").utf8)
        let fm = FileManager.default
        if !fm.fileExists(atPath: url.path) {
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard fm.createFile(atPath: url.path, contents: nil) else {
                throw KitError(.file, "Cannot create the audit log \(url.path); check that the home folder is writable.")
            }
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: data)
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
