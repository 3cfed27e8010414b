public import Foundation
public import RelayKit
public import RelayJSON

/// The external MCP servers of a home folder, loaded as subsystems.
///
/// ```swift
/// let remote = await MCPPlugins.load(home: home, builtIn: InstalledPlugins.subsystems)
/// let dispatcher = Dispatcher(subsystems: InstalledPlugins.subsystems + remote.subsystems, home: home)
/// ```
///
/// Each server's tools are cached in `<home>/mcp-tools.json` (with the configuration they came from). A load that
/// finds a server's tools cached does not start it: it starts on its first call, so `relay say` does not spawn every
/// plugin server for every command. A load with `probe` (`relay mcp`, `relay plugin list`), or one that finds no cache
/// for a server, starts it and lists its tools. A server that cannot start keeps its cached tools, so its actions
/// still exist and fail with a message naming it.
public struct MCPPlugins: Sendable {
    /// How one server is doing, for `relay plugin list`.
    public struct Health: Sendable {
        /// The server's name (its subsystem).
        public var name: String
        /// `ok` (started and listed its tools now), `not_started` (its tools from the cache; it starts on first use)
        /// or `failing` (could not start or list; cached tools, if any, are kept).
        public var status: String
        /// How many tools became actions.
        public var tools: Int
        /// What went wrong, or how it is reached.
        public var message: String

        /// As JSON.
        public var json: JSONValue {
            ["server": .string(name), "status": .string(status), "tools": .int(tools), "message": .string(message)]
        }
    }

    /// One subsystem per server in the file (with no actions if it never listed its tools).
    public var subsystems: [any Subsystem]
    /// Each server's health, in the file's order.
    public var health: [Health]
    /// Problems with the file itself or with a tool's declaration (bad sentences, clashing names); never fatal.
    public var problems: [String]
    /// The servers, to stop them when done.
    public var servers: [RemoteMCPServer]

    /// How long a server's start and tool list may take: `RELAY_MCP_START_TIMEOUT` seconds, else 20. A Python server
    /// importing its SDK on a busy machine can take longer than that (as with Claude Code's `MCP_TIMEOUT`).
    public static var defaultStartTimeout: Duration {
        if let text = ProcessInfo.processInfo.environment["RELAY_MCP_START_TIMEOUT"], let seconds = Double(text),
           seconds > 0, seconds.isFinite {
            return .milliseconds(Int64(seconds * 1000))
        }
        return .seconds(20)
    }

    /// No servers.
    public static let none = MCPPlugins(subsystems: [], health: [], problems: [], servers: [])

    /// Loads `<home>/mcp.json`; servers named like a built-in subsystem are skipped with a problem.
    /// - Parameters:
    ///   - probe: start every server and list its tools even when they are cached (health checks, `relay mcp`).
    ///   - startTimeout: how long a server's start and tool list may take; by default ``defaultStartTimeout``.
    public static func load(home: URL, builtIn: [any Subsystem], probe: Bool = false, startTimeout: Duration? = nil) async -> MCPPlugins {
        let startTimeout = startTimeout ?? defaultStartTimeout
        let config: MCPConfig
        do { config = try MCPConfig.load(home: home) } catch {
            return MCPPlugins(subsystems: [], health: [], problems: ["\(error)"], servers: [])
        }
        guard !config.servers.isEmpty else { return .none }
        let reserved = Set(builtIn.map(\.name))
        var cache = ToolCache(home: home)
        var problems: [String] = []
        let usable = config.servers.filter { entry in
            if reserved.contains(entry.name) {
                problems.append("mcp.json: the server \(entry.name) has the name of a built-in subsystem and is skipped; rename it.")
                return false
            }
            return true
        }
        // Start them all at once: each is a process that takes its time to import its SDK.
        let listed = await withTaskGroup(of: (Int, RemoteMCPServer, Result<[JSONObject], any Error>).self) { group in
            for (i, entry) in usable.enumerated() {
                let cached = probe ? nil : cache.tools(for: entry)
                group.addTask {
                    let server = RemoteMCPServer(config: entry, startTimeout: startTimeout, cacheHome: home)
                    if let cached { return (i, server, .success(cached)) }
                    do { return (i, server, .success(try await server.listTools())) } catch { return (i, server, .failure(error)) }
                }
            }
            var out: [(Int, RemoteMCPServer, Result<[JSONObject], any Error>)] = []
            for await item in group { out.append(item) }
            return out.sorted { $0.0 < $1.0 }
        }
        var subsystems: [any Subsystem] = []
        var health: [Health] = []
        var servers: [RemoteMCPServer] = []
        for (_, server, result) in listed {
            let entry = server.config
            servers.append(server)
            var tools: [JSONObject] = []
            var status = "ok", message = ""
            switch result {
            case .success(let list):
                tools = list
                if await server.starts > 0 {
                    cache.store(entry, tools: list)
                    message = "\(list.count) tools"
                } else {
                    status = "not_started"
                    message = "\(list.count) tools, as it listed them last; it starts on first use"
                }
            case .failure(let error):
                message = "\(error)"
                status = "failing"
                if let cached = cache.tools(for: entry) {
                    tools = cached
                    message += " (its \(cached.count) tools from the last start are kept)"
                }
            }
            var actions: [any Action.Type] = []
            var names = Set<String>()
            for tool in tools {
                guard let definition = RemoteToolMapping.definition(of: tool, server: server, problems: &problems) else { continue }
                guard names.insert(definition.actionName).inserted else {
                    problems.append("\(entry.name): two tools become the action \(definition.actionName); the second is skipped.")
                    continue
                }
                actions.append(RemoteToolRegistry.register(definition))
            }
            for tool in entry.sentences.keys where !tools.contains(where: { $0["name"]?.stringValue == tool }) && status == "ok" {
                problems.append("mcp.json: \(entry.name).sentences names the tool \(tool), which the server does not list.")
            }
            subsystems.append(RemoteMCPSubsystem(server: server, actions: actions))
            health.append(Health(name: entry.name, status: status, tools: actions.count, message: message))
        }
        cache.save()
        return MCPPlugins(subsystems: subsystems, health: health, problems: problems, servers: servers)
    }

