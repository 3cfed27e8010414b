import Testing
import RelayJSON

@Suite struct JSONValueTests {
    @Test func serializesLikePythonJSONDumps() throws {
        let value: JSONValue = .object([
            "b": .int(1), "a": .array([.int(1), .int(2)]), "s": .string("é \"q\" \\ \n\t\u{01} 😀 <&>"),
            "f": .double(2.5), "whole": .double(3), "tiny": .double(1e-5), "big": .double(1e16), "n": .null, "t": .bool(true),
            "e": .object([:]), "ea": .array([]),
        ])
        #expect(value.qwenJSON == #"{"b": 1, "a": [1, 2], "s": "é \"q\" \\ \n\t\u0001 😀 <&>", "f": 2.5, "whole": 3.0, "tiny": 1e-05, "big": 1e+16, "n": null, "t": true, "e": {}, "ea": []}"#)
        #expect(try JSONValue(parsing: value.qwenJSON) == value)
        #expect(try JSONValue(parsing: value.compactJSON) == value)
    }

    @Test func parsesEscapesAndKeepsKeyOrder() throws {
        let v = try JSONValue(parsing: #" { "z": 1, "a": "\u00e9\ud83d\ude00\/", "m": [true, false, null, -0.5e2] } "#)
        #expect(v.objectValue?.keys == ["z", "a", "m"])
        #expect(v.objectValue?["a"]?.stringValue == "é😀/")
        #expect(v.objectValue?["m"] == .array([.bool(true), .bool(false), .null, .double(-50)]))
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "tru", "\"abc", "01x", "{} x", "[\"\u{01}\"]", String(repeating: "[", count: 1000)])
    func rejectsInvalidJSON(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: text) }
    }
}
