public import Foundation
import RelayCore
import CFFmpeg

/// Decodes the best video stream of a file (or a still image, or an animated GIF) into RGB24 frames, in display order.
///
/// Opening reads the headers (and throws `MediaError` for a missing, empty or unreadable file); decoding runs on a
/// dedicated queue, off Swift's cooperative pool, one frame per request of the consumer, so a slow consumer holds
/// at most one frame. Stopping the iteration (or cancelling its task) ends decoding and frees FFmpeg's state.
///
/// ```swift
/// let decoder = try VideoDecoder(url: clip)
/// for try await frame in decoder.frames(size: FrameSize(width: 448, height: 252)) { … }
/// ```
public final class VideoDecoder {
    /// The file.
    public let url: URL
    /// Width of the frames as displayed (after the stream's rotation).
    public let displayWidth: Int
    /// Height of the frames as displayed (after the stream's rotation).
    public let displayHeight: Int
    /// Average frame rate in frames per second, when the container declares one.
    public let frameRate: Double?
    /// Number of frames the container declares, when it does (use `countFrames()` for the exact number).
    public let frameCount: Int?
    /// Duration of the stream in seconds, when known.
    public let duration: Double?
    /// Index of the decoded stream in the container.
    public let streamIndex: Int
    /// Clockwise quarter turn (0, 90, 180, 270) applied to every frame for display.
    public let rotation: Int

    private var opened: VideoFrameSource?
    private let damage = DamageCounter()

    /// Opens the best video stream of `url`, or stream `streamIndex` (which must be a video stream).
    public init(url: URL, streamIndex: Int? = nil) throws {
        let source = try VideoFrameSource(url: url, streamIndex: streamIndex)
        self.url = url
        displayWidth = source.displaySize.width
        displayHeight = source.displaySize.height
        frameRate = source.frameRate
        frameCount = source.frameCount
        duration = source.duration
        self.streamIndex = Int(source.streamIndex)
        rotation = source.converter.clockwiseRotation
        opened = source
    }

    /// Packets the decoder rejected as damaged so far (corrupt input); frames around them may be missing.
    public var damagedPackets: Int { damage.value }

    /// The opened source for the first stream, a fresh one for later streams (each stream decodes from the start).
    private func takeSource() -> SerialWorker<LazyVideoSource> {
        let lazy = LazyVideoSource(url: url, streamIndex: streamIndex, opened: opened)
        opened = nil
        return SerialWorker(state: lazy)
    }

    /// Every frame in display order, converted to RGB24 at `size` (display orientation; nil = `displayWidth`×`displayHeight`).
    public func frames(size: FrameSize? = nil) -> AsyncThrowingStream<Frame, any Error> {
        let worker = takeSource()
        let damage = self.damage
        return AsyncThrowingStream(unfolding: {
            if Task.isCancelled { return nil }
            return try await worker.run { lazy in
                let source = try lazy.source()
                defer { damage.set(source.damagedPackets) }
                let frame = try FrameBuffer(path: source.url.path)
                guard let next = try source.decodeNext(into: frame) else { return nil }
                return try source.converter.convert(frame.pointer, size: size, time: next.time, index: next.index)
            }
        })
    }

    /// Every picture in display order, left in the decoder's pixel format (no conversion, no rotation).
    public func pictures() -> AsyncThrowingStream<DecodedPicture, any Error> {
        let worker = takeSource()
        let damage = self.damage
        return AsyncThrowingStream(unfolding: {
            if Task.isCancelled { return nil }
            return try await worker.run { lazy in
                let source = try lazy.source()
                defer { damage.set(source.damagedPackets) }
                let frame = try FrameBuffer(path: source.url.path)
                guard let next = try source.decodeNext(into: frame) else { return nil }
                return try DecodedPicture(copying: frame.pointer, time: next.time, index: next.index, path: source.url.path)
            }
        })
    }

    /// Decodes the whole stream without converting any picture and returns the exact number of frames
    /// (the fastest full pass: what `ffmpeg -i f -f null -` does).
    public func countFrames() async throws -> Int {
        let worker = takeSource()
        let damage = self.damage
        return try await worker.run { lazy in
            let source = try lazy.source()
            defer { damage.set(source.damagedPackets) }
            let frame = try FrameBuffer(path: source.url.path)
            var count = 0
            while try source.decodeNext(into: frame) != nil {
                count += 1
                frame.unref()
            }
            return count
        }
    }
}

/// A video source opened on first use inside its worker (so opening errors surface through the stream).
final class LazyVideoSource {
    private let url: URL
    private let streamIndex: Int?
    private var opened: VideoFrameSource?

    init(url: URL, streamIndex: Int?, opened: VideoFrameSource?) {
        self.url = url
        self.streamIndex = streamIndex
        self.opened = opened
    }

    func source() throws -> VideoFrameSource {
        if let opened { return opened }
        let source = try VideoFrameSource(url: url, streamIndex: streamIndex)
        opened = source
        return source
    }
}

extension DecodedPicture {
    /// Copies the planes of a decoded FFmpeg frame.
    init(copying frame: UnsafeMutablePointer<AVFrame>, time: Double, index: Int?, path: String) throws {
        let format = AVPixelFormat(frame.pointee.format)
        var sizes = [Int](repeating: 0, count: 4)
        var linesizes = (0..<4).map { Int(cffmpeg_frame_linesize(frame, Int32($0))) }
        // A negative stride (bottom-up rows) would make av_image_fill_plane_sizes compute a huge size_t and the copy
        // below read far outside the plane; decoders do not hand those out, so refuse rather than guess where rows start.
        guard linesizes.allSatisfy({ $0 >= 0 }) else {
            throw MediaError(.conversionFailed, path: path, operation: "copying decoded planes", underlying: "the decoder returned a negative row stride")
        }
        let filled = sizes.withUnsafeMutableBufferPointer { s in
            linesizes.withUnsafeMutableBufferPointer { l in
                av_image_fill_plane_sizes(s.baseAddress, format, frame.pointee.height, l.baseAddress)
            }
        }
        guard filled >= 0 else {
            throw MediaError.ffmpeg(.conversionFailed, path: path, operation: "copying decoded planes", function: "av_image_fill_plane_sizes", result: filled)
        }
        var planes: [[UInt8]] = []
        var strides: [Int] = []
        for i in 0..<4 where sizes[i] > 0 {
            guard let data = cffmpeg_frame_plane(frame, Int32(i)) else { break }
            planes.append(Array(UnsafeBufferPointer(start: data, count: sizes[i])))
            strides.append(linesizes[i])
        }
        self.init(
            width: Int(frame.pointee.width), height: Int(frame.pointee.height),
            pixelFormat: av_get_pix_fmt_name(format).map { String(cString: $0) } ?? "unknown",
            planes: planes, strides: strides, time: time, index: index)
    }
}
