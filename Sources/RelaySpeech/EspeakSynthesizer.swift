import Foundation

/// Speech synthesis with the espeak-ng program (`espeak-ng --stdout`), reading its WAV output.
///
/// The text goes to espeak-ng's standard input, never its command line, so text starting with "-" is spoken,
/// not parsed as an option. The process runs on a dispatch queue, off Swift's cooperative pool.
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
        let (output, errorText, status) = try await ProcessRunner.run(executable, arguments: arguments, input: input)
        guard status == 0 else {
            throw SpeechError(.synthesisFailed, path: executable, operation: "synthesizing with voice \(voice)",
                              underlying: errorText.isEmpty ? nil : errorText, cFunction: "espeak-ng", cCode: status,
                              hint: "List the voices with: espeak-ng --voices")
        }
        let pcm = try WAVCoding.decode(output, source: "espeak-ng output")
        guard !pcm.samples.isEmpty else {
            throw SpeechError(.synthesisFailed, path: executable, operation: "synthesizing with voice \(voice)",
                              underlying: errorText.isEmpty ? "no audio" : errorText,
                              hint: "List the voices with: espeak-ng --voices")
        }
        return SynthesizedSpeech(samples: pcm.samples, sampleRate: pcm.sampleRate)
    }
}

/// Runs a program to completion on a dispatch queue, feeding stdin and collecting stdout and stderr.
enum ProcessRunner {
    static func run(_ executable: String, arguments: [String], input: Data) async throws -> (Data, String, Int32) {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: executable)
                process.arguments = arguments
                let stdin = Pipe()
                let stdout = Pipe()
                let stderr = Pipe()
                process.standardInput = stdin
                process.standardOutput = stdout
                process.standardError = stderr
                do {
                    try process.run()
                } catch {
                    continuation.resume(throwing: SpeechError(
                        .synthesisFailed, path: executable, operation: "starting \(executable)",
                        underlying: "\(error)"))
                    return
                }
                // stderr is drained on its own thread so a chatty program cannot block on a full pipe.
                let errorGroup = DispatchGroup()
                nonisolated(unsafe) var errorData = Data()
                DispatchQueue.global().async(group: errorGroup) {
                    errorData = stderr.fileHandleForReading.readDataToEndOfFile()
                }
                DispatchQueue.global().async {
                    try? stdin.fileHandleForWriting.write(contentsOf: input)
                    try? stdin.fileHandleForWriting.close()
                }
                let output = stdout.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                errorGroup.wait()
                let message = String(decoding: errorData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                continuation.resume(returning: (output, message, process.terminationStatus))
            }
        }
    }
}
