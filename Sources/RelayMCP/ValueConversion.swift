import Foundation
import MCP
import RelayJSON

/// Relay's ordered JSON and the SDK's `MCP.Value` carry the same JSON; these convert without loss (object key order
/// aside, which `MCP.Value` does not keep).
extension JSONValue {
    init(_ value: MCP.Value) {
        switch value {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .int(i)
        case .double(let d): self = .double(d)
        case .string(let s): self = .string(s)
        case .data(let mime, let data): self = .string("data:\(mime ?? "application/octet-stream");base64,\(data.base64EncodedString())")
        case .array(let a): self = .array(a.map(JSONValue.init))
        case .object(let o): self = .object(JSONObject(o.sorted { $0.key < $1.key }.map { (key: $0.key, value: JSONValue($0.value)) }))
        }
    }

    var mcpValue: MCP.Value {
        switch self {
        case .null: .null
        case .bool(let b): .bool(b)
        case .int(let i): .int(i)
        case .double(let d): .double(d)
        case .string(let s): .string(s)
        case .array(let a): .array(a.map(\.mcpValue))
        case .object(let o): .object(Dictionary(o.map { ($0.key, $0.value.mcpValue) }, uniquingKeysWith: { _, last in last }))
        }
    }
}
