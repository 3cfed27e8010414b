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

    /// The name of the most common hue bucket among saturated pixels, or dark/bright/grey for colourless pictures.
    static func dominantColour(of frame: Frame) -> String? {
        let pixelCount = frame.width * frame.height
        guard pixelCount > 0 else { return nil }
        let names = ["red", "orange", "yellow", "green", "cyan", "blue", "purple", "pink"]
        var buckets = [Int](repeating: 0, count: names.count)
        var saturatedCount = 0
        var luminance = 0.0
        let step = max(1, pixelCount / 4096)  // sample at most ~4k pixels: labels need no precision
        var sampled = 0
        var i = 0
        while i < pixelCount {
            let r = Double(frame.rgb[i * 3]) / 255, g = Double(frame.rgb[i * 3 + 1]) / 255, b = Double(frame.rgb[i * 3 + 2]) / 255
            let high = max(r, g, b), low = min(r, g, b)
            luminance += 0.299 * r + 0.587 * g + 0.114 * b
            sampled += 1
            if high - low > 0.25 && high > 0.2 {
                saturatedCount += 1
                var hue: Double
                let delta = high - low
                if high == r {
                    hue = (g - b) / delta
                } else if high == g {
                    hue = (b - r) / delta + 2
                } else {
                    hue = (r - g) / delta + 4
                }
                hue = (hue * 60).truncatingRemainder(dividingBy: 360)
                if hue < 0 { hue += 360 }
                let bucket: Int
                switch hue {
                case ..<15, 345...: bucket = 0
                case ..<40: bucket = 1
                case ..<70: bucket = 2
                case ..<160: bucket = 3
                case ..<195: bucket = 4
                case ..<255: bucket = 5
                case ..<290: bucket = 6
                default: bucket = 7
                }
                buckets[bucket] += 1
            }
            i += step
        }
        let meanLuminance = luminance / Double(max(sampled, 1))
        if saturatedCount * 3 < sampled {
            if meanLuminance < 0.2 { return "dark" }
            if meanLuminance > 0.8 { return "bright" }
            return "grey"
        }
        guard let best = buckets.indices.max(by: { buckets[$0] < buckets[$1] }) else { return nil }
        return names[best]
    }
}
