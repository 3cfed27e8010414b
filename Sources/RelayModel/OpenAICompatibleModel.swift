public import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import RelayMedia
public import RelayJSON

/// A real Qwen2.5-VL behind an OpenAI-compatible chat-completions server (vLLM, DashScope compatible mode, Ollama).
///
/// Requests carry what the embedded model would see: images as base64 JPEG data URLs of the smart-resized
/// frames, videos as lists of such frames (`{"type": "video", "video": [...]}`, as vLLM and DashScope accept),
/// the tools in OpenAI's `tools` shape, temperature and max tokens. Answers are read from `tool_calls` and
/// from `<tool_call>` text in `content` (vLLM without `--tool-call-parser hermes` leaves them there).
/// 429 and 5xx are retried with exponential backoff honouring `Retry-After`; other 4xx fail at once with
/// the server's message.
public struct OpenAICompatibleModel: VisionLanguageModel {
    /// Where and how to reach the server.
    public struct Configuration: Sendable, Hashable {
        /// Server base, e.g. `http://localhost:8000` or `https://dashscope.aliyuncs.com/compatible-mode/v1`.
        public var baseURL: URL
        /// Model name, e.g. `Qwen/Qwen2.5-VL-7B-Instruct`.
        public var model: String
        /// Bearer token, if the server wants one.
        public var apiKey: String?
        /// Seconds to wait for one attempt (FoundationNetworking counts whole seconds, so it is rounded up, at least 1).
        public var timeout: TimeInterval
        /// Retries after the first attempt for 429/5xx.
        public var maxRetries: Int
        /// First backoff delay in seconds; doubled each retry.
        public var initialBackoff: TimeInterval
        /// Longest wait between attempts, `Retry-After` included.
        public var maxBackoff: TimeInterval
        /// JPEG quality of sent frames.
        public var jpegQuality: Int

        /// Creates a configuration.
        public init(
            baseURL: URL, model: String, apiKey: String? = nil, timeout: TimeInterval = 120, maxRetries: Int = 3,
            initialBackoff: TimeInterval = 0.5, maxBackoff: TimeInterval = 30, jpegQuality: Int = 90
        ) {
            self.baseURL = baseURL
            self.model = model
            self.apiKey = apiKey
            self.timeout = timeout
            self.maxRetries = maxRetries
            self.initialBackoff = initialBackoff
            self.maxBackoff = maxBackoff
            self.jpegQuality = jpegQuality
        }

        /// `{base}/v1/chat/completions`, without doubling a base that already ends in `/v1`.
        public var endpoint: URL {
            var base = baseURL.absoluteString
            while base.hasSuffix("/") { base.removeLast() }
            if !base.hasSuffix("/v1") { base += "/v1" }
            return URL(string: base + "/chat/completions") ?? baseURL
        }
    }

    /// The configuration.
    public var configuration: Configuration

    /// Creates a client.
    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// Creates a client; the API key defaults to the environment's `RELAY_API_KEY`.
    public init(baseURL: URL, model: String, apiKey: String? = ProcessInfo.processInfo.environment["RELAY_API_KEY"]) {
        self.init(configuration: Configuration(baseURL: baseURL, model: model, apiKey: apiKey))
    }

    public func respond(to request: ModelRequest) async throws -> ModelResponse {
        let prepared = try await RequestPreparer.prepare(request.messages)
        let body = try requestBody(for: request, images: prepared.images, videos: prepared.videos)
        let data = try await send(Data(body.compactJSON.utf8))
        var response = try parseResponse(data, images: prepared.images.map(\.plan), videos: prepared.videos.map(\.plan))
        for i in response.toolCalls.indices {
            response.toolCalls[i].name = Self.localName(response.toolCalls[i].name, tools: request.tools)
        }
        return response
    }

    /// The name a tool goes by on the wire: OpenAI-style APIs accept only `[a-zA-Z0-9_-]{1,64}`, so the dot
    /// of Relay's `subsystem.action` names becomes `__` (DashScope and OpenAI reject a dot; vLLM passes it).
    public static func wireName(_ name: String) -> String { name.replacingOccurrences(of: ".", with: "__") }

    /// The tool of `tools` whose wire name is `wire`, or `wire` unchanged (a model may also answer with the dotted name).
    public static func localName(_ wire: String, tools: [ToolSpec]) -> String {
        tools.first { wireName($0.name) == wire }?.name ?? wire
    }

