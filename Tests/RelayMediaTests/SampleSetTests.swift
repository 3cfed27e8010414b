import Foundation
import RelayTestSupport
import Testing
@testable import RelayMedia

/// Every container/codec pair of the sample set decodes, and probes to what ffprobe says.
@Suite struct SampleSetTests {
    static let files = [
        "sample.mp4", "sample.mkv", "sample.webm", "sample.mov", "sample.avi", "sample.ts", "sample.gif",
        "sample.wav", "sample.flac", "sample.opus", "sample.png", "sample.jpg", "rotated.mp4",
    ]

    @Test(arguments: files)
    func probeMatchesFFprobe(_ name: String) async throws {
        let url = try await MediaFixtures.sampleSet().appendingPathComponent(name)
        let ours = try MediaProbe.probe(url)
        let theirs = try await MediaFixtures.ffprobe(url)
        let format = try #require(theirs["format"] as? [String: Any])
        #expect(ours.format.formatName == format["format_name"] as? String)
        expectClose(ours.format.duration, format["duration"], tolerance: 0.001, "\(name) duration")
        expectClose(ours.format.startTime, format["start_time"], tolerance: 0.001, "\(name) start_time")
        #expect(ours.format.bitRate == (format["bit_rate"] as? String).flatMap { Int($0) }, "\(name) bit_rate")
        let streams = try #require(theirs["streams"] as? [[String: Any]])
        #expect(ours.streams.count == streams.count)
        for (mine, probed) in zip(ours.streams, streams) {
            let what = "\(name) stream \(mine.index)"
            #expect(mine.index == probed["index"] as? Int, "\(what)")
            #expect(mine.codecType == probed["codec_type"] as? String, "\(what)")
            #expect(mine.codecName == probed["codec_name"] as? String, "\(what)")
            #expect(mine.width == probed["width"] as? Int, "\(what) width")
            #expect(mine.height == probed["height"] as? Int, "\(what) height")
            #expect(mine.pixFmt == probed["pix_fmt"] as? String, "\(what) pix_fmt")
            #expect(mine.sampleRate == (probed["sample_rate"] as? String).flatMap { Int($0) }, "\(what) sample_rate")
            #expect(mine.channels == probed["channels"] as? Int, "\(what) channels")
            #expect(mine.nbFrames == (probed["nb_frames"] as? String).flatMap { Int($0) }, "\(what) nb_frames")
            #expect(mine.avgFrameRate == rational(probed["avg_frame_rate"] as? String), "\(what) avg_frame_rate")
            expectClose(mine.duration, probed["duration"], tolerance: 0.001, "\(what) duration")
        }
    }

    @Test(arguments: files)
    func decodes(_ name: String) async throws {
        let url = try await MediaFixtures.sampleSet().appendingPathComponent(name)
        let info = try MediaProbe.probe(url)
        if let video = info.videoStream {
            let decoder = try VideoDecoder(url: url)
            var count = 0
            var previous = -Double.infinity
            for try await frame in decoder.frames(size: FrameSize(width: 64, height: 48)) {
                #expect(frame.width == 64 && frame.height == 48)
                #expect(frame.time > previous, "\(name): times must increase")
                previous = frame.time
                count += 1
            }
            #expect(decoder.damagedPackets == 0)
            #expect(count == (try await countedByFFprobe(url)), "\(name): frame count")
            _ = video
            let stills = ["sample.png", "sample.jpg"]
            if stills.contains(name) { #expect(count == 1) }
        }
        if let audio = info.audioStream {
            let chunk = try await AudioDecoder.decodeAll(url)
            // Every sample-set sound is a 2 s sine (headers may say otherwise: MPEG-TS estimates 1.824 s for its mp2).
            let duration = 2.0
            _ = audio
            // Codecs pad or prime a few ms (mp3 in AVI keeps its encoder delay): 3 % slack, not more.
            #expect(abs(Double(chunk.samples.count) / 16_000 - duration) < duration * 0.03, "\(name): \(chunk.samples.count) samples for \(duration) s")
            let rms = (chunk.samples.reduce(0) { $0 + Double($1 * $1) } / Double(max(1, chunk.samples.count))).squareRoot()
            #expect(rms > 0.05, "\(name): lavfi sine is 1/8 full scale (RMS ≈ 0.088)")
        }
    }

    @Test func probeReadsTags() async throws {
        let dir = try Fixtures.folder()
        let url = dir.appendingPathComponent("tagged.mp4")
        try await Fixtures.ffmpeg(["-f", "lavfi", "-i", "testsrc2=size=64x48:rate=10:duration=0.5", "-c:v", "libx264", "-preset", "ultrafast",
                                  "-metadata", "creation_time=2024-05-01T10:00:00Z", "-metadata", "location=+48.8584+002.2945/",
                                  "-metadata", "title=Tower", url.path])
        let info = try MediaProbe.probe(url)
        #expect(info.format.tags["creation_time"]?.hasPrefix("2024-05-01T10:00:00") == true)
        #expect(info.format.tags["location"] == "+48.8584+002.2945/")
        #expect(info.format.tags["title"] == "Tower")
    }

    @Test func jsonUsesFFprobeNamesAndOmitsAbsentFields() async throws {
        let url = try await MediaFixtures.sampleSet().appendingPathComponent("sample.mp4")
        let data = try JSONEncoder().encode(MediaProbe.probe(url))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let format = try #require(object["format"] as? [String: Any])
        #expect(format["format_name"] as? String == "mov,mp4,m4a,3gp,3g2,mj2")
        let streams = try #require(object["streams"] as? [[String: Any]])
        let video = try #require(streams.first { $0["codec_type"] as? String == "video" })
        #expect(video["avg_frame_rate"] as? Double == 25)
        #expect(video["pix_fmt"] as? String == "yuv420p")
        #expect(video["sample_rate"] == nil)
        let audio = try #require(streams.first { $0["codec_type"] as? String == "audio" })
        #expect(audio["width"] == nil)
        #expect(audio["sample_rate"] as? Int == 48_000)
        #expect(try JSONDecoder().decode(MediaInfo.self, from: data) == MediaProbe.probe(url))
    }

    /// The number of video frames ffprobe decodes (`-count_frames`), the ground truth where headers disagree (AVI).
    private func countedByFFprobe(_ url: URL) async throws -> Int {
        let data = try await MediaFixtures.run("/usr/bin/ffprobe", ["-v", "error", "-select_streams", "v:0", "-count_frames",
                                                              "-show_entries", "stream=nb_read_frames", "-of", "json", url.path])
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let streams = object?["streams"] as? [[String: Any]]
        return (streams?.first?["nb_read_frames"] as? String).flatMap { Int($0) } ?? -1
    }

    private func rational(_ text: String?) -> Double? {
        guard let parts = text?.split(separator: "/"), parts.count == 2, let n = Double(parts[0]), let d = Double(parts[1]), n > 0, d > 0 else { return nil }
        return n / d
    }

    private func expectClose(_ value: Double?, _ probed: Any?, tolerance: Double, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let expected = (probed as? String).flatMap { Double($0) }
        switch (value, expected) {
        case (nil, nil): break
        case let (v?, e?): #expect(abs(v - e) <= tolerance, "\(what): \(v) vs ffprobe \(e)", sourceLocation: sourceLocation)
        default: Issue.record("\(what): \(String(describing: value)) vs ffprobe \(String(describing: expected))", sourceLocation: sourceLocation)
        }
    }
}
