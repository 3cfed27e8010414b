import Foundation
public import MCP
public import RelayAgent
public import RelayKit
import RelayJSON

/// Relay as an MCP server: every installed action is a tool, plus `relay_command`, `analyze_video` and `ask_video`;
/// each subsystem's state and the audit log are resources; a few prompts. Everything runs through the
/// ``Dispatcher`` (validation, permissions, time limits, audit) with origin `mcp`.
///
/// One service serves any number of sessions (one for stdio, one per client over HTTP): ``makeServer()`` builds
/// an SDK `Server` per session with these handlers.
public final class RelayMCPService: Sendable {
    /// The dispatcher every call goes through.
    public let dispatcher: Dispatcher
    /// Runs `relay_command` (the same understanding as `relay say`).
    public let runner: CommandRunner
    /// The tools, in order, and the action each names (nil for Relay's own three).
    let tools: [Tool]
    let actionsByTool: [String: ActionDescriptor]

    /// Server name and version announced to clients.
    public static let serverName = "relay"
    public static let serverVersion = "1.0.0"

    /// Creates the service over `dispatcher`; `runner` defaults to the embedded model with the text skill.
    public init(dispatcher: Dispatcher, runner: CommandRunner? = nil) {
        self.dispatcher = dispatcher
        self.runner = runner ?? CommandRunner(dispatcher: dispatcher)
        var tools: [Tool] = []
        var byTool: [String: ActionDescriptor] = [:]
        for action in dispatcher.catalog.actions {
            let name = Self.toolName(for: action.name, taken: Set(byTool.keys))
            byTool[name] = action
            tools.append(Self.tool(name: name, for: action))
        }
        tools += Self.ownTools
        self.tools = tools
        self.actionsByTool = byTool
    }

