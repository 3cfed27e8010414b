internal import Foundation
import RelayCore

/// Records audio from an ALSA capture device as an asynchronous stream of chunks.
///
/// ```swift
/// let capture = try AudioCapture(device: "default")          // 16 kHz mono, 100 ms chunks
/// for try await chunk in capture.chunks() { recognizer.feed(chunk) }
/// ```
///
/// Opening happens in `init`, so a wrong device name fails right away with a `MediaError`
/// naming the device. Reading starts when a stream is requested and runs on a dedicated
/// thread; one capture yields one stream (ask for either `rawChunks()` or `chunks()`).
/// Cancelling the consuming task (or dropping the stream) stops the thread and closes the
/// device within about 50 ms.
///
/// Overruns (the consumer or the machine fell behind and ALSA's buffer filled up) are
/// recovered with `snd_pcm_recover` and counted in `overruns`; the stream goes on. If the
/// consumer stops pulling for a while, the thread stops reading once `bufferedChunks` are
/// waiting, which shows up as overruns rather than as unbounded memory.
///
/// **Capturing from a file.** ALSA's `file` plugin (`type file … infile "in.raw"`) plays a raw
/// file as if it were a microphone, which is how the tests capture for real without a sound card.
/// It has no real-time pacing (seconds of audio arrive in milliseconds) and never reports the
/// end of its file: after the last byte it keeps returning full reads without writing them.
/// Relay zeroes the buffer before every read, so that tail reads as silence, and `maxFrames`
/// ends such a capture cleanly; without it a `file` device never ends.
///
/// `@unchecked Sendable`: the open device waits in `pendingPCM` behind `lock` until the one
/// stream takes it; everything else is immutable or the lock-protected `control`.
public final class AudioCapture: @unchecked Sendable {
    /// The ALSA device name as given.
    public let device: String
    /// The sample rate and channel count samples arrive in.
    public let format: AudioFormat
    /// Frames per chunk (the last chunk of a `maxFrames`-limited capture may be shorter).
    public let chunkFrames: Int
    /// Frames after which the capture ends by itself, or `nil` to capture until cancelled.
    public let maxFrames: Int?
    /// Chunks the stream holds for a slow consumer before the reading thread pauses.
    public static let bufferedChunks = 32

    private let lock = NSLock()
    private var pendingPCM: ALSAPCM?
    private let control = ALSACaptureControl()

    /// Opens `device` for capture at `format` (S16_LE interleaved; ALSA resamples if the hardware can't).
    ///
    /// - Parameters:
    ///   - device: an ALSA PCM name: `default`, `hw:1,0`, `plughw:CARD=USB`, or one defined in a config file.
    ///   - format: sample rate and channels to capture in.
    ///   - chunkFrames: frames per chunk; 1 600 is 100 ms at 16 kHz.
    ///   - maxFrames: stop after this many frames; required for `file` devices, which never end.
    /// - Throws: `MediaError` (`.deviceNotFound`, `.deviceBusy`, `.deviceFailed`, `.invalidArgument`) naming the device.
    public init(
        device: String = "default", format: AudioFormat = .init(sampleRate: 16_000, channels: 1),
        chunkFrames: Int = 1_600, maxFrames: Int? = nil
    ) throws {
        guard chunkFrames > 0, chunkFrames <= 10 * max(format.sampleRate, 1) else {
            throw MediaError(
                .invalidArgument, path: device, operation: "opening capture device",
                underlying: "chunkFrames \(chunkFrames) is out of range", hint: "Use 1 frame to 10 seconds of frames per chunk."
            )
        }
        if let maxFrames, maxFrames < 0 {
            throw MediaError(
                .invalidArgument, path: device, operation: "opening capture device",
                underlying: "maxFrames \(maxFrames) is negative", hint: "Pass nil to capture until cancelled."
            )
        }
        self.device = device
        self.format = format
        self.chunkFrames = chunkFrames
        self.maxFrames = maxFrames
        self.pendingPCM = try ALSAPCM(device: device, direction: .capture, format: format)
    }

