public import Foundation
import CFFmpeg
import RelayCore

/// Still images: decoding (png, jpeg, webp, bmp, gif's first frame, …, with the display rotation applied)
/// and JPEG / PNG encoding of frames through libavcodec.
public enum ImageCodec {
    /// Decodes the first picture of an image file (any format FFmpeg reads, including a video's first frame).
    public static func decode(_ url: URL) throws -> Frame {
        let source = try VideoFrameSource(url: url)
        let buffer = try FrameBuffer(path: url.path)
        guard let first = try source.decodeNext(into: buffer) else {
            throw MediaError(.decodeFailed, path: url.path, operation: "decoding the image", underlying: "no decodable picture",
                             hint: "The file may be damaged or truncated")
        }
        var frame = try source.converter.convert(buffer.pointer, size: nil, time: first.time, index: 0)
        frame.time = 0
        return frame
    }

    /// Encodes `frame` as a baseline JPEG (4:2:0, full range). `quality` runs from 1 (smallest) to 100 (best).
    public static func encodeJPEG(_ frame: Frame, quality: Int = 85) throws -> [UInt8] {
        guard (1...100).contains(quality) else {
            throw MediaError(.invalidArgument, operation: "encoding JPEG at quality \(quality)", hint: "Use a quality from 1 to 100")
        }
        // MJPEG's scale runs 2 (best) … 31 (worst).
        let qscale = Int32(2 + ((100 - quality) * 29 + 49) / 99)
        return try ImageEncoder(codec: AV_CODEC_ID_MJPEG, pixelFormat: AV_PIX_FMT_YUVJ420P, frame: frame, qscale: qscale).encode()
    }

    /// PNG's row filters (FFmpeg's `pred` option): what each row is stored as before zlib compresses it. Every
    /// filter is lossless; they differ in size and time.
    public enum PNGPrediction: Int32, Sendable, CaseIterable, CustomStringConvertible {
        /// The bytes as they are (FFmpeg's default).
        case none = 0
        /// Each byte minus the one to its left.
        case sub = 1
        /// Each byte minus the one above it: a row like the one above becomes zeros.
        case up = 2
        /// Each byte minus the mean of left and above.
        case average = 3
        /// Each byte minus the Paeth predictor of left, above and above-left.
        case paeth = 4
        /// Per row, whichever filter gives the smallest sum (tries all five).
        case mixed = 5

        public var description: String { ["none", "sub", "up", "avg", "paeth", "mixed"][Int(rawValue)] }
    }

    /// Encodes `frame` as a lossless RGB PNG. `compressionLevel` is zlib's, 0 (none) … 9 (smallest); nil is zlib's
    /// default. `prediction` is the row filter (none by default, as FFmpeg's). Screenshots use level 1 with the up
    /// filter (``Canvas/encodePNG(compressionLevel:prediction:)``).
    public static func encodePNG(_ frame: Frame, compressionLevel: Int? = nil, prediction: PNGPrediction = .none) throws -> [UInt8] {
        if let compressionLevel, !(0...9).contains(compressionLevel) {
            throw MediaError(.invalidArgument, operation: "encoding PNG at compression level \(compressionLevel)", hint: "Use a level from 0 to 9")
        }
        let encoder = try ImageEncoder(codec: AV_CODEC_ID_PNG, pixelFormat: AV_PIX_FMT_RGB24, frame: frame, qscale: nil)
        if let compressionLevel { encoder.compressionLevel = Int32(compressionLevel) }
        try encoder.setOption("pred", Int64(prediction.rawValue))
        return try encoder.encode()
    }
}

/// One encoding of one frame: owns the encoder context, the frame and packet, freed together.
final class ImageEncoder {
    private let frame: Frame
    private let name: String
    private let context: UnsafeMutablePointer<AVCodecContext>
    private let picture: FrameBuffer
    private let packet: Packet
    private let pixelFormat: AVPixelFormat
    private let qscale: Int32?

    init(codec id: AVCodecID, pixelFormat: AVPixelFormat, frame: Frame, qscale: Int32?) throws {
        // Encoding may be the process's first FFmpeg call (a screenshot, the camera's built-in scene): quiet its log first.
        _ = FFmpegRuntime.configured
        name = id == AV_CODEC_ID_PNG ? "PNG" : "JPEG"
        guard frame.width > 0, frame.height > 0, frame.width <= 16_384, frame.height <= 16_384,
              frame.rgb.count == frame.width * frame.height * 3 else {
            throw MediaError(.invalidArgument, operation: "encoding a \(frame.width)x\(frame.height) frame as \(id == AV_CODEC_ID_PNG ? "PNG" : "JPEG")")
        }
        guard let codec = avcodec_find_encoder(id) else {
            throw MediaError(.unsupportedCodec, operation: "encoding \(name)", underlying: "this FFmpeg build has no \(name) encoder", cFunction: "avcodec_find_encoder")
        }
        guard let ctx = avcodec_alloc_context3(codec) else {
            throw MediaError(.outOfMemory, operation: "encoding \(name)", cFunction: "avcodec_alloc_context3")
        }
        context = ctx
        self.frame = frame
        self.pixelFormat = pixelFormat
        self.qscale = qscale
        picture = try FrameBuffer(path: nil)
        packet = try Packet(path: nil)
        ctx.pointee.width = Int32(frame.width)
        ctx.pointee.height = Int32(frame.height)
        ctx.pointee.pix_fmt = pixelFormat
        ctx.pointee.time_base = AVRational(num: 1, den: 25)
        ctx.pointee.color_range = AVCOL_RANGE_JPEG
    }

