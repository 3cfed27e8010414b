/// A decoded picture in packed RGB24, ready for analysis, encoding or a model.
///
/// `Frame` is a value: it owns its pixels (no FFmpeg memory behind it), so it can
/// cross tasks and actors freely. Rows are tightly packed: `rgb.count == width * height * 3`.
public struct Frame: Sendable, Hashable {
    /// Width in pixels, after rotation for display.
    public var width: Int
    /// Height in pixels, after rotation for display.
    public var height: Int
    /// Presentation time in seconds from the start of the stream (0 for still images).
    public var time: Double
    /// Index of the frame in display order of its stream (0 = first frame), when known: decoding straight from the
    /// start knows it; a sample reached by seeking does not (nil).
    public var index: Int?
    /// Packed RGB24 pixels, row after row, `width * 3` bytes each.
    public var rgb: [UInt8]

    /// Creates a frame from packed RGB24 pixels.
    public init(width: Int, height: Int, time: Double = 0, index: Int? = nil, rgb: [UInt8]) {
        precondition(rgb.count == width * height * 3, "Frame: rgb.count must equal width * height * 3")
        self.width = width
        self.height = height
        self.time = time
        self.index = index
        self.rgb = rgb
    }

    /// The red, green and blue values of the pixel at column `x`, row `y`.
    public func pixel(x: Int, y: Int) -> (r: UInt8, g: UInt8, b: UInt8) {
        let i = (y * width + x) * 3
        return (rgb[i], rgb[i + 1], rgb[i + 2])
    }
}
