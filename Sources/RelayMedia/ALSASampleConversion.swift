extension AudioChunk {
    /// Converts interleaved signed 16-bit samples to a mono chunk, averaging the channels.
    ///
    /// A sample `s` becomes `s / 32768`, so −32768 maps to exactly −1 and the conversion back
    /// (`s16Samples`) restores every mono sample exactly. A trailing partial frame is ignored.
    public init(s16Interleaved samples: [Int16], channels: Int, sampleRate: Int, startTime: Double) {
        let channels = max(channels, 1)
        let frames = samples.count / channels
        var mono = [Float](repeating: 0, count: frames)
        samples.withUnsafeBufferPointer { source in
            mono.withUnsafeMutableBufferPointer { target in
                if channels == 1 {
                    for i in 0..<frames { target[i] = Float(source[i]) / 32_768 }
                } else {
                    let scale = 1 / (32_768 * Float(channels))
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

    /// The samples as signed 16-bit integers: `round(x × 32768)` clamped to −32768…32767, NaN as 0.
    ///
    /// Values outside [-1, 1] clip rather than wrap around, so an over-loud reply distorts
    /// instead of turning into noise.
    public var s16Samples: [Int16] {
        samples.map { value in
            guard value.isFinite else { return value.isNaN ? 0 : (value > 0 ? Int16.max : Int16.min) }
            let scaled = (value * 32_768).rounded()
            if scaled >= 32_767 { return Int16.max }
            if scaled <= -32_768 { return Int16.min }
            return Int16(scaled)
        }
    }
}
