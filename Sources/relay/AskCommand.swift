import ArgumentParser
import Foundation
import RelayAgent
import RelayJSON

/// `relay ask`: Ask a question about a video file.
struct AskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask",
        abstract: "Ask a question about a video file.",
        discussion: """
            Measures the video (as relay analyze does) and asks the embedded Qwen2.5-VL stand-in, which answers in \
            Qwen2.5-VL's formats: "The screen goes black in 5.0 - 8.0 seconds.", a ```json [{"bbox_2d": [...], \
            "label": ...}] ``` grounding (pixels of the frames the model saw), counts and descriptions. It can tell \
            brightness, colour, motion, cuts, loudness and speech — not objects, people or text, and it says so. \
            With --json prints {"answer", "start", "end", "bbox_2d", "label"} (the keys that apply; bbox_2d in \
            original video pixels, times in seconds).
            """
    )

    @Argument(help: "The video file.", completion: .file())
    var file: String

    @Argument(help: "The question, e.g. \"when does the screen go black?\".")
    var question: String

    @Flag(help: "Print the answer as a JSON object.")
    var json = false

    @Option(help: "Frames per second the model samples (Qwen2.5-VL's default is 2).")
    var fps: Double = 2

    func validate() throws {
        guard fps > 0, fps <= 60, fps.isFinite else { throw ValidationError("--fps must be between 0 and 60, got \(fps)") }
        guard !question.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("the question is empty") }
    }

    func run() async throws {
        let url = URL(fileURLWithPath: file)
        do {
            let result = try await VideoQuestionSession(options: VideoAnalysisOptions(fps: fps)).ask(question, about: url)
            if json {
                print(VideoQuestionSession.json(result).compactJSON)
            } else {
                print(result.answer)
            }
            for warning in result.analysis.warnings {
                FileHandle.standardError.write(Data("relay ask: '\(file)': warning: \(warning)\n".utf8))
            }
        } catch {
            FileHandle.standardError.write(Data("relay ask: \(AnalyzeCommand.describe(error, file: url))\n".utf8))
            throw ExitCode.failure
        }
    }
}
