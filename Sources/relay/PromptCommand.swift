import ArgumentParser
import Foundation
import RelayModel
import RelayJSON

/// `relay prompt`: Print the exact prompt a real Qwen2.5-VL would receive.
struct PromptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prompt",
        abstract: "Print the exact prompt a real Qwen2.5-VL would receive.",
        discussion: """
            Renders one user turn (images, then videos, then text) with Qwen2.5-VL's chat template, byte for byte. \
            --tools appends the registered tools to the system message in the nous/hermes format (and \
            --tools-file adds tools from a JSON file: an array of {"name", "description", "parameters"} or \
            {"type": "function", "function": …} objects). --expand-pads repeats <|image_pad|>/<|video_pad|> once \
            per visual token, as the processor does before tokenizing. --json prints {"prompt", "tools", \
            "images", "videos", "visual_tokens"}.
            """
    )

    @Option(help: ArgumentHelp("The user's text.", valueName: "text"))
    var text: String?
    @Option(help: ArgumentHelp("A system prompt instead of the default one.", valueName: "text"))
    var system: String?
    @Option(name: .customLong("image"), help: ArgumentHelp("An image file (repeatable).", valueName: "file"), completion: .file())
    var images: [String] = []
    @Option(name: .customLong("video"), help: ArgumentHelp("A video file (repeatable).", valueName: "file"), completion: .file())
    var videos: [String] = []
    @Flag(help: "Include the registered tools.")
    var tools = false
    @Option(name: .customLong("tools-file"), help: ArgumentHelp("Also include the tools of this JSON file.", valueName: "file"), completion: .file())
    var toolsFile: String?
    @Flag(name: .customLong("expand-pads"), help: "Repeat the image/video pad token once per visual token.")
    var expandPads = false
    @Flag(name: .customLong("vision-id"), help: "Prefix items with \"Picture N: \" / \"Video N: \".")
    var visionID = false
    @OptionGroup var vision: VisionSamplingOptions
    @Flag(help: "Print JSON instead of the bare prompt.")
    var json = false

    func run() async throws {
        do { try vision.checkRanges() } catch let error as ValidationError { try Self.fail(error.message, status: 2) }
        var specs: [ToolSpec] = []
        if tools { specs += try await RegisteredTools.current() }
        if let toolsFile {
            do {
                let text = try String(contentsOf: URL(fileURLWithPath: toolsFile), encoding: .utf8)
                specs += try ToolSpec.list(fromJSON: text)
            } catch {
                try Self.fail("'\(toolsFile)': \(error is ModelError ? "\(error)" : "cannot read the tools file: \(error.localizedDescription)")", status: 1)
            }
        }
        var content: [ContentPart] = []
        var imagePlans: [ImagePlan] = []
        var videoPlans: [VideoPlan] = []
        for file in images {
            let url = URL(fileURLWithPath: file)
            content.append(.image(ImageInput(.file(url), minPixels: vision.minPixels, maxPixels: vision.maxPixels)))
            if expandPads || json { imagePlans.append(try plan { try RequestPreparer.planImageFile(url, minPixels: vision.minPixels, maxPixels: vision.maxPixels) }) }
        }
        for file in videos {
            let url = URL(fileURLWithPath: file)
            let s = vision.sampling
            content.append(.video(VideoInput(.file(url), fps: s.fps, nframes: s.nframes, minFrames: s.minFrames, maxFrames: s.maxFrames,
                                             minPixels: s.minPixels, maxPixels: s.maxPixels, totalPixels: s.totalPixels)))
            if expandPads || json { videoPlans.append(try plan { try RequestPreparer.planVideoFile(url, sampling: s) }) }
        }
        if let text { content.append(.text(text)) }
        var messages: [ChatMessage] = []
        if let system { messages.append(.system(system)) }
        messages.append(.user(content))
        var prompt = ChatTemplate.render(messages, tools: specs, addVisionID: visionID)
        if expandPads { prompt = try ChatTemplate.expandPads(prompt, images: imagePlans, videos: videoPlans) }
        if json {
            var object = JSONObject()
            object["prompt"] = .string(prompt)
            object["tools"] = .array(specs.map { .string($0.name) })
            object["images"] = .array(zip(images, imagePlans).map { file, p in
                .object(["file": .string(file), "resized_width": .int(p.resizedWidth), "resized_height": .int(p.resizedHeight),
                         "visual_tokens": .int(p.visualTokens)])
            })
            object["videos"] = .array(zip(videos, videoPlans).map { file, p in
                .object(["file": .string(file), "resized_width": .int(p.resizedWidth), "resized_height": .int(p.resizedHeight),
                         "nframes": .int(p.nframes), "visual_tokens": .int(p.visualTokens)])
            })
            let visual = imagePlans.map { $0.visualTokens + 2 }.reduce(0, +) + videoPlans.map { $0.visualTokens + 2 }.reduce(0, +)
            object["visual_tokens"] = .int(visual)
            print(JSONValue.object(object).qwenJSON)
        } else {
            print(prompt, terminator: "")
        }
    }

    private func plan<P>(_ body: () throws -> P) throws -> P {
        do { return try body() } catch let error as ModelError where error.code == .invalidInput {
            try Self.fail(error.description, status: 2)
        } catch {
            try Self.fail("\(error)", status: 1)
        }
    }

    static func fail(_ message: String, status: Int32) throws -> Never {
        FileHandle.standardError.write(Data("relay prompt: \(message)\n".utf8))
        throw ExitCode(status)
    }
}
