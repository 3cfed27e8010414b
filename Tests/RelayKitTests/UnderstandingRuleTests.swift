import RelayJSON
@testable import RelayKit
import RelayLanguage
import RelayPlugins
import Testing

/// The general rules the matcher's stages share: values phrased as the embedded sentences phrase them, paths, names,
/// negation and leading verbs.
@Suite struct UnderstandingRuleTests {
    static let matcher = CommandMatcher(subsystems: InstalledPlugins.subsystems)
    static let names: EntityNames = ["album": ["Trip", "Vacation 2024"], "contact": ["Bob Jones", "Mom"]]

    static func phrased(_ text: String) -> String? {
        let tokens = TextNormalizer.tokens(text)
        return ExamplePhrasing.phrase(tokens.map(\.text), tokens: tokens, text: text, entityNames: names).map(TextNormalizer.join)
    }

    @Test func valuesArePhrasedAsTheEmbeddedSentencesPhraseThem() {
        #expect(Self.phrased("import /tmp/beach.jpg") == "import tmp clip mp4")
        #expect(Self.phrased("countdown of 3 minutes") == "countdown of ten minutes")
        #expect(Self.phrased("wake me at 7:15") == "wake me at seven thirty")
        #expect(Self.phrased("volume to 45%") == "volume to fifty percent")
        #expect(Self.phrased("delete photo 12") == "delete photo five")
        #expect(Self.phrased("text bob jones hi") == "text sam hi")
        #expect(Self.phrased("photos from the vacation 2024 album yesterday") == "photos from the sam album yesterday")
        #expect(Self.phrased("take a picture") == nil)
    }

    @Test func pathsAreWhatLooksLikeOne() {
        #expect(FilePathText.pieces(in: "add the files in ~/Pictures/summer to my library") == ["~/Pictures/summer"])
        #expect(FilePathText.pieces(in: "use /data/cam.mp4, please.") == ["/data/cam.mp4"])
        #expect(FilePathText.pieces(in: "and/or 1/2") == [])
        let path = Parameter.string("path", "a file")
        #expect(SlotReader().read(["beach", "jpg"], original: "beach.jpg", for: path) == .string("beach.jpg"))
        #expect(SlotReader().read(["2019", "are", "on", "my", "drive"], original: "2019 are on my drive", for: path) == nil)
        #expect(SlotReader().read(["downloads"], original: "downloads", for: path) == .string("downloads"))
        #expect(SlotReader().read(["the", "files", "in", "tmp", "x"], original: "the files in /tmp/x", for: path) == .string("/tmp/x"))
    }

    @Test func aNameIsAFewWordsNotAClause() {
        let call = Self.matcher.interpret("new album called Wedding").match?.call
        #expect(call?.name == "photos.create_album")
        #expect(call?.arguments["name"] == .string("Wedding"))
        #expect(Self.matcher.interpret("the album cover for that record is iconic").match == nil)
        // A path parameter's stricter reading does not leak into a name read over the same words (one cache per kind).
        let alarm = Self.matcher.interpret("set a gym alarm for 6 am").match?.call
        #expect(alarm?.arguments["label"] == .string("gym"))
    }

    @Test func aSwitchIsNeverSetByAWordLeftOut() {
        let call = Self.matcher.interpret("turn of the wifi").match?.call
        #expect(call?.arguments["on"] != .bool(true), "\(String(describing: call))")
        #expect(Self.matcher.interpret("turn on the wifi").match?.call.arguments["on"] == .bool(true))
        #expect(Self.matcher.interpret("turn the wifi off").match?.call.arguments["on"] == .bool(false))
    }

    @Test func typedSlotsExplainAsManyWordsAsTheyCan() {
        let call = Self.matcher.interpret("tell Bob Jones I'll be there soon", entityNames: Self.names).match?.call
        #expect(call?.arguments["to"] == .string("Bob Jones"))
        #expect(call?.arguments["body"] == .string("I'll be there soon"))
    }

