import ArgumentParser
import Foundation
import RelayAgent
import RelayKit
import RelayMCP

/// `relay mcp`: Serve the phone's actions, video analysis and state to MCP clients.
struct MCPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Serve the phone's actions, video analysis and state to MCP clients (stdio or Streamable HTTP).",
        discussion: """
            Tools: every action of every installed plugin and of the MCP servers in <home>/mcp.json, named with _ for \
            the dot (settings_set_toggle), with its JSON Schema and readOnlyHint/destructiveHint/idempotentHint; plus \
            relay_command (plain words, as relay say), analyze_video and ask_video. Destructive tools ask for \
            confirmation through MCP elicitation when the client offers it, else their result asks for a second call \
            with "confirmed": true. Every call goes through the dispatcher (time limit, audit log, origin mcp). \
            Resources: relay://state/<subsystem> and relay://audit (subscribable). Prompts: file_video_highlights, \
            phone_status, explain_recent_changes.
            By default speaks MCP on standard input and output (logs go to stderr). --http 127.0.0.1:8765 serves \
            Streamable HTTP at http://127.0.0.1:8765/mcp instead: loopback unless another address is given (which \
            then needs --token-file), Origin checked against the loopback names and --allow-origin, a bearer token \
            required with --token-file. Port 0 picks a free port; the address is printed on stderr.
            Example (Claude Desktop): {"mcpServers": {"relay": {"command": "relay", "args": ["mcp"]}}}
            """
    )

    @Option(help: ArgumentHelp("Serve Streamable HTTP on this address instead of stdio.", valueName: "host:port"))
    var http: String?

    @Option(help: ArgumentHelp("A file holding the bearer token HTTP clients must send.", valueName: "file"), completion: .file())
    var tokenFile: String?

    @Option(help: ArgumentHelp("An Origin allowed besides the loopback names (repeatable), e.g. https://app.example.", valueName: "origin"))
    var allowOrigin: [String] = []

    @Option(help: "How long one action may run, in seconds.")
    var timeout: Double = 30

    @OptionGroup var home: HomeOptions
    @OptionGroup var model: ModelOptions

    func validate() throws {
        guard timeout > 0, timeout.isFinite else { throw ValidationError("--timeout must be a positive number of seconds.") }
        if let http {
            let (host, port) = try Self.parse(http)
            if !Self.isLoopback(host) && tokenFile == nil {
                throw ValidationError("--http \(http) listens beyond this machine; give --token-file so only clients with the token get in.")
            }
            _ = port
        } else if tokenFile != nil || !allowOrigin.isEmpty {
            throw ValidationError("--token-file and --allow-origin apply to --http only; stdio needs neither.")
        }
    }

    static func parse(_ address: String) throws -> (String, Int) {
        guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]), (0...65535).contains(port) else {
            throw ValidationError("--http expects host:port, such as 127.0.0.1:8765, not \(address).")
        }
        var host = String(address[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return (host.isEmpty ? "127.0.0.1" : host, port)
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    func run() async throws {
        var token: String?
        if let tokenFile {
            do {
                token = try String(contentsOfFile: tokenFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            } catch {
                printError("mcp", "cannot read --token-file \(tokenFile): \(error.localizedDescription)")
                throw ExitCode.failure
            }
            if token?.isEmpty ?? true {
                printError("mcp", "--token-file \(tokenFile) is empty; put the token in it.")
                throw ExitCode.failure
            }
        }
        let (subsystems, remote) = await PhoneSubsystems.load(home: home.url, command: "mcp", probe: true)
        let dispatcher = Dispatcher(subsystems: subsystems, home: home.url, timeout: .milliseconds(Int64(timeout * 1000)))
        let service = RelayMCPService(dispatcher: dispatcher, runner: try await model.commandRunner(dispatcher: dispatcher, home: home.url))
        if let http {
            let (host, port) = try Self.parse(http)
            let server = MCPHTTPServer(service: service, configuration: .init(host: host, port: port, token: token, allowedOrigins: allowOrigin))
            let bound: Int
            do { bound = try await server.start() } catch {
                printError("mcp", "cannot listen on \(http): \(error)")
                throw ExitCode.failure
            }
            let shown = host.contains(":") ? "[\(host)]" : host
            FileHandle.standardError.write(Data("relay mcp: listening on http://\(shown):\(bound)/mcp\n".utf8))
            await server.waitUntilClosed()
        } else {
            try await service.serveStdio()
        }
        await remote.shutdown()
    }
}
