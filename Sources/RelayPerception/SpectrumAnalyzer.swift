import Foundation

/// Power spectra of fixed-size audio frames (Hann window, radix-2 FFT), for the voice-activity measures.
///
/// Small and allocation-free per call once built; sized for 512-sample frames (32 ms at 16 kHz).
struct SpectrumAnalyzer: Sendable {
    let size: Int
    private let window: [Float]
    private let cosines: [Float]
    private let sines: [Float]
    private let bitReversed: [Int]

    /// A power-of-two `size`.
    init(size: Int = 512) {
        self.size = size
        window = (0..<size).map { 0.5 - 0.5 * Float(cos(2 * Double.pi * Double($0) / Double(size))) }
        cosines = (0..<(size / 2)).map { Float(cos(-2 * Double.pi * Double($0) / Double(size))) }
        sines = (0..<(size / 2)).map { Float(sin(-2 * Double.pi * Double($0) / Double(size))) }
        let bits = size.trailingZeroBitCount
        bitReversed = (0..<size).map { i in
            var r = 0, x = i
            for _ in 0..<bits { r = (r << 1) | (x & 1); x >>= 1 }
            return r
        }
    }

    /// The power of bins 0…size/2 of `samples[offset..<offset+size]` (zero-padded past the end).
    func power(_ samples: [Float], offset: Int) -> [Float] {
        var re = [Float](repeating: 0, count: size)
        var im = [Float](repeating: 0, count: size)
        for i in 0..<size where offset + i < samples.count {
            re[bitReversed[i]] = samples[offset + i] * window[i]
        }
        var half = 1
        while half < size {
            let step = size / (half * 2)
            var start = 0
            while start < size {
                for k in 0..<half {
                    let c = cosines[k * step], s = sines[k * step]
                    let a = start + k, b = a + half
                    let tr = re[b] * c - im[b] * s
                    let ti = re[b] * s + im[b] * c
                    re[b] = re[a] - tr; im[b] = im[a] - ti
                    re[a] += tr; im[a] += ti
                }
                start += half * 2
            }
            half *= 2
        }
        return (0...(size / 2)).map { re[$0] * re[$0] + im[$0] * im[$0] }
    }
}