    @Test func negationAndLeadingVerbs() {
        #expect(CommandMatcher.negates(TextNormalizer.words("i don't need an alarm on weekends")))
        #expect(!CommandMatcher.negates(TextNormalizer.words("turn on do not disturb")))
        #expect(!CommandMatcher.negates(TextNormalizer.words("never mind the timer, cancel it")))
        #expect(Self.matcher.leadingVerb(TextNormalizer.words("could you please delete the Trip album")) == "delete")
        // Light verbs and question words lead nothing.
        #expect(Self.matcher.leadingVerb(TextNormalizer.words("get rid of the Trip album")) == nil)
        #expect(Self.matcher.leadingVerb(TextNormalizer.words("are any timers running")) == nil)
        #expect(CommandMatcher.switchWord(at: 1, in: TextNormalizer.words("shut off bluetooth")))
        #expect(!CommandMatcher.switchWord(at: 3, in: TextNormalizer.words("put the phone on the table now")))
    }

    /// A clause with a subject and a finite verb tells something; it is not read as a request unless a clause asks.
    @Test func statementsAreToldApartFromRequests() {
        func states(_ text: String) -> Bool {
            Mood.isStatement(TextNormalizer.tokens(text), text: text, verbs: ["delete", "show", "take", "put", "set"])
        }
        #expect(states("we took so many pictures on the trip"))
        #expect(states("the Cats album is my favorite one"))
        #expect(states("mom sent me a message saying she's fine"))
        #expect(states("that photo of the sunset was gorgeous"))
        #expect(!states("that photo of the sunset, delete it"))
        #expect(!states("I'm in a meeting, put my phone on do not disturb"))
        #expect(!states("I need an alarm at 6"))
        #expect(!states("delete the photos I took yesterday"))
        #expect(!states("could you show my albums"))
        #expect(!states("photos that were taken in March"))
    }

    /// Values a loose reading leaves out are read by their role: a count, "every", a label said outright.
    @Test func rolesFillWhatALooseReadingLeavesOut() {
        let words = TextNormalizer.words("read my last 3 messages from bob")
        #expect(CommandMatcher.count(words, excluding: []) == 3)
        // A number that is part of a live name counts nothing.
        let named = TextNormalizer.words("add the newest photo to vacation 2024")
        #expect(CommandMatcher.count(named, excluding: CommandMatcher.namedWords(named, entityNames: Self.names)) == nil)
        #expect(CommandMatcher.saysEvery(TextNormalizer.words("add all of yesterday's pictures to trip")))
        #expect(!CommandMatcher.saysEvery(TextNormalizer.words("add yesterday's pictures to trip")))
        let alarm = Self.matcher.interpret("set an alarm for 7 am called take pills").match?.call
        #expect(alarm?.name == "clock.set_alarm")
        #expect(alarm?.arguments["label"] == .string("take pills"), "\(String(describing: alarm))")
    }

    @Test func fractionsOfAnHourAreDurations() {
        #expect(SlotParsers.durationSeconds(TextNormalizer.words("a quarter of an hour")) == 900)
        #expect(SlotParsers.durationSeconds(TextNormalizer.words("three quarters of an hour")) == 2700)
        #expect(SlotParsers.durationSeconds(TextNormalizer.words("quarter")) == nil)
    }

    /// One word spelt near a choice's name reads as that choice when no other name is as near.
    @Test func aNearSpellingOfAChoiceIsThatChoice() throws {
        let toggle = try #require(Self.matcher.actions.first { $0.name == "settings.get_toggle" }?.parameters.first { $0.name == "toggle" })
        #expect(SlotReader().read(["bluetoth"], original: "bluetoth", for: toggle) == .string("bluetooth"))
        #expect(SlotReader().read(["blue"], original: "blue", for: toggle) == nil)
    }

    /// "photo 12", "video number 7": one item by its number, which is then the whole selection.
    @Test func anItemIsNamedByItsNumber() throws {
        let action = try #require(Self.matcher.actions.first { $0.name == "photos.delete_photos" })
        let item = CommandMatcher.itemNumber(TextNormalizer.words("can you delete video 19"), of: action, reader: SlotReader())
        #expect(item?.parameter == "photo" && item?.value == .int(19))
        #expect(CommandMatcher.itemNumber(TextNormalizer.words("delete the 5 newest videos"), of: action, reader: SlotReader()) == nil)
        #expect(CommandMatcher.itemNumber(TextNormalizer.words("delete the video 3 minutes long"), of: action, reader: SlotReader()) == nil)
        let call = Self.matcher.interpret("include photo number 7 in the Trip album", entityNames: Self.names).match?.call
        #expect(call?.name == "photos.add_to_album")
        #expect(call.map { $0.arguments["photo"] == .int(7) && $0.arguments["kind"] == nil } == true, "\(String(describing: call))")
    }

