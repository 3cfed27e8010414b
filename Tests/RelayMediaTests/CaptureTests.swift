import Foundation
import Testing

@testable import RelayMedia
import RelayCore

extension ALSATests {
    @Suite("AudioCapture")
    struct Capture {
        @Test("capture of a known raw file through ALSA's file plugin is byte-exact")
        func byteExact() async throws {
            try ALSATestDevices.prepare()
            // 2.5 chunks, so the last chunk is a short one ended by maxFrames.
            let expected = ALSATestDevices.pattern(count: 4_000)
            try ALSATestDevices.bytes(of: expected).write(to: ALSATestDevices.captureFile)

            let capture = try AudioCapture(device: ALSATestDevices.capture, chunkFrames: 1_600, maxFrames: expected.count)
            var chunks: [[Int16]] = []
            for try await chunk in capture.rawChunks() { chunks.append(chunk) }

            #expect(chunks.map(\.count) == [1_600, 1_600, 800])
            let captured = chunks.flatMap { $0 }
            #expect(ALSATestDevices.bytes(of: captured) == ALSATestDevices.bytes(of: expected))
            #expect(capture.framesCaptured == expected.count)
            #expect(capture.overruns == 0)
        }

        @Test("past the end of the input file a file device reads silence, and maxFrames ends it")
        func silenceAfterEnd() async throws {
            try ALSATestDevices.prepare()
            let expected = ALSATestDevices.pattern(count: 1_000, seed: 5)
            try ALSATestDevices.bytes(of: expected).write(to: ALSATestDevices.captureFile)

            let capture = try AudioCapture(device: ALSATestDevices.capture, chunkFrames: 700, maxFrames: 2_100)
            var captured: [Int16] = []
            for try await chunk in capture.rawChunks() { captured += chunk }

            #expect(captured.count == 2_100)
            #expect(Array(captured.prefix(1_000)) == expected)
            #expect(captured.dropFirst(1_000).allSatisfy { $0 == 0 }, "stale samples were repeated instead of silence")
        }

        @Test("Float chunks are the samples / 32768, timed by frames read")
        func floatConversion() async throws {
            try ALSATestDevices.prepare()
            let samples: [Int16] = [0, 1, -1, 16_384, -16_384, .max, .min] + ALSATestDevices.pattern(count: 793)
            try ALSATestDevices.bytes(of: samples).write(to: ALSATestDevices.captureFile)

            let capture = try AudioCapture(
                device: ALSATestDevices.capture, format: AudioFormat(sampleRate: 8_000, channels: 1),
                chunkFrames: 400, maxFrames: samples.count
            )
            var chunks: [AudioChunk] = []
            for try await chunk in capture.chunks() { chunks.append(chunk) }

            #expect(chunks.map(\.startTime) == [0, 0.05])
            #expect(chunks.allSatisfy { $0.sampleRate == 8_000 })
            let floats = chunks.flatMap(\.samples)
            let expectedStart: [Float] = [0, 1.0 / 32_768, -1.0 / 32_768, 0.5, -0.5, 32_767.0 / 32_768, -1]
            #expect(Array(floats.prefix(7)) == expectedStart)
            #expect(floats.count == samples.count)
            for (float, sample) in zip(floats, samples) where float != Float(sample) / 32_768 {
                Issue.record("sample \(sample) became \(float)")
                break
            }
        }

        @Test("stereo capture: raw chunks stay interleaved, Float chunks average the channels")
        func stereo() async throws {
            try ALSATestDevices.prepare()
            // Frames (left, right): (1000, 3000), (-2000, 2000), (32767, 32767), (-32768, -32768), …
            var interleaved: [Int16] = [1_000, 3_000, -2_000, 2_000, .max, .max, .min, .min]
            interleaved += ALSATestDevices.pattern(count: 392)
            try ALSATestDevices.bytes(of: interleaved).write(to: ALSATestDevices.stereoCaptureFile)
            let format = AudioFormat(sampleRate: 16_000, channels: 2)

            let raw = try AudioCapture(device: ALSATestDevices.stereoCapture, format: format, chunkFrames: 100, maxFrames: 200)
            var rawSamples: [Int16] = []
            for try await chunk in raw.rawChunks() {
                #expect(chunk.count == 200)
                rawSamples += chunk
            }
            #expect(rawSamples == interleaved)

            let mono = try AudioCapture(device: ALSATestDevices.stereoCapture, format: format, chunkFrames: 100, maxFrames: 200)
            var floats: [Float] = []
            for try await chunk in mono.chunks() { floats += chunk.samples }
            #expect(floats.count == 200)
            let expectedStart: [Float] = [2_000.0 / 32_768, 0, 32_767.0 / 32_768, -1]
            #expect(Array(floats.prefix(4)) == expectedStart)
        }

        @Test("cancelling the consuming task stops reading and closes the device promptly")
        func cancellation() async throws {
            try ALSATestDevices.prepare()
            try ALSATestDevices.bytes(of: ALSATestDevices.pattern(count: 3_200)).write(to: ALSATestDevices.endlessFile)
            let capture = try AudioCapture(device: ALSATestDevices.endless)  // no maxFrames: never ends by itself

            let firstChunks = AsyncStream<Void>.makeStream()
            let consumer = Task {
                var count = 0
                for try await _ in capture.rawChunks() {
                    count += 1
                    if count == 3 { firstChunks.continuation.yield() }
                }
                return count
            }
            for await _ in firstChunks.stream { break }
            #expect(capture.isCapturing)

            let cancelled = ContinuousClock.now
            consumer.cancel()
            _ = try? await consumer.value
            while capture.isCapturing, ContinuousClock.now - cancelled < .seconds(2) {
                try await Task.sleep(for: .milliseconds(5))
            }
            #expect(!capture.isCapturing, "the capture thread still runs 2 s after cancellation")
            // Taken on the capture thread: the claim is about the capture, not about when this task gets a thread back.
            let stopTime = try #require(capture.stoppedAt) - cancelled
            #expect(stopTime < .milliseconds(300), "stopping took \(stopTime)")
        }

