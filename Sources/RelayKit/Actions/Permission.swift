/// How much an action may change: the dispatcher asks for confirmation before destructive ones.
///
/// Mirrors MCP's `readOnlyHint` / `destructiveHint` annotations and App Intents' authentication
/// policies: the class is part of the action's declaration, never decided at run time.
public enum Permission: String, Sendable, Hashable, CaseIterable, Codable {
    /// Only reads state (list, search, query).
    case read
    /// Changes state in a way the user can undo or redo by hand (create an album, send a message).
    case write
    /// Loses data or cannot be undone (empty Recently Deleted, cancel all alarms): needs `confirmed`.
    case destructive
}
