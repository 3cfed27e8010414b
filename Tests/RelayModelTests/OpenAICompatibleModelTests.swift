import Foundation
import RelayTestSupport
import Testing
import RelayMedia
import RelayModel
import RelayJSON

/// The HTTP backend against a local server that checks requests the way vLLM/DashScope document them.
@Suite(.serialized) struct OpenAICompatibleModelTests {
    static let tools = [
        ToolSpec(name: "photos.create_album", description: "Create a photo album.", parameters: .object([
            "type": .string("object"), "properties": .object(["name": .object(["type": .string("string")])]),
            "required": .array([.string("name")]),
        ])),
    ]

    static func completion(content: String?, toolCalls: String? = nil) -> String {
        let contentJSON = content.map { JSONValue.string($0).compactJSON } ?? "null"
        let calls = toolCalls.map { ", \"tool_calls\": \($0)" } ?? ""
        return """
        {"id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": "Qwen/Qwen2.5-VL-7B-Instruct",
         "choices": [{"index": 0, "message": {"role": "assistant", "content": \(contentJSON)\(calls)}, "finish_reason": "stop"}],
         "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15}}
        """
    }

    static func model(_ server: LocalHTTPServer, timeout: Double = 10, retries: Int = 2, key: String? = "sk-test") -> OpenAICompatibleModel {
        OpenAICompatibleModel(configuration: .init(
            baseURL: server.baseURL, model: "Qwen/Qwen2.5-VL-7B-Instruct", apiKey: key, timeout: timeout,
            maxRetries: retries, initialBackoff: 0.05, maxBackoff: 1
        ))
    }