    /// `settings.set_toggle` → `settings_set_toggle`: several clients accept only `[A-Za-z0-9_-]` in tool names.
    /// A clash (or one of Relay's own names) gets a numeric suffix.
    static func toolName(for action: String, taken: Set<String>) -> String {
        let base = String(action.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") ? $0 : "_" }).prefix(60)
        var name = String(base), n = 2
        while taken.contains(name) || ownToolNames.contains(name) { name = "\(base)_\(n)"; n += 1 }
        return name
    }

    static func tool(name: String, for action: ActionDescriptor) -> Tool {
        var schema = JSONSchema.object(for: action.parameters)
        if action.permission == .destructive, case .object(var o) = schema, case .object(var properties)? = o["properties"] {
            properties["confirmed"] = [
                "type": "boolean",
                "description": "True once the user has agreed: this action cannot be undone. Without it the server asks for confirmation.",
            ]
            o["properties"] = .object(properties)
            schema = .object(o)
        }
        // The hints MCP clients read to decide what to ask before calling. destructiveHint defaults to true in MCP,
        // so a write says false outright; idempotent only where it is certain (reads).
        let annotations = Tool.Annotations(
            title: "\(action.subsystemDisplayName): \(action.name.split(separator: ".").last.map { $0.replacingOccurrences(of: "_", with: " ") } ?? action.name)",
            readOnlyHint: action.permission == .read,
            destructiveHint: action.permission == .read ? nil : action.permission == .destructive,
            idempotentHint: action.permission == .read ? true : nil,
            openWorldHint: false)
        return Tool(name: name, description: action.description, inputSchema: schema.mcpValue, annotations: annotations)
    }

    static let ownToolNames: Set<String> = ["relay_command", "analyze_video", "ask_video"]

    static let ownTools: [Tool] = [
        Tool(name: "relay_command",
             description: "Carry out a command in plain words (\"turn on wifi\", \"set a timer for ten minutes\") as Relay's voice assistant would: understood by the same model and sentence templates as `relay say`, then run by the dispatcher.",
             inputSchema: [
                "type": "object",
                "properties": [
                    "text": ["type": "string", "description": "The command, in English or Mandarin."],
                    "confirmed": ["type": "boolean", "description": "True when the user already agreed to a destructive action the command leads to."],
                ],
                "required": ["text"],
             ],
             annotations: .init(title: "Relay: command in words", readOnlyHint: false, destructiveHint: true, openWorldHint: false)),
        Tool(name: "analyze_video",
             description: "Analyse a video file on this machine: scenes, shot boundaries and transitions, events (motion, sound, brightness), colours; returns the timeline as structured content.",
             inputSchema: [
                "type": "object",
                "properties": [
                    "path": ["type": "string", "description": "Absolute path of the video file on the machine running Relay."],
                    "fps": ["type": "number", "description": "Frames per second sampled for the model (default 2).", "minimum": 0.1, "maximum": 30],
                ],
                "required": ["path"],
             ],
             annotations: .init(title: "Relay: analyse a video", readOnlyHint: true, idempotentHint: true, openWorldHint: false)),
        Tool(name: "ask_video",
             description: "Ask a question about a video file on this machine (\"when does the screen turn red?\", \"where is the ball?\"); answers with text and, where it applies, a time span or a box.",
             inputSchema: [
                "type": "object",
                "properties": [
                    "path": ["type": "string", "description": "Absolute path of the video file on the machine running Relay."],
                    "question": ["type": "string", "description": "The question, in words."],
                ],
                "required": ["path", "question"],
             ],
             annotations: .init(title: "Relay: ask about a video", readOnlyHint: true, idempotentHint: true, openWorldHint: false)),
    ]

    // MARK: - Sessions

    /// A new SDK server with Relay's handlers, for one session. Start it with `start(transport:initializeHook:)`
    /// passing ``initializeHook(for:)`` so elicitation is used only with clients that offer it.
    public func makeServer() async -> (Server, MCPSession) {
        let server = Server(
            name: Self.serverName, version: Self.serverVersion, title: "Relay",
            instructions: "Relay controls a simulated phone (Photos, Camera, Messages, Settings, Clock, Notes and plugin servers). Call its actions directly, or relay_command with plain words. Destructive actions ask for confirmation. State: relay://state/<subsystem>; audit log: relay://audit.",
            capabilities: .init(prompts: .init(listChanged: false), resources: .init(subscribe: true, listChanged: false), tools: .init(listChanged: false)))
        let session = MCPSession()
        await register(on: server, session: session)
        return (server, session)
    }

    /// Serves one session on standard input and output until the client closes its end (every request read is
    /// answered first).
    public func serveStdio() async throws {
        let (server, session) = await makeServer()
        try await server.start(transport: LineStdioTransport(), initializeHook: initializeHook(for: session))
        await server.waitUntilCompleted()
        await server.stop()
    }

    /// Records what the client offers (elicitation) when it initializes.
    public func initializeHook(for session: MCPSession) -> @Sendable (Client.Info, Client.Capabilities) async throws -> Void {
        { _, capabilities in await session.setElicitation(capabilities.elicitation != nil) }
    }

    private func register(on server: Server, session: MCPSession) async {
        let tools = self.tools
        await server.withMethodHandler(ListTools.self) { _ in .init(tools: tools) }
        await server.withMethodHandler(CallTool.self) { [weak server, self] params in
            guard let server else { throw MCPError.internalError("The session has ended.") }
            return try await self.call(params, server: server, session: session)
        }
        await server.withMethodHandler(ListResources.self) { [self] _ in .init(resources: self.resources) }
        await server.withMethodHandler(ReadResource.self) { [self] params in try await self.read(params.uri) }
        await server.withMethodHandler(ResourceSubscribe.self) { [self] params in
            guard self.resources.contains(where: { $0.uri == params.uri }) else { throw MCPError.invalidParams("There is no resource \(params.uri); see resources/list.") }
            await session.subscribe(params.uri)
            return Empty()
        }
        await server.withMethodHandler(ResourceUnsubscribe.self) { params in
            await session.unsubscribe(params.uri)
            return Empty()
        }
        await server.withMethodHandler(ListPrompts.self) { _ in .init(prompts: RelayPrompts.all) }
        await server.withMethodHandler(GetPrompt.self) { params in try RelayPrompts.get(params.name, arguments: params.arguments ?? [:]) }
    }

    // MARK: - Tools

    private func call(_ params: CallTool.Parameters, server: Server, session: MCPSession) async throws -> CallTool.Result {
        var arguments = JSONObject()
        for (key, value) in (params.arguments ?? [:]).sorted(by: { $0.key < $1.key }) { arguments[key] = JSONValue(value) }
        switch params.name {
        case "relay_command": return try await command(arguments, server: server, session: session)
        case "analyze_video": return try await analyzeVideo(arguments)
        case "ask_video": return try await askVideo(arguments)
        default: break
        }
        guard let action = actionsByTool[params.name] else {
            let close = tools.map(\.name).filter { EditDistanceLite.between($0, params.name) <= 3 }.prefix(3)
            throw MCPError.invalidParams("Unknown tool: \(params.name)." + (close.isEmpty ? " See tools/list." : " Did you mean \(close.joined(separator: " or "))?"))
        }
        var confirmed = false
        if let c = arguments["confirmed"], action.permission == .destructive {
            guard case .bool(let b) = c else { throw MCPError.invalidParams("confirmed: expected true or false, not \(c.compactJSON).") }
            confirmed = b
            arguments["confirmed"] = nil
        }
        var result = await dispatcher.dispatch(Command(action: action.name, arguments: arguments, origin: .mcp, confirmed: confirmed))
        if result.status == .invalidArguments {
            throw MCPError.invalidParams("\(params.name): \(result.message)")
        }
        var note: String?
        if result.status == .needsConfirmation {
            switch await confirm(result.message, server: server, session: session) {
            case .yes:
                result = await dispatcher.dispatch(Command(action: action.name, arguments: arguments, origin: .mcp, confirmed: true))
            case .no:
                return Self.reply("Not confirmed; nothing was changed.", structured: ["status": "refused", "action": .string(action.name)], isError: false)
            case .cannotAsk:
                note = "To go ahead, call \(params.name) again with the same arguments and \"confirmed\": true once the user agrees."
            }
        }
        if result.status == .done && action.permission != .read {
            await notifyChanged(subsystem: action.subsystem, server: server, session: session)
        } else {
            await notifyChanged(subsystem: nil, server: server, session: session)
        }
        let text = note.map { "\(result.message) \($0)" } ?? result.message
        let failed = ![CommandStatus.done, .needsConfirmation].contains(result.status)
        return Self.reply(text, structured: result.json, isError: failed)
    }

    private func command(_ arguments: JSONObject, server: Server, session: MCPSession) async throws -> CallTool.Result {
        guard case .string(let text)? = arguments["text"], !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw MCPError.invalidParams("relay_command: text is required: the command in words, e.g. \"turn on wifi\".")
        }
        let confirmedUpfront = arguments["confirmed"]?.boolValue ?? false
        let interaction = MCPInteraction(server: server, session: session, confirmedUpfront: confirmedUpfront)
        let outcome = await runner.run(text, origin: .mcp, interaction: interaction)
        if let result = outcome.result, result.status == .done,
           let action = dispatcher.catalog.action(named: result.action), action.permission != .read {
            await notifyChanged(subsystem: action.subsystem, server: server, session: session)
        }
        var reply = outcome.reply
        if outcome.status == .needsConfirmation {
            reply += " To go ahead, call relay_command again with the same text and \"confirmed\": true once the user agrees."
        }
        return Self.reply(reply, structured: outcome.json, isError: [.failed, .notUnderstood].contains(outcome.status))
    }

