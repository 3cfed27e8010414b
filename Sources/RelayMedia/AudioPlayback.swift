internal import Foundation
import RelayCore

/// Plays PCM audio (spoken replies, prompts) on an ALSA playback device.
///
/// ```swift
/// let speaker = try AudioPlayback(format: AudioFormat(sampleRate: 22_050, channels: 1))
/// try await speaker.play(reply)        // returns once the audio has been played
/// ```
///
/// Writes and the final drain block, so they run on this player's own serial queue, never on
/// Swift's cooperative pool; `play` calls made while one is running play after it, in order.
/// Cancelling the calling task stops the sound within about 50 ms and throws `CancellationError`.
/// The device stays open between calls; `close()` (or deinit) releases it.
///
/// `@unchecked Sendable`: the device lives in `writer`, which is only used on its serial queue.
public final class AudioPlayback: @unchecked Sendable {
    /// The ALSA device name as given.
    public let device: String
    /// The sample rate and channel count `play` expects.
    public let format: AudioFormat
    private let writer: SerialWorker<ALSAPlaybackWriter>

    /// Opens `device` for playback at `format` (S16_LE interleaved; ALSA resamples if the hardware can't).
    /// - Throws: `MediaError` (`.deviceNotFound`, `.deviceBusy`, `.deviceFailed`, `.invalidArgument`) naming the device.
    public init(device: String = "default", format: AudioFormat) throws {
        self.device = device
        self.format = format
        writer = SerialWorker(state: ALSAPlaybackWriter(pcm: try ALSAPCM(device: device, direction: .playback, format: format)))
    }

    deinit {
        // The worker finishes any write in progress before the device closes.
        writer.submit { $0.close() }
    }

    /// Underruns recovered so far (the device ran dry before the next write).
    public var underruns: Int {
        get async { await onQueue { $0.underruns } }
    }

    /// Plays interleaved S16 samples (`format.channels` per frame) and returns once they have been played.
    /// - Throws: `MediaError` naming the device, `.invalidArgument` for a partial frame, or `CancellationError`.
    public func play(_ samples: [Int16]) async throws {
        guard samples.count % format.channels == 0 else {
            throw MediaError(
                .invalidArgument, path: device, operation: "playing audio",
                underlying: "\(samples.count) samples is not a whole number of \(format.channels)-channel frames",
                hint: "Pass interleaved samples, \(format.channels) per frame."
            )
        }
        let cancelled = ALSACancellationFlag()
        try await withTaskCancellationHandler {
            try Task.checkCancellation()
            try await onQueue { try $0.play(samples, cancelled: cancelled) }
        } onCancel: {
            cancelled.set()
        }
    }

    /// Plays a mono Float32 chunk: samples are clamped to [-1, 1], converted to S16 and copied to every channel.
    /// - Throws: `.invalidArgument` if the chunk's sample rate differs from `format.sampleRate` (no resampling here).
    public func play(_ chunk: AudioChunk) async throws {
        guard chunk.sampleRate == format.sampleRate else {
            throw MediaError(
                .invalidArgument, path: device, operation: "playing audio",
                underlying: "the chunk is \(chunk.sampleRate) Hz but the device was opened at \(format.sampleRate) Hz",
                hint: "Open AudioPlayback with sampleRate \(chunk.sampleRate) or resample the audio first."
            )
        }
        let mono = chunk.s16Samples
        guard format.channels > 1 else { return try await play(mono) }
        var interleaved = [Int16]()
        interleaved.reserveCapacity(mono.count * format.channels)
        for sample in mono {
            for _ in 0..<format.channels { interleaved.append(sample) }
        }
        try await play(interleaved)
    }

    /// Closes the device after any playback in progress; later `play` calls throw.
    public func close() async {
        await onQueue { $0.close() }
    }

    /// Runs `body` on the writer's worker and waits for it without blocking the caller's thread.
    private func onQueue<T: Sendable>(_ body: @escaping @Sendable (ALSAPlaybackWriter) throws -> T) async throws -> T {
        try await writer.run { try body($0) }
    }

    /// Runs `body` on the writer's worker and waits for it without blocking the caller's thread.
    private func onQueue<T: Sendable>(_ body: @escaping @Sendable (ALSAPlaybackWriter) -> T) async -> T {
        await writer.run { body($0) }
    }
}
