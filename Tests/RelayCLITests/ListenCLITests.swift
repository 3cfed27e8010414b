import Foundation
import RelayTestSupport
import Testing

/// `relay listen` end to end: a command spoken by espeak-ng, heard from a file, from stdin, and through ALSA's
/// `file` capture plugin (a separate `relay` process, so its ALSA configuration cannot disturb other tests).
@Suite(.serialized) struct ListenCLITests {
    /// A reliably recognized command, as 16 kHz mono WAV and raw S16LE, with silence around it.
    static let command = "what is the airplane mode status"

    static func makeAudio(in dir: URL) async throws -> (wav: URL, raw: URL) {
        let speech = dir.appendingPathComponent("speech.wav")
        let wav = dir.appendingPathComponent("command.wav")
        let raw = dir.appendingPathComponent("command.raw")
        try await Fixtures.espeak(command, voice: "en-us", wordsPerMinute: 160, to: speech)
        try await Fixtures.sox([speech.path, "-r", "16000", "-c", "1", "-b", "16", wav.path, "pad", "0.5", "1.0"])
        try await Fixtures.sox([wav.path, "-t", "raw", "-e", "signed", "-b", "16", raw.path])
        return (wav, raw)
    }

    static func expectHeardTheCommand(_ run: RelayCLI.Run) throws {
        #expect(!run.timedOut, "relay listen did not stop by itself")
        #expect(run.status == 0, "\(run.stderr)")
        let last = try #require(run.jsonLines.last)
        #expect(Set(last.keys) == ["transcript", "tool_call", "status", "reply"])
        #expect(last["status"] as? String == "done", "\(run.stdout)\n\(run.stderr)")
        let call = try #require(last["tool_call"] as? [String: Any])
        #expect(call["name"] as? String == "settings.get_toggle")
        #expect((call["arguments"] as? [String: Any])?["toggle"] as? String == "airplane_mode")
        #expect(run.jsonLines.contains { $0["event"] as? String == "speech_end" })
    }

    @Test func listensToAnAudioFile() async throws {
        let dir = try Fixtures.folder("relay-voice-cli")
        let audio = try await Self.makeAudio(in: dir)
        let run = try await RelayCLI.run(["listen", "--input", audio.wav.path, "--once", "--json", "--home", dir.path])
        try Self.expectHeardTheCommand(run)
    }

    @Test func listensToRawAudioOnStandardInput() async throws {
        let dir = try Fixtures.folder("relay-voice-cli")
        let audio = try await Self.makeAudio(in: dir)
        let run = try await RelayCLI.run(["listen", "--input", "-", "--json", "--home", dir.path], stdin: try Data(contentsOf: audio.raw))
        try Self.expectHeardTheCommand(run)
    }

    @Test func capturesThroughALSAFilePlugin() async throws {
        let dir = try Fixtures.folder("relay-voice-cli")
        let audio = try await Self.makeAudio(in: dir)
        let config = dir.appendingPathComponent("alsa-test.conf")
        try """
            pcm.relayvoice {
                type file
                slave.pcm "null"
                file "/dev/null"
                infile "\(audio.raw.path)"
                format "raw"
            }
            """.write(to: config, atomically: true, encoding: .utf8)
        // The file plugin never ends (it reads silence after the file); --once stops after the command.
        let run = try await RelayCLI.run(["listen", "--device", "relayvoice", "--once", "--json", "--home", dir.path],
                                   environment: ["ALSA_CONFIG_PATH": "/usr/share/alsa/alsa.conf:\(config.path)"], timeout: .seconds(90))
        try Self.expectHeardTheCommand(run)
    }

    @Test func wakePhraseGatesCommands() async throws {
        let dir = try Fixtures.folder("relay-voice-cli")
        let audio = try await Self.makeAudio(in: dir)
        // The command is said without the wake phrase: nothing may be dispatched.
        let run = try await RelayCLI.run(["listen", "--input", audio.wav.path, "--wake-phrase", "hey relay", "--json", "--home", dir.path])
        #expect(!run.timedOut)
        #expect(!run.jsonLines.contains { $0["tool_call"] is [String: Any] })
    }

    @Test func missingInputFileIsAOneLineError() async throws {
        let run = try await RelayCLI.run(["listen", "--input", "/nonexistent/command.wav"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("/nonexistent/command.wav"))
        #expect(run.stderr.split(separator: "\n").count == 1)
    }
}

/// `relay listen --asr wyoming://…`: commands heard by a Wyoming server — the real Whisper server, and one that is down.
@Suite(.serialized) struct ListenWyomingCLITests {
    @Test(.enabled(if: WhisperServer.isExpected, "no speech server: Samples/scripts/test.sh starts one"))
    func listensThroughTheWhisperServer() async throws {
        let uri = try await WhisperServer.ready()
        let dir = try Fixtures.folder("relay-voice-cli")
        let audio = try await ListenCLITests.makeAudio(in: dir)
        // The suite's one server transcribes one utterance at a time, for WyomingServerTests too, while both cores run
        // other tests: a minute, as those tests give it (the 30-s default ran out once with the transcript on its way).
        let run = try await RelayCLI.run([
            "listen", "--input", audio.wav.path, "--once", "--json", "--asr", uri, "--asr-timeout", "60", "--home", dir.path,
        ])
        try ListenCLITests.expectHeardTheCommand(run)
        // Exactly one outcome line: the command's.
        #expect(run.jsonLines.filter { $0["status"] != nil }.count == 1, "\(run.stdout)")
        let transcript = try #require(run.jsonLines.first { $0["event"] as? String == "transcript" })
        #expect(transcript["accepted"] as? Bool == true)
    }

    @Test func aSpeechServerThatIsDownEndsEachUtteranceAndTheLoopGoesOn() async throws {
        let dir = try Fixtures.folder("relay-voice-cli")
        let audio = try await ListenCLITests.makeAudio(in: dir)
        let twice = dir.appendingPathComponent("twice.wav")
        try await Fixtures.sox([audio.wav.path, audio.wav.path, twice.path])
        let uri = "wyoming://127.0.0.1:\(try FakeWyomingServer.closedPort())"
        let run = try await RelayCLI.run(["listen", "--input", twice.path, "--json", "--asr", uri, "--home", dir.path], timeout: .seconds(90))
        #expect(!run.timedOut)
        #expect(run.status == 0, "the loop survives the server: \(run.stderr)")
        let outcomes = run.jsonLines.filter { $0["status"] != nil }
        #expect(outcomes.count == 2, "one outcome per utterance: \(run.stdout)")
        #expect(outcomes.allSatisfy { $0["status"] as? String == "not_understood" && $0["tool_call"] is NSNull })
        let errors = run.jsonLines.filter { $0["event"] as? String == "error" }.compactMap { $0["message"] as? String }
        #expect(errors.count == 2)
        #expect(errors.allSatisfy { $0.contains(uri) && $0.contains("server_failed") == false && $0.contains("connecting") }, "\(errors)")
    }

    @Test func aBadServiceIsAUsageError() async throws {
        let run = try await RelayCLI.run(["listen", "--input", "/dev/null", "--asr", "whisper"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("wyoming://"), "\(run.stderr)")
    }
}
