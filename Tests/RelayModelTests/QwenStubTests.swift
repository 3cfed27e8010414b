import Foundation
import RelayTestSupport
import Testing
import RelayMedia
import RelayModel
import RelayJSON

/// A skill for tests: calls the first tool whose name appears in the request, with the words after "called".
struct EchoToolSkill: StubSkill {
    var name: String { "echo-tool" }
    func answer(_ input: StubInput) async throws -> StubAnswer? {
        guard let tool = input.tools.first(where: { input.userText.contains($0.name) }) else { return nil }
        return .toolCalls([ToolCall(name: tool.name, arguments: ["text": .string(input.userText)])])
    }
}

/// A skill that boxes the whole image it was given, in resized pixels, to check what skills receive.
struct WholeImageSkill: StubSkill {
    var name: String { "whole-image" }
    func answer(_ input: StubInput) async throws -> StubAnswer? {
        guard let image = input.images.first, input.userText.contains("box") else { return nil }
        #expect(image.frame.width == image.plan.resizedWidth && image.frame.height == image.plan.resizedHeight)
        return .groundings([Grounding(shape: .box(x1: 0, y1: 0, x2: Double(image.frame.width), y2: Double(image.frame.height)), label: "all")])
    }
}

@Suite struct QwenStubTests {
    static let tool = ToolSpec(name: "clock.set_timer", description: "Start a timer.", parameters: .object(["type": .string("object")]))

    @Test func skillsSeeToolsParsedFromThePrompt() async throws {
        let stub = QwenStub(skills: [EchoToolSkill()])
        let input = try await stub.prepare(ModelRequest(messages: [.user("please clock.set_timer now")], tools: [Self.tool]))
        #expect(input.tools == [Self.tool])
        #expect(input.prompt.contains("<tools>\n{\"type\": \"function\""))
        let response = try await stub.respond(to: ModelRequest(messages: [.user("please clock.set_timer now")], tools: [Self.tool]))
        #expect(response.toolCalls == [ToolCall(name: "clock.set_timer", arguments: ["text": .string("please clock.set_timer now")])])
    }

    @Test func refusesHonestlyWhenNoSkillAnswers() async throws {
        let stub = QwenStub(skills: [])
        let text = try await stub.respond(to: ModelRequest(messages: [.user("What is the meaning of life?")]))
        #expect(text.text == QwenStub.notUnderstoodRefusal)
        let frame = Frame(width: 64, height: 48, rgb: [UInt8](repeating: 0, count: 64 * 48 * 3))
        let image = try await QwenStub().respond(to: ModelRequest(messages: [.user([.image(ImageInput(.frame(frame))), .text("What objects are here?")])]))
        #expect(image.text == "I can't tell what objects are in this image.")
        #expect(image.toolCalls.isEmpty && image.groundings.isEmpty)
    }

    @Test func builtInSkillReportsSizes() async throws {
        let frame = Frame(width: 100, height: 60, rgb: [UInt8](repeating: 7, count: 100 * 60 * 3))
        let response = try await QwenStub().respond(to: ModelRequest(messages: [.user([.image(ImageInput(.frame(frame))), .text("What size is this image?")])]))
        #expect(response.text == "The image is 100×60 pixels; I see it at 112×56 (8 visual tokens).")
    }

    @Test func skillsGetResizedPixelsAndAnswersMapBack() async throws {
        let frame = Frame(width: 100, height: 60, rgb: [UInt8](repeating: 200, count: 100 * 60 * 3))
        let stub = QwenStub(skills: [WholeImageSkill()])
        let response = try await stub.respond(to: ModelRequest(messages: [.user([.image(ImageInput(.frame(frame))), .text("box it")])]))
        #expect(response.groundings == [Grounding(shape: .box(x1: 0, y1: 0, x2: 100, y2: 60), label: "all", imageIndex: 0)])
        #expect(response.rawText.hasPrefix("```json\n[{\"bbox_2d\": [0, 0, 112, 56]"))
    }

    @Test func frameListVideosArePaddedToEven() async throws {
        let frames = (0..<3).map { i in Frame(width: 56, height: 56, time: Double(i), rgb: [UInt8](repeating: UInt8(i), count: 56 * 56 * 3)) }
        let input = try await QwenStub().prepare(ModelRequest(messages: [.user([.video(VideoInput(.frames(frames), fps: 1)), .text("?")])]))
        let video = try #require(input.videos.first)
        #expect(video.frames.count == 4 && video.plan.nframes == 4 && video.plan.sampleFPS == 1)
        #expect(video.frames[3] == video.frames[2])
    }

    @Test func videoFilesAreSampledAndResizedForSkills() async throws {
        let clip = try Fixtures.folder("relay-stub").appendingPathComponent("clip.mp4")
        try await Fixtures.ffmpeg(["-f", "lavfi", "-i", "testsrc=s=64x48:r=10:d=1",
                                   "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", clip.path])
        let input = try await QwenStub().prepare(ModelRequest(messages: [.user([.video(VideoInput(.file(clip))), .text("What happens?")])]))
        let video = try #require(input.videos.first)
        // 10 frames at 10 fps → 2 wanted, raised to the 4-frame minimum; 64×48 grows to the 128·28·28 video minimum.
        #expect(video.plan.nframes == 4 && video.plan.frameIndices == [0, 3, 6, 9] && video.plan.sampleFPS == 4)
        #expect(video.frames.count == 4)
        #expect(video.frames.allSatisfy { $0.width == 392 && $0.height == 280 })
        #expect(input.prompt.contains("<|vision_start|><|video_pad|><|vision_end|>What happens?"))
        let refusal = try await QwenStub().respond(to: ModelRequest(messages: [.user([.video(VideoInput(.file(clip))), .text("Who is there?")])]))
        // The built-in perception skill refuses what its measures cannot tell, saying what it does measure.
        #expect(refusal.text == "I can't tell who is in this video: I only measure brightness, colour, motion and sound.")
        #expect(refusal.toolCalls.isEmpty)
    }
}
