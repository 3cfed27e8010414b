import Foundation
import RelayCore
import RelaySentenceEncoder
import RelayTestSupport
import Testing

/// The encoder against an independent reference: HF `tokenizers` for the token ids and a numpy forward pass over the
/// same weights (`Samples/scripts/encoder-reference.py`) for the embeddings. The model and the Python environment
/// come from `Samples/scripts/fetch-models.sh` and `encoder-reference-venv.sh` (test.sh runs both); without them the
/// tests fail and say which script to run.
@Suite struct SentenceEncoderTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Commands, punctuation, accents, numbers, other scripts, edge cases, and one sentence past the 256-token limit.
    static let sentences: [String] = [
        "turn on the wifi",
        "Turn ON the Wi-Fi, please!",
        "set an alarm for 6:45 tomorrow morning",
        "make the screen brighter, 80 percent",
        "turn the volume down to 50%",
        "countdown of 3 minutes",
        "what alarms have i got?",
        "send a message to Mom saying I'll be late (sorry!)",
        "i'd like bluetooth on",
        "dark mode off",
        "restore the photos i deleted yesterday",
        "Crème brûlée at the café, naïve résumé — Ångström",
        "Größe ändern: Straße über Köln",
        "¿Dónde está la estación? ¡Vamos!",
        "打开无线网络",
        "今天天气很好，我们去公园吧。",
        "नमस्ते दुनिया",
        "Привет, как дела?",
        "$100 + 20 = $120 <ok> ^_^ ~tilde~ `code` | pipe",
        "email me at someone@example.com or visit https://example.com/a?b=c",
        "3.14159 2,500,000 1/2 7th 21st",
        "tab\tseparated\nnew line\r\nand  double  spaces",
        "zero\u{200B}width and soft\u{00AD}hyphen",
        "emoji 😀 and ☕ symbols ©®™ €",
        "supercalifragilisticexpialidocious antidisestablishmentarianism",
        String(repeating: "a", count: 120) + " long word",
        "",
        "   ",
        "?!",
        Array(repeating: "please turn the lights on in the kitchen and set the thermostat to 21 degrees", count: 25)
            .joined(separator: ", "),
    ]

    struct Reference: Decodable, Sendable {
        var ids: [[Int32]]
        var embeddings: [[Float]]
    }

    static let encoder = Task { try await SentenceEncoder.load() }
    /// The other kernels, checked against the same reference (the default reads half-precision weights on CPUs with
    /// F16C: about 4e-7 from the reference; the float32 ones about 2e-12).
    static let swiftEncoder = Task { try await SentenceEncoder.load(backend: .swift) }
    static let openBLASEncoder = Task { try await SentenceEncoder.load(backend: .openBLAS) }
    static let float32Encoder = Task { try await SentenceEncoder.load(backend: .builtInFloat32) }

    static let reference = Task { () throws -> Reference in
        let model = SentenceEncoder.defaultModelDirectory()
        guard FileManager.default.fileExists(atPath: model.appendingPathComponent("model.safetensors").path) else {
            throw FixtureError("no model in \(model.path): run Samples/scripts/fetch-models.sh (test.sh does)")
        }
        let venv = ProcessInfo.processInfo.environment["RELAY_REFERENCE_VENV"]
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/relay/encoder-reference-venv").path
        let python = venv + "/bin/python"
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw FixtureError("no reference Python environment at \(venv): run Samples/scripts/encoder-reference-venv.sh (test.sh does)")
        }
        let script = packageRoot.appendingPathComponent("Samples/scripts/encoder-reference.py").path
        // numpy's BLAS on one thread: the matrices are small, and its spinning threads would slow the parallel tests.
        let child = ChildProcess(python, [script, model.path], environment: ["OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"],
                                 input: try JSONEncoder().encode(sentences), timeout: .seconds(120))
        let output: ChildProcess.Output
        do { output = try await child.checkedRun() } catch { throw FixtureError("encoder-reference.py: \(error)") }
        return try JSONDecoder().decode(Reference.self, from: output.stdout)
    }

    @Test func tokenIdsMatchHuggingFaceTokenizers() async throws {
        let encoder = try await Self.encoder.value
        let reference = try await Self.reference.value
        for (sentence, expected) in zip(Self.sentences, reference.ids) {
            #expect(encoder.tokenize(sentence) == expected, "\(sentence.debugDescription)")
        }
        // The long sentence is cut to the model's 256 tokens, [CLS] and [SEP] included.
        #expect(reference.ids.last?.count == 256)
    }

    @Test(arguments: SentenceEncoder.Backend.allCases)
    func embeddingsMatchNumpyForwardPass(backend: SentenceEncoder.Backend) async throws {
        let loading: Task<SentenceEncoder, any Error> = switch backend {
        case .builtIn: Self.encoder
        case .builtInFloat32: Self.float32Encoder
        case .swift: Self.swiftEncoder
        case .openBLAS: Self.openBLASEncoder
        }
        let encoder = try await loading.value
        #expect(encoder.backend == backend)
        let reference = try await Self.reference.value
        let embeddings = await encoder.embed(Self.sentences)
        var worst: Double = 0
        var largestDifference: Float = 0
        for (index, (mine, theirs)) in zip(embeddings, reference.embeddings).enumerated() {
            #expect(mine.count == 384 && theirs.count == 384)
            // In Double: a Float cosine rounds distances below 6e-8 to 0.
            let dot = zip(mine, theirs).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
            let norms = mine.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot() * theirs.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
            let distance = 1 - dot / norms
            worst = max(worst, abs(distance))
            largestDifference = max(largestDifference, zip(mine, theirs).map { abs($0 - $1) }.max() ?? 0)
            #expect(abs(distance) < 1e-4, "\(Self.sentences[index].debugDescription): cosine distance \(distance)")
        }
        print("SentenceEncoderTests: \(backend) against the numpy reference over \(Self.sentences.count) sentences, largest cosine distance "
            + "\(worst), largest component difference \(largestDifference)")
    }

    @Test func similarCommandsAreCloserThanUnrelatedOnes() async throws {
        let encoder = try await Self.encoder.value
        let v = await encoder.embed(["turn on the wifi", "enable wireless", "delete my photos",
                                     "wake me up at seven", "set an alarm for 7 am", "what's the weather like"])
        let cos = SentenceEncoder.cosine
        #expect(cos(v[0], v[1]) > cos(v[0], v[2]) + 0.1)
        #expect(cos(v[3], v[4]) > cos(v[3], v[5]) + 0.1)
        #expect(abs(cos(v[0], v[0]) - 1) < 1e-5)
    }

    @Test func aBatchEncodesLikeSingleSentences() async throws {
        let encoder = try await Self.encoder.value
        let sentences = ["set a timer for 10 minutes", "", "show me the photos from last week at the beach"]
        let batch = await encoder.embed(sentences)
        for (sentence, together) in zip(sentences, batch) {
            let alone = await encoder.embed([sentence])[0]
            #expect(1 - SentenceEncoder.cosine(alone, together) < 1e-6)
        }
    }

    @Test func aMissingModelSaysHowToFetchIt() async throws {
        let folder = try Fixtures.folder("relay-encoder")
        do {
            _ = try await SentenceEncoder.load(modelDirectory: folder)
            Issue.record("loaded a model from an empty folder")
        } catch let error as SentenceEncoderError {
            #expect(error.reason == .missing)
            #expect(error.file.hasSuffix("config.json"))
            #expect(error.description.contains("fetch-models.sh"))
        }
        #expect(SentenceEncoder.defaultModelDirectory(environment: ["RELAY_MODELS": "/m"]).path == "/m/all-MiniLM-L6-v2")
    }
}
