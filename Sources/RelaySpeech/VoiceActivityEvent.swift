/// What the voice activity detector reports about a stream.
public enum VoiceActivityEvent: Sendable, Hashable {
    /// An utterance started at `time` (stream seconds); reported once it has lasted the minimum speech length.
    case speechStart(time: Double)
    /// The utterance that started last has ended; it carries its audio.
    case speechEnd(Utterance)
}

/// One stretch of speech found by the detector, with its audio.
public struct Utterance: Sendable, Hashable {
    /// Why an utterance ended.
    public enum EndReason: String, Sendable, Hashable, Codable {
        /// A pause at least as long as the hangover.
        case silence
        /// The maximum utterance length was reached; speech may go on in the next utterance.
        case maximumLength
        /// The stream ended.
        case endOfStream
    }

    /// Samples per second of `samples`.
    public var sampleRate: Int
    /// Stream time of the first voiced frame, in seconds.
    public var startTime: Double
    /// Stream time just after the last voiced frame, in seconds.
    public var endTime: Double
    /// Stream time of `samples[0]` (the pre-roll makes it earlier than `startTime`).
    public var audioStartTime: Double
    /// Mono samples in [-1, 1], from the pre-roll to the end of the hangover.
    public var samples: [Float]
    /// Why it ended.
    public var endReason: EndReason

    /// Creates an utterance.
    public init(sampleRate: Int, startTime: Double, endTime: Double, audioStartTime: Double, samples: [Float], endReason: EndReason) {
        self.sampleRate = sampleRate
        self.startTime = startTime
        self.endTime = endTime
        self.audioStartTime = audioStartTime
        self.samples = samples
        self.endReason = endReason
    }

    /// Voiced duration in seconds (end minus start).
    public var duration: Double { endTime - startTime }
}
