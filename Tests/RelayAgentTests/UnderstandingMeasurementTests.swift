import Foundation
import RelayAgent
import RelayJSON
import RelayKit
import RelayModel
import RelayPlugins
import RelaySentenceEncoder
import Testing

/// Issue 13's measurement: understanding with templates first and the sentence encoder second on two test sets
/// (``freshParaphrases``, then ``unseenParaphrases``). The calibration data the encoder stage's threshold and margins were chosen
/// on are measured by their own tests with the same skill: `HeldOutParaphraseTests` (53/60 right, 3 ask, 0 misread,
/// 4 not understood; 49 before this session's rules, 42 before the encoder) and `TextUnderstandingTests.golden` (278/278).
@Suite struct UnderstandingMeasurementTests {
    /// The fresh test set. First clean measurement (1 December 2026, thresholds chosen on the calibration data, before
    /// any change motivated by this set): 112/150 right (74.7 %), 2 ask, 11 misread, 25 not understood; 3 of 65
    /// non-commands dispatched (95.4 % refused); misreadings that swapped a read and a write: "i'd like bluetooth on" and
    /// "dark mode off" (issue 13's own examples, read by a question template without its "is"), "get rid of the Cats
    /// album" (a loose read of "show the {album} album"), "add yesterday's videos to Family" (encoder); on/off: none.
    /// Changes made after it, each a general rule: a question template without its question word is no read; a loose
    /// template read the encoder puts clearly among the changes is not trusted; a bare number is no date.
    /// After them (and a faster encoder stage that judges what an action can take by its parameters' kinds): 116/150
    /// right (77.3 %), 2 ask, 7 misread (4 are exact template matches that cut a name, body or path wrongly), 25 not
    /// understood; 3 of 65 non-commands dispatched (95.4 % refused); read/write confusions 2 ("add yesterday's videos to
    /// Family" → a search; "any new messages" → count_unread, a read, where read_messages marks them read), on/off none.
    /// Second round (the same day), general rules calibrated on the golden sentences and the held-out paraphrases (held-out
    /// 49 → 53/60, still 0 misread): values phrased as the embedded sentences phrase them before encoding; 128 embedded
    /// sentences per action instead of 48; the leading verb decides among the actions; negated statements are not read
    /// by the encoder; on/off is never taken from similarity; a follow-up question needs the action's own verb; a name
    /// is at most five words and never starts with "called"/"named"; a path is what looks like one; of two equally good
    /// alignments the one whose typed slots explain more words. After them: 130/150 right (86.7 %), 1 ask, 3 misread,
    /// 16 not understood; 2 of 65 non-commands dispatched (96.9 % refused); read/write confusions 1 ("any new
    /// messages" → count_unread), on/off none. This set has now been looked at: the figures that count are
    /// ``unseenTestSet()``'s. Bounds are what is reached now; the targets, not reached, are known issues.
    /// Actions added after both test sets were written. The sets are not extended for them, so their figures stay
    /// comparable with the ones measured before (a writer who has seen the templates cannot add "unseen" sentences);
    /// the golden set covers them. `clock.switch_alarm`: the alarm list's switches (issue 18's screens).
    static let addedAfterTheTestSets: Set<String> = ["clock.switch_alarm"]

    @Test func freshTestSet() async throws {
        let skill = try await SharedUnderstanding.skill()
        let cases = LabelledSentence.parse(freshParaphrases)
        let score = await UnderstandingScore.measure(cases, with: skill, catalog: SharedUnderstanding.catalog)
        print("test set, fresh paraphrases: \(score)\n\(score.details)")
        #expect(score.commands >= 150 && score.nonCommands >= 60)
        let covered = Set(cases.compactMap { $0.expected?.name })
        #expect(SharedUnderstanding.builtInActionNames.subtracting(covered).subtracting(Self.addedAfterTheTestSets).sorted() == [])
        // What is reached (floors), so that understanding can only get better.
        #expect(score.right >= 148, "\(score)")
        #expect(score.dispatched.isEmpty, "\(score.dispatched)")
        #expect(score.onOffConfusions.isEmpty, "\(score.onOffConfusions)")
        #expect(score.readWriteConfusions.count <= 1, "\(score.readWriteConfusions)")
        // The targets, reached once the intent head was fitted to this set among others (3 December 2026:
        // 140/150, 3 misread, 1 of 65 dispatched): training figures now, not a measure of generalisation.
        #expect(score.rightShare >= 0.9, "\(score)")
        #expect(score.refusedShare >= 0.97, "\(score.dispatched)")
        #expect(score.readWriteConfusions.isEmpty, "\(score.readWriteConfusions)")
    }

