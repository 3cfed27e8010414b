import Foundation
import RelayJSON
import RelayLanguage
import RelayTestSupport
import Testing
@testable import RelaySpeech

/// The Wyoming client against scripted peers: the protocol's forms, and every way a server can fail — each a typed
/// ``SpeechError`` naming the server, in bounded time, never a hang.
@Suite struct WyomingClientTests {
    static let audio = SpeechFixtures.tone(seconds: 0.3)

    /// The events in bytes a client sent (header line, extra data, payload, again).
    static func events(in bytes: Data) throws -> [WyomingEvent] {
        var rest = [UInt8](bytes)[...]
        var events: [WyomingEvent] = []
        while let newline = rest.firstIndex(of: 0x0A) {
            let header = try WyomingEvent.header(rest[..<newline])
            rest = rest[(newline + 1)...]
            var event = try WyomingEvent.mergingData(rest.prefix(header.dataLength), into: header)
            rest = rest.dropFirst(header.dataLength)
            event.payload = Data(rest.prefix(header.payloadLength))
            rest = rest.dropFirst(header.payloadLength)
            events.append(event)
        }
        #expect(rest.isEmpty, "bytes after the last event")
        return events
    }

    @Test func eventsRoundTripThroughTheWireFormat() throws {
        let event = WyomingEvent("audio-chunk", data: ["rate": 16_000, "width": 2, "channels": 1], payload: Data([1, 2, 3, 4]))
        let bytes = [UInt8](event.encoded)
        let newline = try #require(bytes.firstIndex(of: 0x0A))
        let header = try WyomingEvent.header(bytes[..<newline])
        #expect(header.event.type == "audio-chunk")
        #expect(header.event.data == event.data)
        #expect(header.dataLength == 0)
        #expect(header.payloadLength == 4)
        #expect(Array(bytes[(newline + 1)...]) == [1, 2, 3, 4])
    }

