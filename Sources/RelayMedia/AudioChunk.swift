/// A run of decoded audio samples, mono Float32 in [-1, 1].
///
/// Decoders resample to 16 kHz mono for speech and loudness analysis; capture yields
/// the device's rate. `startTime` lets a consumer place the chunk on the timeline.
public struct AudioChunk: Sendable, Hashable {
    /// Samples per second.
    public var sampleRate: Int
    /// Time of the first sample, in seconds from the start of the stream.
    public var startTime: Double
    /// Mono samples in [-1, 1].
    public var samples: [Float]

    /// Creates a chunk.
    public init(sampleRate: Int, startTime: Double, samples: [Float]) {
        self.sampleRate = sampleRate
        self.startTime = startTime
        self.samples = samples
    }

    /// Duration of the chunk in seconds.
    public var duration: Double { Double(samples.count) / Double(sampleRate) }
}
