import RelayMedia

/// Turns reply text into audio.
public protocol SpeechSynthesizer: Sendable {
    /// Speaks `text` into samples.
    func synthesize(_ text: String) async throws -> SynthesizedSpeech
}

/// Synthesized audio: mono 16-bit samples, ready for ALSA playback.
public struct SynthesizedSpeech: Sendable, Hashable {
    /// Mono samples.
    public var samples: [Int16]
    /// Samples per second (espeak-ng: 22,050).
    public var sampleRate: Int

    /// Creates synthesized audio.
    public init(samples: [Int16], sampleRate: Int) {
        self.samples = samples
        self.sampleRate = sampleRate
    }

    /// Length in seconds.
    public var duration: Double { sampleRate > 0 ? Double(samples.count) / Double(sampleRate) : 0 }

    /// The audio as Float32 in [-1, 1] at `rate` (linear resampling), e.g. 16 kHz for a recognizer.
    public func floatSamples(at rate: Int) -> [Float] {
        AudioConversion.resample(SampleConversion.float(samples), from: sampleRate, to: rate)
    }
}
