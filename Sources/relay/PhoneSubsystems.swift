import Foundation
import RelayKit
import RelayMCP
import RelayPlugins

/// The subsystems a command works with: the built-in plugins, then the external MCP servers of `<home>/mcp.json`.
enum PhoneSubsystems {
    /// Loads both (`probe`: start every plugin server now, as `relay mcp` does, rather than on its first call when
    /// its tools are cached); problems with mcp.json (a bad entry, a server that is down) are reported on stderr as
    /// `relay <command>: …` and never stop the command, since the built-in plugins still work.
    static func load(home: URL, command: String, probe: Bool = false, quiet: Bool = false) async -> (subsystems: [any Subsystem], remote: MCPPlugins) {
        let builtIn = InstalledPlugins.subsystems
        let remote = await MCPPlugins.load(home: home, builtIn: builtIn, probe: probe)
        if !quiet {
            for problem in remote.problems { printError(command, problem) }
            for h in remote.health where h.status == "failing" { printError(command, "MCP server \(h.name): \(h.message)") }
        }
        return (builtIn + remote.subsystems, remote)
    }
}
