public import Foundation

/// Tiny media files generated at test time with the ffmpeg CLI into a unique temporary folder.
///
/// Plugins that import or film media (Photos, Camera, yours) test against real files made on the spot,
/// so nothing binary is committed: `let media = try MediaFixtures(); defer { media.remove() }`.
public struct MediaFixtures: Sendable {
    /// The folder the fixtures are written to.
    public let folder: URL

    /// Creates a fresh, empty folder for fixtures.
    public init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("relay-fixtures-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Removes the folder.
    public func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// A solid-colour image (`png` or `jpg`), 64×48 unless told, with its modification date set to `taken`.
    @discardableResult
    public func image(_ name: String, color: String, size: String = "64x48", taken: Date? = nil, in subfolder: String? = nil) throws -> URL {
        let dir = subfolder.map { folder.appendingPathComponent($0, isDirectory: true) } ?? folder
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Self.ffmpeg(["-f", "lavfi", "-i", "color=c=\(color):s=\(size)", "-frames:v", "1", url.path])
        if let taken { try FileManager.default.setAttributes([.modificationDate: taken], ofItemAtPath: url.path) }
        return url
    }

    /// A 1-second 64×48 MPEG-4 video with a creation time and an ISO 6709 location in its tags.
    @discardableResult
    public func video(_ name: String, seconds: Double = 1, creationTime: String = "2026-03-14T08:00:00Z", location: String = "+48.8584+002.2945/") throws -> URL {
        let url = folder.appendingPathComponent(name)
        try Self.ffmpeg([
            "-f", "lavfi", "-i", "testsrc2=s=64x48:r=10", "-t", String(seconds), "-c:v", "mpeg4", "-pix_fmt", "yuv420p",
            "-metadata", "creation_time=\(creationTime)", "-metadata", "location=\(location)", url.path,
        ])
        return url
    }

    /// A file with a media extension and garbage inside.
    @discardableResult
    public func garbage(_ name: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try Data("this is not a picture".utf8).write(to: url)
        return url
    }

    /// Runs the ffmpeg CLI quietly; throws with its stderr when it fails.
    public static func ffmpeg(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/ffmpeg")
        process.arguments = ["-hide_banner", "-loglevel", "error", "-y"] + arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw FixtureError("ffmpeg \(arguments.joined(separator: " ")) failed: \(String(decoding: message, as: UTF8.self))")
        }
    }

    /// SHA-free fingerprint of a file: its bytes (fixtures are tiny).
    public static func contents(_ url: URL) throws -> Data { try Data(contentsOf: url) }
}

extension MediaFixtures {
    /// Parses an ISO 8601 instant for fixtures (`"2026-03-14T12:00:00Z"`); the epoch if it does not parse.
    public static func instant(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text) ?? Date(timeIntervalSince1970: 0)
    }
}

/// A fixture could not be made.
public struct FixtureError: Error, CustomStringConvertible {
    /// What failed, with the tool's own message.
    public let description: String
    /// Creates an error.
    public init(_ description: String) { self.description = description }
}
