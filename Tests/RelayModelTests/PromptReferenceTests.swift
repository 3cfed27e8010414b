import Foundation
import Testing
import RelayModel
import RelayJSON

/// The Swift chat template against Jinja2 renderings (prompt_reference.json), byte for byte.
@Suite struct PromptReferenceTests {
    static func parts(_ content: JSONValue?) -> [ContentPart] {
        if let s = content?.stringValue { return s.isEmpty ? [] : [.text(s)] }
        return (content?.arrayValue ?? []).compactMap { item in
            switch item["type"]?.stringValue {
            case "image": return .image(ImageInput(.file(URL(fileURLWithPath: "/photo.jpg"))))
            case "video": return .video(VideoInput(.file(URL(fileURLWithPath: "/clip.mp4"))))
            case "text": return .text(item["text"]?.stringValue ?? "")
            default: return nil
            }
        }
    }

    static func messages(_ v: JSONValue?) -> [ChatMessage] {
        (v?.arrayValue ?? []).map { m in
            let role = ChatRole(rawValue: m["role"]?.stringValue ?? "") ?? .user
            let calls: [ToolCall] = (m["tool_calls"]?.arrayValue ?? []).compactMap { call in
                guard let f = call["function"], let name = f["name"]?.stringValue else { return nil }
                return ToolCall(name: name, arguments: f["arguments"]?.objectValue ?? [:])
            }
            return ChatMessage(role: role, content: parts(m["content"]), toolCalls: calls)
        }
    }

    static func tools(_ v: JSONValue?) -> [ToolSpec] {
        (v?.arrayValue ?? []).compactMap { t in
            guard let f = t["function"], let name = f["name"]?.stringValue else { return nil }
            return ToolSpec(name: name, description: f["description"]?.stringValue ?? "", parameters: f["parameters"] ?? .null)
        }
    }

    @Test func renderingsAreByteIdentical() throws {
        let table = try ReferenceFixtures.load("prompt_reference")
        let cases = try #require(table["cases"]?.arrayValue)
        #expect(cases.count >= 10)
        for c in cases {
            let expected = try #require(c["prompt"]?.stringValue)
            let got = ChatTemplate.render(
                Self.messages(c["messages"]), tools: Self.tools(c["tools"]),
                addGenerationPrompt: c["add_generation_prompt"]?.boolValue ?? true,
                addVisionID: c["add_vision_id"]?.boolValue ?? false
            )
            #expect(Array(got.utf8) == Array(expected.utf8), "\(c["name"]?.stringValue ?? "?"):\n\(got)\n---\n\(expected)")
        }
    }

    @Test func toolsParseBackOutOfThePrompt() throws {
        let table = try ReferenceFixtures.load("prompt_reference")
        for c in try #require(table["cases"]?.arrayValue) {
            let tools = Self.tools(c["tools"])
            let prompt = try #require(c["prompt"]?.stringValue)
            #expect(try ChatTemplate.tools(inPrompt: prompt) == tools)
        }
    }

    @Test func padsExpandByTokenCount() throws {
        let prompt = ChatTemplate.render([.user([.image(ImageInput(.file(URL(fileURLWithPath: "/a.png")))), .text("x")])])
        let plan = try QwenVision.planImage(width: 56, height: 84)
        let expanded = try ChatTemplate.expandPads(prompt, images: [plan], videos: [])
        #expect(expanded.components(separatedBy: ChatTemplate.imagePad).count - 1 == plan.visualTokens)
        #expect(plan.visualTokens == 6)
        #expect(throws: ModelError.self) { try ChatTemplate.expandPads(prompt, images: [], videos: []) }
    }
}
