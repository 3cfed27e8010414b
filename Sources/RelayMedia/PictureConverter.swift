import CFFmpeg
import RelayCore

/// How frames are resized.
public enum FrameScaling: Sendable, Hashable {
    /// Bicubic: what Qwen2.5-VL's own preprocessing resizes with; the default for frames the model sees.
    case bicubic
    /// Area averaging: the right filter for shrinking several times, and cheaper — for frames that are
    /// only measured (video analysis shrinks every frame; swscale was a third of that pass's CPU time).
    case area
}

/// Turns decoded pictures into RGB24 `Frame`s: swscale (bicubic unless asked otherwise) to the asked size,
/// then the display rotation.
///
/// Owns one cached `SwsContext`, rebuilt only when the input geometry, format or filter changes mid-stream.
final class PictureConverter {
    /// Clockwise quarter turns for display: 0, 90, 180 or 270.
    let clockwiseRotation: Int
    private let path: String?
    private var sws: OpaquePointer?
    /// The RGB24 picture swscale writes into, kept for the next frame of the same size.
    private var target: PictureBuffer?

    /// The largest picture the layer converts (64 Mpx): a bigger size is a damaged header, not a picture.
    static let maxPixels = 64 * 1024 * 1024

    init(clockwiseRotation: Int, path: String?) {
        self.clockwiseRotation = clockwiseRotation
        self.path = path
    }

    deinit { sws_freeContext(sws) }

    /// The display size of a `width`×`height` picture (sides swapped for quarter turns).
    func displaySize(width: Int, height: Int) -> FrameSize {
        clockwiseRotation % 180 == 0 ? FrameSize(width: width, height: height) : FrameSize(width: height, height: width)
    }

    /// Converts `frame` to packed RGB24 at `size` (display orientation; nil = natural display size).
    ///
    /// Scaling happens before the quarter turn, to the turned size: scaling by (sx, sy) and then turning is the
    /// same picture as turning and then scaling by (sy, sx), at a quarter of the copying for large frames.
    func convert(
        _ frame: UnsafeMutablePointer<AVFrame>, size: FrameSize?, time: Double, index: Int?, scaling: FrameScaling = .bicubic
    ) throws -> Frame {
        let srcW = Int(frame.pointee.width), srcH = Int(frame.pointee.height)
        guard srcW > 0, srcH > 0, srcW * srcH <= Self.maxPixels else {
            throw MediaError(.tooLarge, path: path, operation: "converting a \(srcW)x\(srcH) picture", hint: "The file's picture size is damaged or unsupported")
        }
        let display = size ?? displaySize(width: srcW, height: srcH)
        guard display.width > 0, display.height > 0, display.width * display.height <= Self.maxPixels else {
            throw MediaError(.invalidArgument, path: path, operation: "scaling to \(display)", hint: "Ask for a size between 1x1 and 8192x8192")
        }
        let scaled = clockwiseRotation % 180 == 0 ? display : FrameSize(width: display.height, height: display.width)
        sws = sws_getCachedContext(
            sws, Int32(srcW), Int32(srcH), AVPixelFormat(frame.pointee.format),
            Int32(scaled.width), Int32(scaled.height), AV_PIX_FMT_RGB24, scaling == .area ? SWS_AREA : SWS_BICUBIC, nil, nil, nil)
        guard let sws else {
            let name = av_get_pix_fmt_name(AVPixelFormat(frame.pointee.format)).map { String(cString: $0) } ?? "unknown"
            throw MediaError(.conversionFailed, path: path, operation: "converting \(name) \(srcW)x\(srcH) to RGB24 \(scaled)", cFunction: "sws_getCachedContext")
        }
        // Into an FFmpeg-allocated picture, never straight into the Swift array: see PictureBuffer. The picture is
        // reused while the size stays (every frame of a stream): its pixels are copied out before `convert` returns.
        let target: PictureBuffer
        if let reused = self.target, reused.width == scaled.width, reused.height == scaled.height {
            target = reused
        } else {
            target = try PictureBuffer(format: AV_PIX_FMT_RGB24, width: scaled.width, height: scaled.height, path: path, operation: "converting a picture to RGB24")
            self.target = target
        }
        let result = cffmpeg_scale_frame(sws, frame, target.pointer)
        if result <= 0 {
            throw MediaError.ffmpeg(.conversionFailed, path: path, operation: "converting a picture to RGB24", function: "sws_scale", result: result)
        }
        var rgb = target.packedPlane0(bytesPerRow: scaled.width * 3)
        if clockwiseRotation != 0 {
            rgb = Self.rotate(rgb, width: scaled.width, height: scaled.height, clockwise: clockwiseRotation)
        }
        return Frame(width: display.width, height: display.height, time: time, index: index, rgb: rgb)
    }

    /// Turns packed RGB24 pixels clockwise by 90, 180 or 270 degrees.
    static func rotate(_ rgb: [UInt8], width w: Int, height h: Int, clockwise degrees: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: rgb.count)
        let outW = degrees % 180 == 0 ? w : h
        rgb.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for y in 0..<h {
                    for x in 0..<w {
                        let (ox, oy): (Int, Int)
                        switch degrees {
                        case 90: (ox, oy) = (h - 1 - y, x)
                        case 180: (ox, oy) = (w - 1 - x, h - 1 - y)
                        default: (ox, oy) = (y, w - 1 - x)  // 270
                        }
                        let s = (y * w + x) * 3, d = (oy * outW + ox) * 3
                        dst[d] = src[s]; dst[d + 1] = src[s + 1]; dst[d + 2] = src[s + 2]
                    }
                }
            }
        }
        return out
    }

    /// Clockwise display turn (0/90/180/270) for a display-matrix rotation as ffprobe prints it (counter-clockwise degrees),
    /// the way the ffmpeg CLI autorotates.
    static func clockwiseTurn(fromDisplayRotation rotation: Double?) -> Int {
        guard let rotation, rotation.isFinite else { return 0 }
        var theta = -rotation.rounded()
        theta -= 360 * (theta / 360 + 0.9 / 360).rounded(.down)
        switch theta {
        case 89...91: return 90
        case 179...181: return 180
        case 269...271: return 270
        default: return 0
        }
    }
}
