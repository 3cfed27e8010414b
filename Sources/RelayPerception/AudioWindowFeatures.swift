/// What perception measures on one short audio window (100 ms by default): loudness, silence, speech.
public struct AudioWindowFeatures: Sendable, Hashable, Codable {
    /// Start of the window in seconds.
    public var start: Double
    /// Length of the window in seconds.
    public var duration: Double
    /// RMS level in dBFS (0 for a full-scale square wave; −120 for digital silence).
    public var loudness: Double
    /// Peak absolute sample, 0…1.
    public var peak: Double
    /// Zero crossings per second.
    public var zeroCrossingRate: Double
    /// Mean spectral flatness over 300–4000 Hz of the window's 32 ms frames: ~0 for a tone, ~0.6 for white noise.
    public var flatness: Double
    /// Median normalised spectral change between consecutive 32 ms frames: ~0 for a steady tone, high for speech.
    public var flux: Double
    /// Quieter than `silentDBFS`.
    public var isSilent: Bool
    /// Louder than `loudDBFS`.
    public var isLoud: Bool
    /// Loud enough, changing like speech and not noise-like (the voice-activity decision before smoothing).
    public var isSpeech: Bool

    /// End of the window in seconds.
    public var end: Double { start + duration }
}
