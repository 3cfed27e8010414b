import Foundation
import RelayCore
import RelayTestSupport
import Testing
@testable import RelayMedia

/// `MediaReader.events` decodes and converts ahead of its consumer, on two pool threads. It must hand over exactly what
/// one sequential pass over the file makes — every event once, in order, the same pixels and samples, the same damage
/// count — with at most `MediaReader.lookahead` events waiting in each queue, and stop both stages when its consumer
/// goes away.
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
        if scaling == .bicubic {
            // The sequential reference itself against an independent decode (VideoDecoder's straight decoding, which
            // converts from the decoder's own frame): the same pictures.
            let straight = try await MediaFixtures.straightFrames(url, size: size)
            let frames = expected.events.compactMap { if case .video(let frame) = $0 { frame } else { nil } }
            #expect(frames.map(\.rgb) == straight.map(\.rgb))
        }

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
        // Both queues (decoded pictures, converted events) filled up behind the sleeping consumer, and no further.
        let handoffs = try #require(slow.lastHandoffs)
        for (name, capacity, most) in [("decoded", handoffs.decoded.capacity, handoffs.decoded.mostBuffered),
                                       ("converted", handoffs.converted.capacity, handoffs.converted.mostBuffered)] {
            #expect(capacity == MediaReader.lookahead)
            #expect(most <= MediaReader.lookahead, "\(most) \(name) events waited; the bound is \(MediaReader.lookahead)")
            #expect(most == MediaReader.lookahead, "the \(name) queue never filled behind a consumer that slept")
        }
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
        let handoffs = try #require(reader.lastHandoffs)
        let consumer = Task {
            var count = 0
            for try await _ in stream {
                count += 1
                if count == 10 { withUnsafeCurrentTask { $0?.cancel() } }
            }
            return count
        }
        #expect(try await consumer.value == 10)
        #expect(handoffs.converted.isClosed, "the converting stage was not told to stop")
        // The converting stage closes the decoded queue as it ends, which stops the decoding stage.
        try await Self.eventually { handoffs.decoded.isClosed }
        #expect(handoffs.decoded.isClosed, "the decoding stage was not told to stop")
        #expect(handoffs.converted.mostBuffered <= MediaReader.lookahead && handoffs.decoded.mostBuffered <= MediaReader.lookahead)
    }

    /// Polls `condition` every 5 ms for up to 30 s.
    static func eventually(_ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while !condition() && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
    }
}
