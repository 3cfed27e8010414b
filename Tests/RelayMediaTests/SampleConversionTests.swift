import RelayMedia
import Testing

/// Int16 ↔ Float uses one scale, 32768, everywhere (FFmpeg's): see `SampleConversion`.
@Suite struct SampleConversionTests {
    @Test func fullScaleAndRoundTrip() {
        #expect(SampleConversion.float(Int16.min) == -1)
        #expect(SampleConversion.float(16_384) == 0.5)
        #expect(SampleConversion.float(Int16.max) == 32_767.0 / 32_768)
        // +1.0 is one step above the largest sample and clips; -1.0 is exact.
        #expect(SampleConversion.int16(1.0 as Float) == Int16.max)
        #expect(SampleConversion.int16(-1.0 as Float) == Int16.min)
        #expect(SampleConversion.int16([Float.nan, .infinity, -.infinity, 2, -3]) == [0, Int16.max, Int16.min, Int16.max, Int16.min])
        // Every 16-bit sample survives the round trip exactly.
        let all = (Int(Int16.min)...Int(Int16.max)).map { Int16($0) }
        #expect(SampleConversion.int16(SampleConversion.float(all)) == all)
    }

    /// Speech and media agree: a WAV's chunk, a captured chunk and the speech layer all go through the same numbers.
    @Test func chunksUseTheSameScale() {
        let samples: [Int16] = [0, 1, -1, 12_345, Int16.min, Int16.max]
        let chunk = AudioChunk(s16Interleaved: samples, channels: 1, sampleRate: 16_000, startTime: 0)
        #expect(chunk.samples == SampleConversion.float(samples))
        #expect(chunk.s16Samples == samples)
    }
}
