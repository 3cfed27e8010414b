import Foundation

/// A shot-boundary corpus that ffmpeg generates on demand, with the exact ground truth of its generator:
/// hard cuts, dissolves and fades of 0.5–2 s, camera flashes and a strobe (which must not be cuts), fast
/// motion and zoom without cuts, cuts between shots of the same colours, a talking-head-like shot; H.264,
/// H.265, MPEG-4 part 2, VP9 and MJPEG at 24, 25, 30 and 60 fps and one variable-frame-rate file.
///
/// The clips are small (320×180, a few seconds) so the tests that use it stay fast; the tests and
/// `relay-bench video --peer pyscenedetect` read the same list, so what is benchmarked is what is tested.
/// Each clip is one ffmpeg command line over lavfi sources (`testsrc2`, `smptebars`, `mandelbrot`, `life`…)
/// joined with `concat` (cuts), `xfade` (dissolves, fades through black) or `fade`.
public enum ShotBoundaryCorpus {
    /// One boundary the generator put in a clip.
    public struct Truth: Sendable, Hashable {
        /// A hard cut at `start` (= `end`), or a gradual transition from `start` to `end`.
        public var isGradual: Bool
        /// Time in seconds.
        public var start: Double, end: Double

        /// A hard cut at `time` (the new shot's first frame).
        public static func cut(_ time: Double) -> Truth { Truth(isGradual: false, start: time, end: time) }
        /// A dissolve or fade from `start` to `end`.
        public static func gradual(_ start: Double, _ end: Double) -> Truth { Truth(isGradual: true, start: start, end: end) }
    }

    /// One generated clip.
    public struct Clip: Sendable {
        /// Short name, also the file's stem.
        public var name: String
        /// The container's extension.
        public var fileExtension: String
        /// The `-filter_complex` graph producing the clip's one video stream.
        public var graph: String
        /// Encoder options.
        public var encoder: [String]
        /// The boundaries, in time order.
        public var truth: [Truth]
        /// Spans with flashes or strobe: a boundary reported inside one is a flash taken for a cut.
        public var flashes: [ClosedRange<Double>] = []
        /// The longest gap between frames: "to the frame" means within this.
        public var frameDuration: Double

        /// The file name under a corpus folder.
        public var fileName: String { "\(name).\(fileExtension)" }

        /// The ffmpeg arguments that write the clip to `output`.
        /// The ffmpeg arguments that make the clip, but for the output file that ends the command line.
        public var ffmpegGeneration: [String] { ["-filter_complex", graph, "-an"] + encoder }
    }

    static let size = "320x180"
    static let h264 = ["-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p"]

