import Foundation
import RelayKit
import RelayMCP
import RelayPlugins

/// The subsystems a command works with: the built-in plugins, then the external MCP servers of `<home>/mcp.json`.
enum PhoneSubsystems {
    /// Loads both; problems with mcp.json (a bad entry, a server that is down) are reported on stderr as
    /// `relay <command>: …` and never stop the command, since the built-in plugins still work.
    static func load(home: URL, command: String, quiet: Bool = false) async -> (subsystems: [any Subsystem], remote: MCPPlugins) {
        let builtIn = InstalledPlugins.subsystems
        let remote = await MCPPlugins.load(home: home, builtIn: builtIn)
        if !quiet {
            for problem in remote.problems { printError(command, problem) }
            for h in remote.health where h.status != "ok" { printError(command, "MCP server \(h.name): \(h.message)") }
        }
        return (builtIn + remote.subsystems, remote)
    }
}
