import Foundation
import RelayCore
public import RelayJSON
import RelayMedia

/// A Wyoming server's address: `wyoming://HOST:PORT` (also `tcp://HOST:PORT`, the form the servers' `--uri` takes).
public struct WyomingEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// Host name or address.
    public var host: String
    /// TCP port.
    public var port: Int

    /// Creates an endpoint.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `wyoming://HOST:PORT` or `tcp://HOST:PORT` (IPv6 hosts in brackets); nil for anything else.
    public init?(uri: String) {
        guard let url = URLComponents(string: uri), let scheme = url.scheme?.lowercased(), ["wyoming", "tcp"].contains(scheme),
              let host = url.host, !host.isEmpty, let port = url.port, (1...65_535).contains(port),
              url.path.isEmpty || url.path == "/" else { return nil }
        self.init(host: host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")), port: port)
    }

    public var description: String { "wyoming://\(host.contains(":") ? "[\(host)]" : host):\(port)" }
}

/// A client of one Wyoming server: what it offers (`describe` → `info`), speech to text, text to speech.
///
/// Each request opens its own connection, as Home Assistant does, so a server that restarted is simply reached
/// again by the next utterance. Every wait has a deadline; a server that is down, slow, closes early or answers
/// with something that is not Wyoming fails the request with a ``SpeechError`` naming the server
/// (`server_failed`, `timed_out`, `bad_response`) and what to do; nothing blocks a cooperative thread.
public struct WyomingClient: Sendable {
    /// The server.
    public var endpoint: WyomingEndpoint
    /// How long connecting may take.
    public var connectTimeout: Duration
    /// How long a whole request may take once connected (the audio sent, the answer read).
    public var timeout: Duration

    /// Creates a client; nothing is connected until a request.
    public init(endpoint: WyomingEndpoint, connectTimeout: Duration = .seconds(3), timeout: Duration = .seconds(30)) {
        self.endpoint = endpoint
        self.connectTimeout = connectTimeout
        self.timeout = timeout
    }

    /// What the server offers: `describe`, answered by `info`.
    public func describe() async throws -> WyomingInfo {
        let answer = try await exchange([WyomingEvent("describe")], operation: "asking the speech server what it offers") { event in
            event.type == "info" ? event : nil
        }
        return WyomingInfo(answer.data)
    }

    /// Sends `events`, then reads events until `accept` returns a value; an `error` event fails the request.
    ///
    /// Events `accept` returns nil for are skipped (`transcript-start`, `voice-started` …).
    public func exchange<T: Sendable>(_ events: [WyomingEvent], operation: String,
                                      accept: @escaping @Sendable (WyomingEvent) throws -> T?) async throws -> T {
        let connection = try await WyomingConnection.connect(host: endpoint.host, port: endpoint.port, timeout: connectTimeout)
        defer { connection.close() }
        let deadline = ContinuousClock.now + timeout
        // A server may answer (an `error` event, say) and close before it has read everything: what it said is the
        // better report than the broken pipe our next write meets, so a failed send still reads what came back.
        var sendFailure: SpeechError?
        do {
            for event in events { try await connection.send(event, deadline: deadline) }
        } catch let error as SpeechError where error.code == .serverFailed {
            sendFailure = error
        }
        while true {
            let received: WyomingEvent?
            do {
                received = try await connection.receive(deadline: deadline)
            } catch let error as SpeechError where sendFailure != nil && error.code != .badResponse {
                throw sendFailure ?? error
            }
            guard let event = received else {
                throw sendFailure ?? SpeechError(.serverFailed, path: endpoint.description, operation: operation,
                                                 underlying: "the server closed the connection without answering", hint: "Check the server's log")
            }
            if event.type == "error" {
                throw SpeechError(.serverFailed, path: endpoint.description, operation: operation,
                                  underlying: event.data["text"]?.stringValue ?? event.data["message"]?.stringValue ?? "an error event",
                                  cFunction: event.data["code"]?.stringValue, hint: "Check the server's log")
            }
            if let value = try accept(event) { return value }
        }
    }

