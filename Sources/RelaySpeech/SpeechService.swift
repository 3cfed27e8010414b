public import Foundation
import RelayCore

/// Which program hears or speaks: `--asr` / `--tts` on the command line (`RELAY_ASR`, `RELAY_TTS`).
///
/// - `pocketsphinx` (recognition) / `espeak-ng` (synthesis): embedded, the defaults.
/// - `wyoming://HOST:PORT`: a Wyoming server (`Samples/scripts/speech-server.sh start` runs Whisper on port 10300).
/// - `http://HOST:PORT[/v1]`: an OpenAI-compatible transcription server (recognition only).
public enum SpeechService: Sendable, Hashable, CustomStringConvertible {
    /// The embedded engine: pocketsphinx for recognition, espeak-ng for synthesis.
    case embedded
    /// A Wyoming server.
    case wyoming(WyomingEndpoint)
    /// An OpenAI-compatible HTTP server (`/v1/audio/transcriptions`).
    case http(URL)

    /// Parses a service: `pocketsphinx`, `espeak-ng`, `embedded`, `wyoming://…`, `tcp://…`, `http(s)://…`.
    public init(parsing text: String) throws {
        let value = text.trimmingCharacters(in: .whitespaces)
        switch value.lowercased() {
        case "", "pocketsphinx", "espeak-ng", "espeak", "embedded":
            self = .embedded
            return
        default: break
        }
        if let endpoint = WyomingEndpoint(uri: value) {
            self = .wyoming(endpoint)
        } else if let url = URL(string: value), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), url.host != nil {
            self = .http(url)
        } else {
            throw SpeechError(.invalidArgument, path: value, operation: "choosing the speech service",
                              underlying: "not pocketsphinx, wyoming://HOST:PORT or http(s)://HOST:PORT",
                              hint: "For Whisper: Samples/scripts/speech-server.sh start, then --asr wyoming://127.0.0.1:10300")
        }
    }

    /// The recognizer this service names, or nil for the embedded pocketsphinx (whose grammar the voice loop builds).
    public func recognizer(timeout: Duration = .seconds(30)) -> (any SpeechRecognizer)? {
        switch self {
        case .embedded: nil
        case .wyoming(let endpoint): WyomingRecognizer(client: WyomingClient(endpoint: endpoint, timeout: timeout))
        case .http(let url): HTTPTranscriptionRecognizer(endpoint: url, timeout: Double(timeout.components.seconds))
        }
    }

    /// The synthesizer this service names; an HTTP server cannot speak and is refused.
    public func synthesizer(timeout: Duration = .seconds(30)) throws -> any SpeechSynthesizer {
        switch self {
        case .embedded: return EspeakSynthesizer()
        case .wyoming(let endpoint): return WyomingSynthesizer(client: WyomingClient(endpoint: endpoint, timeout: timeout))
        case .http(let url):
            throw SpeechError(.invalidArgument, path: url.absoluteString, operation: "choosing the speech synthesizer",
                              underlying: "an HTTP transcription server does not speak", hint: "Use espeak-ng or a wyoming:// server (wyoming-piper)")
        }
    }

    public var description: String {
        switch self {
        case .embedded: "embedded"
        case .wyoming(let endpoint): endpoint.description
        case .http(let url): url.absoluteString
        }
    }
}
