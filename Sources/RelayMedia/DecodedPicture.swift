/// A decoded video picture left in the decoder's own pixel format (e.g. `yuv420p` planes), copied into Swift arrays.
///
/// For consumers that want the raw planes (luma statistics, custom conversion) without an RGB conversion.
/// Display rotation is *not* applied: see `rotation` on the stream's `StreamInfo`.
public struct DecodedPicture: Sendable, Hashable {
    /// Coded width in pixels.
    public var width: Int
    /// Coded height in pixels.
    public var height: Int
    /// FFmpeg's name of the pixel format, e.g. `"yuv420p"`.
    public var pixelFormat: String
    /// One array per plane (`planes[0]` is luma for YUV formats), each `strides[i] * rows` bytes.
    public var planes: [[UInt8]]
    /// Bytes per row of each plane (may exceed the visible width: rows are padded).
    public var strides: [Int]
    /// Presentation time in seconds from the start of the file.
    public var time: Double
    /// Display index of the picture in its stream, when known.
    public var index: Int?

    /// Creates a picture.
    public init(width: Int, height: Int, pixelFormat: String, planes: [[UInt8]], strides: [Int], time: Double, index: Int?) {
        self.width = width
        self.height = height
        self.pixelFormat = pixelFormat
        self.planes = planes
        self.strides = strides
        self.time = time
        self.index = index
    }
}
