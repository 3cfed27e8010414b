public import Foundation

/// One fixture of the size matrices (RelayMediaTests' and the pipeline's): frames of `pixelFormat` at exactly
/// `width`×`height`, in a codec and container that keep both, optionally tagged as turned by a display matrix.
public struct PictureSizeCase: Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int
    public var pixelFormat: String
    /// Extra ffmpeg output options (the codec).
    public var codec: [String]
    /// The file extension, which chooses the container.
    public var ext: String
    /// Degrees the clip is tagged as turned by, if any.
    public var rotate: Int?

    public init(width: Int, height: Int, pixelFormat: String, codec: [String], ext: String, rotate: Int? = nil) {
        self.width = width
        self.height = height
        self.pixelFormat = pixelFormat
        self.codec = codec
        self.ext = ext
        self.rotate = rotate
    }

    public var description: String { "\(width)x\(height) \(pixelFormat) .\(ext)" + (rotate.map { " rotate=\($0)" } ?? "") }

    /// The size a player shows: width and height swapped by a quarter turn.
    public var displaySize: (width: Int, height: Int) {
        (rotate ?? 0) % 180 != 0 ? (height, width) : (width, height)
    }

    /// Encodes `seconds` of testsrc2 at 10 frames per second into `url`. testsrc2 has colour detail (so chroma and
    /// palette really vary) but rounds odd sizes to even, so it is scaled to the exact size.
    public func makeClip(at url: URL, seconds: Double) async throws {
        let arguments = ["-f", "lavfi", "-i", "testsrc2=s=320x240:r=10:d=\(seconds)", "-vf", "scale=\(width):\(height)",
                         "-pix_fmt", pixelFormat] + codec
        try await Fixtures.ffmpeg(arguments, to: url, rotation: rotate)
    }
}