    @Test func extraDataIsMergedOverTheHeaderData() throws {
        let header = try WyomingEvent.header(Array(#"{"type": "transcript", "data": {"text": "old", "language": "en"}, "data_length": 18}"#.utf8))
        #expect(header.dataLength == 18)
        let event = try WyomingEvent.mergingData(Array(#"{"text": " hello"}"#.utf8), into: header)
        #expect(event.data["text"] == .string(" hello"))
        #expect(event.data["language"] == .string("en"))
    }

    @Test func headersThatAreNotWyomingAreRefused() {
        #expect(throws: WyomingEvent.FormatError.self) { try WyomingEvent.header(Array("HTTP/1.1 400 Bad Request".utf8)) }
        #expect(throws: WyomingEvent.FormatError.self) { try WyomingEvent.header(Array(#"{"data": {}}"#.utf8)) }
        #expect(throws: WyomingEvent.FormatError.self) { try WyomingEvent.header(Array(#"{"type": "x", "payload_length": -1}"#.utf8)) }
        #expect(throws: WyomingEvent.FormatError.self) { try WyomingEvent.header(Array(#"{"type": "x", "payload_length": 999999999999}"#.utf8)) }
    }

    @Test func audioIsSentAsStartChunksStop() {
        let events = WyomingClient.audioEvents([Int16](repeating: 7, count: 4_000), rate: 16_000)
        #expect(events.map(\.type) == ["audio-start", "audio-chunk", "audio-chunk", "audio-chunk", "audio-stop"])
        #expect(events[1].data["rate"] == .int(16_000) && events[1].data["width"] == .int(2) && events[1].data["channels"] == .int(1))
        #expect(events[1...3].map(\.payload.count) == [3_200, 3_200, 1_600])
        #expect(events[1].payload.prefix(2) == Data([7, 0]))
    }

    @Test func endpointsParse() throws {
        #expect(WyomingEndpoint(uri: "wyoming://127.0.0.1:10300") == WyomingEndpoint(host: "127.0.0.1", port: 10300))
        #expect(WyomingEndpoint(uri: "tcp://localhost:10200")?.host == "localhost")
        #expect(WyomingEndpoint(uri: "wyoming://[::1]:10300")?.host == "::1")
        #expect(WyomingEndpoint(uri: "http://127.0.0.1:10300") == nil)
        #expect(WyomingEndpoint(uri: "wyoming://127.0.0.1") == nil)
        #expect(throws: SpeechError.self) { try SpeechService(parsing: "whisper") }
        let embedded = try SpeechService(parsing: "pocketsphinx")
        #expect(embedded == .embedded)
        let wyoming = try SpeechService(parsing: "wyoming://127.0.0.1:10300")
        #expect(wyoming == .wyoming(WyomingEndpoint(host: "127.0.0.1", port: 10300)))
    }

    @Test func transcriptInTheLibrarysFormIsRead() async throws {
        // Written as the Python library writes: data after the header line; streaming events before the transcript.
        let answer = FakeWyomingServer.event("transcript-start") + FakeWyomingServer.event("transcript-chunk", data: ["text": " Wake"])
            + FakeWyomingServer.event("transcript", data: ["text": " Wake me up at 6.15."])
        let server = try FakeWyomingServer(.answer(after: "audio-stop", bytes: answer))
        defer { server.stop() }
        let recognizer = WyomingRecognizer(client: WyomingClient(endpoint: try #require(WyomingEndpoint(uri: server.uri))))
        let transcript = try await recognizer.transcribe(Self.audio, sampleRate: 16_000)
        #expect(transcript.text == "Wake me up at 6.15.")
        #expect(transcript.isOpenVocabulary && transcript.isActionable && !transcript.isInGrammar)
        // What the server received: transcribe (English), then the audio as 16 kHz 16-bit mono.
        let sent = try Self.events(in: try #require(server.connections.first))
        #expect(sent.first?.type == "transcribe")
        #expect(sent.first?.data["language"] == .string("en"))
        #expect(sent.dropFirst().first?.type == "audio-start")
        #expect(sent.last?.type == "audio-stop")
        let chunks = sent.filter { $0.type == "audio-chunk" }
        #expect(chunks.allSatisfy { WyomingAudioFormat($0.data) == WyomingAudioFormat(rate: 16_000) })
        #expect(chunks.map(\.payload.count).reduce(0, +) == Self.audio.count * 2)
    }

    @Test func describeReadsTheInfo() async throws {
        let info = FakeWyomingServer.event("info", data: ["asr": [["name": "faster-whisper", "installed": true,
                                                                     "models": [["name": "tiny.en", "languages": ["en"]]]]]])
        let server = try FakeWyomingServer(.answer(after: "describe", bytes: info))
        defer { server.stop() }
        let described = try await WyomingClient(endpoint: try #require(WyomingEndpoint(uri: server.uri))).describe()
        #expect(described.asr == [WyomingInfo.Service(name: "faster-whisper", models: ["tiny.en"], languages: ["en"])])
        #expect(described.tts.isEmpty)
    }

    @Test func synthesizedAudioIsCollected() async throws {
        let format: [String: Any] = ["rate": 22_050, "width": 2, "channels": 1]
        let samples: [Int16] = [0, 1_000, -1_000, 32_767]
        let payload = Data(samples.flatMap { withUnsafeBytes(of: $0.littleEndian) { Array($0) } })
        let answer = FakeWyomingServer.event("audio-start", data: format) + FakeWyomingServer.event("audio-chunk", data: format, payload: payload)
            + FakeWyomingServer.event("audio-chunk", data: format, payload: payload) + FakeWyomingServer.event("audio-stop")
        let server = try FakeWyomingServer(.answer(after: "synthesize", bytes: answer))
        defer { server.stop() }
        let speech = try await WyomingSynthesizer(client: WyomingClient(endpoint: try #require(WyomingEndpoint(uri: server.uri))))
            .synthesize("Alarm set for 6:15 AM.")
        #expect(speech.sampleRate == 22_050)
        #expect(speech.samples == samples + samples)
        #expect(String(decoding: try #require(server.connections.first), as: UTF8.self).contains("Alarm set for 6:15 AM."))
    }

    @Test func aServerThatIsDownIsAServerFailure() async throws {
        let uri = "wyoming://127.0.0.1:\(try FakeWyomingServer.closedPort())"
        // A refused connection fails at once, not at the connect timeout (the bound is far below it and far above what
        // a loaded machine, load average 20 on 2 cores, stretched the refusal to: 14 s).
        let recognizer = WyomingRecognizer(client: WyomingClient(endpoint: try #require(WyomingEndpoint(uri: uri)), connectTimeout: .seconds(300)))
        let started = ContinuousClock.now
        let error = try #require(await #expect(throws: SpeechError.self) { try await recognizer.transcribe(Self.audio, sampleRate: 16_000) })
        #expect(error.code == .serverFailed)
        #expect(error.description.contains(uri), "\(error)")
        #expect(error.description.contains("speech-server.sh"), "the hint says how to start one: \(error)")
        #expect(started.duration(to: .now) < .seconds(120))
    }

    @Test func garbageIsABadResponse() async throws {
        let server = try FakeWyomingServer(.answer(after: "audio-stop", bytes: Data("HTTP/1.1 400 Bad Request\r\n\r\n".utf8)))
        defer { server.stop() }
        let recognizer = WyomingRecognizer(client: WyomingClient(endpoint: try #require(WyomingEndpoint(uri: server.uri))))
        let error = try #require(await #expect(throws: SpeechError.self) { try await recognizer.transcribe(Self.audio, sampleRate: 16_000) })
        #expect(error.code == .badResponse)
        #expect(error.description.contains("HTTP/1.1 400"), "the message shows what came back: \(error)")
        #expect(error.description.contains(server.uri))
    }

    @Test func binaryGarbageWithoutANewlineIsABadResponseToo() async throws {
        let server = try FakeWyomingServer(.answer(after: "audio-stop", bytes: Data(repeating: 0xFF, count: WyomingEvent.maxHeaderBytes + 10)))
        defer { server.stop() }
        let recognizer = WyomingRecognizer(client: WyomingClient(endpoint: try #require(WyomingEndpoint(uri: server.uri))))
        let error = try #require(await #expect(throws: SpeechError.self) { try await recognizer.transcribe(Self.audio, sampleRate: 16_000) })
        #expect(error.code == .badResponse)
    }

    @Test func aServerThatClosesEarlyIsAServerFailure() async throws {
        // A header that promises 100 bytes of payload, then the connection closes.
        let server = try FakeWyomingServer(.answerAndClose(after: "audio-stop", bytes: Data(#"{"type": "transcript", "payload_length": 100}"#.utf8 + [0x0A, 1, 2])))
        defer { server.stop() }
        let recognizer = WyomingRecognizer(client: WyomingClient(endpoint: try #require(WyomingEndpoint(uri: server.uri))))
        let error = try #require(await #expect(throws: SpeechError.self) { try await recognizer.transcribe(Self.audio, sampleRate: 16_000) })
        #expect(error.code == .serverFailed)
        #expect(error.description.contains("2 of 100 bytes"), "\(error)")

        let silentClose = try FakeWyomingServer(.answerAndClose(after: "audio-stop", bytes: Data()))
        defer { silentClose.stop() }
        let closing = WyomingRecognizer(client: WyomingClient(endpoint: try #require(WyomingEndpoint(uri: silentClose.uri))))
        let closed = try #require(await #expect(throws: SpeechError.self) { try await closing.transcribe(Self.audio, sampleRate: 16_000) })
        #expect(closed.code == .serverFailed)
        #expect(closed.description.contains("without answering"), "\(closed)")
    }

    @Test func anErrorEventIsAServerFailureWithItsText() async throws {
        let server = try FakeWyomingServer(.answer(after: "audio-stop", bytes: FakeWyomingServer.event("error", data: ["text": "model not loaded", "code": "no-model"])))
        defer { server.stop() }
        let recognizer = WyomingRecognizer(client: WyomingClient(endpoint: try #require(WyomingEndpoint(uri: server.uri))))
        let error = try #require(await #expect(throws: SpeechError.self) { try await recognizer.transcribe(Self.audio, sampleRate: 16_000) })
        #expect(error.code == .serverFailed)
        #expect(error.description.contains("model not loaded"))
    }

    @Test(.timeLimit(.minutes(1))) func aSlowServerTimesOut() async throws {
        let server = try FakeWyomingServer(.silent)
        defer { server.stop() }
        let client = WyomingClient(endpoint: try #require(WyomingEndpoint(uri: server.uri)), timeout: .milliseconds(500))
        let started = ContinuousClock.now
        let error = try #require(await #expect(throws: SpeechError.self) {
            try await WyomingRecognizer(client: client).transcribe(Self.audio, sampleRate: 16_000)
        })
        let elapsed = started.duration(to: .now)
        // The deadline, not a hang and not an early give-up: never before it (a loaded machine may stretch the after).
        #expect(error.code == .timedOut)
        #expect(error.description.contains(server.uri))
        #expect(elapsed >= .milliseconds(450), "\(elapsed)")
    }

    @Test(.timeLimit(.minutes(2))) func cancellingStopsTheWait() async throws {
        // Cancellation, not the deadline, ends the wait: a CancellationError long before a 10-minute timeout.
        let server = try FakeWyomingServer(.silent)
        defer { server.stop() }
        let client = WyomingClient(endpoint: try #require(WyomingEndpoint(uri: server.uri)), timeout: .seconds(600))
        let task = Task { try await WyomingRecognizer(client: client).transcribe(Self.audio, sampleRate: 16_000) }
        try await Task.sleep(for: .milliseconds(300))
        let cancelled = ContinuousClock.now
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(cancelled.duration(to: .now) < .seconds(60))
    }
}

/// The real server: wyoming-faster-whisper with Whisper tiny.en, started by Samples/scripts/test.sh (see
/// ``WhisperServer``). One connection per utterance, as `relay listen --asr wyoming://…` makes them.
@Suite(.enabled(if: WhisperServer.isExpected, "no speech server: Samples/scripts/test.sh starts one"), .serialized)
struct WyomingServerTests {
    static func client() async throws -> WyomingClient {
        WyomingClient(endpoint: try #require(WyomingEndpoint(uri: try await WhisperServer.ready())), timeout: .seconds(60))
    }

    @Test func describeSaysItTranscribesEnglish() async throws {
        let info = try await Self.client().describe()
        let asr = try #require(info.asr.first, "info: \(info.data)")
        #expect(asr.name.contains("whisper"), "\(asr)")
        #expect(asr.languages.contains("en"), "\(asr)")
        #expect(info.tts.isEmpty)
    }

    @Test func transcribesAnEspeakCommand() async throws {
        // espeak-ng's voice, written at test time: Whisper answers in writing ("set an alarm for seven thirty" or 7:30).
        let dir = try Fixtures.folder("relay-wyoming")
        let speech = dir.appendingPathComponent("command.wav")
        try await Fixtures.espeak("what is the airplane mode status", voice: "en-us", wordsPerMinute: 160, to: speech)
        let samples = try await SpeechFixtures.load(speech.path, effects: ["pad", "0.3", "0.5"])
        let transcript = try await WyomingRecognizer(client: try await Self.client()).transcribe(samples, sampleRate: 16_000)
        #expect(TextNormalizer.normalize(transcript.text) == "what is the airplane mode status", "\(transcript.text)")
        #expect(transcript.isOpenVocabulary && transcript.isActionable)
        #expect((transcript.diagnostics?.decodingTime ?? 0) > 0)
    }

    @Test func silenceIsNoSpeech() async throws {
        // Faint noise, not digital zeros: the server's voice filter must find no speech in it and say nothing.
        let noise = (0..<32_000).map { _ in Float.random(in: -0.001...0.001) }
        let transcript = try await WyomingRecognizer(client: try await Self.client()).transcribe(noise, sampleRate: 16_000)
        #expect(transcript.text == "", "\(transcript.text)")
        #expect(!transcript.isActionable)
        #expect(transcript.rejection == .noSpeech)
    }
}
