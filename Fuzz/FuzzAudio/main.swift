import Foundation
import FuzzHarness
import RelayMedia

// Fuzz target: the WAV reader (pure Swift: RIFF chunks, formats, sizes) and FFmpeg audio decoding + swresample to
// 16 kHz mono Float32 through AudioDecoder, on the same bytes.
FuzzHarness.run { bytes in
    if let wav = try? WAVFile(wavData: Data(bytes), path: "fuzz.wav") {
        _ = try? wav.wavData()
    }
    let url = FuzzHarness.writeScratch(bytes)
    FuzzHarness.wait {
        guard let decoder = try? AudioDecoder(url: url) else { return }
        var seconds = 0.0
        do {
            for try await chunk in decoder.chunks(seconds: 0.5) {
                seconds += Double(chunk.samples.count) / Double(max(chunk.sampleRate, 1))
                if seconds > 30 { break }  // a claimed hour of audio would only measure the resampler
            }
        } catch {}
    }
}
