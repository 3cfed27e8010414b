public import Foundation
import RelayCore

/// Decodes an audio stream (of an audio or a video file) to mono Float32 at one sample rate (16 kHz by default),
/// streamed in chunks.
///
/// Decoding runs on a dedicated queue, one chunk per request of the consumer; stopping the iteration frees FFmpeg's state.
public final class AudioDecoder {
    /// The file.
    public let url: URL
    /// Output samples per second.
    public let sampleRate: Int
    /// Index of the decoded stream in the container.
    public let streamIndex: Int
    /// Duration of the stream in seconds, when known.
    public let duration: Double?

    private var opened: AudioFrameSource?
    private let requestedStream: Int?
    private let damage = DamageCounter()

    /// Opens the best audio stream of `url` (or stream `streamIndex`, which must be an audio stream).
    public init(url: URL, streamIndex: Int? = nil, sampleRate: Int = 16_000) throws {
        let source = try AudioFrameSource(url: url, streamIndex: streamIndex, sampleRate: sampleRate)
        self.url = url
        self.sampleRate = sampleRate
        self.streamIndex = Int(source.streamIndex)
        duration = source.duration
        requestedStream = streamIndex
        opened = source
    }

    /// Packets the decoder rejected as damaged so far.
    public var damagedPackets: Int { damage.value }

    /// The whole stream as chunks of `seconds` (the last one shorter), each stamped with its start time.
    public func chunks(seconds: Double = 0.5) -> AsyncThrowingStream<AudioChunk, any Error> {
        let state = ChunkingState(url: url, streamIndex: streamIndex, sampleRate: sampleRate, opened: opened)
        opened = nil
        let worker = SerialWorker(state: state)
        let damage = self.damage
        let rate = sampleRate
        return AsyncThrowingStream(unfolding: {
            if Task.isCancelled { return nil }
            return try await worker.run { state in
                guard seconds.isFinite, seconds > 0 else {
                    throw MediaError(.invalidArgument, path: state.url.path, operation: "chunking audio by \(seconds) s", hint: "Use a chunk length above 0")
                }
                let size = max(1, Int((seconds * Double(rate)).rounded()))
                let source = try state.source()
                defer { damage.set(source.damagedPackets) }
                while state.pending.count < size, !state.ended {
                    if let more = try source.nextSamples() { state.pending.append(contentsOf: more) } else { state.ended = true }
                }
                guard !state.pending.isEmpty else { return nil }
                let take = min(size, state.pending.count)
                let samples = Array(state.pending.prefix(take))
                state.pending.removeFirst(take)
                let start = (source.startTime ?? 0) + Double(state.emitted) / Double(rate)
                state.emitted += take
                return AudioChunk(sampleRate: rate, startTime: start, samples: samples)
            }
        })
    }

    /// Decodes the whole best audio stream of `url` into one chunk.
    public static func decodeAll(_ url: URL, sampleRate: Int = 16_000) async throws -> AudioChunk {
        let decoder = try AudioDecoder(url: url, sampleRate: sampleRate)
        var samples: [Float] = []
        var start: Double?
        for try await chunk in decoder.chunks(seconds: 5) {
            if start == nil { start = chunk.startTime }
            samples.append(contentsOf: chunk.samples)
        }
        return AudioChunk(sampleRate: sampleRate, startTime: start ?? 0, samples: samples)
    }
}

/// The worker-side state of one chunk stream.
final class ChunkingState {
    let url: URL
    private let streamIndex: Int
    private let sampleRate: Int
    private var opened: AudioFrameSource?
    var pending: [Float] = []
    var emitted = 0
    var ended = false

    init(url: URL, streamIndex: Int, sampleRate: Int, opened: AudioFrameSource?) {
        self.url = url
        self.streamIndex = streamIndex
        self.sampleRate = sampleRate
        self.opened = opened
    }

    func source() throws -> AudioFrameSource {
        if let opened { return opened }
        let source = try AudioFrameSource(url: url, streamIndex: streamIndex, sampleRate: sampleRate)
        opened = source
        return source
    }
}
