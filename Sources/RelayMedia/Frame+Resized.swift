import CFFmpeg

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
        var out = [UInt8](repeating: 0, count: size.width * size.height * 3)
        let result = rgb.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                cffmpeg_scale_packed(sws, src.baseAddress, Int32(width * 3), Int32(height), dst.baseAddress, Int32(size.width * 3))
            }
        }
        if result <= 0 {
            throw MediaError.ffmpeg(.conversionFailed, path: nil, operation: "resizing a frame to \(size)", function: "sws_scale", result: result)
        }
        return Frame(width: size.width, height: size.height, time: time, index: index, rgb: out)
    }
}
