import Foundation
import RelayKit
import RelayModel
import Testing

@Suite("Sentence templates and intent matching")
struct MatcherTests {
    let matcher = IntentMatcher(subsystems: [FakeSubsystem(), OtherSubsystem()])
    let albums: EntityNames = ["album": ["Vacation", "Anna Smith", "Anna Jones"]]

    func call(_ text: String) -> ToolCall? { matcher.match(text, entities: albums).best?.toolCall }

    @Test func templateSyntax() throws {
        let t = try SentenceTemplate("(turn|switch) on [the] {toggle} <please>", rules: ["please": "[please]"])
        #expect(t.slotNames == ["toggle"])
        let sentences = Set(t.expansions().map { $0.joined(separator: " ") })
        #expect(sentences == [
            "turn on the {toggle} please", "turn on the {toggle}", "turn on {toggle} please", "turn on {toggle}",
            "switch on the {toggle} please", "switch on the {toggle}", "switch on {toggle} please", "switch on {toggle}",
        ])
        #expect(throws: KitError.self) { try SentenceTemplate("turn (on|off") }
        #expect(throws: KitError.self) { try SentenceTemplate("turn on <unknown>") }
        #expect(throws: KitError.self) { try SentenceTemplate("set {} to") }
        #expect(throws: KitError.self) { try SentenceTemplate("a <loop>", rules: ["loop": "b <loop>"]) }
    }

    @Test func exactMatchesWithTypedSlots() {
        #expect(call("Add a new item called Milk") == ToolCall(name: "fake.add_item", arguments: ["name": "Milk"]))
        #expect(call("add thing named Oat Milk, please") == ToolCall(name: "fake.add_item", arguments: ["name": "Oat Milk"]))
        #expect(call("set the level to fifty percent") == ToolCall(name: "fake.set_level", arguments: ["level": 50]))
        #expect(call("change level to 75%") == ToolCall(name: "fake.set_level", arguments: ["level": 75]))
        #expect(call("level twenty five percent") == ToolCall(name: "fake.set_level", arguments: ["level": 25]))
        #expect(call("turn on the Wi-Fi") == ToolCall(name: "fake.set_toggle", arguments: ["toggle": "wifi", "on": true]))
        #expect(call("switch off dark theme") == ToolCall(name: "fake.set_toggle", arguments: ["toggle": "dark_mode", "on": false]))
        #expect(call("turn the wireless off") == ToolCall(name: "fake.set_toggle", arguments: ["toggle": "wifi", "on": false]))
        #expect(call("set an alarm for quarter past seven") == ToolCall(name: "fake.set_alarm", arguments: ["time": "07:15"]))
        #expect(call("wake me up at 6:45 pm") == ToolCall(name: "fake.set_alarm", arguments: ["time": "18:45"]))
        #expect(call("set a timer for an hour and a half") == ToolCall(name: "fake.set_timer", arguments: ["duration": 5400]))
        #expect(call("ten minute timer") == nil || call("ten minutes timer") != nil)
        #expect(call("ten minutes timer") == ToolCall(name: "fake.set_timer", arguments: ["duration": 600]))
        #expect(call("show me my items from last week") == ToolCall(name: "fake.find_items", arguments: ["when": "last_week"]))
        #expect(call("show items in March") == ToolCall(name: "fake.find_items", arguments: ["when": "march"]))
        #expect(call("list my items") == ToolCall(name: "fake.find_items", arguments: [:]))
        #expect(call("repeat it twenty times") == ToolCall(name: "fake.repeat", arguments: ["times": 20]))
        #expect(call("repeat at speed one point five") == ToolCall(name: "fake.repeat", arguments: ["speed": 1.5]))
        #expect(call("ping") == ToolCall(name: "other.ping"))
    }

    @Test func entitySlotsPreferLiveNamesAndFallBackToWords() {
        #expect(call("rename vacation to Summer 2024") == ToolCall(name: "fake.rename_album", arguments: ["album": "Vacation", "name": "Summer 2024"]))
        #expect(call("rename the album anna smith to Anna") == ToolCall(name: "fake.rename_album", arguments: ["album": "Anna Smith", "name": "Anna"]))
        // Unknown names still match (the dispatcher then says "There is no album named Holidays.").
        #expect(call("rename Holidays to Trip") == ToolCall(name: "fake.rename_album", arguments: ["album": "Holidays", "name": "Trip"]))
    }

    @Test func freeTextKeepsCaseAndPunctuation() {
        #expect(call("send a note to anna smith saying Running late, see you at 5!")
                == ToolCall(name: "fake.send_note", arguments: ["to": "Anna Smith", "body": "Running late, see you at 5"]))
        // The entity comes from the list even when the body repeats the joining word.
        #expect(call("tell vacation saying saying hi") == ToolCall(name: "fake.send_note", arguments: ["to": "Vacation", "body": "saying saying hi"]))
    }

    @Test func mandarin() {
        #expect(call("打开无线网络") == ToolCall(name: "fake.set_toggle", arguments: ["toggle": "wifi", "on": true]))
        #expect(call("请设置七点半的闹钟") == ToolCall(name: "fake.set_alarm", arguments: ["time": "07:30"]))
        #expect(call("设置十分钟的计时器") == ToolCall(name: "fake.set_timer", arguments: ["duration": 600]))
        #expect(call("把级别调到百分之四十") == ToolCall(name: "fake.set_level", arguments: ["level": 40]))
        #expect(call("显示昨天的东西") == ToolCall(name: "fake.find_items", arguments: ["when": "yesterday"]))
    }

    @Test func exactMatchesScoreAboveFuzzyOnes() throws {
        let exact = matcher.match("turn on the wifi")
        let best = try #require(exact.best)
        #expect(best.isExact)
        #expect(best.score >= 0.9)
        #expect(best.template == "<turn_on> [the] {toggle}")
        let fuzzy = matcher.match("turn on the wify")  // misheard slot word: no exact match, no guess at the toggle
        #expect(fuzzy.best?.isExact != true)
    }

    @Test func fuzzyFallbackToleratesAMisheardOrExtraWord() throws {
        let m = matcher.match("set the levle to fifty percent")
        let best = try #require(m.best)
        #expect(!best.isExact)
        #expect(best.score < 0.9)
        #expect(best.toolCall == ToolCall(name: "fake.set_level", arguments: ["level": 50]))
        #expect(call("um could you like delete everything") == ToolCall(name: "fake.delete_everything"))
    }

    @Test func notUnderstoodIsExplicit() {
        let m = matcher.match("make me a sandwich with extra pickles")
        #expect(!m.isUnderstood)
        #expect(m.failure == .noMatch)
        #expect(m.message == "Sorry, I couldn't understand that.")
        #expect(!matcher.match("").isUnderstood)
        #expect(!matcher.match("?!").isUnderstood)
    }

    @Test func nearTiesAreNotGuessed() {
        struct A: Action {
            static let name = "tie.alpha"; static let description = "A."; static let permission = Permission.read
            static let sentences: Sentences = ["en": ["open the red door"]]
            init(arguments: Arguments) throws {}
            func perform(in context: ActionContext) async throws -> ActionOutcome { .done("") }
        }
        struct B: Action {
            static let name = "tie.beta"; static let description = "B."; static let permission = Permission.read
            static let sentences: Sentences = ["en": ["open the red box"]]
            init(arguments: Arguments) throws {}
            func perform(in context: ActionContext) async throws -> ActionOutcome { .done("") }
        }
        struct Tie: Subsystem {
            let name = "tie"; let displayName = "Tie"
            var actions: [any Action.Type] { [A.self, B.self] }
            var migrator: DatabaseMigrator { DatabaseMigrator() }
        }
        let m = IntentMatcher(subsystems: [Tie()]).match("open the red")
        #expect(!m.isUnderstood)
        #expect(m.failure == .ambiguous(["tie.alpha", "tie.beta"]))
        #expect(IntentMatcher(subsystems: [Tie()]).match("open the red door").best?.action == "tie.alpha")
    }

    @Test func expandedSentencesAndJSGF() {
        let catalog = ActionCatalog(subsystems: [FakeSubsystem()])
        let sentences = catalog.expandedSentences(language: "en", entities: albums)
        let texts = Set(sentences.map(\.text))
        #expect(texts.contains("turn on the wi-fi"))
        #expect(texts.contains("enable dark theme"))
        #expect(texts.contains("rename the album Anna Jones to {name}"))
        #expect(texts.contains("set an alarm for seven thirty"))
        #expect(sentences.first { $0.text == "ping" } == nil)
        // Every expanded English sentence without placeholders reads back as its own action.
        for s in sentences where !s.text.contains("{") {
            #expect(matcher.match(s.text, entities: albums).best?.action == s.action, "\(s.text)")
        }
        let zh = catalog.expandedSentences(language: "zh")
        #expect(zh.contains { $0.text == "打开无线网络" && $0.action == "fake.set_toggle" })

        let jsgf = catalog.jsgfGrammar(language: "en", entities: albums)
        #expect(jsgf.hasPrefix("#JSGF V1.0;\n\ngrammar relay;\n"))
        #expect(jsgf.contains("public <command> = [ please ] ( <fake_add_item> | <fake_set_level> |"))
        #expect(jsgf.contains("<fake_set_level> = ( ( set | change | put | make ) [ the ] level to <percentage> ) | ( level <percentage> [ percent ] );"))
        #expect(jsgf.contains("<fake_set_toggle_toggle> = dark mode | dark theme | wi fi | wifi | wireless;"))
        #expect(jsgf.contains("<entity_album> = anna jones | anna smith | vacation;"))
        #expect(jsgf.contains("<free_text> = <free_word>+;"))
        #expect(jsgf.contains("<time> = noon | midnight"))
        // Every rule referenced is defined.
        let referenced = Set(jsgf.matches(of: /<([a-z_0-9]+)>/).map { String($0.output.1) })
        let defined = Set(jsgf.matches(of: /(?m)^(?:public )?<([a-z_0-9]+)> =/).map { String($0.output.1) })
        #expect(referenced.subtracting(defined).subtracting(["VOID"]).isEmpty, "\(referenced.subtracting(defined))")
    }
}