    private func videoPath(_ arguments: JSONObject, tool: String) throws -> URL {
        guard case .string(let path)? = arguments["path"], !path.isEmpty else {
            throw MCPError.invalidParams("\(tool): path is required: the absolute path of a video file on this machine.")
        }
        let url = URL(fileURLWithPath: (path as NSString).expandingTildeInPath)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw MCPError.invalidParams("\(tool): there is no file at \(url.path).")
        }
        return url
    }

    private func analyzeVideo(_ arguments: JSONObject) async throws -> CallTool.Result {
        let url = try videoPath(arguments, tool: "analyze_video")
        var options = VideoAnalysisOptions()
        if let fps = arguments["fps"] {
            guard let value = fps.doubleValue, value >= 0.1, value <= 30 else { throw MCPError.invalidParams("analyze_video: fps must be a number from 0.1 to 30.") }
            options.fps = value
        }
        do {
            let analysis = try await VideoAnalyzer.analyze(url, options: options)
            return Self.reply(analysis.text, structured: analysis.json, isError: false)
        } catch {
            return Self.reply("Could not analyse \(url.path): \(error)", structured: nil, isError: true)
        }
    }

    private func askVideo(_ arguments: JSONObject) async throws -> CallTool.Result {
        let url = try videoPath(arguments, tool: "ask_video")
        guard case .string(let question)? = arguments["question"], !question.isEmpty else {
            throw MCPError.invalidParams("ask_video: question is required.")
        }
        do {
            let result = try await VideoQuestionSession().ask(question, about: url)
            return Self.reply(result.answer, structured: VideoQuestionSession.json(result), isError: false)
        } catch {
            return Self.reply("Could not answer about \(url.path): \(error)", structured: nil, isError: true)
        }
    }

    static func reply(_ text: String, structured: JSONValue?, isError: Bool) -> CallTool.Result {
        CallTool.Result(content: [Tool.Content.text(text, metadata: nil)], structuredContent: structured?.mcpValue, isError: isError ? true : nil)
    }

    enum Confirmation { case yes, no, cannotAsk }

    /// Asks the user through the client (MCP elicitation) when the client offers it.
    func confirm(_ message: String, server: Server, session: MCPSession) async -> Confirmation {
        guard await session.offersElicitation else { return .cannotAsk }
        do {
            let answer = try await server.requestElicitation(
                message: message,
                requestedSchema: .init(properties: ["confirm": ["type": "boolean", "title": "Go ahead?", "description": "Yes to carry it out; it cannot be undone."]],
                                       required: ["confirm"]))
            guard answer.action == .accept else { return .no }
            return answer.content?["confirm"]?.boolValue == false ? .no : .yes
        } catch {
            return .cannotAsk
        }
    }

    // MARK: - Resources

    var resources: [Resource] {
        dispatcher.catalog.subsystems.map { s in
            Resource(name: "\(s.name) state", uri: "relay://state/\(s.name)", title: "\(s.displayName) state",
                     description: "\(s.summary) The subsystem's current state as JSON.", mimeType: "application/json")
        } + [Resource(name: "audit log", uri: "relay://audit", title: "Audit log",
                      description: "The last 100 commands and their results (JSON), newest last.", mimeType: "application/json")]
    }

    private func read(_ uri: String) async throws -> ReadResource.Result {
        if uri == "relay://audit" {
            let entries = (try? dispatcher.audit.entries()) ?? []
            return .init(contents: [.text(JSONValue.array(Array(entries.suffix(100))).prettyText, uri: uri, mimeType: "application/json")])
        }
        let prefix = "relay://state/"
        guard uri.hasPrefix(prefix), dispatcher.catalog.subsystem(named: String(uri.dropFirst(prefix.count))) != nil else {
            throw MCPError.invalidParams("There is no resource \(uri); see resources/list.")
        }
        do {
            let state = try await dispatcher.state(of: String(uri.dropFirst(prefix.count)))
            return .init(contents: [.text(state.prettyText, uri: uri, mimeType: "application/json")])
        } catch {
            throw MCPError.internalError("Could not read \(uri): \(error)")
        }
    }

    /// Tells a subscribed client that a subsystem's state (and the audit log, which every call changes) changed.
    private func notifyChanged(subsystem: String?, server: Server, session: MCPSession) async {
        var uris = ["relay://audit"]
        if let subsystem { uris.append("relay://state/\(subsystem)") }
        for uri in uris where await session.isSubscribed(uri) {
            try? await server.notify(ResourceUpdatedNotification.message(.init(uri: uri)))
        }
    }
}

