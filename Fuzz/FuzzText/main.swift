import FuzzHarness
import RelayLanguage
import RelayModel

// Fuzz target: the two text parsers that take outside input. The first byte picks one:
// - odd: Qwen2.5-VL output (`<tool_call>` JSON, grounding boxes, timestamps) through OutputParser, as a model's reply;
// - even: a sentence template (alternatives, optionals, slots, rules) through SentenceTemplate and its expansions,
//   as a plugin author writes them (rules in the template's own syntax: "name=template" lines after the first).
FuzzHarness.run { bytes in
    guard let selector = bytes.first else { return }
    let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
    if selector & 1 == 1 {
        _ = try? OutputParser.parse(text)
        _ = try? OutputParser.toolCalls(in: text)
        _ = try? OutputParser.groundings(in: text)
        _ = try? OutputParser.temporalSpans(in: text)
    } else {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let template = lines.isEmpty ? "" : lines.removeFirst()
        var rules: [String: String] = [:]
        for line in lines {
            guard let eq = line.firstIndex(of: "=") else { continue }
            rules[String(line[..<eq])] = String(line[line.index(after: eq)...])
        }
        if let parsed = try? SentenceTemplate(template, rules: rules) {
            _ = parsed.slotNames
            _ = parsed.expansions(limit: 200)
        }
    }
}
