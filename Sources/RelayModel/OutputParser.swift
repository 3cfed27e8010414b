import Foundation
public import RelayJSON

/// Reads Qwen2.5-VL's output formats out of generated text.
///
/// - Tool calls: one or more `<tool_call>\n{"name": …, "arguments": {…}}\n</tool_call>` blocks.
/// - Grounding: a ```` ```json ```` list of `{"bbox_2d": [x1, y1, x2, y2], "label": …}` or `{"point_2d": [x, y], …}`
///   in pixels of the resized input, mapped back to original pixels when the request's image is known.
/// - Temporal answers: "… happens in 5.0 - 8.0 seconds." and `{"start_time": "00:21.80", "end_time": …}` objects.
///
/// Malformed output (an unclosed tool call, JSON that does not parse, a box without four numbers) throws
/// ``ModelError`` with code `malformed_output` and the raw text, never a crash and never a silent guess.
public enum OutputParser {
    /// Parses `text`; `images`/`videos` are the plans of the request, used to map coordinates back.
    ///
    /// Groundings refer to the last image of the request, or to the frames of its last video when it has no image.
    public static func parse(_ text: String, images: [ImagePlan] = [], videos: [VideoPlan] = []) throws -> ModelResponse {
        let (calls, remaining) = try toolCalls(in: text)
        let mapping: CoordinateMapping? = images.last.map { CoordinateMapping($0) } ?? videos.last.map { CoordinateMapping($0) }
        var groundings = try self.groundings(in: remaining, rawText: text)
        if let mapping {
            let index = images.isEmpty ? nil : images.count - 1
            groundings = groundings.map { var g = mapping.toOriginal($0); g.imageIndex = index; return g }
        }
        let spans = try temporalSpans(in: remaining, rawText: text)
        return ModelResponse(
            rawText: text, text: remaining.trimmingCharacters(in: .whitespacesAndNewlines), toolCalls: calls,
            groundings: groundings, temporalSpans: spans
        )
    }

