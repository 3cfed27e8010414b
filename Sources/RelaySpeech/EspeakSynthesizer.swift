import Foundation
import RelayCore
import RelayMedia

/// Speech synthesis with the espeak-ng program (`espeak-ng --stdout`), reading its WAV output.
///
/// The text goes to espeak-ng's standard input, never its command line, so text starting with "-" is spoken,
/// not parsed as an option. The process is awaited, never waited for on a thread (``ChildProcess``).
public struct EspeakSynthesizer: SpeechSynthesizer {
    /// Voice name (`espeak-ng --voices`): "en-us", "en-gb", "en-us+f2", "cmn" …
    public var voice: String
    /// Words per minute (espeak-ng's default is 175).
    public var wordsPerMinute: Int
    /// Pitch 0–99 (50 is espeak-ng's default).
    public var pitch: Int
    /// The espeak-ng executable.
    public var executable: String

    /// Creates a synthesizer.
    public init(voice: String = "en-us", wordsPerMinute: Int = 165, pitch: Int = 50, executable: String = "/usr/bin/espeak-ng") {
        self.voice = voice
        self.wordsPerMinute = wordsPerMinute
        self.pitch = pitch
        self.executable = executable
    }

    /// Speaks `text`; throws if it is empty, espeak-ng is missing, or it fails (its message is kept).
    public func synthesize(_ text: String) async throws -> SynthesizedSpeech {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw SpeechError(.invalidArgument, operation: "synthesizing speech", underlying: "the text is empty")
        }
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw SpeechError(.synthesisFailed, path: executable, operation: "starting espeak-ng",
                              underlying: "no such executable", hint: "Install it: apt-get install espeak-ng")
        }
        guard try await EspeakVoiceCatalog.shared.contains(voice, executable: executable) else {
            throw SpeechError(.invalidArgument, path: executable, operation: "synthesizing speech",
                              underlying: "espeak-ng has no voice '\(voice)'",
                              hint: "List the voices with: espeak-ng --voices (variants: espeak-ng --voices=variant)")
        }
        let arguments = ["--stdout", "--stdin", "-v", voice, "-s", String(wordsPerMinute), "-p", String(pitch)]
        let executable = self.executable
        let voice = self.voice
        let input = Data((trimmed.replacingOccurrences(of: "\n", with: " ") + "\n").utf8)
        let run: ChildProcess.Output
        do {
            run = try await ChildProcess(executable, arguments, input: input, timeout: .seconds(60)).run()
        } catch {
            throw SpeechError(.synthesisFailed, path: executable, operation: "starting \(executable)", underlying: "\(error)")
        }
        let (output, errorText, status) = (run.stdout, run.stderrText, run.status)
        guard run.succeeded else {
            throw SpeechError(.synthesisFailed, path: executable, operation: "synthesizing with voice \(voice)",
                              underlying: errorText.isEmpty ? nil : errorText, cFunction: "espeak-ng", cCode: status,
                              hint: "List the voices with: espeak-ng --voices")
        }
        let wav: WAVFile
        do {
            // espeak-ng streams its WAV (the data size is a placeholder), which WAVFile reads as truncated: fine here.
            wav = try WAVFile(wavData: output, path: "espeak-ng output")
        } catch {
            throw SpeechError(.badAudio, path: executable, operation: "reading espeak-ng's WAV audio", underlying: "\(error)",
                              hint: "Expected 16-bit PCM WAV")
        }
        let samples = wav.format.channels == 1 ? wav.samples : wav.monoChunk.s16Samples
        guard !samples.isEmpty else {
            throw SpeechError(.synthesisFailed, path: executable, operation: "synthesizing with voice \(voice)",
                              underlying: errorText.isEmpty ? "no audio" : errorText,
                              hint: "List the voices with: espeak-ng --voices")
        }
        return SynthesizedSpeech(samples: samples, sampleRate: wav.format.sampleRate)
    }
}
