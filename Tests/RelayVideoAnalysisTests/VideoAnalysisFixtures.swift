import Foundation
import RelayTestSupport

/// Generated test videos with known ground truth, made once per test process into a unique temp folder.
///
/// The story (8 s, 160×120, 25 fps): red 0–2 s (still), black 2–3 s, a scrolling grey grating 3–5 s
/// (motion), white with a red 60×60 square at (70, 30) 5–8 s (still). Sound: silence 0–1 s, a 440 Hz tone
/// at half scale 1–2 s (loud), silence, espeak-ng speech from 3.5 s (its voiced part is measured from the
/// WAV), silence to the end. Written to the sample set's containers: mp4/h264+aac, mkv/vp9+opus,
/// webm/vp8+vorbis, mov/mjpeg+pcm, avi/mpeg4+mp3, ts/mpeg2+mp2.
enum VideoAnalysisFixtures {
    struct Set: Sendable {
        let folder: URL
        /// Voiced part of the speech, seconds from the start of the video.
        let speech: ClosedRange<Double>
        func clip(_ container: String) -> URL { folder.appendingPathComponent("clip.\(container)") }
    }

    static let containers = ["mp4", "mkv", "webm", "mov", "avi", "ts"]
    static let cuts = [2.0, 3.0, 5.0]
    static let speechDelay = 3.5

    /// The fixtures (generated on first use; later callers wait for the same task).
    static func shared() async throws -> Set { try await generation.value }

    private static let generation = Task<Set, any Error> { try await make() }

    static func make() async throws -> Set {
        let folder = try Fixtures.folder("relay-video-analysis")
        let speech = folder.appendingPathComponent("speech.wav")
        try await Fixtures.espeak("please take a photo of the garden", voice: "en-us", wordsPerMinute: 170, to: speech)
        let master = folder.appendingPathComponent("master.mkv")
        try await Fixtures.ffmpeg([
            "-f", "lavfi", "-i", "color=c=red:s=160x120:r=25:d=2",
            "-f", "lavfi", "-i", "color=c=black:s=160x120:r=25:d=1",
            "-f", "lavfi", "-i", "color=c=gray:s=160x120:r=25:d=2,geq=lum='128+100*sin(2*PI*(X+T*120)/24)':cb=128:cr=128",
            "-f", "lavfi", "-i", "color=c=white:s=160x120:r=25:d=3[bg];color=c=red:s=60x60:r=25:d=3[sq];[bg][sq]overlay=x=70:y=30",
            "-f", "lavfi", "-i", "anullsrc=r=48000:cl=stereo:d=1",
            "-f", "lavfi", "-i", "aevalsrc=0.5*sin(2*PI*440*t):s=48000:d=1",
            "-f", "lavfi", "-i", "anullsrc=r=48000:cl=stereo:d=6",
            "-i", speech.path,
            "-filter_complex",
            "[0:v][1:v][2:v][3:v]concat=n=4:v=1:a=0,format=yuv420p[v];[5:a]aformat=channel_layouts=stereo[tone];"
                + "[4:a][tone][6:a]concat=n=3:v=0:a=1[bed];[7:a]aresample=48000,aformat=channel_layouts=stereo,"
                + "volume=0.5,adelay=3500|3500[sp];[bed][sp]amix=inputs=2:duration=first:normalize=0[a]",
            "-map", "[v]", "-map", "[a]", "-c:v", "ffv1", "-c:a", "pcm_s16le", master.path,
        ])
        let codecs: [String: [String]] = [
            "mp4": ["-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac"],
            "mkv": ["-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-c:a", "libopus"],
            "webm": ["-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "300k", "-c:a", "libvorbis"],
            "mov": ["-c:v", "mjpeg", "-q:v", "3", "-c:a", "pcm_s16le"],
            "avi": ["-c:v", "mpeg4", "-q:v", "3", "-c:a", "libmp3lame"],
            "ts": ["-c:v", "mpeg2video", "-q:v", "3", "-c:a", "mp2"],
        ]
        for container in containers {
            try await Fixtures.ffmpeg(["-i", master.path]
                + (codecs[container] ?? []) + [folder.appendingPathComponent("clip.\(container)").path])
        }
        return Set(folder: folder, speech: try voicedRange(of: speech, offset: speechDelay))
    }

    /// First and last sample above 2 % of full scale in a 16-bit mono WAV, shifted by `offset`.
    static func voicedRange(of wav: URL, offset: Double) throws -> ClosedRange<Double> {
        let data = try Data(contentsOf: wav)
        let rate = data.withUnsafeBytes { Double($0.loadUnaligned(fromByteOffset: 24, as: UInt32.self)) }
        guard let dataChunk = data.range(of: Data("data".utf8)) else { throw FixtureError("no data chunk in \(wav.path)") }
        let start = dataChunk.upperBound + 4
        let samples: [Int16] = data[start...].withUnsafeBytes { raw in
            (0..<(raw.count / 2)).map { raw.loadUnaligned(fromByteOffset: $0 * 2, as: Int16.self) }
        }
        let loud = samples.indices.filter { abs(Int($0 < samples.count ? samples[$0] : 0)) > 655 }
        guard let first = loud.first, let last = loud.last else { throw FixtureError("silent speech in \(wav.path)") }
        return (offset + Double(first) / rate)...(offset + Double(last) / rate)
    }

}
