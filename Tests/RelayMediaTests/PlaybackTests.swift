import Foundation
import Testing

@testable import RelayMedia
import RelayCore

extension ALSATests {
    @Suite("AudioPlayback")
    struct Playback {
        @Test("playing into ALSA's null device returns once done")
        func nullDevice() async throws {
            try ALSATestDevices.prepare()
            let speaker = try AudioPlayback(device: "null", format: AudioFormat(sampleRate: 16_000, channels: 1))
            try await speaker.play(ALSATestDevices.pattern(count: 8_000))
            try await speaker.play(AudioChunk(sampleRate: 16_000, startTime: 0, samples: [0.25, -0.25, 1, -1]))
            #expect(await speaker.underruns == 0)
            await speaker.close()
        }

        @Test("a file device receives exactly the bytes played, across several calls")
        func exactBytes() async throws {
            try ALSATestDevices.prepare()
            let first = ALSATestDevices.pattern(count: 5_000, seed: 11)
            let second = ALSATestDevices.pattern(count: 1_234, seed: 99)
            let speaker = try AudioPlayback(device: ALSATestDevices.playback, format: AudioFormat(sampleRate: 16_000, channels: 1))
            try await speaker.play(first)
            try await speaker.play(second)
            await speaker.close()
            let written = try Data(contentsOf: ALSATestDevices.playbackFile)
            #expect(written == ALSATestDevices.bytes(of: first + second))
        }

        @Test("a Float chunk is clamped, converted to S16 and copied to every channel")
        func floatChunkStereo() async throws {
            try ALSATestDevices.prepare()
            let chunk = AudioChunk(sampleRate: 22_050, startTime: 0, samples: [0, 0.5, -0.5, 1, -1, 2, -3, .nan, 1.0 / 32_768])
            let speaker = try AudioPlayback(device: ALSATestDevices.playback, format: AudioFormat(sampleRate: 22_050, channels: 2))
            try await speaker.play(chunk)
            await speaker.close()
            let written = ALSATestDevices.samples(of: try Data(contentsOf: ALSATestDevices.playbackFile))
            let mono: [Int16] = [0, 16_384, -16_384, 32_767, -32_768, 32_767, -32_768, 0, 1]
            #expect(written == mono.flatMap { [$0, $0] })
        }

        @Test("S16 → Float → S16 is exact for every 16-bit value")
        func roundTrip() {
            let all = (Int(Int16.min)...Int(Int16.max)).map { Int16($0) }
            let chunk = AudioChunk(s16Interleaved: all, channels: 1, sampleRate: 16_000, startTime: 0)
            #expect(chunk.samples.allSatisfy { (-1...1).contains($0) })
            #expect(chunk.s16Samples == all)
        }

        @Test("a chunk at another sample rate is refused, not played at the wrong speed")
        func sampleRateMismatch() async throws {
            try ALSATestDevices.prepare()
            let speaker = try AudioPlayback(device: "null", format: AudioFormat(sampleRate: 16_000, channels: 1))
            let error = await #expect(throws: MediaError.self) {
                try await speaker.play(AudioChunk(sampleRate: 44_100, startTime: 0, samples: [0, 0.1]))
            }
            #expect(error?.code == .invalidArgument)
            #expect(error?.underlying?.contains("44100") == true)
        }

        @Test("samples that are not whole frames are refused")
        func partialFrame() async throws {
            try ALSATestDevices.prepare()
            let speaker = try AudioPlayback(device: "null", format: AudioFormat(sampleRate: 16_000, channels: 2))
            let error = await #expect(throws: MediaError.self) { try await speaker.play([1, 2, 3]) }
            #expect(error?.code == .invalidArgument)
            #expect(error?.path == "null")
        }

        @Test("playing after close throws a MediaError naming the device")
        func afterClose() async throws {
            try ALSATestDevices.prepare()
            let speaker = try AudioPlayback(device: "null", format: AudioFormat(sampleRate: 8_000, channels: 1))
            await speaker.close()
            let error = await #expect(throws: MediaError.self) { try await speaker.play([1, 2]) }
            #expect(error?.path == "null")
        }

        @Test("a cancelled task does not play")
        func cancelled() async throws {
            try ALSATestDevices.prepare()
            try? FileManager.default.removeItem(at: ALSATestDevices.playbackFile)
            let speaker = try AudioPlayback(device: ALSATestDevices.playback, format: AudioFormat(sampleRate: 16_000, channels: 1))
            let task = Task {
                withUnsafeCurrentTask { $0?.cancel() }
                try await speaker.play(ALSATestDevices.pattern(count: 1_000))
            }
            await #expect(throws: CancellationError.self) { try await task.value }
            await speaker.close()
            let written = (try? Data(contentsOf: ALSATestDevices.playbackFile)) ?? Data()
            #expect(written.isEmpty)
        }

        @Test("opening a playback device that does not exist throws a MediaError naming it")
        func missingDevice() throws {
            try ALSATestDevices.prepare()
            let error = #expect(throws: MediaError.self) {
                _ = try AudioPlayback(device: "relay_no_such_speaker", format: AudioFormat(sampleRate: 16_000, channels: 1))
            }
            #expect(error?.code == .deviceNotFound)
            #expect(error?.description.contains("'relay_no_such_speaker'") == true)
            #expect(error?.description.contains("aplay -L") == true)
        }
    }
}
