/// Signal helpers the recognizers and synthesizer need (Int16 ↔ Float is RelayMedia's `SampleConversion`).
enum AudioConversion {

    /// Linear-interpolation resampling: good enough for speech recognition features, not for listening.
    static func resample(_ samples: [Float], from source: Int, to target: Int) -> [Float] {
        guard source != target, source > 0, target > 0, samples.count > 1 else { return samples }
        let count = Int((Double(samples.count) * Double(target) / Double(source)).rounded())
        let step = Double(source) / Double(target)
        var output = [Float](repeating: 0, count: count)
        for index in 0 ..< count {
            let position = Double(index) * step
            let left = min(Int(position), samples.count - 1)
            let right = min(left + 1, samples.count - 1)
            let fraction = Float(position - Double(left))
            output[index] = samples[left] * (1 - fraction) + samples[right] * fraction
        }
        return output
    }

    /// Level in dBFS of the loudest 10 ms frame (so a short command in a long silence still counts).
    static func peakFrameLevel(_ samples: [Float], sampleRate: Int) -> Double {
        let frame = max(1, sampleRate / 100)
        var best: Float = 0
        var start = 0
        while start < samples.count {
            let end = min(samples.count, start + frame)
            var energy: Float = 0
            for index in start ..< end { energy += samples[index] * samples[index] }
            best = max(best, energy / Float(end - start))
            start = end
        }
        return 10 * log10(Double(best) + 1e-12)
    }
}

import Foundation

extension AudioConversion {
    /// The part of `samples` that holds speech, with `padding` seconds either side: frames within `range` dB of the
    /// loudest 10 ms frame, and above `floorDB`.
    ///
    /// pocketsphinx normalises cepstra over the whole utterance (batch CMN); long silences around the words
    /// pull that mean away from the speech and cost accuracy (84 % → 88 % on the espeak-ng corpus).
    static func speechBounds(_ samples: [Float], sampleRate: Int, range: Double = 35, floorDB: Double = -55,
                             padding: Double = 0.1) -> Range<Int> {
        let frame = max(1, sampleRate / 100)
        var levels: [Double] = []
        var start = 0
        while start < samples.count {
            let end = min(samples.count, start + frame)
            var energy: Float = 0
            for index in start ..< end { energy += samples[index] * samples[index] }
            levels.append(10 * log10(Double(energy / Float(end - start)) + 1e-12))
            start = end
        }
        guard let peak = levels.max() else { return 0 ..< samples.count }
        let threshold = max(peak - range, floorDB)
        guard let first = levels.firstIndex(where: { $0 >= threshold }),
              let last = levels.lastIndex(where: { $0 >= threshold }) else { return 0 ..< samples.count }
        let pad = Int(padding * Double(sampleRate))
        return max(0, first * frame - pad) ..< min(samples.count, (last + 1) * frame + pad)
    }
}

extension AudioConversion {
    /// Adds uniform white noise in ±`amplitude`, always the same sequence (a fixed-seed generator), so decoding
    /// stays reproducible.
    static func addWhiteNoise(to samples: inout [Float], amplitude: Float) {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for index in samples.indices {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            samples[index] += (Float(state >> 40) / Float(1 << 24) * 2 - 1) * amplitude
        }
    }
}
