public import Foundation
import RelayCore

/// Picks frames of a video by time or by index, exactly as a straight decode would show them, decoding as little as it can.
///
/// "The frame at t" is the frame *displayed* at t: the one with the greatest presentation time ≤ t (the first frame
/// when t comes before it). Targets ahead in the same GOP (or within ~2 s when the file has no keyframe index) are
/// reached by decoding forward; far targets seek to the keyframe before them and flush the decoder; when a seek lands
/// past the target (variable frame rate, B-frames) the sampler seeks earlier, doubling the step, until it does not.
///
/// Frames come in ascending time (or index) order, one per requested target; a frame shown at two targets is yielded twice.
/// Times are seconds from the start of the file (`MediaInfo.format.startTime` is subtracted), like `Frame.time`.
public enum FrameSampler {
    /// The frames displayed at each of `times` (seconds), converted to RGB24 at `size` (nil = display size).
    ///
    /// Throws `MediaError.invalidArgument` for a negative or non-finite time, or one past the end of the video.
    public static func frames(of url: URL, at times: [Double], size: FrameSize? = nil) -> AsyncThrowingStream<Frame, any Error> {
        let sorted = times.sorted()
        return stream(url: url) { source, step in
            if step == 0 { try validate(sorted, source: source) }
            guard step < sorted.count else { return nil }
            return try source.frame(at: sorted[step], size: size) ?? { throw noFrames(source) }()
        }
    }

    /// The frames at each display index of `indices` (0 = first frame), decoded straight from the start
    /// so the index is exact whatever the container declares.
    public static func frames(of url: URL, indices: [Int], size: FrameSize? = nil) -> AsyncThrowingStream<Frame, any Error> {
        let sorted = indices.sorted()
        let state = IndexCursor()
        return stream(url: url) { source, step in
            if step == 0, let bad = sorted.first(where: { $0 < 0 }) {
                throw MediaError(.invalidArgument, path: source.url.path, operation: "sampling frame \(bad)", hint: "Frame indices start at 0")
            }
            guard step < sorted.count else { return nil }
            return try state.frame(at: sorted[step], source: source, size: size)
        }
    }

    /// One frame every `1 / fps` seconds from the start (t = 0, 1/fps, 2/fps, … before the end of the video).
    public static func frames(of url: URL, fps: Double, size: FrameSize? = nil) -> AsyncThrowingStream<Frame, any Error> {
        stream(url: url) { source, step in
            guard fps.isFinite, fps > 0 else {
                throw MediaError(.invalidArgument, path: source.url.path, operation: "sampling at \(fps) fps", hint: "Give a frame rate above 0")
            }
            let t = Double(step) / fps
            if let end = source.duration {
                if t >= end && step > 0 { return nil }
            } else if source.reachedEnd, t > source.lastPositionedTime {
                return nil
            }
            return try source.frame(at: t, size: size) ?? { throw noFrames(source) }()
        }
    }

    /// `count` frames spread uniformly over the video: the frames displayed at t = i × duration / count, i = 0 ..< count.
    public static func frames(of url: URL, count: Int, size: FrameSize? = nil) -> AsyncThrowingStream<Frame, any Error> {
        let span = SpanCache()
        return stream(url: url) { source, step in
            guard count > 0 else {
                throw MediaError(.invalidArgument, path: source.url.path, operation: "sampling \(count) frames", hint: "Ask for at least 1 frame")
            }
            guard step < count else { return nil }
            let duration = try span.duration(of: source)
            return try source.frame(at: Double(step) * duration / Double(count), size: size) ?? { throw noFrames(source) }()
        }
    }

    // MARK: Plumbing

    /// A pull stream over a lazily opened source: `produce(source, step)` runs on the worker queue for step 0, 1, 2, …
    static func stream<T: Sendable>(
        url: URL, produce: @escaping @Sendable (VideoFrameSource, Int) throws -> T?
    ) -> AsyncThrowingStream<T, any Error> {
        let worker = SerialWorker(state: SamplerState(url: url))
        return AsyncThrowingStream(unfolding: {
            if Task.isCancelled { return nil }
            return try await worker.run { state in
                let source = try state.lazy.source()
                defer { state.step += 1 }
                return try produce(source, state.step)
            }
        })
    }

    static func validate(_ times: [Double], source: VideoFrameSource) throws {
        for t in times where !t.isFinite || t < 0 {
            throw MediaError(.invalidArgument, path: source.url.path, operation: "sampling at \(t) s", hint: "Times are seconds from 0")
        }
        if let last = times.last, let duration = source.duration, last > duration + 1e-3 {
            throw MediaError(.invalidArgument, path: source.url.path, operation: "sampling at \(last) s",
                             underlying: "the video ends at \(String(format: "%.3f", duration)) s", hint: "Ask for times within the video")
        }
    }

    static func noFrames(_ source: VideoFrameSource) -> MediaError {
        MediaError(.decodeFailed, path: source.url.path, operation: "decoding video",
                   underlying: "no decodable frame (\(source.damagedPackets) damaged packets)", hint: "The file may be damaged or truncated")
    }
}

/// The worker-side state of one sampling stream.
final class SamplerState {
    let lazy: LazyVideoSource
    var step = 0
    init(url: URL) { lazy = LazyVideoSource(url: url, streamIndex: nil, opened: nil) }
}

/// Straight decoding by display index, remembering the last converted frame for repeated indices.
///
/// `@unchecked Sendable`: captured by the sampler's `@Sendable` producer, but only ever used on that
/// sampler's serial worker queue.
final class IndexCursor: @unchecked Sendable {
    private var nextIndex = 0
    private var last: (index: Int, frame: Frame)?
    private var buffer: FrameBuffer?

    func frame(at wanted: Int, source: VideoFrameSource, size: FrameSize?) throws -> Frame {
        if let last, last.index == wanted { return last.frame }
        let buffer = try self.buffer ?? FrameBuffer(path: source.url.path)
        self.buffer = buffer
        while true {
            guard let next = try source.decodeNext(into: buffer) else {
                throw MediaError(.invalidArgument, path: source.url.path, operation: "sampling frame \(wanted)",
                                 underlying: "the video has \(nextIndex) decodable frames", hint: "Frame indices run from 0 to \(max(0, nextIndex - 1))")
            }
            let index = nextIndex
            nextIndex += 1
            if index == wanted {
                let frame = try source.converter.convert(buffer.pointer, size: size, time: next.time, index: index)
                last = (index, frame)
                return frame
            }
        }
    }
}

/// The time span that uniform sampling spreads over, measured by a decoding pass when the container does not say.
///
/// `@unchecked Sendable`: only used on one sampler's serial worker queue.
final class SpanCache: @unchecked Sendable {
    private var cached: Double?

    func duration(of source: VideoFrameSource) throws -> Double {
        if let cached { return cached }
        var span = source.duration ?? 0
        if source.duration == nil {
            let buffer = try FrameBuffer(path: source.url.path)
            var last = 0.0
            while let next = try source.decodeNext(into: buffer) { last = next.time }
            span = last
            try source.reopen()
        }
        cached = span
        return span
    }
}