    /// The events that carry `samples` (16-bit PCM, mono) as one audio stream: start, chunks of `chunkSamples`, stop.
    public static func audioEvents(_ samples: [Int16], rate: Int, chunkSamples: Int = 1_600) -> [WyomingEvent] {
        let format = WyomingAudioFormat(rate: rate)
        var events = [WyomingEvent("audio-start", data: format.data.merging(["timestamp": .int(0)]))]
        var start = 0
        while start < samples.count {
            let end = min(samples.count, start + chunkSamples)
            var payload = Data(capacity: (end - start) * 2)
            for sample in samples[start..<end] {
                withUnsafeBytes(of: sample.littleEndian) { payload.append(contentsOf: $0) }
            }
            events.append(WyomingEvent("audio-chunk", data: format.data.merging(["timestamp": .int(start * 1000 / rate)]), payload: payload))
            start = end
        }
        events.append(WyomingEvent("audio-stop", data: ["timestamp": .int(samples.count * 1000 / max(rate, 1))]))
        return events
    }
}

extension JSONObject {
    /// This object with `other`'s members set over it.
    func merging(_ other: JSONObject) -> JSONObject {
        var result = self
        for (key, value) in other { result[key] = value }
        return result
    }
}

/// What a Wyoming server offers, from its `info` event.
public struct WyomingInfo: Sendable, Hashable {
    /// A service (program) and its models.
    public struct Service: Sendable, Hashable {
        /// The program's name (`faster-whisper`).
        public var name: String
        /// Its models' names (`…/model`, `tiny-int8`).
        public var models: [String]
        /// The languages of its models (`en`).
        public var languages: [String]
    }

    /// Speech-to-text services.
    public var asr: [Service]
    /// Text-to-speech services.
    public var tts: [Service]
    /// Wake-word services.
    public var wake: [Service]
    /// The whole `info` data, for anything else.
    public var data: JSONObject

    /// Reads an `info` event's data.
    public init(_ data: JSONObject) {
        func services(_ key: String) -> [Service] {
            (data[key]?.arrayValue ?? []).compactMap { $0.objectValue }.map { service in
                let models = (service["models"]?.arrayValue ?? service["voices"]?.arrayValue ?? []).compactMap(\.objectValue)
                return Service(name: service["name"]?.stringValue ?? "",
                               models: models.compactMap { $0["name"]?.stringValue },
                               languages: Array(Set(models.flatMap { ($0["languages"]?.arrayValue ?? []).compactMap(\.stringValue) })).sorted())
            }
        }
        asr = services("asr")
        tts = services("tts")
        wake = services("wake")
        self.data = data
    }
}

/// Speech recognition by a Wyoming server (wyoming-faster-whisper: Whisper, offline; see
/// `Samples/scripts/speech-server.sh`): `transcribe`, then the utterance as `audio-start` / `audio-chunk` /
/// `audio-stop` (16 kHz mono 16-bit), answered by `transcript`.
///
/// Transcripts are open-vocabulary (``Transcript/isOpenVocabulary``): understanding decides whether they are
/// commands. Whisper writes numbers as digits and adds punctuation ("Wake me up at 6.15."); the matcher's
/// normaliser reads those (RelayLanguage's `TextNormalizer`).
public struct WyomingRecognizer: SpeechRecognizer {
    /// The server.
    public var client: WyomingClient
    /// Language hint sent with `transcribe`, or nil for the server's default.
    public var language: String?
    /// Model name sent with `transcribe`, or nil for the server's default.
    public var model: String?

    /// Creates a recognizer for a server.
    public init(client: WyomingClient, language: String? = "en", model: String? = nil) {
        self.client = client
        self.language = language
        self.model = model
    }

