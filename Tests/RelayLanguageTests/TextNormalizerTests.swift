import RelayLanguage
import Testing

/// Transcripts written by an open-vocabulary recognizer (Whisper) read like spoken ones: what the matcher sees.
@Suite struct TextNormalizerTests {
    @Test func whisperPunctuationAndLeadingSpaceAreDropped() {
        #expect(TextNormalizer.words(" Turn on Wi-Fi.") == ["turn", "on", "wi", "fi"])
        #expect(TextNormalizer.words("  Read my messages!  ") == ["read", "my", "messages"])
        #expect(TextNormalizer.words(" What's the volume?") == ["what", "is", "the", "volume"])
    }

    @Test func dottedTimesBecomeClockTimes() {
        #expect(TextNormalizer.words(" Wake me up at 6.15.") == ["wake", "me", "up", "at", "6:15"])
        #expect(TextNormalizer.words("Set an alarm for 7.30 a.m.") == ["set", "an", "alarm", "for", "7:30", "a", "m"])
        #expect(TextNormalizer.words("Cancel the alarm at 10.05.") == ["cancel", "the", "alarm", "at", "10:05"])
        #expect(TextNormalizer.words("6.45 pm alarm") == ["6:45", "pm", "alarm"])
    }

    @Test func timesWithoutASeparatorBecomeClockTimesAfterALeadIn() {
        #expect(TextNormalizer.words("Set an alarm for 730.") == ["set", "an", "alarm", "for", "7:30"])
        #expect(TextNormalizer.words("alarm at 1130") == ["alarm", "at", "11:30"])
        #expect(TextNormalizer.words("wake me up at 615 in the morning") == ["wake", "me", "up", "at", "6:15", "in", "the", "morning"])
        #expect(TextNormalizer.words("alarm 0645") == ["alarm", "6:45"])
    }

    @Test func quantitiesStayNumbers() {
        #expect(TextNormalizer.words("Set the brightness to 70%.") == ["set", "the", "brightness", "to", "70", "percent"])
        #expect(TextNormalizer.words("set the volume to 100") == ["set", "the", "volume", "to", "100"])
        #expect(TextNormalizer.words("Set a timer for 130 seconds.") == ["set", "a", "timer", "for", "130", "seconds"])
        #expect(TextNormalizer.words("set the brightness to 100 percent") == ["set", "the", "brightness", "to", "100", "percent"])
        #expect(TextNormalizer.words("scale it by 2.5") == ["scale", "it", "by", "2.5"])
        #expect(TextNormalizer.words("delete photo 120") == ["delete", "photo", "120"])
        #expect(TextNormalizer.words("It costs 1,000 dollars.") == ["it", "costs", "1000", "dollars"])
    }

    @Test func impossibleClockTimesStayAsWritten() {
        #expect(TextNormalizer.words("at 7.75") == ["at", "7.75"])
        #expect(TextNormalizer.words("at 2575") == ["at", "2575"])
        #expect(TextNormalizer.clockTime("6.15", previous: nil, next: []) == nil)
        #expect(TextNormalizer.clockTime("6.15", previous: "at", next: []) == "6:15")
        #expect(TextNormalizer.clockTime("915", previous: "to", next: []) == nil)
        #expect(TextNormalizer.clockTime("915", previous: "to", next: ["p", "m"]) == "9:15")
    }

    @Test func tokensKeepTheirPlaceInTheTranscript() throws {
        let text = " Wake me up at 6.15."
        let time = try #require(TextNormalizer.tokens(text).last)
        #expect(time.text == "6:15")
        #expect(text[time.range] == "6.15")
    }
}
