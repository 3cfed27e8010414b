import Foundation
import RelayKit
import RelayLanguage
import RelayModel
import Testing

@Suite("Intent matching: the one matcher of relay say, the voice loop and the test kit")
struct MatcherTests {
    let matcher = CommandMatcher(subsystems: [FakeSubsystem(), OtherSubsystem()])
    let albums: EntityNames = ["album": ["Vacation", "Anna Smith", "Anna Jones"]]

    func call(_ text: String) -> ToolCall? { matcher.interpret(text, entityNames: albums).match?.call }

    @Test func rulesOfTheSubsystemAndBuiltInsAreInlined() throws {
        let catalog = ActionCatalog(subsystems: [FakeSubsystem()])
        let toggle = try #require(catalog.action(named: "fake.set_toggle"))
        let parsed = toggle.sentences(in: "en")
        #expect(parsed.count == toggle.sentences["en"].count)
        #expect(parsed.allSatisfy { !$0.template.expansions().isEmpty })
        #expect(catalog.problems.isEmpty)
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
        #expect(call("repeat it seven times") == ToolCall(name: "fake.repeat", arguments: ["times": 7]))
        // Values outside the declared range (1...10) are no reading of the slot.
        #expect(call("repeat it twenty times") == nil)
        #expect(call("repeat at speed one point five") == ToolCall(name: "fake.repeat", arguments: ["speed": 1.5]))
        #expect(call("ping") == ToolCall(name: "other.ping"))
    }

    @Test func entitySlotsPreferLiveNamesAndFallBackToWords() {
        #expect(call("rename vacation to Summer 2024") == ToolCall(name: "fake.rename_album", arguments: ["album": "Vacation", "name": "Summer 2024"]))
        #expect(call("rename the album anna smith to Anna") == ToolCall(name: "fake.rename_album", arguments: ["album": "Anna Smith", "name": "Anna"]))
        // Entity slots take only the names the phone has: an unknown name would let "{album}" swallow any words.
        #expect(call("rename Holidays to Trip") == nil)
    }

    @Test func freeTextKeepsCaseAndPunctuation() {
        // A message body keeps its own punctuation.
        #expect(call("send a note to anna smith saying Running late, see you at 5!")
                == ToolCall(name: "fake.send_note", arguments: ["to": "Anna Smith", "body": "Running late, see you at 5!"]))
        // The entity comes from the list even when the body repeats the joining word; the first "saying" introduces
        // the body ("tell {to} {body}" takes it, the lead-in is no part of the message), the second is its own word.
        #expect(call("tell vacation saying saying hi") == ToolCall(name: "fake.send_note", arguments: ["to": "Vacation", "body": "saying hi"]))
    }

    @Test func mandarin() {
        #expect(call("打开无线网络") == ToolCall(name: "fake.set_toggle", arguments: ["toggle": "wifi", "on": true]))
        #expect(call("请设置七点半的闹钟") == ToolCall(name: "fake.set_alarm", arguments: ["time": "07:30"]))
        #expect(call("设置十分钟的计时器") == ToolCall(name: "fake.set_timer", arguments: ["duration": 600]))
        #expect(call("把级别调到百分之四十") == ToolCall(name: "fake.set_level", arguments: ["level": 40]))
        #expect(call("显示昨天的东西") == ToolCall(name: "fake.find_items", arguments: ["when": "yesterday"]))
    }

    @Test func exactMatchesScoreAboveFuzzyOnes() throws {
        let best = try #require(matcher.interpret("turn on the wifi").match)
        #expect(best.isExact)
        #expect(best.template == "<turn_on> [the] {toggle}")
        // A misheard slot word: no exact reading, and no guess at which toggle.
        #expect(matcher.interpret("turn on the wify").match?.isExact != true)
    }

    @Test func slipsAreToleratedAtACost() throws {
        let best = try #require(matcher.interpret("set the levle to fifty percent").match)
        #expect(!best.isExact)
        #expect(best.score < 1)
        #expect(best.call == ToolCall(name: "fake.set_level", arguments: ["level": 50]))
    }

    @Test func notUnderstoodIsExplicit() {
        guard case .notUnderstood(.noMatch) = matcher.interpret("make me a sandwich with extra pickles") else {
            Issue.record("a sandwich was understood"); return
        }
        #expect(matcher.interpret("").match == nil)
        #expect(matcher.interpret("?!").match == nil)
    }

    @Test func nearTiesAreNotGuessed() {
        struct A: Action {
            static let name = "tie.alpha"; static let description = "A."; static let permission = Permission.read
            static let sentences: Sentences = ["en": ["open the red door", "open it"]]
            init(arguments: Arguments) throws {}
            func perform(in context: ActionContext) async throws -> ActionOutcome { .done("") }
        }
        struct B: Action {
            static let name = "tie.beta"; static let description = "B."; static let permission = Permission.read
            static let sentences: Sentences = ["en": ["open the red box", "open it"]]
            init(arguments: Arguments) throws {}
            func perform(in context: ActionContext) async throws -> ActionOutcome { .done("") }
        }
        struct Tie: Subsystem {
            let name = "tie"; let displayName = "Tie"
            var actions: [any Action.Type] { [A.self, B.self] }
            var migrator: DatabaseMigrator { DatabaseMigrator() }
        }
        let tie = CommandMatcher(subsystems: [Tie()])
        // Leaving out the word that tells them apart is too uncertain to read either way.
        #expect(tie.interpret("open the red").match == nil)
        guard case .notUnderstood(.nearTie(let first, let second)) = tie.interpret("open it") else {
            Issue.record("\"open it\" was not reported as a near tie: \(tie.interpret("open it"))"); return
        }
        #expect(Set([first.call.name, second.call.name]) == ["tie.alpha", "tie.beta"])
        #expect(tie.interpret("open the red door").match?.call.name == "tie.alpha")
    }

    @Test func expandedSentencesReadBackAsTheirOwnAction() {
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
            #expect(matcher.interpret(s.text, entityNames: albums).match?.call.name == s.action, "\(s.text)")
        }
        let zh = catalog.expandedSentences(language: "zh")
        #expect(zh.contains { $0.text == "打开无线网络" && $0.action == "fake.set_toggle" })
    }
}
