import Foundation
import RelayTestSupport
import Testing

@testable import RelayMedia

extension ALSATests {
    @Suite("ALSA playback writer (scripted device)")
    struct PlaybackWriter {
        /// "played", "cancelled" or the error, for results crossing from the writer's queue.
        private static func outcome(_ body: () throws -> Void) -> String {
            do {
                try body()
                return "played"
            } catch is CancellationError {
                return "cancelled"
            } catch {
                return "\(error)"
            }
        }

        @Test("short writes, full buffers, underruns and suspends: every sample is written once, underruns counted")
        func recovery() throws {
            let pcm = ALSAScriptedPCM(steps: [
                .accept(3), .notReady, .fail(-EPIPE), .accept(2), .fail(-ESTRPIPE), .fail(-EINTR), .fail(-EPIPE), .accept(4),
            ])
            let writer = ALSAPlaybackWriter(pcm: pcm)
            let samples = ALSATestDevices.pattern(count: 20)
            try writer.play(samples, cancelled: ALSACancellationFlag())
            #expect(pcm.written == samples)
            #expect(writer.underruns == 2)
            #expect(pcm.recoveredCodes == [-EPIPE, -ESTRPIPE, -EINTR, -EPIPE])
            #expect(pcm.drops == 0)
        }

        @Test("after a drain the device is prepared again for the next play")
        func prepareAgain() throws {
            let pcm = ALSAScriptedPCM(steps: [])
            let writer = ALSAPlaybackWriter(pcm: pcm)
            try writer.play([1, 2, 3], cancelled: ALSACancellationFlag())
            #expect(pcm.prepares == 0)
            try writer.play([4, 5], cancelled: ALSACancellationFlag())
            #expect(pcm.prepares == 1)
            #expect(pcm.written == [1, 2, 3, 4, 5])
        }

        @Test("a device error throws a MediaError naming the device and the C function")
        func hardError() throws {
            let pcm = ALSAScriptedPCM(steps: [.accept(1), .fail(-EIO)])
            let writer = ALSAPlaybackWriter(pcm: pcm)
            let error = #expect(throws: MediaError.self) { try writer.play([1, 2, 3], cancelled: ALSACancellationFlag()) }
            #expect(error?.code == .deviceFailed)
            #expect(error?.path == "scripted")
            #expect(error?.cFunction == "snd_pcm_writei")
            #expect(error?.hint?.contains("aplay -L") == true)
        }

        @Test("cancellation while the device is stalled stops within one wait and drops the buffer")
        func cancelWhileStalled() async throws {
            let pcm = ALSAScriptedPCM(steps: [.accept(2), .stalled])
            let worker = SerialWorker(state: ALSAPlaybackWriter(pcm: pcm, waitMilliseconds: 50))
            let flag = ALSACancellationFlag()
            // The writer's own stop instant, taken on its thread: the claim is about the writer, and the test task's
            // resumption on a cooperative pool busy with the rest of the suite added 60 ms to a wall-clock reading.
            let finished = AsyncStream<(String, ContinuousClock.Instant)>.makeStream()
            worker.submit { writer in
                let outcome = Self.outcome { try writer.play(ALSATestDevices.pattern(count: 10), cancelled: flag) }
                finished.continuation.yield((outcome, ContinuousClock.now))
            }
            try await Task.sleep(for: .milliseconds(120))
            let cancelled = ContinuousClock.now
            flag.set()
            var outcome: String?
            var stopped = ContinuousClock.now
            for await result in finished.stream {
                (outcome, stopped) = result
                break
            }
            let stopTime = stopped - cancelled
            #expect(outcome == "cancelled")
            #expect(stopTime < .milliseconds(150), "stopping took \(stopTime)")
            #expect(pcm.drops == 1)
            #expect(pcm.written.count == 2)
        }

        @Test("cancellation during the drain drops the rest")
        func cancelDuringDrain() async throws {
            let pcm = ALSAScriptedPCM(steps: [], drainPolls: nil)
            let worker = SerialWorker(state: ALSAPlaybackWriter(pcm: pcm))
            let flag = ALSACancellationFlag()
            let finished = AsyncStream<String>.makeStream()
            worker.submit { writer in
                finished.continuation.yield(Self.outcome { try writer.play([1, 2], cancelled: flag) })
            }
            try await Task.sleep(for: .milliseconds(50))
            flag.set()
            var outcome: String?
            for await result in finished.stream {
                outcome = result
                break
            }
            #expect(outcome == "cancelled")
            #expect(pcm.drops == 1)
        }

        @Test("a drain that finds the buffer already run dry (-EPIPE) counts as played; other drain errors throw")
        func drainResults() throws {
            let dry = ALSAScriptedPCM(steps: [], drainResult: -EPIPE)
            try ALSAPlaybackWriter(pcm: dry).play([1, 2, 3], cancelled: ALSACancellationFlag())
            #expect(dry.written == [1, 2, 3])

            let broken = ALSAScriptedPCM(steps: [], drainResult: -EIO)
            let error = #expect(throws: MediaError.self) {
                try ALSAPlaybackWriter(pcm: broken).play([1, 2, 3], cancelled: ALSACancellationFlag())
            }
            #expect(error?.cFunction == "snd_pcm_drain")
            #expect(error?.cCode == -EIO)
        }

        @Test("a drain that never finishes fails instead of hanging")
        func stuckDrain() throws {
            let pcm = ALSAScriptedPCM(steps: [], drainPolls: nil)
            let writer = ALSAPlaybackWriter(pcm: pcm, drainSlackSeconds: 0.1)
            let start = ContinuousClock.now
            let error = #expect(throws: MediaError.self) { try writer.play([1, 2, 3], cancelled: ALSACancellationFlag()) }
            #expect(ContinuousClock.now - start < .seconds(1))
            #expect(error?.cFunction == "snd_pcm_drain")
            #expect(error?.path == "scripted")
            #expect(pcm.drops == 1)
        }
    }
}
