import ArgumentParser
import Foundation
import RelayMedia

/// `relay frames`: Extract frames of a video as JPEG or PNG files.
struct FramesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frames",
        abstract: "Extract frames of a video as JPEG or PNG files.",
        discussion: """
            Choose the frames with exactly one of --fps, --at or --count. The frame at a time t is the frame displayed \
            at t (the last one starting at or before t), exactly as a player shows it; frames are written in time order \
            (--at times are sorted). Writes frame-0001.jpg, … and \
            index.json ({"source", "frames": [{"file", "time", "width", "height"}]}) into --out; --json prints that \
            index on stdout too.
            """
    )

    @Argument(help: "The video (or image) file.", completion: .file())
    var file: String

    @Option(help: "Take this many frames per second of video.")
    var fps: Double?

    @Option(help: "Take the frames displayed at these times, in seconds, comma-separated (e.g. 0,1.5,3).")
    var at: String?

    @Option(help: "Take this many frames spread evenly over the video.")
    var count: Int?

    @Option(help: "Scale the frames to WIDTHxHEIGHT (default: the video's display size).")
    var size: String?

    @Option(help: "Image format: jpg or png.")
    var format: ImageFormat = .jpg

    @Option(help: "JPEG quality, 1-100.")
    var quality: Int = 85

    @Option(help: "The folder to write the frames and index.json into (created if needed).", completion: .directory)
    var out: String

    @Flag(help: "Print the index as JSON on stdout.")
    var json = false

    enum ImageFormat: String, ExpressibleByArgument, CaseIterable {
        case jpg, png
    }

    /// What index.json holds.
    struct Index: Codable {
        struct Entry: Codable {
            var file: String
            var time: Double
            var width: Int
            var height: Int
        }
        var source: String
        var frames: [Entry]
    }

    mutating func validate() throws {
        let chosen = [fps != nil, at != nil, count != nil].filter { $0 }.count
        guard chosen == 1 else { throw ValidationError("Choose the frames with exactly one of --fps, --at or --count.") }
        if let fps, !(fps > 0 && fps.isFinite) { throw ValidationError("--fps must be above 0.") }
        if let count, count < 1 { throw ValidationError("--count must be at least 1.") }
        if at != nil, (try? times()) == nil { throw ValidationError("--at takes seconds separated by commas, e.g. 0,1.5,3.") }
        if let size, FrameSize(parsing: size) == nil { throw ValidationError("--size takes WIDTHxHEIGHT, e.g. 448x252.") }
        guard (1...100).contains(quality) else { throw ValidationError("--quality must be between 1 and 100.") }
    }

    private func times() throws -> [Double] {
        let parts = (at ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let values = parts.compactMap(Double.init)
        guard !parts.isEmpty, values.count == parts.count, values.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
            throw ValidationError("bad --at")
        }
        return values
    }

    func run() async throws {
        let url = URL(fileURLWithPath: file)
        let outDir = URL(fileURLWithPath: out)
        let frameSize = size.flatMap(FrameSize.init(parsing:))
        let stream: AsyncThrowingStream<Frame, any Error>
        var expected: Int?
        if let fps {
            stream = FrameSampler.frames(of: url, fps: fps, size: frameSize)
        } else if let count {
            stream = FrameSampler.frames(of: url, count: count, size: frameSize)
            expected = count
        } else {
            let times = try times()
            stream = FrameSampler.frames(of: url, at: times, size: frameSize)
            expected = times.count
        }
        let showProgress = isatty(STDERR_FILENO) == 1
        var index = Index(source: file, frames: [])
        do {
            try FileManager.default.createDirectory(at: outDir, withIntermediateDirectories: true)
            for try await frame in stream {
                let name = String(format: "frame-%04d.%@", index.frames.count + 1, format.rawValue)
                let bytes = format == .jpg ? try ImageCodec.encodeJPEG(frame, quality: quality) : try ImageCodec.encodePNG(frame)
                try Data(bytes).write(to: outDir.appendingPathComponent(name))
                index.frames.append(.init(file: name, time: frame.time, width: frame.width, height: frame.height))
                if showProgress {
                    let total = expected.map { "/\($0)" } ?? ""
                    FileHandle.standardError.write(Data("\rrelay frames: \(index.frames.count)\(total) frames".utf8))
                }
            }
            if showProgress { FileHandle.standardError.write(Data("\n".utf8)) }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(index)
            try data.write(to: outDir.appendingPathComponent("index.json"))
            if json {
                print(String(decoding: data, as: UTF8.self))
            } else {
                print("wrote \(index.frames.count) frames and index.json to \(out)")
            }
        } catch let error as MediaError {
            if showProgress { FileHandle.standardError.write(Data("\n".utf8)) }
            FileHandle.standardError.write(Data("relay frames: \(error)\n".utf8))
            throw ExitCode.failure
        } catch let error as CocoaError {
            FileHandle.standardError.write(Data("relay frames: '\(out)': writing failed: \(error.localizedDescription)\n".utf8))
            throw ExitCode.failure
        }
    }
}
