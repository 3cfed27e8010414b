/// The one conversion between signed 16-bit PCM and Float samples in Relay (capture, playback, WAV, speech).
///
/// The scale is 32768 (2¹⁵) both ways: a sample `s` becomes `s / 32768`, and `x` becomes `round(x × 32768)` clamped
/// to −32768…32767. Why 32768 and not 32767: it is FFmpeg's convention (swresample converts S16 ↔ FLT with
/// `1 / (1 << 15)` and `1 << 15`), so audio decoded by `AudioDecoder` and audio read from a WAV or an ALSA device
/// agree sample for sample; −32768 maps to exactly −1; and every Int16 survives Int16 → Float → Int16 exactly. The
/// price is that +1.0 clips to 32767, 1/32768 short, which no one can hear. (Scaling by 32767 makes +1 exact but puts
/// −32768 below −1 and breaks the round trip.)
public enum SampleConversion {
    /// The factor between a full-scale Float (1.0) and Int16.
    public static let scale: Float = 32_768

    /// `s / 32768`.
    @inline(__always)
    public static func float(_ sample: Int16) -> Float { Float(sample) / scale }

    /// `round(x × 32768)` clamped to −32768…32767; NaN is 0 and infinities clip, so an over-loud value distorts
    /// instead of wrapping around into noise.
    @inline(__always)
    public static func int16(_ value: Float) -> Int16 {
        guard value.isFinite else { return value.isNaN ? 0 : (value > 0 ? Int16.max : Int16.min) }
        let scaled = (value * scale).rounded()
        if scaled >= 32_767 { return Int16.max }
        if scaled <= -32_768 { return Int16.min }
        return Int16(scaled)
    }

    /// Every sample `s / 32768`.
    public static func float(_ samples: [Int16]) -> [Float] { samples.map(float) }

    /// Every sample `round(x × 32768)`, clamped.
    public static func int16(_ samples: [Float]) -> [Int16] { samples.map(int16) }
}

extension AudioChunk {
    /// Converts interleaved signed 16-bit samples to a mono chunk, averaging the channels
    /// (``SampleConversion``: `s / 32768`), so the conversion back (`s16Samples`) restores every mono sample
    /// exactly. A trailing partial frame is ignored.
    public init(s16Interleaved samples: [Int16], channels: Int, sampleRate: Int, startTime: Double) {
        let channels = max(channels, 1)
        let frames = samples.count / channels
        var mono = [Float](repeating: 0, count: frames)
        samples.withUnsafeBufferPointer { source in
            mono.withUnsafeMutableBufferPointer { target in
                if channels == 1 {
                    for i in 0..<frames { target[i] = SampleConversion.float(source[i]) }
                } else {
                    let scale = 1 / (SampleConversion.scale * Float(channels))
                    for frame in 0..<frames {
                        // Sum in Int to avoid Float rounding on every channel; Int16 × 64 channels cannot overflow.
                        var sum = 0
                        let base = frame * channels
                        for channel in 0..<channels { sum += Int(source[base + channel]) }
                        target[frame] = Float(sum) * scale
                    }
                }
            }
        }
        self.init(sampleRate: sampleRate, startTime: startTime, samples: mono)
    }

    /// The samples as signed 16-bit integers (``SampleConversion``: `round(x × 32768)` clamped, NaN as 0).
    public var s16Samples: [Int16] { SampleConversion.int16(samples) }
}