    /// The second test set (``unseenParaphrases``, 238 commands, 76 non-commands), never tuned on. First measurement,
    /// with every change above in place: 148/238 right (62.2 %), 5 ask, 34 misread, 51 not understood; 10 of 76
    /// non-commands dispatched (86.8 % refused); read/write confusions 4, on/off 1 ("turn of the wifi" switched it on).
    /// Two general bugs it showed were fixed (a name of at most five words; a path only where one is written) and a
    /// slot-cache bug they exposed: 149/238 (62.6 %), 32 misread, 52 not understood, 8 of 76 dispatched (89.5 %
    /// refused), read/write 3, on/off 1; then a switch's "on"/"off" is never assumed when a template's is left out: on/off
    /// 0 (31 misread, 53 not understood). What remains (details printed): values the templates have no slot for ("for
    /// the eggs", "my last 3 messages", "all of"), two-action sentences ("take a picture and add it to …"), statements
    /// about the phone read as requests, light-verb phrasings. Then general rules, each tested on its own in
    /// `UnderstandingRuleTests` (parameters declare a role: a count, "every", a label, read wherever the words say
    /// them; a clause with a subject and a finite verb is a statement and is not read loosely; "a quarter of an hour";
    /// a one-word near-spelling of a choice): 167/238 right (70.2 %), 5 ask, 14 misread, 52 not understood; 0 of 76
    /// non-commands dispatched (100 % refused); read/write confusions 3, on/off 0. This set has now been looked at too;
    /// the figure that counts is the third set's (`RELAY_HOLDOUT_SET`, 393 commands over every action of `relay say`
    /// and 100 non-commands, written from the actions' descriptions alone; measured once, 2 December 2026: 256/393
    /// right (65.1 %), 53 misread, 79 not understood, 7 of 100 non-commands dispatched, read/write 6, on/off 0). Rules
    /// from what it showed (a bare number is no date and no live name; an item named by its number; a label is a short
    /// name no other parameter reads; a loose reading agrees with its subsystem's verbs; "did I…" changes nothing;
    /// times keep their part of the day): here 169/238 (71.0 %), 13 misread; on the third set 274/393 (69.7 %), 36
    /// misread, now a development figure. Bounds are what is reached now.
    @Test func unseenTestSet() async throws {
        let skill = try await SharedUnderstanding.skill()
        let cases = LabelledSentence.parse(unseenParaphrases)
        let score = await UnderstandingScore.measure(cases, with: skill, catalog: SharedUnderstanding.catalog)
        print("test set, unseen paraphrases: \(score)\n\(score.details)")
        #expect(score.commands >= 150 && score.nonCommands >= 60)
        let covered = Set(cases.compactMap { $0.expected?.name })
        #expect(SharedUnderstanding.builtInActionNames.subtracting(covered).subtracting(Self.addedAfterTheTestSets).sorted() == [])
        #expect(score.right >= 220, "\(score)")
        #expect(score.wrongAction.count <= 1, "\(score.wrongAction)")
        #expect(score.dispatched.isEmpty, "\(score.dispatched)")
        #expect(score.onOffConfusions.isEmpty, "\(score.onOffConfusions)")
        #expect(score.readWriteConfusions.count <= 3, "\(score.readWriteConfusions)")
    }

    /// The third test set (``thirdParaphrases``), over every action `relay say` knows. Measured once before it was read
    /// (see its summary); the bounds are what is reached now.
    @Test func thirdTestSet() async throws {
        let cases = LabelledSentence.parse(thirdParaphrases)
        let score = await UnderstandingScore.measure(cases, with: try await Self.skillForTheThirdSet(), catalog: SharedUnderstanding.catalog)
        print("test set, third: \(score)\n\(score.details)")
        #expect(score.commands >= 390 && score.nonCommands >= 100)
        let covered = Set(cases.compactMap { $0.expected?.name })
        #expect(Set(SharedUnderstanding.catalog.actions.map(\.name)).subtracting(covered).subtracting(Self.addedAfterTheTestSets).sorted() == [])
        #expect(score.right >= 364, "\(score)")
        #expect(score.misread.count <= 14, "\(score.misread)")
        #expect(score.wrongAction.count <= 1, "\(score.wrongAction)")
        #expect(score.dispatched.isEmpty, "\(score.dispatched)")
        #expect(score.onOffConfusions.isEmpty, "\(score.onOffConfusions)")
        // Issue 13's targets (≥ 90 % right, ≥ 97 % refused, no confusions) are judged on sets the head was not fitted to:
        // `relay-bench understanding-sets` leaves each set out in turn, and takes test sets kept out of the repository.
    }

    /// The text skill with the live names the calibration sets were written against.
    static func skillForTheThirdSet() async throws -> TextCommandSkill {
        TextCommandSkill(matcher: try await SharedUnderstanding.matcher(), entityNames: UnderstandingCalibration.liveNames)
    }

    /// A test set kept out of the repository until it has been measured once (RELAY_HOLDOUT_SET=FILE, same line format),
    /// over every action `relay say` knows, with the third set's live state. Only the summary is printed, so that reading the output
    /// tunes nothing; RELAY_HOLDOUT_DETAILS=1 prints the cases after the figure has been taken.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["RELAY_HOLDOUT_SET"] != nil))
    func holdOutTestSet() async throws {
        let environment = ProcessInfo.processInfo.environment
        let text = try String(contentsOfFile: try #require(environment["RELAY_HOLDOUT_SET"]), encoding: .utf8)
        let skill = try await Self.skillForTheThirdSet()
        let cases = LabelledSentence.parse(text)
        let score = await UnderstandingScore.measure(cases, with: skill, catalog: SharedUnderstanding.catalog)
        print("test set, hold-out: \(score)")
        if environment["RELAY_HOLDOUT_DETAILS"] != nil { print(score.details) }
        #expect(score.commands > 0)
    }

    /// Issue 13's own examples: the words decide between reading and setting a switch, and which way it goes.
    @Test func switchesAreSetNotReadWhenTheWordsSaySo() async throws {
        let skill = try await SharedUnderstanding.skill()
        let set = "settings.set_toggle", get = "settings.get_toggle"
        let expectations: [(String, String, JSONObject)] = [
            ("i'd like bluetooth on", set, ["toggle": "bluetooth", "on": true]),
            ("dark mode off", set, ["toggle": "dark_mode", "on": false]),
            ("is bluetooth on", get, ["toggle": "bluetooth"]),
            ("is dark mode off", get, ["toggle": "dark_mode"]),
        ]
        for (sentence, action, arguments) in expectations {
            let match = skill.interpret(sentence).match
            #expect(match?.call.name == action, "\(sentence): \(String(describing: match))")
            #expect(match.map { unordered($0.call.arguments) } == unordered(arguments), "\(sentence)")
        }
    }
}
