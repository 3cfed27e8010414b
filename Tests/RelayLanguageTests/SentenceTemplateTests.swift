import RelayLanguage
import Testing

@Suite struct SentenceTemplateTests {
    @Test func parsesAlternativesOptionalsSlotsAndRules() throws {
        let t = try SentenceTemplate("(turn|switch) on [the] {toggle} <please>", rules: ["please": "[please]"])
        #expect(t.slotNames == ["toggle"])
        #expect(t.root == .sequence([
            .alternatives([.word("turn"), .word("switch")]),
            .word("on"),
            SentenceTemplate.optional(.word("the")),
            .slot("toggle"),
            SentenceTemplate.optional(.word("please")),
        ]))
        #expect(t.expansions().count == 8)
    }

    @Test func nestedGroupsKeepTheirStructure() throws {
        let t = try SentenceTemplate("turn ((on | off) | [the]) {device}")
        #expect(t.root == .sequence([
            .word("turn"),
            .alternatives([.alternatives([.word("on"), .word("off")]), SentenceTemplate.optional(.word("the"))]),
            .slot("device"),
        ]))
    }

    @Test func literalWordsAreNormalisedLikeUtterances() throws {
        let t = try SentenceTemplate("What's the Wi-Fi at 6:45?")
        #expect(t.expansions() == [["what", "is", "the", "wi", "fi", "at", "6:45"]])
    }

    @Test func syntaxErrorsNameTheTemplateAndTheProblem() {
        for (text, problem) in [
            ("turn (on|off", "missing \")\""), ("turn on <unknown>", "unknown rule <unknown>"),
            ("set {} to", "\"\" is not a valid slot or rule name"), ("a ]", "unexpected \"]\" at position 3"),
        ] {
            #expect(throws: SentenceTemplate.SyntaxError(template: text, problem: problem)) { try SentenceTemplate(text) }
        }
        #expect(throws: SentenceTemplate.SyntaxError.self) { try SentenceTemplate("a <loop>", rules: ["loop": "b <loop>"]) }
        let error = SentenceTemplate.SyntaxError(template: "turn (on", problem: "missing \")\"")
        #expect(error.description == "Sentence template \"turn (on\": missing \")\".")
    }

    @Test func slotsCanBeReplacedOrTheTemplateDropped() throws {
        let t = try SentenceTemplate("set [the] {level} to {value}")
        let renamed = t.replacingSlots { .slot("list_" + $0) }
        #expect(renamed?.slotNames == ["list_level", "list_value"])
        #expect(t.replacingSlots { $0 == "value" ? nil : .slot($0) } == nil)
    }

    @Test func editDistanceCountsSwapsAsOneAndStopsAtTheLimit() {
        #expect(EditDistance.between("levle", "level") == 1)
        #expect(EditDistance.between("kitten", "sitting") == 3)
        #expect(EditDistance.between("kitten", "sitting", limit: 1) == 2)
        #expect(EditDistance.between("", "abc") == 3)
        #expect(EditDistance.between("favourite", "favorite", limit: 2) == 1)
    }

    @Test func writtenFormsLeadBackToTheDictionarySpelling() {
        #expect(TextNormalizer.words("seven o'clock") == ["seven", "oclock"])
        #expect(TextNormalizer.writtenForms(of: "oclock") == ["o'clock"])
        #expect(TextNormalizer.writtenForms(of: "alarm") == [])
    }
}