    // MARK: Request

    /// The chat-completions body for `request`, with its prepared images and videos, in request order.
    public func requestBody(for request: ModelRequest, images: [PreparedImage], videos: [PreparedVideo]) throws -> JSONValue {
        var nextImage = 0
        var nextVideo = 0
        var pendingCallIDs: [String] = []
        var messages: [JSONValue] = []
        for (index, message) in request.messages.enumerated() {
            var m = JSONObject()
            m["role"] = .string(message.role.rawValue)
            let hasMedia = message.content.contains { if case .text = $0 { false } else { true } }
            if hasMedia {
                var parts: [JSONValue] = []
                for part in message.content {
                    switch part {
                    case .text(let t):
                        parts.append(.object(["type": .string("text"), "text": .string(t)]))
                    case .image:
                        guard nextImage < images.count else { throw ModelError(.invalidInput, "an image of the request was not prepared") }
                        let url = try dataURL(images[nextImage].frame)
                        nextImage += 1
                        parts.append(.object(["type": .string("image_url"), "image_url": .object(["url": .string(url)])]))
                    case .video:
                        guard nextVideo < videos.count else { throw ModelError(.invalidInput, "a video of the request was not prepared") }
                        let video = videos[nextVideo]
                        nextVideo += 1
                        let urls = try video.frames.map { JSONValue.string(try dataURL($0)) }
                        parts.append(.object(["type": .string("video"), "video": .array(urls), "fps": .double(video.plan.sampleFPS)]))
                    }
                }
                m["content"] = .array(parts)
            } else if message.role == .assistant && !message.toolCalls.isEmpty && message.text.isEmpty {
                m["content"] = .null
            } else {
                m["content"] = .string(message.text)
            }
            if message.role == .assistant && !message.toolCalls.isEmpty {
                pendingCallIDs = message.toolCalls.indices.map { "call_\(index)_\($0)" }
                m["tool_calls"] = .array(zip(message.toolCalls, pendingCallIDs).map { call, id in
                    .object([
                        "id": .string(id), "type": .string("function"),
                        "function": .object(["name": .string(Self.wireName(call.name)), "arguments": .string(JSONValue.object(call.arguments).qwenJSON)]),
                    ])
                })
            }
            if message.role == .tool, !pendingCallIDs.isEmpty {
                m["tool_call_id"] = .string(pendingCallIDs.removeFirst())
            }
            messages.append(.object(m))
        }
        var body = JSONObject()
        body["model"] = .string(configuration.model)
        body["messages"] = .array(messages)
        if !request.tools.isEmpty {
            body["tools"] = .array(request.tools.map { tool in
                var wire = tool
                wire.name = Self.wireName(tool.name)
                return ChatTemplate.toolJSON(wire)
            })
        }
        if let t = request.options.temperature { body["temperature"] = .double(t) }
        if let n = request.options.maxTokens { body["max_tokens"] = .int(n) }
        return .object(body)
    }

    private func dataURL(_ frame: Frame) throws -> String {
        let jpeg = try ImageCodec.encodeJPEG(frame, quality: configuration.jpegQuality)
        return "data:image/jpeg;base64," + Data(jpeg).base64EncodedString()
    }

    // MARK: Transport

    private func send(_ body: Data) async throws -> Data {
        let endpoint = configuration.endpoint
        var attempt = 0
        while true {
            try Task.checkCancellation()
            var urlRequest = URLRequest(url: endpoint, timeoutInterval: max(1, configuration.timeout.rounded(.up)))
            urlRequest.httpMethod = "POST"
            urlRequest.setValue("application/json", forHTTPHeaderField: "Content-Type")
            urlRequest.setValue("application/json", forHTTPHeaderField: "Accept")
            if let key = configuration.apiKey, !key.isEmpty {
                urlRequest.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization")
            }
            urlRequest.httpBody = body
            let (data, response) = try await perform(urlRequest)
            let status = response.statusCode
            if (200..<300).contains(status) { return data }
            let message = Self.errorMessage(in: data)
            let retryable = status == 429 || (500..<600).contains(status)
            if retryable && attempt < configuration.maxRetries {
                let backoff = configuration.initialBackoff * pow(2, Double(attempt))
                let wait = min(configuration.maxBackoff, Self.retryAfter(response) ?? backoff)
                attempt += 1
                try await Task.sleep(nanoseconds: UInt64(max(0, wait) * 1_000_000_000))
                continue
            }
            let text = "HTTP \(status) from \(endpoint.absoluteString): \(message)"
            if retryable {
                throw ModelError(.serverError, text + (attempt > 0 ? " (after \(attempt) retries)" : ""), httpStatus: status)
            }
            let hint = status == 401 || status == 403 ? ". Check RELAY_API_KEY." : (status == 404 ? ". Check --model-url and --model." : "")
            throw ModelError(.rejected, text + hint, httpStatus: status)
        }
    }