    /// A bare number is no date, and no live name either (names are matched by their words, never by a made-up id).
    @Test func aNumberIsNoDateAndNoName() throws {
        #expect(SlotParsers.dateSpec(["41"]) == nil)
        #expect(SlotParsers.dateSpec(["last", "week"]) == "last_week")
        let album = Parameter.entity("album", "an album", kind: "album")
        let reader = SlotReader(entityNames: Self.names)
        #expect(reader.read(["1"], original: "1", for: album) == nil)
        #expect(reader.read(["trip"], original: "trip", for: album) == .string("Trip"))
    }

    /// A label is a short name no other parameter reads; a time said with its part of the day is one value.
    @Test func labelsAreShortNamesAndTimesKeepTheirPartOfTheDay() {
        let alarm = Self.matcher.interpret("set an alarm for quarter past seven tomorrow morning").match?.call
        #expect(alarm?.arguments["label"] == nil, "\(String(describing: alarm))")
        let evening = Self.matcher.interpret("set an alarm for twenty past six in the evening").match?.call
        #expect(evening?.arguments["time"] == .string("18:20"), "\(String(describing: evening))")
        #expect(SlotParsers.timeOfDay(["half", "six"])?.canonical == "06:30")
        #expect(SlotParsers.timeOfDay(["half", "past", "six"])?.canonical == "06:30")
    }

