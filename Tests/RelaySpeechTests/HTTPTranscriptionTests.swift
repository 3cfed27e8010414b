import Foundation
import RelayMedia
import RelayTestSupport
import Testing
@testable import RelaySpeech

@Suite struct HTTPTranscriptionTests {
    @Test func postsAMultipartWAVAndReadsTheText() async throws {
        let server = try LocalHTTPServer(body: #"{"text": " Turn on the wifi. "}"#)
        defer { server.stop() }
        let recognizer = HTTPTranscriptionRecognizer(endpoint: server.baseURL, model: "tiny.en", apiKey: "secret")
        let audio = SpeechFixtures.tone(seconds: 0.5)
        let transcript = try await recognizer.transcribe(audio, sampleRate: 16_000)
        #expect(transcript.text == "Turn on the wifi.")
        #expect(transcript.isOpenVocabulary)
        #expect(!transcript.isInGrammar)
        #expect(transcript.isActionable)
        #expect(transcript.confidence == 1)

        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.path == "/v1/audio/transcriptions")
        #expect(request.headers["authorization"] == "Bearer secret")
        let contentType = try #require(request.headers["content-type"])
        #expect(contentType.hasPrefix("multipart/form-data; boundary="))
        let body = request.body
        let text = String(decoding: body, as: UTF8.self)
        #expect(text.contains("name=\"model\"\r\n\r\ntiny.en\r\n"))
        #expect(text.contains("name=\"language\"\r\n\r\nen\r\n"))
        #expect(text.contains("filename=\"utterance.wav\""))
        // The WAV file inside: RIFF header, 16 kHz, 0.5 s of 16-bit samples.
        let riff = try #require(body.range(of: Data("RIFF".utf8)))
        let wav = try WAVFile(wavData: Data(body[riff.lowerBound...]), path: "request")
        #expect(wav.format == AudioFormat(sampleRate: 16_000, channels: 1))
        #expect(wav.samples.count >= 8_000)
        #expect(wav.samples[100] == SampleConversion.int16(audio[100]))
    }

    @Test func segmentLogProbabilitiesBecomeConfidence() async throws {
        let server = try LocalHTTPServer(body: #"{"text": "hello", "segments": [{"avg_logprob": -0.2}, {"avg_logprob": -0.4}]}"#)
        defer { server.stop() }
        let transcript = try await HTTPTranscriptionRecognizer(endpoint: server.baseURL.appendingPathComponent("v1"))
            .transcribe(SpeechFixtures.tone(seconds: 0.2), sampleRate: 16_000)
        #expect(abs(transcript.confidence - exp(-0.3)) < 1e-9)
        #expect(server.requests.first?.path == "/v1/audio/transcriptions")
    }

    @Test func serverErrorsAreReportedWithTheirMessage() async throws {
        let server = try LocalHTTPServer(status: 404, body: #"{"error": {"message": "model 'nope' not found"}}"#)
        defer { server.stop() }
        do {
            _ = try await HTTPTranscriptionRecognizer(endpoint: server.baseURL, model: "nope")
                .transcribe(SpeechFixtures.tone(seconds: 0.2), sampleRate: 16_000)
            Issue.record("a 404 was taken as a transcript")
        } catch let error as SpeechError {
            #expect(error.code == .serverFailed)
            #expect(error.cCode == 404)
            #expect(error.description.contains("model 'nope' not found"))
            #expect(error.description.contains("127.0.0.1:\(server.port)"))
        }
    }

    @Test func nonJSONAnswersAreBadResponses() async throws {
        let server = try LocalHTTPServer(body: "<html>hello</html>")
        defer { server.stop() }
        do {
            _ = try await HTTPTranscriptionRecognizer(endpoint: server.baseURL).transcribe([0, 0.1], sampleRate: 16_000)
            Issue.record("HTML was taken as a transcript")
        } catch let error as SpeechError {
            #expect(error.code == .badResponse)
            #expect(error.description.contains("<html>"))
        }
    }

    @Test func anUnreachableServerFailsClearly() async throws {
        let server = try LocalHTTPServer(body: "{}")
        let url = server.baseURL
        server.stop()
        do {
            _ = try await HTTPTranscriptionRecognizer(endpoint: url, timeout: 5).transcribe([0, 0.1], sampleRate: 16_000)
            Issue.record("a closed port answered")
        } catch let error as SpeechError {
            #expect(error.code == .serverFailed)
            #expect(error.description.contains("Is the transcription server running"))
        }
    }
}
