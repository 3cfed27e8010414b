import Foundation
import RelayKit
import RelayJSON
import Synchronization

/// What Relay knows about one tool of an external MCP server, as an action: everything `Action`'s static
/// requirements ask for, plus where to send the call.
struct RemoteToolDefinition: Sendable {
    /// `server.tool`.
    var actionName: String
    /// The tool's name on its server (may contain characters an action name does not).
    var toolName: String
    var description: String
    var permission: Permission
    var parameters: [Parameter]
    var sentences: Sentences
    /// Parameters whose schema type Relay has no kind for (arrays, objects): declared as text, sent as parsed JSON.
    var jsonParameters: Set<String>
    var server: RemoteMCPServer
}

/// Relay's actions are types (`any Action.Type`: one declaration, static metadata), but a remote server's tools are
/// only known at run time. Rather than widen RelayKit's action model for them, each remote tool gets a distinct
/// *generic instantiation* `RemoteToolAction<Slot>`, whose static properties read the tool's definition from this
/// registry. `Slot` spells the tool's index in binary (`Bit1<Bit0<One>>` is 5), so any number of tools get types
/// of a depth that grows only with log2 of the count, and the dispatcher, catalog, matcher and docs treat remote
/// tools exactly like built-in actions.
enum RemoteToolRegistry {
    private static let definitions = Mutex<[RemoteToolDefinition]>([])

    /// Registers `definition` and returns its action type.
    static func register(_ definition: RemoteToolDefinition) -> any Action.Type {
        let index = definitions.withLock { list in
            list.append(definition)
            return list.count   // 1-based: `One` is the first
        }
        return actionType(for: slot(index))
    }

    static func definition(_ index: Int) -> RemoteToolDefinition {
        definitions.withLock { $0[index - 1] }
    }

    private static func slot(_ n: Int) -> any RemoteToolSlot.Type {
        precondition(n >= 1)
        if n == 1 { return One.self }
        let higher = slot(n >> 1)
        return n & 1 == 0 ? appendZero(higher) : appendOne(higher)
    }

    private static func appendZero<S: RemoteToolSlot>(_: S.Type) -> any RemoteToolSlot.Type { Bit0<S>.self }
    private static func appendOne<S: RemoteToolSlot>(_: S.Type) -> any RemoteToolSlot.Type { Bit1<S>.self }
    private static func actionType<S: RemoteToolSlot>(for _: S.Type) -> any Action.Type { RemoteToolAction<S>.self }
}

/// A type-level number naming a registered remote tool.
protocol RemoteToolSlot: Sendable { static var index: Int { get } }
enum One: RemoteToolSlot { static var index: Int { 1 } }
enum Bit0<Higher: RemoteToolSlot>: RemoteToolSlot { static var index: Int { Higher.index * 2 } }
enum Bit1<Higher: RemoteToolSlot>: RemoteToolSlot { static var index: Int { Higher.index * 2 + 1 } }

extension String {
    var lowercasedFirstLetter: String { prefix(1).lowercased() + dropFirst() }
}

/// One tool of an external MCP server as a Relay action. The dispatcher validates its arguments against the
/// parameters derived from the tool's input schema, gates it by the permission derived from its annotations, runs it
/// with its time limit and audits it like any other action; ``perform(in:)`` forwards the call to the server.
struct RemoteToolAction<Slot: RemoteToolSlot>: Action {
    static var definition: RemoteToolDefinition { RemoteToolRegistry.definition(Slot.index) }
    static var name: String { definition.actionName }
    static var description: String { definition.description }
    static var permission: Permission { definition.permission }
    static var parameters: [Parameter] { definition.parameters }
    static var sentences: Sentences { definition.sentences }
    // What the server did is outside Relay's database, so undo cannot take it back.
    static var reversibility: Reversibility { .irreversible("It ran on the MCP server \(definition.server.config.name), which Relay cannot undo.") }

    let arguments: JSONObject

    init(arguments: Arguments) throws {
        let definition = Self.definition
        var sent = JSONObject()
        for (key, value) in arguments.values {
            if definition.jsonParameters.contains(key), case .string(let text) = value {
                do { sent[key] = try JSONValue(parsing: text) } catch {
                    throw ActionFailure(.invalidArguments, "\(key): \(text.prefix(40)) is not valid JSON, which \(definition.toolName) expects here.")
                }
            } else {
                sent[key] = value
            }
        }
        self.arguments = sent
    }

    func perform(in context: ActionContext) async throws -> ActionOutcome {
        let definition = Self.definition
        // An unconfirmed destructive command runs as a preview that the dispatcher rolls back, but a server's changes
        // are not in that transaction: ask before calling it at all.
        if definition.permission == .destructive {
            let what = definition.description.trimmingCharacters(in: CharacterSet(charactersIn: ". ")).lowercasedFirstLetter
            try context.confirm(count: 1, "This will \(what) (on the MCP server \(definition.server.config.name)), and it can't be undone. Please confirm.")
        }
        let reply = try await definition.server.callTool(definition.toolName, arguments: arguments)
        let text = reply.text.isEmpty ? "\(definition.toolName) finished." : reply.text
        if reply.isError {
            // The Python SDK words every tool error "Error executing tool NAME: …"; the message already names both.
            let prefix = "Error executing tool \(definition.toolName): "
            let reason = text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text
            throw ActionFailure(.failed, "\(definition.server.displayName) reported an error from \(definition.toolName): \(reason)")
        }
        var data: JSONObject = ["text": .string(reply.text)]
        if let structured = reply.structured { data["structured"] = structured }
        return .done(text, data: data)
    }
}