    /// A loose template reading agrees with the leading verb among its subsystem's actions, and "did I…" changes nothing.
    @Test func looseReadingsAgreeWithTheVerbAndTheQuestion() {
        #expect(Self.matcher.interpret("please delete album Trip with all its stuff", entityNames: Self.names).match?.call.name
                != "photos.create_album")
        #expect(Self.matcher.interpret("did I set an alarm for tomorrow?").match == nil)
        // Another subsystem's verb may be an idiom.
        #expect(Self.matcher.interpret("shoot Bob Jones a message saying see you", entityNames: Self.names).match?.call.name
                == "messages.send_message")
    }

    @Test func aHyphenatedPrefixIsPartOfItsWord() {
        #expect(TextNormalizer.words("un-favourite the newest photo") == ["unfavourite", "the", "newest", "photo"])
        #expect(TextNormalizer.words("a well-known place") == ["a", "well", "known", "place"])
    }

    @Test func textAfterAColonIsTheText() throws {
        let note = try #require(Self.matcher.actions.first { $0.name == "messages.send_message" })
        #expect(CommandMatcher.textAfterColon("to Bob Jones: see you at 5:30", action: note, entityNames: Self.names) == "see you at 5:30")
        #expect(CommandMatcher.textAfterColon("reminder: buy milk", action: note, entityNames: Self.names) == nil)
        #expect(CommandMatcher.textAfterColon("meet at 5:30", action: note, entityNames: Self.names) == nil)
    }

    /// A name said outright ("called meds") rules out the actions that take no name.
    @Test func aNameSaidOutrightNeedsAnActionThatTakesOne() {
        let words = TextNormalizer.words("cancel the alarm called meds")
        #expect(CommandMatcher.evidence(words, text: "cancel the alarm called meds", tokens: TextNormalizer.tokens("cancel the alarm called meds"),
                                        question: false).contains(.name))
        #expect(!CommandMatcher.evidence(["cancel", "all", "alarms"], text: "cancel all alarms",
                                         tokens: TextNormalizer.tokens("cancel all alarms"), question: false).contains(.name))
    }

    /// A name is neither a clause nor a count of things.
    @Test func aNameIsNoClauseAndNoCount() {
        let name = Parameter.string("name", "a name")
        #expect(SlotReader().read(["everything", "i", "took", "on", "monday"], original: "everything I took on monday", for: name) == nil)
        #expect(SlotReader().read(["the", "3", "most", "recent", "photos"], original: "the 3 most recent photos", for: name) == nil)
        #expect(SlotReader().read(["name", "it", "books"], original: "name it Books", for: name) == nil)
        #expect(SlotReader().read(["sam", "okafor"], original: "Sam Okafor", for: name) == .string("Sam Okafor"))
    }

    /// When the whole is not understood, the one clause that asks is read, marked so that a change asks first.
    @Test func theOneClauseThatAsksIsRead() {
        let match = Self.matcher.interpret("switch on bluetooth, my new headphones finally arrived today").match
        #expect(match?.call.name == "settings.set_toggle" && match?.clause == "switch on bluetooth", "\(String(describing: match))")
        // A clause pointing back ("cancel it") is not read alone, nor is anything when two clauses ask.
        #expect(Self.matcher.interpret("my laundry timer is pointless now, cancel it").match == nil)
        #expect(Self.matcher.interpret("Dr. Jones texted me about the results of the test earlier").match == nil)
    }

    /// Quoted words, or words after a colon that follows a few words, are the free text: the encoder sees them as the
    /// example text, and they neither negate nor ask.
    @Test func freeTextIsMarkedByQuotesOrAColon() {
        #expect(FreeText.value(in: "new note \"pick up dry cleaning\"") == "pick up dry cleaning")
        #expect(FreeText.value(in: "text my mum: landed safely, love you.") == "landed safely, love you")
        #expect(FreeText.value(in: "meet at 5:30") == nil)
        #expect(FreeText.value(in: "we went to the place everyone told us about last year: amazing") == nil)
        #expect(TextNormalizer.words(FreeText.command(in: "msg bob: don't be late?")) == ["msg", "bob"])
        #expect(Self.phrased("note: buy milk") == "note see you soon")
        #expect(Self.phrased("send \"on my way\" to Bob Jones") == "send see you soon to sam")
    }

    /// A value stands in its quotes whole, never across them; the words that introduce a message are not part of it;
    /// a name said with its parameter's noun ("the Garden album") is the name alone.
    @Test func valuesStopAtQuotesLeadInsAndTheirOwnNoun() {
        #expect(FreeText.withoutLeadIn("that the bins go out tonight") == "the bins go out tonight")
        #expect(FreeText.withoutLeadIn("and say Dinner is at 7!") == "Dinner is at 7!")
        #expect(FreeText.withoutLeadIn("that") == "that")
        #expect(FreeText.withoutLeadIn("thatch needs fixing") == "thatch needs fixing")
        #expect(FreeText.crossesQuotation("running late\" by text"))
        #expect(!FreeText.crossesQuotation("\"running late\""))
        let album = Parameter.string("album", "an album")
        #expect(SlotReader().read(["garden", "album"], original: "Garden album", for: album) == .string("Garden"))
        #expect(SlotReader().read(["album", "garden"], original: "album Garden", for: album) == .string("Garden"))
        #expect(SlotReader().read(["album"], original: "album", for: album) == .string("album"))

        let note = Self.matcher.interpret("make a note that the bins go out tonight", entityNames: Self.names).match?.call
        #expect(note?.name == "notes.add_note")
        #expect(note?.arguments["text"] == .string("the bins go out tonight"), "\(String(describing: note))")
        let quoted = Self.matcher.interpret("tell Bob Jones \"dinner is at 7\" by text", entityNames: Self.names).match?.call
        #expect(quoted?.arguments["body"] == .string("dinner is at 7"), "\(String(describing: quoted))")
        let photo = Self.matcher.interpret("take a picture for the Garden album", entityNames: Self.names).match?.call
        #expect(photo?.name == "camera.take_photo")
        #expect(photo?.arguments["album"] == .string("Garden"), "\(String(describing: photo))")
    }

    /// Numbers alone name no live thing: a year is no album, though an album's name holds it.
    @Test func numbersAloneNameNoLiveThing() {
        let reader = SlotReader(entityNames: ["album": ["Vacation 2024", "Trip"]])
        let album = Parameter.entity("album", "An album", kind: "album")
        #expect(reader.read(["2024"], original: "2024", for: album) == nil)
        #expect(reader.read(["vacation", "2024"], original: "Vacation 2024", for: album) == .string("Vacation 2024"))
        let call = Self.matcher.interpret("show my videos from may 2024", entityNames: Self.names).match?.call
        #expect(call?.arguments["when"] == .string("2024-05"), "\(String(describing: call))")
        #expect(call != nil && call?.arguments["album"] == nil, "\(String(describing: call))")
    }

    /// A path's folders name no album ("~/Pictures/**trip**"), and things "tagged" so are labelled so.
    @Test func pathsNameNoLiveThingAndTagsAreLabels() {
        let text = "import the photos from ~/Pictures/trip"
        let words = CommandMatcher.outsidePaths(TextNormalizer.tokens(text), text: text)
        #expect(words.first == "import" && words.contains("from") && !words.contains("trip"), "\(words)")
        let call = Self.matcher.interpret(text, entityNames: Self.names).match?.call
        #expect(call?.name == "photos.import_media", "\(String(describing: call))")
        #expect(call?.arguments["path"] == .string("~/Pictures/trip") && call?.arguments["album"] == nil, "\(String(describing: call))")
        #expect(CommandMatcher.labelMarkers.contains("tagged"))
    }

    /// A verb leads an action's readings when the action's sentences start with it or with a verb that asks for the
    /// same change ("add" a notebook is "create" one); another change's verb does not.
    @Test func verbsThatMeanTheSameLeadAlike() throws {
        let notebook = try #require(Self.matcher.actions.first { $0.name == "notes.create_notebook" })
        #expect(CommandMatcher.leads(notebook, "add") && CommandMatcher.leads(notebook, "create"))
        #expect(!CommandMatcher.leads(notebook, "delete") && !CommandMatcher.leads(notebook, "show"))
        let albums = try #require(Self.matcher.actions.first { $0.name == "photos.delete_album" })
        #expect(CommandMatcher.leads(albums, "trash") && !CommandMatcher.leads(albums, "add"))
    }

    /// A percentage after "by", "up" or "down", or before a comparative, is a step; otherwise a level.
    @Test func aPercentageIsAStepOnlyWhenSaidAsOne() {
        func change(_ s: String) -> Bool { CommandMatcher.percentageIsAChange(TextNormalizer.words(s)) }
        #expect(change("crank the volume up 30 percent"))
        #expect(change("lower the brightness by 15%"))
        #expect(change("make it 10 percent louder"))
        #expect(change("brightness 20 percent higher"))
        #expect(!change("turn the volume up to 80 percent"))
        #expect(!change("set the volume to 30 percent"))
        #expect(!change("volume 30 percent"))
        #expect(!change("turn down the volume"))
    }

    /// "On" or "off" closes a switch's words even with courtesy after it.
    @Test func aSwitchWordMayBeFollowedByCourtesy() {
        #expect(CommandMatcher.switchWord(at: 2, in: ["aeroplane", "mode", "on", "please"]))
        #expect(CommandMatcher.switchWord(at: 2, in: ["dark", "mode", "off", "now", "thanks"]))
        #expect(!CommandMatcher.switchWord(at: 3, in: ["leave", "the", "book", "on", "the", "table"]))
    }

    /// A second part that says where the result goes gives the first action its value; one that asks for something
    /// the first action can't take is no reading.
    @Test func aSecondPartThatSaysWhereTheResultGoesIsTaken() {
        let match = Self.matcher.interpret("take a photo and put it in the Trip album", entityNames: Self.names).match
        #expect(match?.call.name == "camera.take_photo", "\(String(describing: match))")
        #expect(match?.call.arguments["album"] == .string("Trip"))
        #expect(match?.clause == "take a photo", "a change read from part of the words asks first")
        #expect(Self.matcher.interpret("take a photo and send it to Mom", entityNames: Self.names).match == nil)
    }

    /// A sentence may start with the things it acts on: a word that names or orders items is no verb, so it neither
    /// restricts the actions read ("pictures from last week") nor makes a clause a request ("these albums are from the
    /// nineties").
    @Test func wordsThatNameItemsAreNoVerbs() {
        for noun in ["photos", "pictures", "video", "these", "latest"] { #expect(!Self.matcher.verbs.contains(noun), "\(noun)") }
        for verb in ["delete", "favorite", "heart", "import", "increase"] { #expect(Self.matcher.verbs.contains(verb), "\(verb)") }
        let text = "these albums are from the nineties"
        #expect(Mood.isStatement(TextNormalizer.tokens(text), text: text, verbs: Self.matcher.verbs))
    }
    /// A mode is switched on by entering it and off by leaving it; "activate" and "deactivate" switch like "enable".
    @Test func modesAreEnteredAndLeft() {
        let words = TextNormalizer.words
        #expect(CommandMatcher.modeSwitch(words("put the phone in airplane mode")) == true)
        #expect(CommandMatcher.modeSwitch(words("go into dark mode please")) == true)
        #expect(CommandMatcher.modeSwitch(words("get me out of airplane mode")) == false)
        #expect(CommandMatcher.modeSwitch(words("take the phone off airplane mode")) == false)
        #expect(CommandMatcher.modeSwitch(words("exit dark mode")) == false)
        #expect(CommandMatcher.modeSwitch(words("airplane mode")) == nil)
        #expect(CommandMatcher.modeSwitch(words("turn on wifi")) == nil)
        #expect(SlotParsers.boolean(["activate"]) == true && SlotParsers.boolean(["deactivated"]) == false)
    }

    /// A time said as a point in a recording is an offset; said otherwise, a length. One of each is read; two of a kind
    /// are none.
    @Test func offsetsAndLengthsOfClips() {
        let words = TextNormalizer.words
        let both = words("import 20 seconds of the clip starting at 45 seconds")
        #expect(CommandMatcher.oneDuration(both, asOffset: true) == 45)
        #expect(CommandMatcher.oneDuration(both, asOffset: false) == 20)
        #expect(CommandMatcher.oneDuration(words("play it from the 2 minute mark"), asOffset: true) == 120)
        #expect(CommandMatcher.oneDuration(words("start it 90 seconds in"), asOffset: true) == 90)
        #expect(CommandMatcher.oneDuration(words("play it from the 2 minute mark"), asOffset: false) == nil)
        #expect(CommandMatcher.oneDuration(words("record for 10 seconds or 20 seconds"), asOffset: false) == nil)
        let call = Self.matcher.interpret("import the clip from /videos/party.mp4 starting at 45 seconds, 20 seconds long").match?.call
        #expect(call?.name == "photos.import_media")
        #expect(call?.arguments["start"] == .int(45) && call?.arguments["duration"] == .int(20), "\(String(describing: call))")
        let exact = Self.matcher.interpret("point the camera at /data/cam.mp4 starting at 30 seconds").match?.call
        #expect(exact?.arguments["start"] == .int(30) && exact?.arguments["path"] == .string("/data/cam.mp4"), "\(String(describing: exact))")
    }

    /// A clause that explains ("I don't need the Trip album anymore") does not negate the request that closes the sentence.
    @Test func aClosingRequestIsReadAfterItsReason() {
        #expect(Self.matcher.closingRequest("I don't need the Trip album anymore, delete it") == ["delete", "it"])
        #expect(Self.matcher.closingRequest("I don't need the Trip album anymore") == nil)
        #expect(Self.matcher.closingRequest("wow, the trip album") == nil)
        #expect(CommandMatcher.isQuestion(TextNormalizer.words("check if wifi is on"), text: "check if wifi is on"))
        #expect(!CommandMatcher.isQuestion(TextNormalizer.words("if it rains turn on wifi"), text: "if it rains turn on wifi"))
    }

    /// A time's "am" is no verb; an adverb may stand between a pronoun and its past tense.
    @Test func timesAndAdverbsInStatements() {
        let verbs = Self.matcher.verbs
        func statement(_ text: String) -> Bool { Mood.isStatement(TextNormalizer.tokens(text), text: text, verbs: verbs) }
        #expect(!statement("scrap the 5.45am alarm"))
        #expect(statement("i already sent Anna the message"))
        #expect(statement("I set my alarm for 6:30 already"))
        #expect(!statement("set my alarm for 6:30"))
    }

    /// A change led by a word no action knows is no verbless template's reading; in the place of a template's verb it
    /// may be a synonym. Disabling an alarm keeps it.
    @Test func unknownVerbsAndVerblessTemplates() {
        #expect(Self.matcher.interpret("wipe the alarm at 8 pm").match?.call.name != "clock.set_alarm")
        #expect(Self.matcher.interpret("that was a mistake, undo it").match?.call.name != "notes.add_note")
        #expect(Self.matcher.interpret("include photo number 7 in the Trip album", entityNames: Self.names).match?.call.name == "photos.add_to_album")
        let call = Self.matcher.interpret("disable the 7:30 alarm").match?.call
        #expect(call?.name == "clock.switch_alarm" && call?.arguments["on"] == .bool(false), "\(String(describing: call))")
    }
    /// A phone number is a typed value: read where it is said, and never part of the name beside it.
    @Test func aPhoneNumberIsNoPartOfAName() {
        #expect(CommandMatcher.phoneNumber(in: "save Lisa Park, number 555-0142 please") == "555-0142")
        #expect(CommandMatcher.phoneNumber(in: "add Tom, +1 (415) 555 0199") == "+1 (415) 555 0199")
        #expect(CommandMatcher.phoneNumber(in: "set an alarm for 7:30") == nil)
        #expect(CommandMatcher.phoneNumber(in: "call 555 0100 or 555 0101") == nil)
        let call = Self.matcher.interpret("save a new contact, Lisa Park, number 555-0142").match?.call
        #expect(call?.name == "messages.add_contact")
        #expect(call?.arguments["name"] == .string("Lisa Park") && call?.arguments["phone"] == .string("555-0142"), "\(String(describing: call))")
        let at = Self.matcher.interpret("create a contact for Dr. Miller at 020 7946 0958").match?.call
        #expect(at?.arguments["name"] == .string("Dr. Miller") && at?.arguments["phone"] == .string("020 7946 0958"), "\(String(describing: at))")
    }

    /// "label it dinner", "call it focus": the label follows.
    @Test func aLabelMayBeGivenAfterwards() throws {
        let timer = try #require(Self.matcher.actions.first { $0.name == "clock.set_timer" })
        func label(_ text: String) -> JSONValue? {
            CommandMatcher.explicitLabel(TextNormalizer.tokens(text), text: text, for: timer, reader: SlotReader(), given: [:])
        }
        #expect(label("start a timer: 25 minutes, label it focus") == .string("focus"))
        #expect(label("a 6 minute timer, call it steak") == .string("steak"))
        #expect(label("a 6 minute timer labelled as tea") == .string("tea"))
        #expect(label("call mom in 6 minutes") == nil)
        // Also when only the other clause is read as the request.
        for (text, name) in [("a timer for 20 minutes, call it pasta", "pasta"), ("alarm at 6:10 pm, label it yoga", "yoga")] {
            let call = Self.matcher.interpret(text).match?.call
            #expect(call?.arguments["label"] == .string(name), "\(text): \(String(describing: call))")
        }
    }
    /// "mum" is how the British spell "Mom": a word this short has no near spellings otherwise.
    @Test func britishSpellingsOfFamilyNames() {
        let entities = [Entity(id: "1", name: "Mom"), Entity(id: "2", name: "Bob Jones")]
        #expect(EntityResolver.resolve("mum", among: entities) == .found(entities[0]))
        #expect(EntityResolver.resolve("my mom", among: entities) == .notFound)
        #expect(EntityResolver.resolve("bob", among: entities) == .found(entities[1]))
    }
    /// Questions about things in general are no questions about the phone's state.
    @Test func questionsAboutTheWorldReadNoState() throws {
        let level = try #require(Self.matcher.actions.first { $0.name == "settings.get_level" })
        let toggle = try #require(Self.matcher.actions.first { $0.name == "settings.get_toggle" })
        let words = TextNormalizer.words
        #expect(CommandMatcher.asksAboutTheWorld(words("how loud is a jet engine"), action: level))
        #expect(CommandMatcher.asksAboutTheWorld(words("what does do not disturb mode do"), action: toggle))
        #expect(CommandMatcher.asksAboutTheWorld(words("how does airplane mode work"), action: toggle))
        #expect(!CommandMatcher.asksAboutTheWorld(words("what is the volume"), action: level))
        #expect(!CommandMatcher.asksAboutTheWorld(words("is do not disturb on"), action: toggle))
        #expect(!CommandMatcher.asksAboutTheWorld(words("turn the volume up a bit"), action: level))
    }
    /// An option whose name is said is set ("keep a **copy**"), whatever the reading; "all" said with an exact
    /// template that had it as a filler still means every item; a label that names an option is the option.
    @Test func optionsNamedInTheWordsAreSet() throws {
        let option = { (name: String) in Parameter.boolean(name, "an option", default: false) }
        let words = TextNormalizer.words
        #expect(CommandMatcher.optionSaid(option("copy"), in: words("import x.mp4 and keep a copy in the library")) == true)
        #expect(CommandMatcher.optionSaid(option("copy"), in: words("import /data/cats, copying the files")) == true)
        #expect(CommandMatcher.optionSaid(option("copy"), in: words("import x.mp4 without a copy")) == false)
        #expect(CommandMatcher.optionSaid(option("copy"), in: words("import x.mp4")) == nil)
        #expect(CommandMatcher.optionSaid(option("unread_only"), in: words("read my unread texts")) == true)
        #expect(CommandMatcher.optionSaid(option("favorites"), in: words("show my favourite videos")) == true)
        #expect(CommandMatcher.optionSaid(option("recently_deleted"), in: words("show what I deleted recently")) == true)
        #expect(CommandMatcher.optionSaid(option("recently_deleted"), in: words("show what I deleted")) == nil)
        let delete = Self.matcher.interpret("delete all videos from last week").match?.call
        #expect(delete?.name == "photos.delete_photos")
        #expect(delete?.arguments["all"] == .bool(true))
        let search = Self.matcher.interpret("show my favourite photos").match?.call
        #expect(search?.arguments["favorites"] == .bool(true) && search?.arguments["label"] == nil)
    }
    /// A level said after "to" is set, a bare number after "up", "down" or "by" is a step, and a step verb with a
    /// number said otherwise is a step ("increase brightness 25 percent"), never a level.
    @Test func levelsAndStepsAreToldApartByTheirWords() {
        let words = TextNormalizer.words
        #expect(CommandMatcher.bareStep(words("volume up 5")))
        #expect(CommandMatcher.bareStep(words("brightness down by 10 please")))
        #expect(!CommandMatcher.bareStep(words("volume to 5")))
        #expect(!CommandMatcher.bareStep(words("move it up 5 minutes")))
        #expect(Self.matcher.saysAStep(words("increase brightness 25 percent")))
        #expect(!Self.matcher.saysAStep(words("raise the volume to 65")))
        #expect(!Self.matcher.saysAStep(words("brightness 30 percent please")))
        let raise = Self.matcher.interpret("raise the volume to 65").match?.call
        #expect(raise?.name == "settings.set_level" && raise?.arguments["percent"] == .int(65))
        // (A bare step is read by the encoder stage, which this matcher, templates only, does not have: the
        // understanding sets measure it.)
        #expect(Self.matcher.interpret("turn the volume all the way down").match?.call.arguments["percent"] == .int(0))
    }
    /// A near sound is never its opposite: "minimum" is close to "maximum" and means the reverse.
    @Test func noWordIsRepairedIntoItsOpposite() {
        #expect(Opposites.are("minimum", "maximum") && Opposites.are("maximum", "minimum"))
        #expect(Opposites.are("louder", "quieter") && !Opposites.are("louder", "brighter"))
        #expect(Opposites.of("volume") == nil)
    }
    /// Free text starts after the words that introduce it: "a message,", "a text reading", "add a note saying".
    @Test func freeTextStartsAfterItsIntroduction() throws {
        let send = try #require(Self.matcher.actions.first { $0.name == "messages.send_message" })
        let note = try #require(Self.matcher.actions.first { $0.name == "notes.add_note" })
        #expect(CommandMatcher.textAfterItsIntroduction("a message, the meeting moved to 3pm", action: send) == "the meeting moved to 3pm")
        #expect(CommandMatcher.textAfterItsIntroduction("a text reading see you at the match", action: send) == "see you at the match")
        #expect(CommandMatcher.textAfterItsIntroduction("add a note saying add extra garlic", action: note) == "add extra garlic")
        #expect(CommandMatcher.textAfterItsIntroduction("a message for you", action: send) == nil, "no introducer")
        #expect(CommandMatcher.textAfterItsIntroduction("the match is on", action: send) == nil, "not the command's noun")
    }
    /// A name said after "called", "named", "name it", "call it" is the name.
    @Test func aNameSaidOutrightIsTheName() throws {
        let notebook = try #require(Self.matcher.actions.first { $0.name == "notes.create_notebook" })
        let name = try #require(notebook.parameters.first { $0.name == "name" })
        func said(_ text: String) -> JSONValue? {
            CommandMatcher.explicitName(TextNormalizer.tokens(text), text: text, for: name, of: notebook, reader: SlotReader())
        }
        #expect(said("I want a new notebook, name it Books") == .string("Books"))
        #expect(said("a notebook to be called Road Trip") == .string("Road Trip"))
        #expect(said("a notebook called every day") == nil, "a quantifier is no name")
        #expect(said("a new notebook please") == nil)
    }
    /// The word that describes the things asked for, before their noun, is their label: "landscape pictures", "red
    /// stuff", "yellow colour photos"; a particle or a word for newness is none ("pull up videos", "latest photos").
    @Test func aDescribingWordBeforeTheThingsIsTheirLabel() throws {
        let search = try #require(Self.matcher.actions.first { $0.name == "photos.search_media" })
        func label(_ text: String) -> JSONValue? {
            CommandMatcher.label(TextNormalizer.tokens(text), text: text, for: search, reader: SlotReader(), given: [:])
        }
        #expect(label("show me landscape pictures from March") == .string("landscape"))
        #expect(label("show me red stuff from this year") == .string("red"))
        #expect(label("any yellow colour photos from the last 30 days") == .string("yellow"))
        #expect(label("pull up videos from two days ago") == nil)
        #expect(label("show my latest photos") == nil)
    }
}