    /// The `<tool_call>` blocks of `text`, and the text without them.
    public static func toolCalls(in text: String) throws -> (calls: [ToolCall], remaining: String) {
        var calls: [ToolCall] = []
        var remaining = ""
        var rest = Substring(text)
        while let open = rest.range(of: "<tool_call>") {
            remaining += rest[..<open.lowerBound]
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.range(of: "</tool_call>") else {
                throw ModelError(.malformedOutput, "a <tool_call> block is not closed", rawOutput: text)
            }
            let body = afterOpen[..<close.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
            calls.append(try toolCall(fromJSON: body, rawText: text))
            rest = afterOpen[close.upperBound...]
            // The block sat on its own lines: drop one of the two line breaks around it.
            if remaining.hasSuffix("\n"), rest.hasPrefix("\n") { rest = rest.dropFirst() }
        }
        if rest.range(of: "</tool_call>") != nil {
            throw ModelError(.malformedOutput, "a </tool_call> has no opening <tool_call>", rawOutput: text)
        }
        remaining += rest
        return (calls, remaining)
    }

    /// A tool call from its JSON: `{"name": "…", "arguments": {…}}` (arguments may also be a JSON string, as OpenAI sends them).
    public static func toolCall(fromJSON body: String, rawText: String? = nil) throws -> ToolCall {
        let value: JSONValue
        do {
            value = try JSONValue(parsing: body)
        } catch let error as JSONParseError {
            throw ModelError(.malformedOutput, "a tool call is not valid JSON (\(error.message))", rawOutput: rawText ?? body)
        }
        guard let object = value.objectValue, let name = object["name"]?.stringValue, !name.isEmpty else {
            throw ModelError(.malformedOutput, "a tool call has no \"name\"", rawOutput: rawText ?? body)
        }
        return ToolCall(name: name, arguments: try arguments(object["arguments"], rawText: rawText ?? body))
    }

    /// Tool-call arguments given as an object, a JSON string of an object, or absent.
    static func arguments(_ value: JSONValue?, rawText: String) throws -> JSONObject {
        switch value {
        case nil, .null?: return [:]
        case .object(let o)?: return o
        case .string(let s)?:
            if s.trimmingCharacters(in: .whitespaces).isEmpty { return [:] }
            guard let o = (try? JSONValue(parsing: s))?.objectValue else {
                throw ModelError(.malformedOutput, "tool-call arguments are not a JSON object", rawOutput: rawText)
            }
            return o
        default:
            throw ModelError(.malformedOutput, "tool-call arguments are not a JSON object", rawOutput: rawText)
        }
    }

    /// The JSON values of ```` ```json ```` fenced blocks in `text`.
    static func jsonBlocks(in text: String, rawText: String) throws -> [JSONValue] {
        var values: [JSONValue] = []
        var rest = Substring(text)
        while let open = rest.range(of: "```json") {
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.range(of: "```") else {
                throw ModelError(.malformedOutput, "a ```json block is not closed", rawOutput: rawText)
            }
            let body = String(afterOpen[..<close.lowerBound])
            do {
                values.append(try JSONValue(parsing: body))
            } catch let error as JSONParseError {
                throw ModelError(.malformedOutput, "a ```json block is not valid JSON (\(error.message))", rawOutput: rawText)
            }
            rest = afterOpen[close.upperBound...]
        }
        // A bare JSON list answer without a fence.
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if values.isEmpty, trimmed.hasPrefix("["), trimmed.contains("_2d"), let value = try? JSONValue(parsing: trimmed) {
            values.append(value)
        }
        return values
    }

    /// Groundings in `text`, in the coordinates the model wrote (resized pixels).
    public static func groundings(in text: String, rawText: String? = nil) throws -> [Grounding] {
        let raw = rawText ?? text
        var result: [Grounding] = []
        for value in try jsonBlocks(in: text, rawText: raw) {
            let items: [JSONValue] = value.arrayValue ?? [value]
            for item in items {
                guard let object = item.objectValue else { continue }
                let label = object["label"]?.stringValue ?? ""
                if let box = object["bbox_2d"] {
                    guard let n = box.arrayValue?.compactMap(\.doubleValue), n.count == 4, box.arrayValue?.count == 4 else {
                        throw ModelError(.malformedOutput, "bbox_2d must be four numbers [x1, y1, x2, y2]", rawOutput: raw)
                    }
                    result.append(Grounding(shape: .box(x1: n[0], y1: n[1], x2: n[2], y2: n[3]), label: label))
                } else if let point = object["point_2d"] {
                    guard let n = point.arrayValue?.compactMap(\.doubleValue), n.count == 2, point.arrayValue?.count == 2 else {
                        throw ModelError(.malformedOutput, "point_2d must be two numbers [x, y]", rawOutput: raw)
                    }
                    result.append(Grounding(shape: .point(x: n[0], y: n[1]), label: label))
                }
            }
        }
        return result
    }

    /// Temporal spans in `text`: "S - E seconds" phrases and `start_time`/`end_time` JSON objects.
    public static func temporalSpans(in text: String, rawText: String? = nil) throws -> [TemporalSpan] {
        let raw = rawText ?? text
        var spans: [TemporalSpan] = []
        for value in try jsonObjects(in: text, rawText: raw) {
            let items: [JSONValue] = value.arrayValue ?? [value]
            for item in items {
                guard let object = item.objectValue, object["start_time"] != nil || object["end_time"] != nil else { continue }
                guard let start = seconds(object["start_time"]), let end = seconds(object["end_time"]) else {
                    throw ModelError(.malformedOutput, "start_time/end_time must be seconds or \"mm:ss.ff\"", rawOutput: raw)
                }
                spans.append(TemporalSpan(start: start, end: end, description: object["description"]?.stringValue))
            }
        }
        spans.append(contentsOf: phraseSpans(in: text))
        return spans
    }

    /// JSON values in fenced blocks plus bare `{…}` objects mentioning start_time.
    static func jsonObjects(in text: String, rawText: String) throws -> [JSONValue] {
        var values = try jsonBlocks(in: text, rawText: rawText)
        if values.isEmpty, text.contains("\"start_time\"") {
            var rest = Substring(text)
            while let brace = rest.firstIndex(where: { $0 == "{" || $0 == "[" }) {
                if let parsed = try? JSONValue.parsePrefix(of: rest[brace...]) {
                    values.append(parsed.value)
                    rest = parsed.rest
                } else {
                    rest = rest[rest.index(after: brace)...]
                }
            }
            if values.isEmpty {
                throw ModelError(.malformedOutput, "an answer mentions start_time but holds no valid JSON", rawOutput: rawText)
            }
        }
        return values
    }

    /// "12.5 - 20 seconds", "12.5 to 20.0 seconds".
    static func phraseSpans(in text: String) -> [TemporalSpan] {
        var spans: [TemporalSpan] = []
        let chars = Array(text)
        var i = 0
        func number(at j: inout Int) -> Double? {
            let start = j
            while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
            if j < chars.count, chars[j] == ".", j + 1 < chars.count, chars[j + 1].isASCII, chars[j + 1].isNumber {
                j += 1
                while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
            }
            return j > start ? Double(String(chars[start..<j])) : nil
        }
        func skipSpaces(_ j: inout Int) { while j < chars.count, chars[j] == " " { j += 1 } }
        while i < chars.count {
            guard chars[i].isASCII, chars[i].isNumber, i == 0 || !(chars[i - 1].isNumber || chars[i - 1] == ".") else { i += 1; continue }
            var j = i
            guard let start = number(at: &j) else { i += 1; continue }
            skipSpaces(&j)
            var matchedSeparator = false
            if j < chars.count, chars[j] == "-" || chars[j] == "–" { j += 1; matchedSeparator = true }
            else if j + 1 < chars.count, chars[j] == "t", chars[j + 1] == "o" { j += 2; matchedSeparator = true }
            guard matchedSeparator else { i = max(j, i + 1); continue }
            skipSpaces(&j)
            guard let end = number(at: &j) else { i += 1; continue }
            skipSpaces(&j)
            let word = "seconds"
            let tail = String(chars[j..<min(chars.count, j + word.count)])
            if tail == word || tail.hasPrefix("second") || tail.hasPrefix("s") && (j + 1 >= chars.count || !chars[j + 1].isLetter) {
                spans.append(TemporalSpan(start: start, end: end))
                i = j
            } else {
                i += 1
            }
        }
        return spans
    }

    /// Seconds from a number or a "hh:mm:ss.ff" / "mm:ss.ff" / "ss.ff" string.
    public static func seconds(_ value: JSONValue?) -> Double? {
        switch value {
        case .int(let i)?: return Double(i)
        case .double(let d)?: return d
        case .string(let s)?:
            let parts = s.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
            guard (1...3).contains(parts.count) else { return nil }
            var total = 0.0
            for part in parts {
                guard let v = Double(part), v >= 0 else { return nil }
                total = total * 60 + v
            }
            return total
        default: return nil
        }
    }

    /// Formats seconds as Qwen's "mm:ss.ff".
    public static func timestamp(_ seconds: Double) -> String {
        let hundredths = Int((seconds * 100).rounded())
        let m = hundredths / 6000
        let s = (hundredths % 6000) / 100
        let f = hundredths % 100
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(two(m)):\(two(s)).\(two(f))"
    }
}
