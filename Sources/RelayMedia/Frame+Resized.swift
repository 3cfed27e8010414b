import CFFmpeg
import RelayCore

extension Frame {
    /// A copy of the frame scaled to `size` with swscale's bicubic filter (time and index are kept).
    ///
    /// Throws `MediaError.invalidArgument` for an empty or huge size.
    public func resized(to size: FrameSize) throws -> Frame {
        guard size.width > 0, size.height > 0, size.width * size.height <= PictureConverter.maxPixels else {
            throw MediaError(.invalidArgument, operation: "resizing a frame to \(size)", hint: "Ask for a size between 1x1 and 8192x8192")
        }
        if size.width == width && size.height == height { return self }
        guard width > 0, height > 0, rgb.count == width * height * 3 else {
            throw MediaError(.invalidArgument, operation: "resizing a \(width)x\(height) frame", underlying: "it holds \(rgb.count) bytes of RGB, not width × height × 3")
        }
        guard let sws = sws_getContext(Int32(width), Int32(height), AV_PIX_FMT_RGB24, Int32(size.width), Int32(size.height),
                                       AV_PIX_FMT_RGB24, SWS_BICUBIC, nil, nil, nil) else {
            throw MediaError(.conversionFailed, operation: "resizing a frame to \(size)", cFunction: "sws_getContext")
        }
        defer { sws_freeContext(sws) }
        // Both sides in FFmpeg-allocated pictures: libswscale reads and writes past the last pixel of a row (see PictureBuffer).
        let source = try PictureBuffer(format: AV_PIX_FMT_RGB24, width: width, height: height, path: nil, operation: "resizing a frame")
        source.copyPacked(from: rgb, bytesPerRow: width * 3)
        let target = try PictureBuffer(format: AV_PIX_FMT_RGB24, width: size.width, height: size.height, path: nil, operation: "resizing a frame")
        let result = cffmpeg_scale_frame(sws, source.pointer, target.pointer)
        if result <= 0 {
            throw MediaError.ffmpeg(.conversionFailed, path: nil, operation: "resizing a frame to \(size)", function: "sws_scale", result: result)
        }
        let out = target.packedPlane0(bytesPerRow: size.width * 3)
        return Frame(width: size.width, height: size.height, time: time, index: index, rgb: out)
    }
}
