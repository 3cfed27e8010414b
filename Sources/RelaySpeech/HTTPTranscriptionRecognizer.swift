public import Foundation
import RelayMedia
#if canImport(FoundationNetworking)
import FoundationNetworking
import RelayCore
#endif

/// Speech recognition by an OpenAI-compatible server (`POST /v1/audio/transcriptions`): whisper.cpp's server,
/// faster-whisper-server, vLLM, or OpenAI itself. The path past pocketsphinx for free speech.
///
/// The utterance is sent as a 16 kHz mono 16-bit WAV file in a multipart form with the model name. Transcripts
/// are open-vocabulary (``Transcript/isOpenVocabulary``): understanding decides whether they are commands.
public struct HTTPTranscriptionRecognizer: SpeechRecognizer {
    /// The endpoint: a base URL (`http://127.0.0.1:8080`, `/v1` is added) or the full transcriptions URL.
    public var endpoint: URL
    /// Model name sent in the form (`whisper-1`, `large-v3` …).
    public var model: String
    /// Language hint (ISO 639-1), or nil to let the server detect it.
    public var language: String?
    /// Bearer token, if the server wants one.
    public var apiKey: String?
    /// Seconds to wait for the answer.
    public var timeout: TimeInterval

    /// Creates a recognizer for a server.
    public init(endpoint: URL, model: String = "whisper-1", language: String? = "en", apiKey: String? = nil, timeout: TimeInterval = 30) {
        self.endpoint = endpoint
        self.model = model
        self.language = language
        self.apiKey = apiKey
        self.timeout = timeout
    }

    /// The URL the request goes to.
    public var transcriptionsURL: URL {
        let path = endpoint.path
        if path.hasSuffix("/audio/transcriptions") { return endpoint }
        if path.hasSuffix("/v1") || path.hasSuffix("/v1/") {
            return endpoint.appendingPathComponent("audio").appendingPathComponent("transcriptions")
        }
        return endpoint.appendingPathComponent("v1").appendingPathComponent("audio").appendingPathComponent("transcriptions")
    }

    /// Sends the utterance; throws ``SpeechError`` naming the URL when the server is unreachable, fails or answers oddly.
    public func transcribe(_ utterance: [Float], sampleRate: Int) async throws -> Transcript {
        guard sampleRate > 0 else {
            throw SpeechError(.invalidArgument, operation: "transcribing speech", underlying: "sample rate \(sampleRate)")
        }
        let url = transcriptionsURL
        let started = ContinuousClock.now
        let audio = SampleConversion.int16(AudioConversion.resample(utterance, from: sampleRate, to: 16_000))
        var form = MultipartFormData()
        form.addField("model", model)
        form.addField("response_format", "json")
        if let language { form.addField("language", language) }
        form.addFile("file", filename: "utterance.wav", contentType: "audio/wav", data: try WAVFile(format: AudioFormat(sampleRate: 16_000, channels: 1), samples: audio).wavData())

        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.setValue(form.contentType, forHTTPHeaderField: "Content-Type")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        if let apiKey { request.setValue("Bearer \(apiKey)", forHTTPHeaderField: "Authorization") }
        let body = form.finished()

        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await URLSession.shared.upload(for: request, from: body)
        } catch {
            throw SpeechError(.serverFailed, path: url.absoluteString, operation: "sending the utterance for transcription",
                              underlying: error.localizedDescription, hint: "Is the transcription server running at that address?")
        }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard (200 ..< 300).contains(status) else {
            throw SpeechError(.serverFailed, path: url.absoluteString, operation: "transcribing with model \(model)",
                              underlying: Self.serverMessage(data), cFunction: "HTTP status", cCode: Int32(status),
                              hint: status == 401 ? "Check the API key" : "Check the server's log and the model name")
        }
        let reply: Reply
        do {
            reply = try JSONDecoder().decode(Reply.self, from: data)
        } catch {
            throw SpeechError(.badResponse, path: url.absoluteString, operation: "reading the transcription",
                              underlying: "expected JSON with \"text\", got: " + String(decoding: data.prefix(200), as: UTF8.self),
                              hint: "Is this an OpenAI-compatible /v1/audio/transcriptions endpoint?")
        }
        let text = reply.text.trimmingCharacters(in: .whitespacesAndNewlines)
        // Servers that report segment log-probabilities give a real confidence; others only "heard something".
        let logProbabilities = reply.segments?.compactMap(\.avg_logprob) ?? []
        let confidence = text.isEmpty ? 0
            : logProbabilities.isEmpty ? 1 : exp(logProbabilities.reduce(0, +) / Double(logProbabilities.count))
        let elapsed = ContinuousClock.now - started
        return Transcript(
            text: text, confidence: confidence, isInGrammar: false, isOpenVocabulary: true,
            rejection: text.isEmpty ? .noSpeech : nil,
            diagnostics: .init(acousticGapPerFrame: 0, wordFrames: 0, audioDuration: Double(audio.count) / 16_000,
                               decodingTime: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
    }

    private struct Reply: Decodable {
        struct Segment: Decodable {
            // The OpenAI field name.
            // swiftlint:disable:next identifier_name
            var avg_logprob: Double?
        }
        var text: String
        var segments: [Segment]?
    }

    /// The server's error message: OpenAI's `{"error": {"message": …}}`, or the start of the body.
    private static func serverMessage(_ data: Data) -> String? {
        struct Failure: Decodable {
            struct Detail: Decodable { var message: String? }
            var error: Detail?
        }
        if let failure = try? JSONDecoder().decode(Failure.self, from: data), let message = failure.error?.message {
            return message
        }
        let text = String(decoding: data.prefix(200), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}
