public import Foundation
@_exported public import RelayTestSupport

/// Tiny media files generated at test time with the ffmpeg CLI into a unique temporary folder.
///
/// Plugins that import or film media (Photos, Camera, yours) test against real files made on the spot,
/// so nothing binary is committed: `let media = try MediaFixtures(); defer { media.remove() }`. Making a
/// fixture runs the ffmpeg CLI through ``Fixtures``, awaited rather than waited for.
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
    public func image(_ name: String, color: String, size: String = "64x48", taken: Date? = nil, in subfolder: String? = nil) async throws -> URL {
        let dir = subfolder.map { folder.appendingPathComponent($0, isDirectory: true) } ?? folder
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try await Fixtures.ffmpeg(["-f", "lavfi", "-i", "color=c=\(color):s=\(size)", "-frames:v", "1", url.path])
        if let taken { try FileManager.default.setAttributes([.modificationDate: taken], ofItemAtPath: url.path) }
        return url
    }

    /// A 1-second 64×48 MPEG-4 video with a creation time and an ISO 6709 location in its tags.
    @discardableResult
    public func video(_ name: String, seconds: Double = 1, creationTime: String = "2026-03-14T08:00:00Z", location: String = "+48.8584+002.2945/") async throws -> URL {
        let url = folder.appendingPathComponent(name)
        try await Fixtures.ffmpeg([
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

    /// SHA-free fingerprint of a file: its bytes (fixtures are tiny).
    public static func contents(_ url: URL) throws -> Data { try Data(contentsOf: url) }
}

extension MediaFixtures {
    /// Parses an ISO 8601 instant for fixtures (`"2026-03-14T12:00:00Z"`); the epoch if it does not parse.
    public static func instant(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text) ?? Date(timeIntervalSince1970: 0)
    }
}
