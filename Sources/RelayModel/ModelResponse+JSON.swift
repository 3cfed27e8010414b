public import RelayJSON
extension ToolCall {
    /// `{"name": …, "arguments": {…}}`, as inside a `<tool_call>` block.
    public var json: JSONValue {
        var object = JSONObject()
        object["name"] = .string(name)
        object["arguments"] = .object(arguments)
        return .object(object)
    }
}

extension Grounding {
    /// `{"bbox_2d": [x1, y1, x2, y2], "label": …}` or `{"point_2d": [x, y], "label": …}` (plus `"image"` when known).
    public var json: JSONValue {
        var object = JSONObject()
        switch shape {
        case .box(let x1, let y1, let x2, let y2): object["bbox_2d"] = .array([x1, y1, x2, y2].map(JSONValue.number))
        case .point(let x, let y): object["point_2d"] = .array([x, y].map(JSONValue.number))
        }
        object["label"] = .string(label)
        if let imageIndex { object["image"] = .int(imageIndex) }
        return .object(object)
    }
}

extension TemporalSpan {
    /// `{"start": s, "end": e, "description": …}` in seconds.
    public var json: JSONValue {
        var object = JSONObject()
        object["start"] = .number(start)
        object["end"] = .number(end)
        if let description { object["description"] = .string(description) }
        return .object(object)
    }
}

extension ModelResponse {
    /// `{"text", "raw_text", "tool_calls", "groundings", "temporal_spans"}` for `--json` output.
    public var json: JSONValue {
        var object = JSONObject()
        object["text"] = .string(text)
        object["raw_text"] = .string(rawText)
        object["tool_calls"] = .array(toolCalls.map(\.json))
        object["groundings"] = .array(groundings.map(\.json))
        object["temporal_spans"] = .array(temporalSpans.map(\.json))
        return .object(object)
    }
}

extension JSONValue {
    /// An integer when `x` is whole (and small enough), else a double: `3` rather than `3.0` for pixel coordinates.
    public static func number(_ x: Double) -> JSONValue {
        x.rounded() == x && abs(x) < 9e15 ? .int(Int(x)) : .double(x)
    }
}