/// What one client session offered and asked for.
public actor MCPSession {
    private(set) var offersElicitation = false
    private var subscriptions: Set<String> = []

    init() {}
    func setElicitation(_ offered: Bool) { offersElicitation = offered }
    func subscribe(_ uri: String) { subscriptions.insert(uri) }
    func unsubscribe(_ uri: String) { subscriptions.remove(uri) }
    func isSubscribed(_ uri: String) -> Bool { subscriptions.contains(uri) }
}

/// `relay_command`'s questions (confirm a destructive action, a missing argument) asked through MCP elicitation.
struct MCPInteraction: CommandInteraction {
    let server: Server
    let session: MCPSession
    let confirmedUpfront: Bool

    func confirm(_ question: String) async -> Bool? {
        if confirmedUpfront { return true }
        guard await session.offersElicitation else { return nil }
        guard let answer = try? await server.requestElicitation(
            message: question,
            requestedSchema: .init(properties: ["confirm": ["type": "boolean", "title": "Go ahead?"]], required: ["confirm"])) else { return nil }
        guard answer.action == .accept else { return false }
        return answer.content?["confirm"]?.boolValue ?? true
    }

    func answer(_ question: String, for parameter: Parameter) async -> String? {
        guard await session.offersElicitation else { return nil }
        guard let answer = try? await server.requestElicitation(
            message: question,
            requestedSchema: .init(properties: ["answer": ["type": "string", "title": .string(parameter.description)]], required: ["answer"])),
            answer.action == .accept else { return nil }
        return answer.content?["answer"]?.stringValue
    }
}

/// Levenshtein distance for "did you mean" (RelayKit's is internal).
enum EditDistanceLite {
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

extension JSONValue {
    /// Indented JSON for resources people may read.
    var prettyText: String { PrettyJSON.render(self) }
}
