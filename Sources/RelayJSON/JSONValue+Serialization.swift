extension JSONValue {
    /// The value as Python's `json.dumps(value, ensure_ascii=False)` writes it: `{"a": 1, "b": [1, 2]}`.
    ///
    /// This is how Qwen's chat template (transformers' `tojson`) and Qwen-Agent render tool schemas and
    /// tool calls, so prompts built from it are byte-identical to the reference. Keys keep their order.
    public var qwenJSON: String {
        var out = ""
        write(to: &out, itemSeparator: ", ", keySeparator: ": ")
        return out
    }

    /// The value without spaces (`{"a":1,"b":[1,2]}`), for HTTP bodies.
    public var compactJSON: String {
        var out = ""
        write(to: &out, itemSeparator: ",", keySeparator: ":")
        return out
    }

    private func write(to out: inout String, itemSeparator: String, keySeparator: String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += PythonFloat.repr(d)
        case .string(let s): JSONValue.writeString(s, to: &out)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += itemSeparator }
                item.write(to: &out, itemSeparator: itemSeparator, keySeparator: keySeparator)
            }
            out += "]"
        case .object(let object):
            out += "{"
            for (i, member) in object.members.enumerated() {
                if i > 0 { out += itemSeparator }
                JSONValue.writeString(member.key, to: &out)
                out += keySeparator
                member.value.write(to: &out, itemSeparator: itemSeparator, keySeparator: keySeparator)
            }
            out += "}"
        }
    }

    /// Escapes like Python's json with ensure_ascii=False: only `"`, `\` and control characters.
    static func writeString(_ s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}

/// Python's `repr(float)`, which differs from Swift's `description` in a few corners.
package enum PythonFloat {
    /// `repr(x)`: shortest round-trip digits, `1e-05` / `1e+16` exponents, `inf`, `nan`, `.0` on integers.
    package static func repr(_ x: Double) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x < 0 ? "-Infinity" : "Infinity" }
        // Swift's description already uses the shortest round-trip digits; Python switches to
        // exponent notation at 1e16 and below 1e-4, like Swift, but writes at least two exponent digits.
        var s = x.description
        if let e = s.firstIndex(where: { $0 == "e" }) {
            var mantissa = String(s[..<e])
            var exponent = String(s[s.index(after: e)...])
            if mantissa.hasSuffix(".0") { mantissa.removeLast(2) }
            var sign = "+"
            if exponent.hasPrefix("-") { sign = "-"; exponent.removeFirst() } else if exponent.hasPrefix("+") { exponent.removeFirst() }
            if exponent.count < 2 { exponent = "0" + exponent }
            s = mantissa + "e" + sign + exponent
        }
        return s
    }
}
