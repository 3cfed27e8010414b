import Testing
@testable import RelaySpeech
import RelayCore

@Suite struct GrammarCompilerTests {
    /// A tiny dictionary standing in for cmudict.
    private let compiler = GrammarCompiler(pronunciation: { word in
        [
            "turn": "T ER N", "on": "AA N", "off": "AO F", "the": "DH AH", "wifi": "W AY F AY", "air": "EH R",
            "drop": "D R AA P", "set": "S EH T", "a": "AH", "timer": "T AY M ER", "for": "F AO R", "five": "F AY V",
            "ten": "T EH N", "minutes": "M IH N AH T S", "send": "S EH N D", "to": "T UW", "bob": "B AA B",
            "saying": "S EY IH NG", "wi": "W IY", "fi": "F AY", "blue": "B L UW", "tooth": "T UW TH",
        ][word]
    })

    /// The same compiler without choice weights, for reading the grammar's structure.
    private var plain: GrammarCompiler {
        var unweighted = compiler
        unweighted.weighted = false
        return unweighted
    }

    @Test func choicesAreWeightedByTheirProbability() throws {
        let output = try compiler.compile(
            sentences: ["Turn (on | off) [the] {device}!", "set a timer for {n} minutes"],
            slots: ["device": ["WiFi", "airdrop", "bluetooth"], "n": ["five", "ten"]], freeTextSlots: [])
        #expect(output.jsgf.contains(
            "public <command> = ( /0.5/ ( turn ( /0.5/ on | /0.5/ off ) ( /0.5/ the | /0.5/ <NULL> ) <slot_device> ) | /0.5/ ( set a timer for <slot_n> minutes ) ) ;"))
        #expect(output.jsgf.contains("<slot_device> = ( /0.33333333333333331483/ wifi | /0.33333333333333331483/ airdrop | /0.33333333333333331483/ bluetooth ) ;"))
        #expect(output.jsgf.contains("<slot_n> = ( /0.5/ five | /0.5/ ten ) ;"))
    }

    @Test func aFreeTextLoopPaysForEachPhone() throws {
        var costly = GrammarCompiler(pronunciation: { $0 == "message" ? "M EH S AH JH" : compiler.pronunciation($0) })
        costly.freeTextPhoneProbability = 1e-8
        let output = try costly.compile(sentences: ["send a message to bob saying {body}"], slots: [:], freeTextSlots: ["body"])
        #expect(output.jsgf.contains("<free_body> = ( /0.00000001/ relayfree0_aa | /0.00000001/ relayfree0_ae | "))
        #expect(output.jsgf.contains("/0.00000001/ relayfree0_zh )+ ;"))
    }

    @Test func alternativesOptionalsAndSlotsBecomeJSGF() throws {
        let output = try plain.compile(
            sentences: ["Turn (on | off) [the] {device}!", "set a timer for {n} minutes"],
            slots: ["device": ["WiFi", "airdrop"], "n": ["five", "ten"]], freeTextSlots: [])
        #expect(output.jsgf.contains("public <command> = ( turn ( on | off ) [ the ] <slot_device> ) | ( set a timer for <slot_n> minutes ) ;"))
        #expect(output.jsgf.contains("<slot_device> = ( wifi | airdrop ) ;"))
        #expect(output.jsgf.contains("<slot_n> = ( five | ten ) ;"))
        #expect(output.report.sentenceCount == 2)
        // "airdrop" is not in the dictionary but is "air" + "drop".
        #expect(output.report.addedWords == ["airdrop": "EH R D R AA P"])
        #expect(output.newWords["airdrop"] == "EH R D R AA P")
    }

    @Test func unknownWordsDropTheirAlternativeOrSentence() throws {
        let output = try plain.compile(
            sentences: ["turn (on | xyzzy) the wifi", "turn on the zorblax", "turn [qqq] off"],
            slots: ["device": ["wifi"]], freeTextSlots: [])
        #expect(output.jsgf.contains("( turn ( on ) the wifi )"))
        #expect(output.jsgf.contains("( turn off )"))
        #expect(output.report.droppedSentences == ["turn on the zorblax"])
        #expect(output.report.unknownWords == ["qqq", "xyzzy", "zorblax"])
        #expect(output.report.sentenceCount == 2)
    }

    @Test func wordsAreNormalisedLikeUtterancesAndLookedUpAsWritten() throws {
        // One normaliser for templates and utterances: "Wi-Fi" is the words "wi fi", and "o'clock" (normalised to
        // "oclock", as the matcher reads it) is found in the dictionary under its written form.
        var withOclock = GrammarCompiler(pronunciation: { $0 == "o'clock" ? "AH K L AA K" : compiler.pronunciation($0) })
        withOclock.weighted = false
        let output = try withOclock.compile(sentences: ["turn on Wi-Fi", "set a timer for five o'clock"], slots: [:], freeTextSlots: [])
        #expect(output.jsgf.contains("( turn on wi fi )"))
        #expect(output.jsgf.contains("( set a timer for five o'clock )"))
        #expect(output.report.unknownWords == [])
    }

    @Test func slotValuesWithUnknownWordsAreDroppedAndAnEmptySlotDropsTheSentence() throws {
        let output = try plain.compile(
            sentences: ["send to {contact}", "turn on {device}"],
            slots: ["contact": ["bob", "xiaoming"], "device": ["zzzq"]], freeTextSlots: [])
        #expect(output.jsgf.contains("<slot_contact> = ( bob ) ;"))
        #expect(!output.jsgf.contains("slot_device"))
        #expect(output.report.droppedSlotValues.sorted() == ["contact: xiaoming", "device: zzzq"])
        #expect(output.report.droppedSentences == ["turn on {device}"])
    }

    @Test func freeTextSlotsBecomeAPhoneLoop() throws {
        // "message" is not in the small dictionary: the only sentence is dropped, which is an error.
        #expect(throws: SpeechError.self) {
            try compiler.compile(sentences: ["send a message to bob saying {body}"], slots: [:], freeTextSlots: ["body"])
        }
        var messageCompiler = GrammarCompiler(pronunciation: { $0 == "message" ? "M EH S AH JH" : compiler.pronunciation($0) })
        messageCompiler.weighted = false
        let withMessage = try messageCompiler.compile(sentences: ["send a message to bob saying {body}"], slots: [:], freeTextSlots: ["body"])
        #expect(withMessage.jsgf.contains("( send a message to bob saying <free_body> )"))
        #expect(withMessage.jsgf.contains("<free_body> = ( relayfree0_aa | "))
        #expect(withMessage.fillerSlots.count == GrammarCompiler.phones.count)
        #expect(withMessage.fillerSlots["relayfree0_s"] == "body")
        #expect(withMessage.newWords["relayfree0_zh"] == "ZH")
        #expect(withMessage.report.addedWords.isEmpty)
    }

    @Test func errorsNameTheTemplate() {
        #expect(throws: SpeechError.self) {
            try compiler.compile(sentences: ["turn (on | off"], slots: [:], freeTextSlots: [])
        }
        do {
            _ = try compiler.compile(sentences: ["turn on {gadget}"], slots: [:], freeTextSlots: [])
            Issue.record("an unknown slot compiled")
        } catch let error as SpeechError {
            #expect(error.code == .invalidGrammar)
            #expect(error.description.contains("turn on {gadget}"))
            #expect(error.description.contains("{gadget}"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
        #expect(throws: SpeechError.self) {
            try compiler.compile(sentences: ["qqq zzz"], slots: [:], freeTextSlots: [])
        }
        #expect(throws: SpeechError.self) {
            try compiler.compile(sentences: [String](), slots: [:], freeTextSlots: [])
        }
    }
}
