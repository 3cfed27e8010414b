/// Where a command came from; the dispatcher is stricter with commands it did not hear from the user.
public enum CommandOrigin: String, Sendable, Hashable, CaseIterable, Codable {
    /// Spoken by the user (voice loop).
    case voice
    /// Typed by the user.
    case text
    /// Found in video content: it never runs a destructive action without explicit confirmation.
    case video
    /// Chosen by the model as a tool call.
    case model
    /// Run from the `relay call` command line.
    case cli
    /// Issued by another action through `ActionContext.call`.
    case subsystem
    /// Issued by a test.
    case test
    /// Called by an MCP client through `relay mcp`.
    case mcp
    /// Tapped or typed on the phone's rendered screen (`relay screen act`, the mobile_use agent).
    case screen
}
