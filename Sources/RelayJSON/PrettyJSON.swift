/// JSON laid out for people (`relay state`): two-space indents, one member per line, keys in order.
public enum PrettyJSON {
    /// The indented text of `value`.
    public static func render(_ value: JSONValue) -> String {
        var out = ""
        write(value, indent: 0, to: &out)
        return out
    }

    private static func write(_ value: JSONValue, indent: Int, to out: inout String) {
        let pad = String(repeating: "  ", count: indent + 1)
        let close = String(repeating: "  ", count: indent)
        switch value {
        case .array(let items) where !items.isEmpty:
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += pad
                write(item, indent: indent + 1, to: &out)
                out += i < items.count - 1 ? ",\n" : "\n"
            }
            out += close + "]"
        case .object(let o) where o.count > 0:
            out += "{\n"
            for (i, m) in o.members.enumerated() {
                out += pad + JSONValue.string(m.key).compactJSON + ": "
                write(m.value, indent: indent + 1, to: &out)
                out += i < o.count - 1 ? ",\n" : "\n"
            }
            out += close + "}"
        default:
            out += value.compactJSON
        }
    }
}
