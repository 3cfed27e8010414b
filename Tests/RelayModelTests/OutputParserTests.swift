import Testing
import RelayModel
import RelayJSON

@Suite struct OutputParserTests {
    @Test func severalToolCallsRoundTrip() throws {
        let calls = [
            ToolCall(name: "photos.create_album", arguments: ["name": .string("Trip “2025”"), "tags": .array([.int(1), .double(2.5), .null])]),
            ToolCall(name: "clock.set_timer", arguments: ["seconds": .int(300)]),
        ]
        let text = StubAnswer.toolCalls(calls, preamble: "Sure.").text
        #expect(text.contains("<tool_call>\n{\"name\": \"photos.create_album\", \"arguments\": {\"name\": \"Trip “2025”\", \"tags\": [1, 2.5, null]}}\n</tool_call>"))
        let response = try OutputParser.parse(text)
        #expect(response.toolCalls == calls)
        #expect(response.text == "Sure.")
    }

    @Test(arguments: [
        "<tool_call>\n{\"name\": \"x\", \"arguments\": {}}",          // unclosed
        "<tool_call>\n{\"name\": \"x\", \"arguments\": {}\n</tool_call>", // bad JSON
        "<tool_call>\n{\"arguments\": {}}\n</tool_call>",               // no name
        "<tool_call>\n{\"name\": \"x\", \"arguments\": [1]}\n</tool_call>", // arguments not an object
        "done </tool_call>",
        "```json\n[{\"bbox_2d\": [1, 2, 3], \"label\": \"a\"}]\n```",
        "```json\n[{\"bbox_2d\": [1, 2, 3, 4], \"label\": \"a\"}\n```",
        "```json\n[{\"point_2d\": [\"1\", 2]}]\n```",
        "{\"start_time\": \"ab:cd\", \"end_time\": \"00:10.00\"}",
    ])
    func malformedOutputKeepsRawText(_ text: String) {
        do {
            _ = try OutputParser.parse(text)
            Issue.record("expected an error for \(text)")
        } catch let error as ModelError {
            #expect(error.code == .malformedOutput)
            #expect(error.rawOutput == text)
        } catch {
            Issue.record("unexpected error type \(error)")
        }
    }

    @Test func groundingsMapFromResizedToOriginalPixels() throws {
        let plan = try QwenVision.planImage(width: 1920, height: 1080)  // → 1932×1092
        let items = [
            Grounding(shape: .box(x1: 0, y1: 0, x2: 966, y2: 546), label: "left half"),
            Grounding(shape: .point(x: 1932, y: 1092), label: "corner"),
        ]
        let text = StubAnswer.groundings(items).text
        #expect(text == "```json\n[{\"bbox_2d\": [0, 0, 966, 546], \"label\": \"left half\"}, {\"point_2d\": [1932, 1092], \"label\": \"corner\"}]\n```")
        let response = try OutputParser.parse(text, images: [plan])
        #expect(response.groundings.count == 2)
        #expect(response.groundings[0].shape == .box(x1: 0, y1: 0, x2: 960, y2: 540))
        #expect(response.groundings[1].shape == .point(x: 1920, y: 1080))
        // And back.
        let mapping = CoordinateMapping(plan)
        #expect(mapping.toResized(response.groundings[0]).shape == items[0].shape)
    }

    @Test func rotationMapsToStoredPixels() {
        // A portrait phone video: stored 1920×1080, rotation −90, displayed 1080×1920, seen at 1092×1932… use exact halves.
        let m = CoordinateMapping(resizedWidth: 540, resizedHeight: 960, originalWidth: 1080, originalHeight: 1920, rotation: -90)
        let top = m.toStored(x: 0, y: 0)          // display top-left
        #expect(top.x == 0 && top.y == 1080)       // stored bottom-left
        let p = m.toStored(x: 540, y: 0)          // display top-right
        #expect(p.x == 0 && p.y == 0)
        let q = CoordinateMapping(resizedWidth: 100, resizedHeight: 100, originalWidth: 100, originalHeight: 100, rotation: 180).toStored(x: 10, y: 20)
        #expect(q.x == 90 && q.y == 80)
    }

    @Test func temporalPhrasesAndTimestamps() throws {
        let a = try OutputParser.parse("The given query happens in 64.0 - 72.0 seconds.")
        #expect(a.temporalSpans == [TemporalSpan(start: 64, end: 72)])
        let b = try OutputParser.parse("```json\n[{\"start_time\": \"00:21.80\", \"end_time\": \"01:02.50\", \"description\": \"a dog runs\"}]\n```")
        #expect(b.temporalSpans == [TemporalSpan(start: 21.8, end: 62.5, description: "a dog runs")])
        let c = try OutputParser.parse("{\"start_time\": 5, \"end_time\": 8.5}")
        #expect(c.temporalSpans == [TemporalSpan(start: 5, end: 8.5)])
        #expect(StubAnswer.temporal(TemporalSpan(start: 5, end: 8)).text == "The given query happens in 5.0 - 8.0 seconds.")
        #expect(try OutputParser.parse(StubAnswer.temporal(TemporalSpan(start: 5, end: 8)).text).temporalSpans == [TemporalSpan(start: 5, end: 8)])
        #expect(OutputParser.timestamp(21.8) == "00:21.80")
        #expect(try OutputParser.parse("I have 3 cats and 2 - 3 dogs.").temporalSpans.isEmpty)
    }
}

@Suite struct ModelResponseJSONTests {
    @Test func responseJSONShape() throws {
        let response = try OutputParser.parse(
            "Found it.\n<tool_call>\n{\"name\": \"a\", \"arguments\": {\"x\": 1}}\n</tool_call>\n```json\n[{\"point_2d\": [10, 20.5], \"label\": \"p\"}]\n```"
        )
        #expect(response.json.qwenJSON.hasPrefix("{\"text\": \"Found it.\\n```json"))
        #expect(response.json.objectValue?["tool_calls"] == .array([.object(["name": .string("a"), "arguments": .object(["x": .int(1)])])]))
        #expect(response.json.objectValue?["groundings"] == .array([.object(["point_2d": .array([.int(10), .double(20.5)]), "label": .string("p")])]))
        #expect(response.json.objectValue?["temporal_spans"] == .array([]))
    }
}
