import ArgumentParser
import Foundation
import RelayMedia
import RelayModel
import RelayJSON

/// Video sampling and pixel options shared by `relay tokens` and `relay prompt` (qwen-vl-utils' element keys).
struct VisionSamplingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Sample videos at this many frames per second (default 2).", valueName: "fps"))
    var fps: Double?
    @Option(help: ArgumentHelp("Sample exactly this many frames (rounded to even); not with --fps.", valueName: "n"))
    var nframes: Int?
    @Option(name: .customLong("min-frames"), help: ArgumentHelp("Fewest frames when sampling by fps (default 4).", valueName: "n"))
    var minFrames: Int?
    @Option(name: .customLong("max-frames"), help: ArgumentHelp("Most frames when sampling by fps (default min(768, frames)).", valueName: "n"))
    var maxFrames: Int?
    @Option(name: .customLong("min-pixels"), help: ArgumentHelp("Fewest pixels per image or frame.", valueName: "n"))
    var minPixels: Int?
    @Option(name: .customLong("max-pixels"), help: ArgumentHelp("Most pixels per image or frame.", valueName: "n"))
    var maxPixels: Int?
    @Option(name: .customLong("total-pixels"), help: ArgumentHelp("Pixel budget of all frames of a video (default 90316800).", valueName: "n"))
    var totalPixels: Int?

    /// Rejects values qwen-vl-utils would silently misuse (non-positive counts and sizes).
    func checkRanges() throws {
        if let fps, !(fps > 0 && fps.isFinite) { throw ValidationError("--fps must be a positive number, got \(fps)") }
        for (name, value) in [("--min-frames", minFrames), ("--max-frames", maxFrames), ("--min-pixels", minPixels),
                              ("--max-pixels", maxPixels), ("--total-pixels", totalPixels)] {
            if let value, value <= 0 { throw ValidationError("\(name) must be positive, got \(value)") }
        }
    }

    var sampling: VideoSampling {
        VideoSampling(fps: fps, nframes: nframes, minFrames: minFrames, maxFrames: maxFrames, minPixels: minPixels,
                      maxPixels: maxPixels, totalPixels: totalPixels)
    }
}