    private func perform(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
        // FoundationNetworking hands libcurl whole seconds: 0.5 would become "time out at once".
        let seconds = max(1, configuration.timeout.rounded(.up))
        let sessionConfiguration = URLSessionConfiguration.ephemeral
        sessionConfiguration.timeoutIntervalForRequest = seconds
        sessionConfiguration.timeoutIntervalForResource = seconds
        let session = URLSession(configuration: sessionConfiguration)
        defer { session.finishTasksAndInvalidate() }
        let endpoint = request.url?.absoluteString ?? ""
        do {
            let (data, response) = try await session.data(for: request)
            guard let http = response as? HTTPURLResponse else {
                throw ModelError(.transport, "\(endpoint) did not answer with HTTP")
            }
            return (data, http)
        } catch let error as URLError {
            if error.code == .timedOut {
                throw ModelError(.timeout, "\(endpoint) did not answer within \(Int(max(1, configuration.timeout.rounded(.up)))) s")
            }
            throw ModelError(.transport, "cannot reach \(endpoint): \(error.localizedDescription)")
        }
    }

    /// Seconds from a `Retry-After` header (delta-seconds or an HTTP date).
    static func retryAfter(_ response: HTTPURLResponse) -> TimeInterval? {
        guard let value = response.value(forHTTPHeaderField: "Retry-After")?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = Double(value), seconds >= 0 { return seconds }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        if let date = formatter.date(from: value) { return max(0, date.timeIntervalSinceNow) }
        return nil
    }

    /// The server's own words from an error body (`{"error": {"message"}}`, `{"message"}`, `{"detail"}`), else the text.
    static func errorMessage(in data: Data) -> String {
        let text = String(decoding: data, as: UTF8.self)
        if let value = try? JSONValue(parsing: text) {
            if let error = value.objectValue?["error"] {
                if let m = error.objectValue?["message"]?.stringValue { return m }
                if let m = error.stringValue { return m }
            }
            if let m = value.objectValue?["message"]?.stringValue { return m }
            if let m = value.objectValue?["detail"]?.stringValue { return m }
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? "(empty body)" : String(trimmed.prefix(300))
    }

    // MARK: Response

    /// Reads a chat-completions answer: `tool_calls`, and `<tool_call>`/grounding/temporal formats in `content`.
    public func parseResponse(_ data: Data, images: [ImagePlan] = [], videos: [VideoPlan] = []) throws -> ModelResponse {
        let text = String(decoding: data, as: UTF8.self)
        let value: JSONValue
        do { value = try JSONValue(parsing: text) } catch {
            throw ModelError(.malformedOutput, "the server's answer is not JSON", rawOutput: text)
        }
        guard let message = value["choices"]?.arrayValue?.first?["message"]?.objectValue else {
            throw ModelError(.malformedOutput, "the server's answer has no choices[0].message", rawOutput: text)
        }
        let content: String
        switch message["content"] {
        case .string(let s)?: content = s
        case .array(let parts)?: content = parts.compactMap { $0["text"]?.stringValue }.joined()
        default: content = ""
        }
        var response = try OutputParser.parse(content, images: images, videos: videos)
        var structured: [ToolCall] = []
        for call in message["tool_calls"]?.arrayValue ?? [] {
            guard let function = call["function"]?.objectValue, let name = function["name"]?.stringValue else {
                throw ModelError(.malformedOutput, "a tool call in the server's answer has no function name", rawOutput: text)
            }
            structured.append(ToolCall(name: name, arguments: try OutputParser.arguments(function["arguments"], rawText: text)))
        }
        response.toolCalls = structured + response.toolCalls
        return response
    }
}

extension JSONValue {
    fileprivate subscript(key: String) -> JSONValue? { objectValue?[key] }
}
