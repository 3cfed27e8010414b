import Foundation
import RelayAgent
import RelayKit
import RelayMedia
import RelayModel
import RelayTestSupport
import Testing

/// The phone behaves like a phone (issue 16), through the text loop and the voice loop: a camera that works on a
/// fresh home, bulk actions that ask with the count, undo, and follow-up questions for what was left unsaid.
@Suite struct PhoneBehaviourTests {
    static func phone() -> (CommandRunner, Dispatcher, URL) {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("relay-phone-\(UUID().uuidString)")
        let dispatcher = Dispatcher(subsystems: builtInSubsystems, home: home)
        return (CommandRunner(dispatcher: dispatcher), dispatcher, home)
    }

    static func count(_ dispatcher: Dispatcher, _ subsystem: String, _ sql: String) async throws -> Int {
        let store = try await dispatcher.store(for: subsystem)
        return try await store.read { db in try Int.fetchOne(db, sql: sql) ?? -1 }
    }

    @Test func takeAPictureOnAFreshHomeGivesAPhoto() async throws {
        let (runner, dispatcher, home) = Self.phone()
        defer { try? FileManager.default.removeItem(at: home) }
        let outcome = await runner.run("take a picture")
        #expect(outcome.status == .done, "\(outcome.reply)")
        #expect(try await Self.count(dispatcher, "photos", "SELECT COUNT(*) FROM asset WHERE kind = 'photo' AND deletedAt IS NULL") == 1)
    }