/// `relay tokens`: Compute Qwen2.5-VL resizing, frame sampling and visual token counts.
struct TokensCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens",
        abstract: "Compute Qwen2.5-VL resizing, frame sampling and visual token counts.",
        discussion: """
            Plans what a real Qwen2.5-VL would receive, exactly as qwen-vl-utils 0.0.10 computes it: \
            smart_resize to multiples of 28 within the pixel bounds, smart_nframes sampling, frame indices, \
            the per-frame pixel budget of videos, grid_thw and visual tokens (each item also adds \
            <|vision_start|> and <|vision_end|>). For a video file the frame count and rate come from the \
            container (nb_frames, else duration × fps) and the display rotation is applied. \
            Without a file, --width/--height describe an image, or a video with --frames and --video-fps. \
            --json prints one object per item: {"kind", "resized_width", "resized_height", "grid_thw", \
            "visual_tokens"} plus "nframes", "frame_indices", "sample_fps" for videos (and "file" for files). \
            Invalid options exit with status 2 and qwen-vl-utils' own message.
            """
    )

    @Argument(help: "Images or videos to plan.", completion: .file())
    var files: [String] = []

    @Option(help: ArgumentHelp("Width in pixels, without a file.", valueName: "w"))
    var width: Int?
    @Option(help: ArgumentHelp("Height in pixels, without a file.", valueName: "h"))
    var height: Int?
    @Option(help: ArgumentHelp("Total frames of the video, without a file (omit for an image).", valueName: "n"))
    var frames: Int?
    @Option(name: .customLong("video-fps"), help: ArgumentHelp("Frame rate of the video, without a file.", valueName: "fps"))
    var videoFPS: Double?

    @OptionGroup var vision: VisionSamplingOptions

    @Flag(help: "Print JSON (one object per line) instead of readable text.")
    var json = false

    /// Option checks; run() turns their ValidationError into exit status 2 like the reference's errors
    /// (ArgumentParser's own validate() would exit with 64).
    func checkOptions() throws {
        try vision.checkRanges()
        if files.isEmpty {
            guard width != nil, height != nil else { throw ValidationError("give FILE… or --width W --height H") }
            if frames != nil, videoFPS == nil { throw ValidationError("--frames needs --video-fps") }
            if let w = width, w <= 0 { throw ValidationError("--width must be positive, got \(w)") }
            if let h = height, h <= 0 { throw ValidationError("--height must be positive, got \(h)") }
            if let n = frames, n <= 0 { throw ValidationError("--frames must be positive, got \(n)") }
            if let f = videoFPS, !(f > 0 && f.isFinite) { throw ValidationError("--video-fps must be positive, got \(f)") }
        } else if width != nil || height != nil || frames != nil || videoFPS != nil {
            throw ValidationError("--width/--height/--frames/--video-fps describe a picture without a file; do not combine them with files")
        }
    }

    func run() async throws {
        do { try checkOptions() } catch let error as ValidationError { try Self.usageExit(error.message) }
        if files.isEmpty {
            do {
                try emit(try planSynthetic(), file: nil)
            } catch let error as ModelError where error.code == .invalidInput {
                try Self.usageExit(error.message)
            }
            return
        }
        var failed = false
        for file in files {
            do {
                try emit(try plan(file: file), file: file)
            } catch let error as ModelError where error.code == .invalidInput {
                // Options the reference rejects for this file: a usage error, as for --width/--height.
                try Self.usageExit("'\(file)': \(error.message)")
            } catch {
                failed = true
                FileHandle.standardError.write(Data("relay tokens: \(Self.describe(error, file: file))\n".utf8))
            }
        }
        if failed { throw ExitCode.failure }
    }

    /// Exit status 2 with the message on stderr (the reference's wording for preprocessing errors).
    static func usageExit(_ message: String) throws -> Never {
        FileHandle.standardError.write(Data("relay tokens: \(message)\n".utf8))
        throw ExitCode(2)
    }

    static func describe(_ error: any Error, file: String) -> String {
        let text = "\(error)"
        return text.contains(file) ? text : "'\(file)': \(text)"
    }

    enum Planned {
        case image(ImagePlan)
        case video(VideoPlan)
    }

    func planSynthetic() throws -> Planned {
        let w = width ?? 0
        let h = height ?? 0
        if let frames, let videoFPS {
            return .video(try QwenVision.planVideo(width: w, height: h, totalFrames: frames, videoFPS: videoFPS, sampling: vision.sampling))
        }
        return .image(try QwenVision.planImage(width: w, height: h, minPixels: vision.minPixels, maxPixels: vision.maxPixels))
    }

    func plan(file: String) throws -> Planned {
        let url = URL(fileURLWithPath: file)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw ModelError(.media, "no such file", path: file)
        }
        let info = try MediaProbe.probe(url)
        if RequestPreparer.isStillImage(info) {
            return .image(try RequestPreparer.planImageFile(url, minPixels: vision.minPixels, maxPixels: vision.maxPixels))
        }
        let facts = try VideoFileFacts(info, path: file)
        return .video(try QwenVision.planVideo(
            width: facts.width, height: facts.height, totalFrames: facts.totalFrames, videoFPS: facts.fps, sampling: vision.sampling
        ))
    }

    func emit(_ planned: Planned, file: String?) throws {
        if json {
            var object = JSONObject()
            if let file { object["file"] = .string(file) }
            switch planned {
            case .image(let p):
                object["kind"] = .string("image")
                object["resized_width"] = .int(p.resizedWidth)
                object["resized_height"] = .int(p.resizedHeight)
                object["grid_thw"] = .array(p.grid.array.map { .int($0) })
                object["visual_tokens"] = .int(p.visualTokens)
            case .video(let p):
                object["kind"] = .string("video")
                object["resized_width"] = .int(p.resizedWidth)
                object["resized_height"] = .int(p.resizedHeight)
                object["grid_thw"] = .array(p.grid.array.map { .int($0) })
                object["visual_tokens"] = .int(p.visualTokens)
                object["nframes"] = .int(p.nframes)
                object["frame_indices"] = .array(p.frameIndices.map { .int($0) })
                object["sample_fps"] = .double(p.sampleFPS)
            }
            print(JSONValue.object(object).qwenJSON)
            return
        }
        let name = file.map { "\($0): " } ?? ""
        switch planned {
        case .image(let p):
            print("\(name)image \(p.originalWidth)x\(p.originalHeight) → \(p.resizedWidth)x\(p.resizedHeight), grid_thw \(p.grid), \(p.visualTokens) visual tokens (+2 for vision start/end)")
        case .video(let p):
            print("\(name)video \(p.originalWidth)x\(p.originalHeight), \(p.totalFrames) frames at \(Self.number(p.videoFPS ?? 0)) fps → \(p.nframes) frames at \(p.resizedWidth)x\(p.resizedHeight), sample fps \(Self.number(p.sampleFPS)), grid_thw \(p.grid), \(p.visualTokens) visual tokens (+2 for vision start/end)")
            print("  frame indices: \(p.frameIndices.map(String.init).joined(separator: " "))")
        }
    }

    static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(format: "%.4g", x)
    }
}