    /// What vLLM's OpenAI server requires of a chat-completions request.
    static func checkShape(_ request: LocalHTTPServer.Request) throws -> JSONValue {
        #expect(request.method == "POST")
        #expect(request.path == "/v1/chat/completions")
        #expect(request.headers["content-type"] == "application/json")
        let body = try JSONValue(parsing: String(decoding: request.body, as: UTF8.self))
        #expect(body["model"]?.stringValue == "Qwen/Qwen2.5-VL-7B-Instruct")
        let messages = try #require(body["messages"]?.arrayValue)
        #expect(!messages.isEmpty)
        for m in messages {
            #expect(["system", "user", "assistant", "tool"].contains(m["role"]?.stringValue ?? ""))
            if let parts = m["content"]?.arrayValue {
                for p in parts {
                    switch p["type"]?.stringValue {
                    case "text": #expect(p["text"]?.stringValue != nil)
                    case "image_url":
                        let url = try #require(p["image_url"]?["url"]?.stringValue)
                        try checkJPEGDataURL(url)
                    case "video":
                        let frames = try #require(p["video"]?.arrayValue)
                        #expect(!frames.isEmpty && frames.count % 2 == 0)
                        for f in frames { try checkJPEGDataURL(try #require(f.stringValue)) }
                    default: Issue.record("unknown content part type \(p["type"]?.stringValue ?? "nil")")
                    }
                }
            } else {
                #expect(m["content"]?.stringValue != nil || m["content"] == .null)
            }
        }
        for tool in body["tools"]?.arrayValue ?? [] {
            #expect(tool["type"]?.stringValue == "function")
            let name = try #require(tool["function"]?["name"]?.stringValue)
            // OpenAI and DashScope accept only [a-zA-Z0-9_-]{1,64} as a function name.
            #expect(name.count <= 64 && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }, "\(name)")
            #expect(tool["function"]?["parameters"]?.objectValue != nil)
        }
        return body
    }

    static func checkJPEGDataURL(_ url: String) throws {
        let prefix = "data:image/jpeg;base64,"
        #expect(url.hasPrefix(prefix))
        let bytes = try #require(Data(base64Encoded: String(url.dropFirst(prefix.count))))
        #expect(bytes.prefix(2) == Data([0xFF, 0xD8]), "a JPEG starts with FF D8")
    }

    @Test func toolCallsFromTheToolCallsField() async throws {
        let server = try LocalHTTPServer(replies: [.json(status: 200, body: Self.completion(
            content: nil,
            toolCalls: #"[{"id": "chatcmpl-tool-1", "type": "function", "function": {"name": "photos.create_album", "arguments": "{\"name\": \"Trip\"}"}}]"#
        ))])
        defer { server.stop() }
        let request = ModelRequest(messages: [.user("Make an album called Trip")], tools: Self.tools, options: GenerationOptions(temperature: 0.2, maxTokens: 64))
        let response = try await Self.model(server).respond(to: request)
        #expect(response.toolCalls == [ToolCall(name: "photos.create_album", arguments: ["name": .string("Trip")])])
        let recorded = try #require(server.requests.first)
        #expect(recorded.headers["authorization"] == "Bearer sk-test")
        let body = try Self.checkShape(recorded)
        #expect(body["temperature"]?.doubleValue == 0.2)
        #expect(body["max_tokens"]?.intValue == 64)
        #expect(body["tools"]?.arrayValue?.count == 1)
    }

    @Test func wireNamesMapBackToRelayActionNames() async throws {
        let server = try LocalHTTPServer(replies: [.json(status: 200, body: Self.completion(
            content: nil,
            toolCalls: #"[{"id": "c1", "type": "function", "function": {"name": "photos__create_album", "arguments": "{\"name\": \"Trip\"}"}}]"#
        ))])
        defer { server.stop() }
        let response = try await Self.model(server).respond(to: ModelRequest(messages: [.user("Album Trip")], tools: Self.tools))
        #expect(response.toolCalls == [ToolCall(name: "photos.create_album", arguments: ["name": .string("Trip")])])
        let body = try Self.checkShape(try #require(server.requests.first))
        #expect(body["tools"]?.arrayValue?.first?["function"]?["name"]?.stringValue == "photos__create_album")
    }

    @Test func toolCallTextInContentIsParsed() async throws {
        let text = "<tool_call>\n{\"name\": \"photos.create_album\", \"arguments\": {\"name\": \"Beach\"}}\n</tool_call>"
        let server = try LocalHTTPServer(replies: [.json(status: 200, body: Self.completion(content: text))])
        defer { server.stop() }
        let response = try await Self.model(server, key: nil).respond(to: ModelRequest(messages: [.user("Album Beach")], tools: Self.tools))
        #expect(response.toolCalls.map(\.name) == ["photos.create_album"])
        #expect(response.rawText == text)
        #expect(server.requests.first?.headers["authorization"] == nil)
    }

    @Test func imagesAreSmartResizedJPEGsAndBoxesMapBack() async throws {
        // 100×60 picture → smart-resized to 112×56; a box in resized pixels maps back to original pixels.
        let frame = Frame(width: 100, height: 60, rgb: [UInt8](repeating: 128, count: 100 * 60 * 3))
        let answer = "```json\n[{\"bbox_2d\": [56, 28, 112, 56], \"label\": \"cup\"}]\n```"
        let server = try LocalHTTPServer(replies: [.json(status: 200, body: Self.completion(content: answer))])
        defer { server.stop() }
        let request = ModelRequest(messages: [.user([.image(ImageInput(.frame(frame))), .text("Where is the cup?")])])
        let response = try await Self.model(server).respond(to: request)
        let body = try Self.checkShape(try #require(server.requests.first))
        let url = try #require(body["messages"]?.arrayValue?.last?["content"]?.arrayValue?.first?["image_url"]?["url"]?.stringValue)
        let jpeg = try #require(Data(base64Encoded: String(url.dropFirst("data:image/jpeg;base64,".count))))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("relay-model-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("sent.jpg")
        try jpeg.write(to: file)
        let sent = try ImageCodec.decode(file)
        #expect(sent.width == 112 && sent.height == 56)
        #expect(response.groundings == [Grounding(shape: .box(x1: 50, y1: 30, x2: 100, y2: 60), label: "cup", imageIndex: 0)])
    }

    @Test func retriesAfter429HonouringRetryAfter() async throws {
        let server = try LocalHTTPServer(replies: [
            .json(status: 429, body: #"{"error": {"message": "Too many requests", "type": "rate_limit"}}"#, headers: ["Retry-After": "0"]),
            .json(status: 200, body: Self.completion(content: "Hello!")),
        ])
        defer { server.stop() }
        let response = try await Self.model(server).respond(to: ModelRequest(messages: [.user("Hi")]))
        #expect(response.text == "Hello!")
        #expect(server.requests.count == 2)
    }

    @Test func persistent500FailsAfterRetries() async throws {
        let fail = LocalHTTPServer.Reply.json(status: 500, body: #"{"object": "error", "message": "engine crashed", "code": 500}"#)
        let server = try LocalHTTPServer(replies: [fail, fail, fail, fail])
        defer { server.stop() }
        do {
            _ = try await Self.model(server, retries: 2).respond(to: ModelRequest(messages: [.user("Hi")]))
            Issue.record("a persistent 500 must fail")
        } catch let error as ModelError {
            #expect(error.code == .serverError)
            #expect(error.httpStatus == 500)
            #expect(error.message.contains("engine crashed"))
        }
        #expect(server.requests.count == 3)
    }

    @Test func badRequestFailsAtOnceWithTheServersMessage() async throws {
        let server = try LocalHTTPServer(replies: [
            .json(status: 400, body: #"{"object": "error", "message": "At most 5 image(s) may be provided in one request.", "type": "BadRequestError", "code": 400}"#),
        ])
        defer { server.stop() }
        do {
            _ = try await Self.model(server).respond(to: ModelRequest(messages: [.user("Hi")]))
            Issue.record("a 400 must fail")
        } catch let error as ModelError {
            #expect(error.code == .rejected)
            #expect(error.httpStatus == 400)
            #expect(error.message.contains("At most 5 image(s)"))
        }
        #expect(server.requests.count == 1)
    }

    /// The client gives up at its timeout (1 s) against a server that would answer only after 10 s.
    ///
    /// When it gives up is measured where it happens, on the wire (``LocalHTTPServer/hangUps``): the awaiting task
    /// resumes on the cooperative pool, which the parallel suite's other tests can hold for seconds (this test once
    /// saw its error 3.3 s after the start although the connection was closed at 1 s).
    @Test func slowServerTimesOut() async throws {
        let server = try LocalHTTPServer(replies: [.hang(seconds: 10)])
        defer { server.stop() }
        let started = Date()
        do {
            _ = try await Self.model(server, timeout: 1, retries: 0).respond(to: ModelRequest(messages: [.user("Hi")]))
            Issue.record("a hanging server must time out")
        } catch let error as ModelError {
            #expect(error.code == .timeout, "\(error)")
        }
        #expect(Date().timeIntervalSince(started) < 10, "the client waited for the server")
        // The server thread records the hang-up right after the close; give it a moment to do so.
        for _ in 0 ..< 100 where server.hangUps.isEmpty { try await Task.sleep(for: .milliseconds(20)) }
        #expect(server.hangUps.count == 1)
        let hangUp = try #require(server.hangUps.first ?? nil, "the client never closed the connection")
        #expect(hangUp > 0.9 && hangUp < 1.8, "the client hung up after \(hangUp) s")
    }

    @Test func malformedAnswerKeepsTheRawText() throws {
        let model = OpenAICompatibleModel(configuration: .init(baseURL: URL(string: "http://127.0.0.1:1")!, model: "m"))
        #expect(throws: ModelError.self) { try model.parseResponse(Data("<html>oops</html>".utf8)) }
        do {
            _ = try model.parseResponse(Data(Self.completion(content: "<tool_call>{\"name\": ").utf8))
            Issue.record("an unclosed tool call must fail")
        } catch let error as ModelError {
            #expect(error.code == .malformedOutput)
            #expect(error.rawOutput == "<tool_call>{\"name\": ")
        }
    }

    @Test func endpointDoesNotDoubleV1() {
        let a = OpenAICompatibleModel.Configuration(baseURL: URL(string: "https://dashscope.aliyuncs.com/compatible-mode/v1")!, model: "qwen-vl-max")
        #expect(a.endpoint.absoluteString == "https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions")
        let b = OpenAICompatibleModel.Configuration(baseURL: URL(string: "http://localhost:8000/")!, model: "m")
        #expect(b.endpoint.absoluteString == "http://localhost:8000/v1/chat/completions")
    }
}
