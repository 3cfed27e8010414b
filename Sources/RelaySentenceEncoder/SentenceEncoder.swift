public import Foundation
import RelayCore
public import RelayLanguage

/// Sentence embeddings from sentence-transformers' all-MiniLM-L6-v2 (BERT, 6 layers, 384 dimensions), computed in
/// Swift from the model's own files: WordPiece tokenisation, the BERT forward pass, mean pooling, L2 normalisation.
///
/// Similar sentences get vectors with a high ``cosine(_:_:)`` ("turn on the wifi" and "enable wireless").
/// Loading reads about 90 MB; an encoder is immutable afterwards, so one instance can be shared by any number of
/// tasks. The synchronous methods block their thread for the whole computation: from async code use
/// ``load(modelDirectory:)`` and ``embed(_:)``, which run on ``BlockingWork``'s pool.
public final class SentenceEncoder: Sendable {
    /// The folder the model is looked for in: `$RELAY_MODELS/all-MiniLM-L6-v2`, by default
    /// `~/.local/share/relay/models/all-MiniLM-L6-v2` (filled by `Samples/scripts/fetch-models.sh`).
    public static func defaultModelDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let models = environment["RELAY_MODELS"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0, isDirectory: true) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".local/share/relay/models", isDirectory: true)
        return models.appendingPathComponent(modelName, isDirectory: true)
    }

    /// What multiplies the dense layers' matrices. All agree with the reference within 1e-6 cosine (the float32 ones
    /// within float rounding).
    public enum Backend: String, Sendable, CaseIterable {
        /// Relay's own kernel, the default: C with AVX2, FMA and F16C over the weights stored in half precision (half
        /// the memory to stream per sentence, which is what limits one short command; embeddings stay within 1e-6 cosine
        /// of the float32 ones), float32 with AVX2 and FMA on a CPU without F16C, otherwise ``swift``.
        /// It reads weights repacked at load and needs no copy per call: the fastest for one short command. For large
        /// batches, where arithmetic rather than memory is the limit, ``builtInFloat32`` can be faster.
        case builtIn = "builtin"
        /// Relay's own kernel over float32 weights: C with AVX2 and FMA, otherwise ``swift``. Within float rounding of
        /// the reference; about 1.5 times as slow as ``builtIn`` for one short command.
        case builtInFloat32 = "builtin-f32"
        /// Relay's Swift kernel (8-wide SIMD at the x86-64 baseline, SSE2): portable, and a check on the others.
        case swift
        /// OpenBLAS's sgemm on one thread: fast for batches; for one command its copy of each weight matrix per
        /// call costs as much as the multiply. (Debian 12's OpenBLAS 0.3.21 falls back to SSE3 kernels on CPUs newer
        /// than it knows unless `OPENBLAS_CORETYPE` is set, e.g. to `Haswell`.)
        case openBLAS = "openblas"
    }

    /// The backend this encoder multiplies with.
    public let backend: Backend

    /// The model's folder name under the models folder.
    public static let modelName = "all-MiniLM-L6-v2"

    /// The length of every embedding (384).
    public var dimension: Int { model.configuration.hidden }
    /// Most tokens a sentence is read to, `[CLS]` and `[SEP]` included (256); the rest is ignored.
    public var maxTokens: Int { tokenizer.maxTokens }
    /// The folder the model was loaded from.
    public let modelDirectory: URL

    let tokenizer: WordPieceTokenizer
    let model: BertModel

    /// Loads the model from `modelDirectory` (`config.json`, `model.safetensors`, `vocab.txt`, `1_Pooling/config.json`,
    /// optionally `sentence_bert_config.json`). Blocks while it reads the files: from async code use
    /// ``load(modelDirectory:)``.
    /// - Throws: ``SentenceEncoderError`` naming the file that is missing, unreadable or not as expected.
    public init(modelDirectory: URL = SentenceEncoder.defaultModelDirectory(), backend: Backend = .builtIn) throws {
        self.modelDirectory = modelDirectory
        self.backend = backend
        let config = try Self.json(modelDirectory.appendingPathComponent("config.json"))
        let configFile = modelDirectory.appendingPathComponent("config.json").path
        func integer(_ key: String) throws -> Int {
            guard let value = config[key] as? Int, value > 0 else {
                throw SentenceEncoderError(file: configFile, reason: .malformed("no positive integer \(key)"))
            }
            return value
        }
        guard (config["model_type"] as? String) == "bert", (config["hidden_act"] as? String) == "gelu",
              (config["position_embedding_type"] as? String ?? "absolute") == "absolute"
        else {
            throw SentenceEncoderError(file: configFile, reason: .malformed("not a BERT model with GELU and absolute positions"))
        }
        let configuration = BertModel.Configuration(
            hidden: try integer("hidden_size"), layers: try integer("num_hidden_layers"), heads: try integer("num_attention_heads"),
            intermediate: try integer("intermediate_size"), vocabulary: try integer("vocab_size"),
            maxPositions: try integer("max_position_embeddings"), typeVocabulary: try integer("type_vocab_size"),
            layerNormEpsilon: Float((config["layer_norm_eps"] as? Double) ?? 1e-12))
        // Multiples of 8: the kernels' panels are 8 outputs wide, and the AVX2 one splits the inputs 8 ways.
        guard configuration.hidden % configuration.heads == 0, configuration.hidden % Linear.width == 0,
              configuration.intermediate % Linear.width == 0
        else {
            throw SentenceEncoderError(file: configFile, reason: .malformed("hidden_size must divide by num_attention_heads and 8"))
        }

        let pooling = try Self.json(modelDirectory.appendingPathComponent("1_Pooling/config.json"))
        guard (pooling["pooling_mode_mean_tokens"] as? Bool) == true,
              (pooling["word_embedding_dimension"] as? Int) == configuration.hidden
        else {
            throw SentenceEncoderError(file: modelDirectory.appendingPathComponent("1_Pooling/config.json").path,
                                       reason: .malformed("the encoder implements mean pooling over \(configuration.hidden) dimensions only"))
        }
        // sentence-transformers reads at most max_seq_length tokens (256 for this model); BERT itself stops at its positions.
        let sentenceConfig = modelDirectory.appendingPathComponent("sentence_bert_config.json")
        let maxLength = FileManager.default.fileExists(atPath: sentenceConfig.path)
            ? (try Self.json(sentenceConfig)["max_seq_length"] as? Int) ?? configuration.maxPositions : configuration.maxPositions

        tokenizer = try WordPieceTokenizer(vocabularyFile: modelDirectory.appendingPathComponent("vocab.txt"),
                                           maxTokens: min(maxLength, configuration.maxPositions))
        let weights = try SafeTensors(url: modelDirectory.appendingPathComponent("model.safetensors"))
        let kernel: Linear.Kernel = switch backend {
        case .builtIn: Linear.hasF16C ? .f16 : Linear.hasAVX2 ? .avx2 : .swift
        case .builtInFloat32: Linear.hasAVX2 ? .avx2 : .swift
        case .swift: .swift
        case .openBLAS: .openBLAS
        }
        model = try BertModel(configuration: configuration, weights: weights, kernel: kernel)
        guard tokenizer.vocabulary.values.allSatisfy({ Int($0) < configuration.vocabulary }) else {
            throw SentenceEncoderError(file: modelDirectory.appendingPathComponent("vocab.txt").path,
                                       reason: .malformed("has more tokens than vocab_size \(configuration.vocabulary)"))
        }
    }

    /// Loads the model on ``BlockingWork``'s pool, leaving the caller's thread free.
    /// - Throws: ``SentenceEncoderError`` naming the file that is missing, unreadable or not as expected.
    public static func load(modelDirectory: URL = SentenceEncoder.defaultModelDirectory(),
                            backend: Backend = .builtIn) async throws -> SentenceEncoder {
        try await BlockingWork.run { try SentenceEncoder(modelDirectory: modelDirectory, backend: backend) }
    }

    /// The token ids the model reads for `sentence`: `[CLS]`, its word pieces (at most ``maxTokens`` − 2), `[SEP]`.
    public func tokenize(_ sentence: String) -> [Int32] {
        tokenizer.ids(sentence)
    }

    /// One unit-length embedding of ``dimension`` values per sentence, in order. Blocks its thread for the forward
    /// passes (a few milliseconds per short command): from async code use ``embed(_:)``.
    /// Several sentences at once are faster than one at a time (their tokens go through the layers together).
    public func encode(_ sentences: [String]) -> [[Float]] {
        // Batches of up to 64 sentences keep the scratch buffers small however many sentences come.
        var result: [[Float]] = []
        result.reserveCapacity(sentences.count)
        var start = 0
        while start < sentences.count {
            let batch = sentences[start..<min(start + 64, sentences.count)].map(tokenizer.ids)
            result += model.meanPooled(batch).map(Self.normalized)
            start += 64
        }
        return result
    }

    /// ``encode(_:)`` on ``BlockingWork``'s pool, leaving the caller's thread free.
    public func embed(_ sentences: [String]) async -> [[Float]] {
        await BlockingWork.run { self.encode(sentences) }
    }

    /// The cosine of the angle between `a` and `b` (their dot product when both have unit length, as embeddings do);
    /// 0 when either is all zeros or their lengths differ.
    public static func cosine(_ a: [Float], _ b: [Float]) -> Float {
        guard a.count == b.count else { return 0 }
        var dot: Double = 0, aa: Double = 0, bb: Double = 0
        for i in a.indices {
            dot += Double(a[i]) * Double(b[i])
            aa += Double(a[i]) * Double(a[i])
            bb += Double(b[i]) * Double(b[i])
        }
        guard aa > 0, bb > 0 else { return 0 }
        return Float(dot / (aa.squareRoot() * bb.squareRoot()))
    }

    static func normalized(_ v: [Float]) -> [Float] {
        let norm = v.reduce(Double(0)) { $0 + Double($1) * Double($1) }.squareRoot()
        // sentence-transformers' Normalize divides by max(norm, 1e-12).
        let scale = Float(1 / max(norm, 1e-12))
        return v.map { $0 * scale }
    }

    static func json(_ url: URL) throws -> [String: Any] {
        guard FileManager.default.fileExists(atPath: url.path) else { throw SentenceEncoderError(file: url.path, reason: .missing) }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw SentenceEncoderError(file: url.path, reason: .unreadable(error.localizedDescription))
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw SentenceEncoderError(file: url.path, reason: .malformed("not a JSON object"))
        }
        return object
    }
}

extension SentenceEncoder: SentenceEmbedder {
    /// `all-MiniLM-L6-v2 384 <bytes of model.safetensors>`: the model, its width and its weights file's size.
    public var modelIdentity: String {
        let weights = modelDirectory.appendingPathComponent("model.safetensors").path
        let size = (try? FileManager.default.attributesOfItem(atPath: weights)[.size] as? Int) ?? 0
        return "\(Self.modelName) \(dimension) \(size)"
    }
}