    /// Sends the utterance and returns the server's transcript; throws ``SpeechError`` naming the server when it is
    /// down (`server_failed`), too slow (`timed_out`) or not speaking Wyoming (`bad_response`).
    public func transcribe(_ utterance: [Float], sampleRate: Int) async throws -> Transcript {
        guard sampleRate > 0 else {
            throw SpeechError(.invalidArgument, operation: "transcribing speech", underlying: "sample rate \(sampleRate)")
        }
        let started = ContinuousClock.now
        let samples = SampleConversion.int16(AudioConversion.resample(utterance, from: sampleRate, to: 16_000))
        var request = JSONObject()
        if let language { request["language"] = .string(language) }
        if let model { request["name"] = .string(model) }
        let events = [WyomingEvent("transcribe", data: request)] + WyomingClient.audioEvents(samples, rate: 16_000)
        let heard = try await client.exchange(events, operation: "transcribing an utterance") { event -> String? in
            guard event.type == "transcript" else { return nil }
            guard let text = event.data["text"]?.stringValue else {
                throw SpeechError(.badResponse, path: client.endpoint.description, operation: "reading the transcript",
                                  underlying: "a transcript event without \"text\"", hint: "Is this a Wyoming speech-to-text server?")
            }
            return text
        }
        let text = heard.trimmingCharacters(in: .whitespacesAndNewlines)
        let elapsed = started.duration(to: .now)
        return Transcript(
            text: text, confidence: text.isEmpty ? 0 : 1, isInGrammar: false, isOpenVocabulary: true,
            rejection: text.isEmpty ? .noSpeech : nil,
            diagnostics: .init(acousticGapPerFrame: 0, wordFrames: 0, audioDuration: Double(samples.count) / 16_000,
                               decodingTime: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
    }
}

/// Speech synthesis by a Wyoming server (wyoming-piper …): `synthesize {text}`, answered by `audio-start`,
/// `audio-chunk`s and `audio-stop`; 16-bit audio of any rate, mixed down to mono.
public struct WyomingSynthesizer: SpeechSynthesizer {
    /// The server.
    public var client: WyomingClient
    /// Voice name, or nil for the server's default.
    public var voice: String?

    /// Creates a synthesizer for a server.
    public init(client: WyomingClient, voice: String? = nil) {
        self.client = client
        self.voice = voice
    }

    /// Speaks `text`; throws ``SpeechError`` naming the server when it fails or sends audio Relay cannot play.
    public func synthesize(_ text: String) async throws -> SynthesizedSpeech {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw SpeechError(.invalidArgument, operation: "synthesizing speech", underlying: "the text is empty")
        }
        var request: JSONObject = ["text": .string(trimmed)]
        if let voice { request["voice"] = .object(["name": .string(voice)]) }
        let endpoint = client.endpoint.description
        let collected = Collected()
        return try await client.exchange([WyomingEvent("synthesize", data: request)], operation: "synthesizing speech") { event in
            switch event.type {
            case "audio-start", "audio-chunk":
                guard let format = WyomingAudioFormat(event.data) ?? collected.format else {
                    throw SpeechError(.badResponse, path: endpoint, operation: "reading synthesized audio",
                                      underlying: "\(event.type) without a sample rate")
                }
                guard format.width == 2, format.channels >= 1 else {
                    throw SpeechError(.badResponse, path: endpoint, operation: "reading synthesized audio",
                                      underlying: "\(format.width * 8)-bit audio in \(format.channels) channels", hint: "Relay plays 16-bit PCM")
                }
                collected.add(event.payload, format: format)
                return nil
            case "audio-stop":
                return collected.speech
            default:
                return nil
            }
        }
    }

    /// The audio of one answer, gathered event by event (only the exchange's reading task touches it).
    private final class Collected: @unchecked Sendable {
        // @unchecked Sendable: used by one task, the exchange that reads the events one after another.
        var format: WyomingAudioFormat?
        var samples: [Int16] = []

        func add(_ payload: Data, format: WyomingAudioFormat) {
            self.format = format
            let frames = payload.count / (2 * format.channels)
            payload.withUnsafeBytes { raw in
                for f in 0..<frames {
                    var sum = 0
                    for c in 0..<format.channels {
                        sum += Int(Int16(littleEndian: raw.loadUnaligned(fromByteOffset: (f * format.channels + c) * 2, as: Int16.self)))
                    }
                    samples.append(Int16(sum / format.channels))
                }
            }
        }

        var speech: SynthesizedSpeech { SynthesizedSpeech(samples: samples, sampleRate: format?.rate ?? 22_050) }
    }
}