    /// Opens `device` for capture, ending after `duration` seconds of audio.
    public convenience init(
        device: String = "default", format: AudioFormat = .init(sampleRate: 16_000, channels: 1),
        chunkFrames: Int = 1_600, duration: Double
    ) throws {
        guard duration.isFinite, duration >= 0 else {
            throw MediaError(
                .invalidArgument, path: device, operation: "opening capture device",
                underlying: "duration \(duration) s is not a finite, non-negative number", hint: "Pass a duration in seconds, e.g. 5."
            )
        }
        try self.init(
            device: device, format: format, chunkFrames: chunkFrames,
            maxFrames: Int((duration * Double(format.sampleRate)).rounded())
        )
    }

    /// Overruns recovered so far (ALSA's buffer filled up before it was read).
    public var overruns: Int { control.overruns }

    /// Frames delivered to the stream so far.
    public var framesCaptured: Int { control.frames }

    /// Whether the reading thread is running and holds the device open.
    public var isCapturing: Bool { control.isRunning }

    /// When the reading thread stopped (nil while it runs or before it started).
    var stoppedAt: ContinuousClock.Instant? { control.stoppedAt }

    /// Stops capturing: the stream ends and the device closes within about 50 ms.
    public func stop() {
        control.cancel()
        lock.withLock { pendingPCM = nil }
    }

    /// Raw interleaved S16 chunks of `chunkFrames` frames, as read from the device.
    ///
    /// Overruns are recovered and counted (`overruns`); other device errors end the stream with a
    /// `MediaError` naming the device. Cancelling the consuming task stops reading and closes the device.
    public func rawChunks() -> AsyncThrowingStream<[Int16], any Error> {
        stream { samples, _ in samples }
    }

    /// The same audio as mono Float32 chunks (channels averaged, samples / 32768), timed from the
    /// frames read so far.
    public func chunks() -> AsyncThrowingStream<AudioChunk, any Error> {
        let format = self.format
        return stream { samples, startFrame in
            AudioChunk(
                s16Interleaved: samples, channels: format.channels, sampleRate: format.sampleRate,
                startTime: Double(startFrame) / Double(format.sampleRate)
            )
        }
    }

    /// Starts the reading thread, handing it the device; a second call gets a stream that fails.
    private func stream<Element: Sendable>(
        _ transform: @escaping @Sendable ([Int16], Int) -> Element
    ) -> AsyncThrowingStream<Element, any Error> {
        let (stream, continuation) = AsyncThrowingStream<Element, any Error>.makeStream(
            bufferingPolicy: .bufferingOldest(Self.bufferedChunks)
        )
        let pcm: ALSAPCM? = lock.withLock {
            defer { pendingPCM = nil }
            return pendingPCM
        }
        guard let pcm, !control.isCancelled else {
            continuation.finish(throwing: MediaError(
                .deviceFailed, path: device, operation: "capturing audio",
                underlying: "this capture was already started or stopped",
                hint: "Each AudioCapture yields one stream; create a new AudioCapture to capture again."
            ))
            return stream
        }
        let control = self.control
        continuation.onTermination = { _ in control.cancel() }
        let loop = ALSACaptureLoop(pcm: pcm, chunkFrames: chunkFrames, maxFrames: maxFrames, control: control)
        control.isRunning = true
        // Audio must be read before ALSA's buffer (100 ms) fills: the loop gets a pool thread of its own at once.
        BlockingWork.start {
            do {
                try loop.run { samples, startFrame in
                    Self.deliver(transform(samples, startFrame), to: continuation, control: control)
                }
                control.isRunning = false
                continuation.finish()
            } catch {
                control.isRunning = false
                continuation.finish(throwing: error)
            }
        }
        return stream
    }

    /// Yields `element`, pausing (and so letting ALSA overrun) while the consumer is `bufferedChunks` behind.
    /// Returns false when the consumer has gone away.
    private static func deliver<Element: Sendable>(
        _ element: Element, to continuation: AsyncThrowingStream<Element, any Error>.Continuation, control: ALSACaptureControl
    ) -> Bool {
        while true {
            // Audio read after stop() is never delivered; only a chunk already past this check can still arrive.
            if control.isCancelled { return false }
            switch continuation.yield(element) {
            case .enqueued: return true
            case .terminated: return false
            case .dropped:
                // With `.bufferingOldest` the dropped element is this new one: try it again shortly.
                usleep(5_000)
            @unknown default: return false
            }
        }
    }
}
