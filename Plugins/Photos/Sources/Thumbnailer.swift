public import Foundation
public import RelayMedia

/// Makes the library's JPEG thumbnails and derives simple labels from their pixels.
public enum Thumbnailer {
    /// The longest edge of a thumbnail, in pixels.
    public static let maxEdge = 256

    /// A thumbnail's JPEG bytes and the labels seen in its pixels.
    public struct Thumbnail: Sendable {
        /// JPEG bytes.
        public var jpeg: [UInt8]
        /// Colour and orientation labels, e.g. `["blue", "landscape"]`.
        public var labels: [String]
    }

    /// Decodes the picture of `url` (for a video, the frame shown at `time`), fits it in `maxEdge` and encodes JPEG.
    public static func make(for url: URL, kind: MediaKind, time: Double = 0) async throws -> Thumbnail {
        let frame: Frame
        switch kind {
        case .photo:
            frame = try ImageCodec.decode(url)
        case .video:
            var picked: Frame?
            for try await sampled in FrameSampler.frames(of: url, at: [max(0, time)]) {
                picked = sampled
                break
            }
            guard let picked else {
                throw PhotosError(.importFailed, "'\(url.path)': no video frame could be decoded for the thumbnail.")
            }
            frame = picked
        }
        return try make(from: frame)
    }

    /// Fits `frame` in `maxEdge`, encodes it as JPEG and labels it.
    public static func make(from frame: Frame) throws -> Thumbnail {
        let size = fittedSize(width: frame.width, height: frame.height)
        let small = (size.width == frame.width && size.height == frame.height) ? frame : try frame.resized(to: size)
        return Thumbnail(jpeg: try ImageCodec.encodeJPEG(small, quality: 80), labels: labels(of: small))
    }

    /// The size that fits `width`×`height` in `maxEdge` keeping the aspect ratio (never upscaling).
    public static func fittedSize(width: Int, height: Int) -> FrameSize {
        let longest = max(width, height, 1)
        guard longest > maxEdge else { return FrameSize(width: max(width, 1), height: max(height, 1)) }
        let scale = Double(maxEdge) / Double(longest)
        return FrameSize(width: max(2, Int((Double(width) * scale).rounded())), height: max(2, Int((Double(height) * scale).rounded())))
    }

    /// Orientation plus the dominant colour name of a picture ("red", "green", "blue", "dark", "bright", …).
    public static func labels(of frame: Frame) -> [String] {
        var labels: [String] = []
        if frame.width > frame.height {
            labels.append("landscape")
        } else if frame.height > frame.width {
            labels.append("portrait")
        } else {
            labels.append("square")
        }
        if let colour = dominantColour(of: frame) { labels.append(colour) }
        return labels
    }

    /// The most common colour name (``NamedColor``, Relay's one colour namer) among coloured pixels, or
    /// dark/bright/grey when fewer than a third of the pixels have a hue.
    static func dominantColour(of frame: Frame) -> String? {
        let pixelCount = frame.width * frame.height
        guard pixelCount > 0, frame.rgb.count >= pixelCount * 3 else { return nil }
        var counts = [Int](repeating: 0, count: NamedColor.allCases.count)
        var luminance = 0.0
        let step = max(1, pixelCount / 4096)  // sample at most ~4k pixels: labels need no precision
        var sampled = 0
        var i = 0
        while i < pixelCount {
            let r = frame.rgb[i * 3], g = frame.rgb[i * 3 + 1], b = frame.rgb[i * 3 + 2]
            luminance += (0.299 * Double(r) + 0.587 * Double(g) + 0.114 * Double(b)) / 255
            counts[NamedColor.paletteIndex(r: r, g: g, b: b)] += 1
            sampled += 1
            i += step
        }
        let hues = NamedColor.allCases.filter(\.isChromatic)
        let coloured = hues.reduce(0) { $0 + counts[$1.index] }
        if coloured * 3 < sampled {
            let meanLuminance = luminance / Double(max(sampled, 1))
            if meanLuminance < 0.2 { return "dark" }
            if meanLuminance > 0.8 { return "bright" }
            return "grey"
        }
        return hues.max { counts[$0.index] < counts[$1.index] }?.rawValue
    }
}
