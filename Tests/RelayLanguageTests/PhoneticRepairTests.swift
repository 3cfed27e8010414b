import Foundation
import RelayLanguage
import Testing

/// Phonetic repair: words outside the sentence vocabulary are re-heard as the vocabulary words that sound nearest.
///
/// The dictionary here is a small file written into a temporary folder with the CMU dictionary's own lines for these
/// words (the format of Debian's `cmudict-en-us.dict`), so the tests need no installed package and parse in microseconds.
@Suite struct PhoneticRepairTests {
    static let dictionaryText = """
        ;;; a comment line
        alarm AH L AA R M
        brightness B R AY T N AH S
        maximum M AE K S AH M AH M
        minimum M IH N AH M AH M
        maxim M AE K S AH M
        can't K AE N T
        cancel K AE N S AH L
        lotus L OW T AH S
        message M EH S AH JH
        my M AY
        rightness R AY T N AH S
        set S EH T
        solve S AA L V
        the DH AH
        the(2) DH IY
        timer T AY M ER
        to T UW
        volume V AA L Y UW M
        weather W EH DH ER
        whether W EH DH ER
        what W AH T
        is IH Z
        bluetooth B L UW T UW TH
        broken B R OW K AH N
        kate K EY T
        cake K EY K
        bad B AE D XX

        """

    static func dictionary() throws -> PronouncingDictionary {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("relay-dict-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("cmudict-en-us.dict")
        try dictionaryText.write(to: file, atomically: true, encoding: .utf8)
        return try PronouncingDictionary(contentsOf: file)
    }

    static let vocabulary = ["alarm", "brightness", "cancel", "set", "timer", "volume", "message", "bluetooth", "what", "is"]
    static let known = ["the", "my", "to", "a", "an"]

    @Test func parsesWordsVariantsAndSkipsBadLines() throws {
        let d = try Self.dictionary()
        #expect(d.pronunciations(of: "brightness").map { $0.map(\.description) } == [["B", "R", "AY", "T", "N", "AH", "S"]])
        #expect(d.pronunciations(of: "THE").count == 2)
        #expect(d.pronunciations(of: "can't").first?.count == 4)
        #expect(d.pronunciations(of: "bad").isEmpty, "a line naming an unknown phoneme is skipped")
        #expect(d.pronunciations(of: "nothing").isEmpty)
        #expect(Phoneme("ay1")?.description == "AY")
        #expect(Phoneme("QQ") == nil)
    }

    @Test func similarSoundsCostLess() throws {
        let d = try Self.dictionary()
        let rightness = d.pronunciations(of: "rightness")[0], brightness = d.pronunciations(of: "brightness")[0]
        #expect(PhoneticDistance.between(rightness, brightness) == 1)
        #expect(abs(PhoneticDistance.normalized(rightness, brightness) - 1.0 / 7) < 1e-9)
        // K EY T vs K EY K: T and K are different places, a whole edit; T and D would be half.
        #expect(PhoneticDistance.between(d.pronunciations(of: "kate")[0], d.pronunciations(of: "cake")[0]) == 1)
        #expect(PhoneticDistance.between([Phoneme("T")!], [Phoneme("D")!]) == 0.5)
        #expect(PhoneticDistance.between([Phoneme("AA")!], [Phoneme("IY")!]) == 0.5)
    }

    @Test func unknownWordsAreReplacedByTheNearestSoundingVocabularyWord() throws {
        let repair = PhoneticRepair(dictionary: try Self.dictionary(), vocabulary: Self.vocabulary, known: Self.known)
        let brightness = repair.repaired("Set the rightness to 70%.")
        #expect(brightness?.text == "Set the brightness to 70%.")
        #expect(brightness?.replacements.map(\.heard) == ["rightness"])
        // Two heard words are one vocabulary word: "can't solve" (K AE N T S AA L V) is "cancel" (K AE N S AH L).
        let cancel = repair.repaired(" Can't solve my alarm.")
        #expect(cancel?.text == " cancel my alarm.")
        #expect(cancel?.replacements.first.map { $0.distance < PhoneticRepair.defaultThreshold } == true)
    }

    @Test func knownWordsNumbersAndFarSoundsAreLeftAlone() throws {
        let repair = PhoneticRepair(dictionary: try Self.dictionary(), vocabulary: Self.vocabulary, known: Self.known)
        #expect(repair.repaired("set the brightness to 70%") == nil, "nothing unknown")
        #expect(repair.repaired("what is the weather") == nil, "weather sounds like no command word")
        #expect(repair.repaired("turn off lotus") == nil, "lotus is too far from bluetooth (0.5)")
        #expect(repair.repaired("set the xyzzy to 7") == nil, "a word the dictionary lacks is kept")
    }

    @Test func liveNamesAreKnownAndOffered() throws {
        let repair = PhoneticRepair(dictionary: try Self.dictionary(), vocabulary: Self.vocabulary, known: Self.known)
        #expect(repair.repaired("message kate", names: ["Kate Smith"]) == nil, "kate is a contact: known")
        #expect(repair.repaired("message cake", names: ["Kate Smith"])?.text == "message kate")
    }

    /// A near sound may be the opposite word: "minimum" is within the threshold of "maximum" but never repaired into it,
    /// while a word that only sounds like it ("maxim") still is.
    @Test func noWordBecomesItsOpposite() throws {
        let repair = PhoneticRepair(dictionary: try Self.dictionary(), vocabulary: ["maximum", "brightness"], known: ["the"])
        #expect(repair.repaired("maxim brightness")?.text == "maximum brightness")
        #expect(repair.repaired("minimum brightness") == nil)
    }
}