    @Test func deleteAllMyPhotosAsksWithTheCountThenUndoBringsThemBack() async throws {
        let (runner, dispatcher, home) = Self.phone()
        defer { try? FileManager.default.removeItem(at: home) }
        for _ in 0..<4 { #expect(await dispatcher.call("camera.take_photo").isDone) }
        let asked = await runner.run("delete all my photos")
        #expect(asked.status == .needsConfirmation)
        #expect(asked.reply == "Move 4 photos to Recently Deleted? Say yes or no.")
        #expect(asked.result?.data["count"] == .int(4))
        let deleted = "SELECT COUNT(*) FROM asset WHERE deletedAt IS NOT NULL"
        #expect(try await Self.count(dispatcher, "photos", deleted) == 0)
        let done = await runner.run("delete all my photos", interaction: ScriptedInteraction(replies: ["yes"]))
        #expect(done.status == .done)
        #expect(try await Self.count(dispatcher, "photos", deleted) == 4)
        let undone = await runner.run("undo that")
        #expect(undone.reply == "Undone: moved 4 photos to Recently Deleted.")
        #expect(try await Self.count(dispatcher, "photos", deleted) == 0)
    }

    @Test func clearingAlarmsAsksWithTheCountThenUndoBringsThemBack() async throws {
        let (runner, dispatcher, home) = Self.phone()
        defer { try? FileManager.default.removeItem(at: home) }
        for time in ["07:30", "08:00", "09:15"] { #expect(await dispatcher.call("clock.set_alarm", ["time": .string(time)]).isDone) }
        let asked = await runner.run("cancel all my alarms")
        #expect(asked.reply == "Cancel all 3 alarms? Say yes or no.")
        #expect(await runner.run("cancel all my alarms", interaction: ScriptedInteraction(replies: ["yes"])).status == .done)
        #expect(try await Self.count(dispatcher, "clock", "SELECT COUNT(*) FROM alarm") == 0)
        #expect(await runner.run("undo").status == .done)
        #expect(try await Self.count(dispatcher, "clock", "SELECT COUNT(*) FROM alarm") == 3)
    }

    @Test func textingSomeoneAsksWhatToSayAndSendsTheAnswer() async throws {
        let (runner, dispatcher, home) = Self.phone()
        defer { try? FileManager.default.removeItem(at: home) }
        #expect(await dispatcher.call("messages.add_contact", ["name": "Alice"]).isDone)
        let interaction = ScriptedInteraction(replies: ["See you at noon!"])
        let outcome = await runner.run("text alice", interaction: interaction)
        #expect(await interaction.questions == ["What should it say?"])
        #expect(outcome.status == .done)
        #expect(outcome.toolCall == ToolCall(name: "messages.send_message", arguments: ["to": "Alice", "body": "See you at noon!"]))
        // And a sent message cannot be undone: the user is told so.
        let undo = await runner.run("undo that")
        #expect(undo.status == .refused)
        #expect(undo.reply == "The last command can't be undone: a sent message can't be unsent.")
        // Nobody to answer: the question is the reply, and nothing is sent.
        let unanswered = await runner.run("text alice")
        #expect(unanswered.reply == "What should it say?")
        #expect(try await Self.count(dispatcher, "messages", "SELECT COUNT(*) FROM message WHERE body = 'See you at noon!'") == 1)
    }

    @Test func turnOffMyAlarmCancelsTheOnlyOneOrAsksWhich() async throws {
        let (runner, dispatcher, home) = Self.phone()
        defer { try? FileManager.default.removeItem(at: home) }
        #expect(await dispatcher.call("clock.set_alarm", ["time": "07:30"]).isDone)
        let only = await runner.run("turn off my alarm")
        #expect(only.reply == "Cancelled the alarm for 7:30 AM.")
        for time in ["07:30", "09:00"] { #expect(await dispatcher.call("clock.set_alarm", ["time": .string(time)]).isDone) }
        let interaction = ScriptedInteraction(replies: ["seven thirty"])
        let picked = await runner.run("turn off my alarm", interaction: interaction)
        #expect(await interaction.questions == ["Which alarm: 7:30 AM or 9:00 AM?"])
        #expect(picked.toolCall == ToolCall(name: "clock.cancel_alarm", arguments: ["time": "07:30"]))
        #expect(picked.reply == "Cancelled the alarm for 7:30 AM.")
        #expect(try await dispatcher.state(of: "clock").compactJSON.contains(#""time":"09:00""#))
        #expect(try await Self.count(dispatcher, "clock", "SELECT COUNT(*) FROM alarm") == 1)
    }
}

/// The same follow-ups by voice: espeak-ng says the command, a pause, then the answer; the voice loop asks and
/// hears the answer as the next utterance.
@Suite(.serialized) struct PhoneBehaviourVoiceTests {
    /// The phrases as one 16 kHz mono WAV, each padded with silence so each is its own utterance.
    static func conversation(_ phrases: [String], in dir: URL) async throws -> URL {
        var parts: [String] = []
        for (i, phrase) in phrases.enumerated() {
            let speech = dir.appendingPathComponent("say-\(i).wav")
            let part = dir.appendingPathComponent("part-\(i).wav")
            try await Fixtures.espeak(phrase, voice: "en-us", wordsPerMinute: 160, to: speech)
            try await Fixtures.sox([speech.path, "-r", "16000", "-c", "1", "-b", "16", part.path, "pad", "0.5", "1.2"])
            parts.append(part.path)
        }
        let out = dir.appendingPathComponent("conversation.wav")
        try await Fixtures.sox(parts + [out.path])
        return out
    }

    static func hear(_ url: URL, dispatcher: Dispatcher) async throws -> [VoiceEvent] {
        let loop = try await VoiceLoop(runner: CommandRunner(dispatcher: dispatcher), configuration: .init(asksByVoice: true))
        var events: [VoiceEvent] = []
        for try await event in loop.run(try AudioDecoder(url: url).chunks(seconds: 0.1)) { events.append(event) }
        return events
    }

    @Test func textingSomeoneByVoiceAsksWhatToSay() async throws {
        let dir = try Fixtures.folder("relay-phone-voice")
        let dispatcher = Dispatcher(subsystems: builtInSubsystems, home: dir.appendingPathComponent("home"))
        #expect(await dispatcher.call("messages.add_contact", ["name": "Alice"]).isDone)
        // "text alice please": said bare, espeak-ng's "text alice" scores below the recognizer's rejection
        // threshold (0.06–0.23), which is the recognizer's limit, not the dialogue's.
        // The "yes" answers a read-back when the recognizer heard "text alice please" weakly: its confidence falls
        // either side of ReadBackPolicy.weakConfidence (0.65) from run to run (0.649 once in 51 runs, else 0.75).
        // Unasked, the "yes" is an utterance of its own after the outcome checked here.
        let audio = try await Self.conversation(["text alice please", "see you at noon", "yes"], in: dir)
        let events = try await Self.hear(audio, dispatcher: dispatcher)
        #expect(events.contains(.prompt("What should it say?")))
        let outcome = events.compactMap { if case .outcome(let o) = $0 { o } else { nil } }.first
        #expect(outcome?.status == .done, "\(events.compactMap(\.line))")
        #expect(outcome?.askedBecause == nil || outcome?.askedBecause == "weak_recognition")
        #expect(outcome?.toolCall?.arguments["to"] == "Alice")
        // The body is free speech, decoded with the open vocabulary: some words, not necessarily these.
        #expect((outcome?.toolCall?.arguments["body"]?.stringValue ?? "").isEmpty == false)
    }

    @Test func turningOffAnAlarmByVoiceAsksWhich() async throws {
        let dir = try Fixtures.folder("relay-phone-voice")
        let dispatcher = Dispatcher(subsystems: builtInSubsystems, home: dir.appendingPathComponent("home"))
        for time in ["07:30", "09:00"] { #expect(await dispatcher.call("clock.set_alarm", ["time": .string(time)]).isDone) }
        let audio = try await Self.conversation(["turn off my alarm", "seven thirty"], in: dir)
        let events = try await Self.hear(audio, dispatcher: dispatcher)
        #expect(events.contains(.prompt("Which alarm: 7:30 AM or 9:00 AM?")), "\(events.compactMap(\.line))")
        let outcome = events.compactMap { if case .outcome(let o) = $0 { o } else { nil } }.first
        #expect(outcome?.reply == "Cancelled the alarm for 7:30 AM.", "\(events.compactMap(\.line))")
        #expect(try await dispatcher.state(of: "clock").compactJSON.contains(#""time":"09:00""#))
    }
}
