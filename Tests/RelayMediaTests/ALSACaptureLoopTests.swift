import Foundation
import RelayTestSupport
import Testing

@testable import RelayMedia

extension ALSATests {
    @Suite("ALSA capture loop (scripted device)")
    struct CaptureLoop {
        private func run(_ pcm: ALSAScriptedPCM, chunkFrames: Int, maxFrames: Int?) throws -> (chunks: [[Int16]], starts: [Int], control: ALSACaptureControl) {
            let control = ALSACaptureControl()
            let loop = ALSACaptureLoop(pcm: pcm, chunkFrames: chunkFrames, maxFrames: maxFrames, control: control)
            var chunks: [[Int16]] = []
            var starts: [Int] = []
            try loop.run { chunk, start in
                chunks.append(chunk)
                starts.append(start)
                return true
            }
            return (chunks, starts, control)
        }

        @Test("overruns are recovered with snd_pcm_recover and counted; capture goes on")
        func overruns() throws {
            let pcm = ALSAScriptedPCM(steps: [
                .samples([1, 2, 3]), .fail(-EPIPE), .samples([4, 5]), .notReady, .fail(-ESTRPIPE),
                .samples([6]), .fail(-EINTR), .fail(-EPIPE), .samples([7, 8, 9, 10]),
            ])
            let result = try run(pcm, chunkFrames: 4, maxFrames: 10)
            #expect(result.chunks == [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10]])
            #expect(result.starts == [0, 4, 8])
            #expect(result.control.overruns == 2)
            #expect(pcm.recoveredCodes == [-EPIPE, -ESTRPIPE, -EINTR, -EPIPE])
            #expect(pcm.isClosed)
        }

        @Test("a device error ends the capture with a MediaError naming the device and closes it")
        func hardError() throws {
            let pcm = ALSAScriptedPCM(steps: [.samples([1, 2]), .fail(-EIO)])
            let error = #expect(throws: MediaError.self) { _ = try run(pcm, chunkFrames: 2, maxFrames: nil) }
            #expect(error?.code == .deviceFailed)
            #expect(error?.path == "scripted")
            #expect(error?.cFunction == "snd_pcm_readi")
            #expect(error?.cCode == -EIO)
            #expect(error?.hint?.contains("arecord -L") == true)
            #expect(pcm.isClosed)
        }

        @Test("an overrun that cannot be recovered ends the capture with snd_pcm_recover's error")
        func failedRecovery() throws {
            let pcm = ALSAScriptedPCM(steps: [.fail(-EPIPE)], recoverResult: -ENODEV)
            let error = #expect(throws: MediaError.self) { _ = try run(pcm, chunkFrames: 2, maxFrames: nil) }
            #expect(error?.cFunction == "snd_pcm_recover")
            #expect(error?.code == .deviceNotFound)
            #expect(pcm.isClosed)
        }

        @Test("a stalled device (no audio, waits time out) still notices cancellation within one wait")
        func stalledDeviceCancellation() async throws {
            let pcm = ALSAScriptedPCM(steps: [.samples([1, 2, 3, 4]), .stalled])
            let control = ALSACaptureControl()
            let loop = ALSACaptureLoop(pcm: pcm, chunkFrames: 2, maxFrames: nil, control: control, waitMilliseconds: 50)
            let finished = AsyncStream<ContinuousClock.Instant>.makeStream()
            BlockingWork.start {
                try? loop.run { _, _ in true }
                finished.continuation.yield(.now)
            }
            try await Task.sleep(for: .milliseconds(120))
            #expect(!pcm.isClosed, "the loop ended although it was not cancelled")
            let cancelled = ContinuousClock.now
            control.cancel()
            var ended: ContinuousClock.Instant?
            for await instant in finished.stream {
                ended = instant
                break
            }
            let stopTime = try #require(ended) - cancelled
            #expect(stopTime < .milliseconds(150), "stopping took \(stopTime)")
            #expect(control.frames == 4)
            #expect(pcm.isClosed)
        }

        @Test("a consumer that goes away stops the loop after the current chunk")
        func consumerGone() throws {
            let pcm = ALSAScriptedPCM(steps: [])
            let control = ALSACaptureControl()
            let loop = ALSACaptureLoop(pcm: pcm, chunkFrames: 10, maxFrames: nil, control: control)
            var delivered = 0
            try loop.run { _, _ in
                delivered += 1
                return delivered < 3
            }
            #expect(delivered == 3)
            #expect(pcm.isClosed)
        }
    }
}