    /// The clips.
    public static let clips: [Clip] = {
        let s = size
        var clips: [Clip] = []
        // Hard cuts between unlike shots, one codec and frame rate each.
        clips.append(Clip(
            name: "cuts-h264-30", fileExtension: "mp4",
            graph: "testsrc2=s=\(s):r=30:d=1.5[a];smptebars=s=\(s):r=30:d=1.5[b];mandelbrot=s=\(s):r=30,trim=duration=1.5[c];"
                + "rgbtestsrc=s=\(s):r=30:d=1.5[d];[a][b][c][d]concat=n=4:v=1:a=0,format=yuv420p",
            encoder: h264, truth: [.cut(1.5), .cut(3.0), .cut(4.5)], frameDuration: 1.0 / 30))
        clips.append(Clip(
            name: "cuts-mpeg4-25", fileExtension: "avi",
            graph: "life=s=\(s):r=25:mold=10:ratio=0.3:seed=5,trim=duration=1.2[a];testsrc=s=\(s):r=25:d=1.2[b];"
                + "smptehdbars=s=\(s):r=25:d=1.6[c];[a][b][c]concat=n=3:v=1:a=0,format=yuv420p",
            encoder: ["-c:v", "mpeg4", "-q:v", "4"], truth: [.cut(1.2), .cut(2.4)], frameDuration: 1.0 / 25))
        clips.append(Clip(
            name: "cuts-vp9-24", fileExtension: "webm",
            graph: "smptehdbars=s=\(s):r=24:d=1.25[a];testsrc2=s=\(s):r=24:d=1.25[b];"
                + "mandelbrot=s=\(s):r=24:start_scale=1,trim=duration=1.5[c];[a][b][c]concat=n=3:v=1:a=0,format=yuv420p",
            encoder: ["-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "400k"],
            truth: [.cut(1.25), .cut(2.5)], frameDuration: 1.0 / 24))
        clips.append(Clip(
            name: "cuts-mjpeg-60", fileExtension: "mkv",
            graph: "testsrc2=s=\(s):r=60:d=1[a];life=s=\(s):r=60:mold=10:ratio=0.4:seed=9,trim=duration=1[b];"
                + "testsrc=s=\(s):r=60:d=1[c];[a][b][c]concat=n=3:v=1:a=0,format=yuvj420p",
            encoder: ["-c:v", "mjpeg", "-q:v", "5"], truth: [.cut(1.0), .cut(2.0)], frameDuration: 1.0 / 60))
        clips.append(Clip(
            name: "cuts-hevc-30", fileExtension: "mp4",
            graph: "rgbtestsrc=s=\(s):r=30:d=1.2[a];testsrc2=s=\(s):r=30:d=1.5[b];smptebars=s=\(s):r=30:d=1.2[c];"
                + "[a][b][c]concat=n=3:v=1:a=0,format=yuv420p",
            encoder: ["-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error", "-tag:v", "hvc1"],
            truth: [.cut(1.2), .cut(2.7)], frameDuration: 1.0 / 30))
        // Variable frame rate: 30 fps, then 12 fps, then 30 fps again, timestamps kept as they are.
        clips.append(Clip(
            name: "cuts-vfr", fileExtension: "mkv",
            graph: "testsrc2=s=\(s):r=30:d=1.5[a];smptebars=s=\(s):r=12:d=1.5,settb=1/1000[b];"
                + "mandelbrot=s=\(s):r=30,trim=duration=1.5[c];[a]settb=1/1000[a1];[c]settb=1/1000[c1];"
                + "[a1][b][c1]concat=n=3:v=1:a=0,format=yuv420p",
            encoder: h264 + ["-fps_mode", "passthrough"], truth: [.cut(1.5), .cut(3.0)], frameDuration: 1.0 / 12))
        // Cuts between shots of the same colours: two Game of Life boards, a pattern and its mirror image.
        clips.append(Clip(
            name: "similar-colours", fileExtension: "mp4",
            graph: "life=s=\(s):r=30:seed=1:ratio=0.3,trim=duration=1.5[a];life=s=\(s):r=30:seed=7:ratio=0.5,trim=duration=1.5[b];"
                + "testsrc2=s=\(s):r=30:d=1.5[c];testsrc2=s=\(s):r=30:d=1.5,hflip,vflip[d];"
                + "[a][b][c][d]concat=n=4:v=1:a=0,format=yuv420p",
            encoder: h264, truth: [.cut(1.5), .cut(3.0), .cut(4.5)], frameDuration: 1.0 / 30))
        // Talking heads: a still framing with a little head movement and sensor noise; a cut to the other speaker.
        let head = { (bg: String, x: Int, skin: String) in
            "color=c=\(bg):s=\(s):r=25:d=2.4,drawbox=x=\(x)+5*sin(t*2):y=40+3*sin(t*5):w=80:h=110:color=\(skin):t=fill,"
                + "drawbox=x=\(x + 15)+5*sin(t*2):y=82+2*sin(t*9):w=50:h=8:color=0x803020:t=fill,noise=alls=6:allf=t"
        }
        clips.append(Clip(
            name: "talking-heads", fileExtension: "mp4",
            graph: "\(head("0x506070", 120, "0xd0a080"))[a];\(head("0x5a6a66", 60, "0xc89878"))[b];[a][b]concat=n=2:v=1:a=0,format=yuv420p",
            encoder: h264, truth: [.cut(2.4)], frameDuration: 1.0 / 25))
        // Dissolves of 1, 0.5 and 2 s, between still and moving shots.
        clips.append(Clip(
            name: "dissolves", fileExtension: "mp4",
            graph: "testsrc=s=\(s):r=30:d=2.5[a];smptebars=s=\(s):r=30:d=3[b];mandelbrot=s=\(s):r=30,trim=duration=4[c];"
                + "smptehdbars=s=\(s):r=30:d=3[d];[a][b]xfade=transition=fade:duration=1:offset=1.5[ab];"
                + "[ab][c]xfade=transition=fade:duration=0.5:offset=4[abc];[abc][d]xfade=transition=fade:duration=2:offset=6,format=yuv420p",
            encoder: h264, truth: [.gradual(1.5, 2.5), .gradual(4, 4.5), .gradual(6, 8)], frameDuration: 1.0 / 30))
        clips.append(Clip(
            name: "dissolve-moving", fileExtension: "mp4",
            graph: "testsrc2=s=\(s):r=25:d=2.5[a];rgbtestsrc=s=\(s):r=25:d=2.5[b];[a][b]xfade=transition=fade:duration=1.2:offset=1.2,format=yuv420p",
            encoder: h264, truth: [.gradual(1.2, 2.4)], frameDuration: 1.0 / 25))
        // Fades through black: out and in with `fade`, and xfade's fadeblack.
        clips.append(Clip(
            name: "fades", fileExtension: "mp4",
            graph: "smptebars=s=\(s):r=30:d=2,fade=t=out:st=1.25:d=0.75[a];testsrc=s=\(s):r=30:d=4,fade=t=in:st=0:d=0.75[b];"
                + "testsrc2=s=\(s):r=30:d=3.5,settb=AVTB[c];[a][b]concat=n=2:v=1:a=0[ab];"
                + "[ab][c]xfade=transition=fadeblack:duration=2:offset=3.5,format=yuv420p",
            encoder: h264, truth: [.gradual(1.25, 2.75), .gradual(3.5, 5.5)], frameDuration: 1.0 / 30))
        // Camera flashes (two white frames, a one-frame flash) and a strobe: no boundary at all.
        clips.append(Clip(
            name: "flashes", fileExtension: "mp4",
            graph: "testsrc2=s=\(s):r=30:d=4.5,drawbox=color=white@0.95:t=fill:enable='between(n,30,31)',"
                + "drawbox=color=white@0.8:t=fill:enable='eq(n,55)',"
                + "drawbox=color=white@0.9:t=fill:enable='between(t,2.5,3.5)*eq(mod(n,4),0)',format=yuv420p",
            encoder: h264, truth: [], flashes: [0.95...1.1, 1.8...1.9, 2.45...3.6], frameDuration: 1.0 / 30))
        // Fast motion and zoom without a cut.
        clips.append(Clip(
            name: "motion-testsrc2", fileExtension: "mp4",
            graph: "testsrc2=s=640x360:r=30:d=4,format=yuv420p", encoder: h264, truth: [], frameDuration: 1.0 / 30))
        clips.append(Clip(
            name: "motion-mandelbrot", fileExtension: "mp4",
            graph: "mandelbrot=s=\(s):r=25,trim=duration=4,format=yuv420p", encoder: h264, truth: [], frameDuration: 1.0 / 25))
        clips.append(Clip(
            name: "motion-life", fileExtension: "mp4",
            graph: "life=s=\(s):r=30:mold=10:ratio=0.3:seed=3,trim=duration=3,format=yuv420p", encoder: h264, truth: [],
            frameDuration: 1.0 / 30))
        clips.append(Clip(
            name: "motion-zoom", fileExtension: "mp4",
            graph: "testsrc=s=640x360:r=30:d=4,zoompan=z='min(zoom+0.01,2)':x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)':d=1:s=\(s):fps=30,format=yuv420p",
            encoder: h264, truth: [], frameDuration: 1.0 / 30))
        return clips
    }()
}
