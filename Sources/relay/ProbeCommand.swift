import ArgumentParser
import Foundation
import RelayMedia

/// `relay probe`: Show container and stream facts of media files, like ffprobe.
struct ProbeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Show container and stream facts of media files, like ffprobe.",
        discussion: """
            Prints a readable summary of each file. With --json, prints one JSON object per file, one per line \
            (JSON Lines), with ffprobe's field names: {"format": {"filename", "format_name", "duration", "bit_rate", \
            "start_time", "tags"}, "streams": [{"index", "codec_type", "codec_name", "width", "height", "rotation", \
            "avg_frame_rate" (frames per second, a number), "nb_frames", "pix_fmt", "sample_rate", "channels", \
            "channel_layout", "duration", "tags"}]}; fields a file does not have are omitted.
            A file that cannot be probed gets a one-line error on stderr; the other files are still printed and the \
            exit status is 1.
            """
    )

    @Argument(help: "Media files to probe.", completion: .file())
    var files: [String]

    @Flag(help: "Print one JSON object per file (JSON Lines) instead of the readable summary.")
    var json = false

    func run() async throws {
        var failed = 0
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for (n, file) in files.enumerated() {
            do {
                var info = try MediaProbe.probe(URL(fileURLWithPath: file))
                info.format.filename = file
                if json {
                    print(String(decoding: try encoder.encode(info), as: UTF8.self))
                } else {
                    if n > 0 { print() }
                    print(Self.summary(of: info, file: file))
                }
            } catch {
                failed += 1
                FileHandle.standardError.write(Data("relay probe: \(error)\n".utf8))
            }
        }
        if failed > 0 { throw ExitCode.failure }
    }

    /// The readable form: one line for the container, one per stream, then the tags.
    static func summary(of info: MediaInfo, file: String) -> String {
        let f = info.format
        var head = ["\(file): \(f.formatName)"]
        if let d = f.duration { head.append("duration \(seconds(d))") }
        if let s = f.startTime { head.append("start \(seconds(s))") }
        if let b = f.bitRate { head.append("\(b / 1000) kb/s") }
        var lines = [head.joined(separator: ", ")]
        for s in info.streams {
            var parts = ["  #\(s.index) \(s.codecType)", s.codecName ?? "unknown codec"]
            if let w = s.width, let h = s.height { parts.append("\(w)x\(h)") }
            if let p = s.pixFmt { parts.append(p) }
            if let r = s.rotation, r != 0 { parts.append("rotation \(number(r))°") }
            if s.codecType == "video", let fps = s.avgFrameRate { parts.append("\(number(fps)) fps") }
            if let n = s.nbFrames { parts.append("\(n) frames") }
            if let rate = s.sampleRate { parts.append("\(rate) Hz") }
            if let c = s.channels { parts.append(s.channelLayout.map { "\(c) ch (\($0))" } ?? "\(c) ch") }
            if let d = s.duration { parts.append(seconds(d)) }
            lines.append(parts.joined(separator: "  "))
        }
        for (key, value) in f.tags.sorted(by: { $0.key < $1.key }) { lines.append("  \(key): \(value)") }
        return lines.joined(separator: "\n")
    }

    private static func seconds(_ s: Double) -> String { String(format: "%.3f s", s) }
    private static func number(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String(format: "%.3f", x)
    }
}