        @Test("leaving the loop early (dropping the stream) also stops the thread")
        func droppingTheStream() async throws {
            try ALSATestDevices.prepare()
            try ALSATestDevices.bytes(of: ALSATestDevices.pattern(count: 100)).write(to: ALSATestDevices.endlessFile)
            let capture = try AudioCapture(device: ALSATestDevices.endless, chunkFrames: 160)
            var received = 0
            for try await _ in capture.chunks() {
                received += 1
                if received == 2 { break }
            }
            #expect(received == 2)
            let start = ContinuousClock.now
            while capture.isCapturing, ContinuousClock.now - start < .seconds(2) {
                try await Task.sleep(for: .milliseconds(5))
            }
            #expect(!capture.isCapturing)
        }

        @Test("stop() ends the stream normally")
        func stop() async throws {
            try ALSATestDevices.prepare()
            try ALSATestDevices.bytes(of: ALSATestDevices.pattern(count: 100)).write(to: ALSATestDevices.endlessFile)
            let capture = try AudioCapture(device: ALSATestDevices.endless, chunkFrames: 160)
            var received = 0
            for try await _ in capture.rawChunks() {
                received += 1
                if received == 4 { capture.stop() }
                // After stop() the stream may still hold what was already read: the buffered chunks and at most
                // one chunk the reading thread had finished before it saw the stop. Nothing read later arrives.
                #expect(received <= 4 + AudioCapture.bufferedChunks + 1, "stream did not end after stop()")
                if received > 4 + AudioCapture.bufferedChunks + 1 { break }
            }
            #expect(received >= 4)
            #expect(capture.framesCaptured >= 4 * 160)
        }

        @Test("a capture yields one stream; asking again fails with a clear error")
        func secondStreamFails() async throws {
            try ALSATestDevices.prepare()
            try ALSATestDevices.bytes(of: ALSATestDevices.pattern(count: 320)).write(to: ALSATestDevices.captureFile)
            let capture = try AudioCapture(device: ALSATestDevices.capture, chunkFrames: 160, maxFrames: 320)
            var frames = 0
            for try await chunk in capture.rawChunks() { frames += chunk.count }
            #expect(frames == 320)

            let error = await #expect(throws: MediaError.self) {
                for try await _ in capture.rawChunks() {}
            }
            #expect(error?.path == ALSATestDevices.capture)
            #expect(error?.hint?.contains("new AudioCapture") == true)
        }

        @Test("opening a device that does not exist throws a MediaError naming it")
        func missingDevice() throws {
            try ALSATestDevices.prepare()
            let error = #expect(throws: MediaError.self) {
                _ = try AudioCapture(device: "relay_no_such_device")
            }
            #expect(error?.code == .deviceNotFound)
            #expect(error?.path == "relay_no_such_device")
            #expect(error?.cFunction == "snd_pcm_open")
            #expect(error?.underlying?.isEmpty == false)
            let text = error?.description ?? ""
            #expect(text.contains("'relay_no_such_device'"))
            #expect(text.contains("arecord -L"))
        }

        @Test("bad arguments are rejected before the device is touched", arguments: [
            (AudioFormat(sampleRate: 0, channels: 1), 1_600, Int?.none),
            (AudioFormat(sampleRate: 16_000, channels: 0), 1_600, nil),
            (AudioFormat(sampleRate: 16_000, channels: 1), 0, nil),
            (AudioFormat(sampleRate: 16_000, channels: 1), -5, nil),
            (AudioFormat(sampleRate: 16_000, channels: 1), 1_600, -1),
        ])
        func invalidArguments(format: AudioFormat, chunkFrames: Int, maxFrames: Int?) throws {
            try ALSATestDevices.prepare()
            let error = #expect(throws: MediaError.self) {
                _ = try AudioCapture(device: ALSATestDevices.capture, format: format, chunkFrames: chunkFrames, maxFrames: maxFrames)
            }
            #expect(error?.code == .invalidArgument)
            #expect(error?.path == ALSATestDevices.capture)
        }

        @Test("a duration limit is converted to frames")
        func durationLimit() async throws {
            try ALSATestDevices.prepare()
            try ALSATestDevices.bytes(of: ALSATestDevices.pattern(count: 100)).write(to: ALSATestDevices.captureFile)
            let capture = try AudioCapture(device: ALSATestDevices.capture, chunkFrames: 1_600, duration: 0.25)
            var frames = 0
            for try await chunk in capture.chunks() { frames += chunk.samples.count }
            #expect(frames == 4_000)
            #expect(throws: MediaError.self) { _ = try AudioCapture(device: ALSATestDevices.capture, duration: .nan) }
        }

        @Test("capture devices from the ALSA configuration are listed")
        func deviceList() throws {
            try ALSATestDevices.prepare()
            let names = AudioDevices.captureDeviceNames()
            #expect(names.contains(ALSATestDevices.capture), "listed: \(names)")
            #expect(names.contains("null"))
        }
    }
}
