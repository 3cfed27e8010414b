public import RelayMedia
import Foundation

/// Cuts a stream of mono audio into fixed windows and measures each (loudness, silence, voice activity).
///
/// Feed chunks in order with ``feed(_:)``; windows come out as soon as they are complete, and
/// ``finish()`` flushes a final partial window (at least a fifth of a window). Memory is one window.
///
/// Voice activity is a small, explainable detector rather than a trained one: a window is speech when
/// it is at least `speechMinimumDBFS` loud, its spectrum (300–4000 Hz, 32 ms frames, 16 ms hop) keeps
/// changing — median normalised spectral flux above `speechFlux`, which steady tones and hum never
/// reach — and it is not noise-like (spectral flatness below `speechMaximumFlatness`).
public struct AudioAnalyzer: Sendable {
    /// Samples per second of the input.
    public let sampleRate: Int
    /// Window length in samples.
    public let windowLength: Int
    /// The thresholds used.
    public let thresholds: PerceptionThresholds
    private var pending: [Float] = []
    private var pendingStart: Double?
    private var previousSpectrum: [Float]?
    private let spectrum: SpectrumAnalyzer

    /// Creates an analyzer for `sampleRate` input and windows of `windowSeconds`.
    public init(sampleRate: Int = 16_000, windowSeconds: Double = 0.1, thresholds: PerceptionThresholds = .standard) {
        self.sampleRate = max(1, sampleRate)
        self.windowLength = max(16, Int((Double(max(1, sampleRate)) * windowSeconds).rounded()))
        self.thresholds = thresholds
        let fft = sampleRate >= 32_000 ? 1024 : (sampleRate >= 12_000 ? 512 : 256)
        self.spectrum = SpectrumAnalyzer(size: fft)
    }

    /// Adds a chunk; returns the windows it completed.
    public mutating func feed(_ chunk: AudioChunk) -> [AudioWindowFeatures] {
        if pendingStart == nil { pendingStart = chunk.startTime }
        pending.append(contentsOf: chunk.samples)
        var out: [AudioWindowFeatures] = []
        var consumed = 0
        while pending.count - consumed >= windowLength {
            let start = (pendingStart ?? 0) + Double(consumed) / Double(sampleRate)
            out.append(measure(Array(pending[consumed..<(consumed + windowLength)]), start: start))
            consumed += windowLength
        }
        if consumed > 0 {
            pending.removeFirst(consumed)
            pendingStart = (pendingStart ?? 0) + Double(consumed) / Double(sampleRate)
        }
        return out
    }

    /// Measures what is left as a last, shorter window (nil when under a fifth of a window).
    public mutating func finish() -> AudioWindowFeatures? {
        defer { pending.removeAll(); pendingStart = nil }
        guard pending.count * 5 >= windowLength, let start = pendingStart else { return nil }
        return measure(pending, start: start)
    }

    /// Measures one window of samples starting at `start` seconds.
    mutating func measure(_ samples: [Float], start: Double) -> AudioWindowFeatures {
        var sum2 = 0.0, peak: Float = 0, crossings = 0
        for (i, s) in samples.enumerated() {
            sum2 += Double(s * s)
            peak = max(peak, abs(s))
            if i > 0 && (samples[i - 1] < 0) != (s < 0) { crossings += 1 }
        }
        let count = Double(max(samples.count, 1))
        let rms = (sum2 / count).squareRoot()
        let loudness = rms > 1e-6 ? max(-120, 20 * log10(rms)) : -120
        let duration = Double(samples.count) / Double(sampleRate)

        var flatness = 0.0, flux = 0.0
        if loudness >= thresholds.speechMinimumDBFS {
            let size = spectrum.size, hop = size / 2
            let binHz = Double(sampleRate) / Double(size)
            let low = max(1, Int(300 / binHz)), high = min(size / 2, Int(4000 / binHz))
            var flatnesses: [Double] = [], fluxes: [Double] = []
            var offset = 0
            repeat {
                let power = spectrum.power(samples, offset: offset)
                var logSum = 0.0, sum = 0.0
                for k in low...high {
                    let p = Double(power[k]) + 1e-12
                    logSum += log(p); sum += p
                }
                let bins = Double(high - low + 1)
                flatnesses.append(exp(logSum / bins) / (sum / bins))
                let magnitude = power.map { $0.squareRoot() }
                if let previous = previousSpectrum, previous.count == magnitude.count {
                    var change: Float = 0, total: Float = 0
                    for k in low...high {
                        change += abs(magnitude[k] - previous[k])
                        total += magnitude[k] + previous[k]
                    }
                    fluxes.append(total > 0 ? Double(change / total) : 0)
                }
                previousSpectrum = magnitude
                offset += hop
            } while offset + size <= samples.count
            flatness = flatnesses.reduce(0, +) / Double(max(flatnesses.count, 1))
            let sorted = fluxes.sorted()
            flux = sorted.isEmpty ? 0 : sorted[sorted.count / 2]
        } else {
            previousSpectrum = nil
        }
        return AudioWindowFeatures(
            start: start, duration: duration, loudness: loudness, peak: Double(peak),
            zeroCrossingRate: Double(crossings) / max(duration, 1e-9), flatness: flatness, flux: flux,
            isSilent: loudness < thresholds.silentDBFS, isLoud: loudness > thresholds.loudDBFS,
            isSpeech: loudness >= thresholds.speechMinimumDBFS && flux > thresholds.speechFlux
                && flatness < thresholds.speechMaximumFlatness)
    }
}