    /// Stops every server this load started.
    public func shutdown() async {
        for server in servers { await server.shutdown() }
    }
}

/// Turns an MCP tool (name, description, input schema, annotations) into an action definition.
enum RemoteToolMapping {
    static func definition(of tool: JSONObject, server: RemoteMCPServer, problems: inout [String]) -> RemoteToolDefinition? {
        let entry = server.config
        guard let toolName = tool["name"]?.stringValue, !toolName.isEmpty else {
            problems.append("\(entry.name): a tool without a name is skipped.")
            return nil
        }
        let verb = actionVerb(toolName)
        let annotations = tool["annotations"]?.objectValue ?? [:]
        // MCP's defaults make an unannotated tool "destructive"; Relay reads only what a server says outright, so an
        // unannotated tool is a write (asking for a confirmation before every call would make it unusable by voice).
        let permission: Permission = annotations["readOnlyHint"]?.boolValue == true ? .read
            : annotations["destructiveHint"]?.boolValue == true ? .destructive : .write
        let description = tool["description"]?.stringValue?.trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty
            ?? tool["title"]?.stringValue ?? annotations["title"]?.stringValue ?? "Run \(toolName) on \(entry.name)."
        var parameters: [Parameter] = []
        var jsonParameters = Set<String>()
        let schema = tool["inputSchema"]?.objectValue ?? [:]
        let required = Set((schema["required"]?.arrayValue ?? []).compactMap(\.stringValue))
        for (name, property) in schema["properties"]?.objectValue ?? [:] {
            let p = property.objectValue ?? [:]
            let text = p["description"]?.stringValue ?? p["title"]?.stringValue ?? name
            let isRequired = required.contains(name)
            var kind: ParameterKind
            let type = p["type"]?.stringValue ?? (p["anyOf"]?.arrayValue?.compactMap { $0.objectValue?["type"]?.stringValue }.first { $0 != "null" })
            if case .array(let values)? = p["enum"], !values.isEmpty, values.allSatisfy({ $0.stringValue != nil }) {
                kind = .choice(values.compactMap(\.stringValue).map { Choice($0, en: [$0.replacingOccurrences(of: "_", with: " ")]) })
            } else {
                switch type {
                case "string": kind = .text
                case "integer": kind = .integer(min: p["minimum"]?.intValue, max: p["maximum"]?.intValue)
                case "number": kind = .number(min: p["minimum"]?.doubleValue, max: p["maximum"]?.doubleValue)
                case "boolean": kind = .boolean
                default:
                    kind = .text
                    jsonParameters.insert(name)
                }
            }
            let described = jsonParameters.contains(name) ? text + " (JSON)" : text
            parameters.append(Parameter(name: name, description: described, kind: kind, isRequired: isRequired,
                                        defaultValue: jsonParameters.contains(name) ? nil : p["default"].flatMap { $0 == .null ? nil : $0 }))
        }
        return RemoteToolDefinition(actionName: "\(entry.name).\(verb)", toolName: toolName, description: description,
                                    permission: permission, parameters: parameters,
                                    sentences: entry.sentences[toolName] ?? entry.sentences[verb] ?? [:],
                                    jsonParameters: jsonParameters, server: server)
    }

    /// The part after `server.`: the tool's name with every character other than letters, digits and `_` as `_`.
    static func actionVerb(_ toolName: String) -> String {
        String(toolName.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") ? $0 : "_" })
    }
}

/// The tools each server listed last, so a server that is down at startup keeps its actions.
struct ToolCache {
    let url: URL
    private var entries: JSONObject
    private var changed = false

    init(home: URL) {
        url = home.appendingPathComponent("mcp-tools.json")
        entries = (try? String(contentsOf: url, encoding: .utf8)).flatMap { try? JSONValue(parsing: $0) }?.objectValue ?? [:]
    }

    func tools(for entry: MCPConfig.Server) -> [JSONObject]? {
        guard let cached = entries[entry.name]?.objectValue, cached["config"]?.stringValue == entry.fingerprint else { return nil }
        return cached["tools"]?.arrayValue?.compactMap(\.objectValue)
    }

    /// Stores `tools` for `entry` in the cache file at once (after a server started lazily).
    static func update(home: URL, _ entry: MCPConfig.Server, tools: [JSONObject]) {
        var cache = ToolCache(home: home)
        cache.store(entry, tools: tools)
        cache.save()
    }

    mutating func store(_ entry: MCPConfig.Server, tools: [JSONObject]) {
        let value: JSONValue = ["config": .string(entry.fingerprint), "tools": .array(tools.map { .object($0) })]
        guard entries[entry.name] != value else { return }
        entries[entry.name] = value
        changed = true
    }

    func save() {
        guard changed else { return }
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        // Written whole to a temporary file and renamed, so a concurrent reader never sees half of it.
        let temporary = url.appendingPathExtension("tmp-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try Data(JSONValue.object(entries).compactJSON.utf8).write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
        }
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
