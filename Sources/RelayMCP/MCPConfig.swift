public import Foundation
public import RelayKit
import RelayJSON

/// `<home>/mcp.json`: the external MCP servers Relay serves as plugins, in the `mcpServers` format Claude Desktop and
/// Qwen-Agent use, plus Relay's own optional keys.
///
/// ```json
/// {"mcpServers": {
///   "weather": {"command": "python3", "args": ["weather.py"], "env": {"UNITS": "metric"},
///               "sentences": {"forecast": ["what's the weather in {city}"]}, "timeout": 20},
///   "remote":  {"url": "http://127.0.0.1:8000/mcp", "headers": {"Authorization": "Bearer …"}}
/// }}
/// ```
///
/// Each server becomes a subsystem named after its key (lowercase letters, digits and `_`); each of its tools an
/// action `key.tool`. `sentences` maps a tool's name to templates in Relay's syntax, as a list (English) or by
/// language (`{"en": […], "zh": […]}`); `timeout` is the seconds a call may take (the dispatcher's limit otherwise).
public struct MCPConfig: Sendable {
    /// One server entry.
    public struct Server: Sendable, Hashable {
        /// How to reach it.
        public enum Transport: Sendable, Hashable {
            /// A program speaking MCP on its standard input and output.
            case stdio(command: String, arguments: [String], environment: [String: String])
            /// A Streamable HTTP endpoint.
            case http(url: URL, headers: [String: String])
        }
        /// The key in `mcpServers`: the subsystem's name.
        public var name: String
        public var transport: Transport
        /// Sentence templates per tool name.
        public var sentences: [String: Sentences]
        /// How long one call may take, if the entry says.
        public var timeout: Duration?
        /// The entry's JSON, to notice when a cached tool list belongs to an older configuration.
        public var fingerprint: String
    }

    /// The servers, in the file's order.
    public var servers: [Server]

    /// The file's place in a home folder.
    public static func url(home: URL) -> URL { home.appendingPathComponent("mcp.json") }

    /// Reads `<home>/mcp.json`; no file means no servers.
    /// - Throws: ``KitError`` naming the file and the entry when it is not valid.
    public static func load(home: URL) throws -> MCPConfig {
        let url = Self.url(home: home)
        guard FileManager.default.fileExists(atPath: url.path) else { return MCPConfig(servers: []) }
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw KitError(.file, "\(url.path): cannot be read (\(error.localizedDescription)).")
        }
        return try parse(text, file: url.path)
    }

    /// Parses the text of an `mcp.json`; `file` names it in errors.
    public static func parse(_ text: String, file: String = "mcp.json") throws -> MCPConfig {
        func fail(_ message: String) -> KitError { KitError(.file, "\(file): \(message)") }
        let root: JSONValue
        do { root = try JSONValue(parsing: text) } catch { throw fail("not valid JSON (\(error)).") }
        guard case .object(let top) = root, case .object(let entries)? = top["mcpServers"] else {
            throw fail("expected an object {\"mcpServers\": {\"name\": {…}}}.")
        }
        var servers: [Server] = []
        for (name, value) in entries {
            guard name.range(of: "^[a-z][a-z0-9_]{0,39}$", options: .regularExpression) != nil else {
                throw fail("the server name \"\(name)\" must be lowercase letters, digits and _ (it becomes the subsystem's name).")
            }
            guard case .object(let entry) = value else { throw fail("\(name): expected an object.") }
            let transport: Server.Transport
            if case .string(let command)? = entry["command"] {
                var arguments: [String] = []
                if let args = entry["args"] {
                    guard case .array(let list) = args, let strings = Optional(list.compactMap(\.stringValue)), strings.count == list.count else {
                        throw fail("\(name): args must be a list of strings.")
                    }
                    arguments = strings
                }
                transport = .stdio(command: command, arguments: arguments, environment: try stringMap(entry["env"], "\(name).env", fail))
            } else if case .string(let address)? = entry["url"] {
                guard let url = URL(string: address), ["http", "https"].contains(url.scheme ?? "") else {
                    throw fail("\(name): url must be an http(s) address, not \(address).")
                }
                transport = .http(url: url, headers: try stringMap(entry["headers"], "\(name).headers", fail))
            } else {
                throw fail("\(name): needs \"command\" (a program speaking MCP on stdio) or \"url\" (Streamable HTTP).")
            }
            var sentences: [String: Sentences] = [:]
            if let value = entry["sentences"] {
                guard case .object(let byTool) = value else { throw fail("\(name).sentences: expected {\"tool\": [\"template\", …]}.") }
                for (tool, spec) in byTool {
                    switch spec {
                    case .array(let list) where list.allSatisfy({ $0.stringValue != nil }):
                        sentences[tool] = Sentences(["en": list.compactMap(\.stringValue).map { Sentence($0) }])
                    case .object(let byLanguage):
                        var d: [String: [Sentence]] = [:]
                        for (language, list) in byLanguage {
                            guard case .array(let items) = list, items.allSatisfy({ $0.stringValue != nil }) else {
                                throw fail("\(name).sentences.\(tool).\(language): expected a list of templates.")
                            }
                            d[language] = items.compactMap(\.stringValue).map { Sentence($0) }
                        }
                        sentences[tool] = Sentences(d)
                    default:
                        throw fail("\(name).sentences.\(tool): expected a list of templates or {\"en\": […]}.")
                    }
                }
            }
            var timeout: Duration?
            if let t = entry["timeout"] {
                guard let seconds = t.doubleValue, seconds > 0, seconds.isFinite else { throw fail("\(name).timeout: expected a positive number of seconds.") }
                timeout = .milliseconds(Int64(seconds * 1000))
            }
            servers.append(Server(name: name, transport: transport, sentences: sentences, timeout: timeout, fingerprint: value.compactJSON))
        }
        return MCPConfig(servers: servers)
    }

    private static func stringMap(_ value: JSONValue?, _ what: String, _ fail: (String) -> KitError) throws -> [String: String] {
        guard let value else { return [:] }
        guard case .object(let o) = value else { throw fail("\(what): expected an object of strings.") }
        var out: [String: String] = [:]
        for (k, v) in o {
            guard case .string(let s) = v else { throw fail("\(what).\(k): expected a string.") }
            out[k] = s
        }
        return out
    }
}