    /// zlib's level for PNG (set before ``encode()``).
    var compressionLevel: Int32 {
        get { context.pointee.compression_level }
        set { context.pointee.compression_level = newValue }
    }

    /// Sets one of the encoder's own options (`pred` for PNG) before ``encode()``.
    func setOption(_ name: String, _ value: Int64) throws {
        let result = av_opt_set_int(context.pointee.priv_data, name, value, 0)
        if result < 0 {
            throw MediaError.ffmpeg(.invalidArgument, path: nil, operation: "setting the \(self.name) encoder's \(name) to \(value)", function: "av_opt_set_int", result: result)
        }
    }

    deinit {
        var c: UnsafeMutablePointer<AVCodecContext>? = context
        avcodec_free_context(&c)
    }

    func encode() throws -> [UInt8] {
        let p = picture.pointer
        p.pointee.format = pixelFormat.rawValue
        p.pointee.width = Int32(frame.width)
        p.pointee.height = Int32(frame.height)
        if let qscale { cffmpeg_set_fixed_quality(context, p, qscale) }
        let opened = avcodec_open2(context, nil, nil)
        if opened < 0 { throw MediaError.ffmpeg(.encodeFailed, path: nil, operation: "opening the \(name) encoder", function: "avcodec_open2", result: opened) }
        let allocated = av_frame_get_buffer(p, 0)
        if allocated < 0 { throw MediaError.ffmpeg(.outOfMemory, path: nil, operation: "encoding \(name)", function: "av_frame_get_buffer", result: allocated) }
        try fill(p)
        p.pointee.pts = 0
        let sent = avcodec_send_frame(context, p)
        if sent < 0 { throw MediaError.ffmpeg(.encodeFailed, path: nil, operation: "encoding \(name)", function: "avcodec_send_frame", result: sent) }
        _ = avcodec_send_frame(context, nil)  // end of stream: the encoder flushes its one packet
        var bytes: [UInt8] = []
        while true {
            let result = avcodec_receive_packet(context, packet.pointer)
            if result == cffmpeg_averror_eof() || result == cffmpeg_averror_eagain() { break }
            if result < 0 { throw MediaError.ffmpeg(.encodeFailed, path: nil, operation: "encoding \(name)", function: "avcodec_receive_packet", result: result) }
            bytes.append(contentsOf: UnsafeBufferPointer(start: packet.pointer.pointee.data, count: Int(packet.pointer.pointee.size)))
            packet.unref()
        }
        guard !bytes.isEmpty else { throw MediaError(.encodeFailed, operation: "encoding \(name)", underlying: "the encoder produced no data") }
        return bytes
    }

    /// Puts the frame's RGB pixels into the encoder's picture (copied row by row, or converted by swscale).
    private func fill(_ p: UnsafeMutablePointer<AVFrame>) throws {
        let rowBytes = frame.width * 3
        if pixelFormat == AV_PIX_FMT_RGB24 {
            guard let plane = cffmpeg_frame_plane(p, 0) else { throw MediaError(.outOfMemory, operation: "encoding \(name)") }
            let stride = Int(cffmpeg_frame_linesize(p, 0))
            frame.rgb.withUnsafeBufferPointer { src in
                for y in 0..<frame.height {
                    guard let base = src.baseAddress else { return }
                    (plane + y * stride).update(from: base + y * rowBytes, count: rowBytes)
                }
            }
            return
        }
        guard let sws = sws_getContext(Int32(frame.width), Int32(frame.height), AV_PIX_FMT_RGB24, Int32(frame.width), Int32(frame.height),
                                       pixelFormat, SWS_BICUBIC, nil, nil, nil) else {
            throw MediaError(.conversionFailed, operation: "converting RGB24 for \(name)", cFunction: "sws_getContext")
        }
        defer { sws_freeContext(sws) }
        // The packed pixels go through an FFmpeg-allocated picture first: libswscale's RGB24 readers load whole
        // vectors past the last pixel of a row, which over-reads a tightly packed Swift array (see PictureBuffer).
        let source = try PictureBuffer(format: AV_PIX_FMT_RGB24, width: frame.width, height: frame.height, path: nil, operation: "encoding \(name)")
        source.copyPacked(from: frame.rgb, bytesPerRow: rowBytes)
        let result = cffmpeg_scale_frame(sws, source.pointer, p)
        if result <= 0 {
            throw MediaError.ffmpeg(.conversionFailed, path: nil, operation: "converting RGB24 for \(name)", function: "sws_scale", result: result)
        }
    }
}
