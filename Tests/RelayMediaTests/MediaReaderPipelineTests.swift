import Foundation
import RelayCore
import RelayTestSupport
import Testing
@testable import RelayMedia

/// `MediaReader.events` decodes ahead of its consumer on a pool thread. It must hand over exactly what one
/// sequential pass over the file makes — every event once, in order, the same pixels and samples, the same damage
/// count — with at most `MediaReader.lookahead` events waiting, and stop decoding when its consumer goes away.
@Suite struct MediaReaderPipelineTests {
    /// An event as a comparable value.
    enum Seen: Hashable {
        case video(Frame)
        case audio(AudioChunk)

        init(_ event: MediaEvent) {
            switch event {
            case .video(let frame): self = .video(frame)
            case .audio(let chunk): self = .audio(chunk)
            }
        }

        var isVideo: Bool { if case .video = self { true } else { false } }
    }

    /// 4 s of a moving test pattern (every frame differs) with a tone, H.264 + AAC in MP4, and the same in MPEG-TS cut
    /// off at 60 % of its bytes (a damaged tail).
    static let clips = Task<(mp4: URL, truncated: URL), any Error> {
        let dir = try Fixtures.folder("relay-pipeline")
        let mp4 = dir.appendingPathComponent("moving.mp4"), ts = dir.appendingPathComponent("moving.ts")
        let input = ["-f", "lavfi", "-i", "testsrc2=s=96x64:r=25:d=4", "-f", "lavfi", "-i", "sine=f=440:r=44100:d=4"]
        try await Fixtures.ffmpeg(input + ["-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-pix_fmt", "yuv420p", "-c:a", "aac", mp4.path])
        try await Fixtures.ffmpeg(input + ["-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-pix_fmt", "yuv420p", "-c:a", "aac", ts.path])
        let bytes = try Data(contentsOf: ts)
        let truncated = dir.appendingPathComponent("truncated.ts")
        try bytes.prefix(bytes.count * 6 / 10).write(to: truncated)
        return (mp4, truncated)
    }

    /// The sequential path: one `MediaPass` stepped to the end on a pool thread, each event made only after the last
    /// was taken — what `MediaReader` did before it decoded ahead.
    static func sequential(_ url: URL, size: FrameSize, scaling: FrameScaling) async throws -> (events: [Seen], damage: MediaDamage) {
        try await BlockingWork.run {
            let pass = try MediaPass(demuxer: Demuxer(url: url))
            pass.scaling = scaling
            var events: [Seen] = []
            while let event = try pass.next(videoSize: size, sampleRate: 16_000) { events.append(Seen(event)) }
            return (events, pass.damage)
        }
    }

    /// Every event of `reader`'s pipelined stream; `pause` is called after each one (a consumer's own work).
    static func pipelined(_ reader: MediaReader, size: FrameSize, scaling: FrameScaling, pause: (Int) async throws -> Void = { _ in })
        async throws -> [Seen]
    {
        var events: [Seen] = []
        for try await event in reader.events(videoSize: size, audioSampleRate: 16_000, scaling: scaling) {
            events.append(Seen(event))
            try await pause(events.count)
        }
        return events
    }

    @Test(arguments: [FrameScaling.area, .bicubic])
    func theSameEventsInTheSameOrderAsOneSequentialPass(scaling: FrameScaling) async throws {
        let url = try await Self.clips.value.mp4
        let size = FrameSize(width: 48, height: 32)
        let expected = try await Self.sequential(url, size: size, scaling: scaling)
        #expect(expected.events.filter(\.isVideo).count == 100)
        #expect(expected.events.count > 150, "expected audio chunks between the frames")

        // A consumer that takes events as fast as they come…
        let fast = try MediaReader(url: url)
        #expect(try await Self.pipelined(fast, size: size, scaling: scaling) == expected.events)
        #expect(fast.damage == expected.damage)

        // …and one that keeps falling behind, so the decoder fills the queue and must wait for room.
        let slow = try MediaReader(url: url)
        let events = try await Self.pipelined(slow, size: size, scaling: scaling) { n in
            if n % 40 == 0 { try await Task.sleep(for: .milliseconds(20)) }
        }
        #expect(events.count == expected.events.count)
        #expect(events == expected.events, "an event lost, doubled or out of order")
        let handoff = try #require(slow.lastHandoff)
        #expect(handoff.capacity == MediaReader.lookahead)
        #expect(handoff.mostBuffered <= MediaReader.lookahead, "\(handoff.mostBuffered) events waited; the bound is \(MediaReader.lookahead)")
        #expect(handoff.mostBuffered == MediaReader.lookahead, "the decoder never ran ahead of a consumer that slept")
    }

    @Test func aDamagedTailGivesTheSameEventsAndDamageCount() async throws {
        let url = try await Self.clips.value.truncated
        let size = FrameSize(width: 48, height: 32)
        let expected = try await Self.sequential(url, size: size, scaling: .area)
        let reader = try MediaReader(url: url)
        let events = try await Self.pipelined(reader, size: size, scaling: .area) { n in
            if n % 25 == 0 { try await Task.sleep(for: .milliseconds(5)) }
        }
        #expect(events == expected.events)
        #expect(reader.damage == expected.damage)
        #expect(events.filter(\.isVideo).count < 100)
    }

    @Test func cancellingTheConsumerStopsDecoding() async throws {
        let url = try await Self.clips.value.mp4
        let reader = try MediaReader(url: url)
        let stream = reader.events(videoSize: FrameSize(width: 48, height: 32))
        let handoff = try #require(reader.lastHandoff)
        let consumer = Task {
            var count = 0
            for try await _ in stream {
                count += 1
                if count == 10 { withUnsafeCurrentTask { $0?.cancel() } }
            }
            return count
        }
        #expect(try await consumer.value == 10)
        #expect(handoff.isClosed, "the decoder was not told to stop")
        #expect(handoff.mostBuffered <= MediaReader.lookahead)
    }
}
