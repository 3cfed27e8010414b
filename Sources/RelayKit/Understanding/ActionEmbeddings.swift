public import Foundation
public import RelayJSON
public import RelayLanguage
import RelayCore
import CSentenceKernels

/// The embedded sentences of every action: the matcher's second stage ranks actions by how close an utterance's
/// embedding is to them when no template reads it confidently.
///
/// Each action's sentences are expansions of its parsed English templates: optional parts and alternatives taken
/// in turn, choice and boolean slots spelt out with each value (so a sentence also says which value it means:
/// "turn **off** wifi" carries `on: false, toggle: wifi`), other slots rendered as a typed example ("ten minutes",
/// "seven thirty") or a neutral word. At most ``defaultMaximumPerAction`` per action, taken round-robin over the
/// templates and the values they carry, so every template and value is represented while the cache stays small.
///
/// Embedding them costs seconds, so they are cached on disk in `cacheDirectory`, in a file named by a hash of the
/// sentences and the model's identity: a changed template or another model is a new file, never a stale one.
public final class ActionEmbeddings: Sendable {
    /// One embedded sentence.
    public struct Entry: Sendable, Hashable {
        /// Index into ``actionNames``.
        public let action: Int
        /// The sentence.
        public let text: String
        /// The argument values the sentence states (template-fixed arguments, choice and boolean slots).
        public let values: JSONObject
    }

    /// What happened to the on-disk cache when the embeddings were made.
    public enum CacheState: Sendable, Hashable, CustomStringConvertible {
        /// Read from the cache file.
        case loaded
        /// Computed and written to the cache file.
        case written
        /// Computed; the file could not be written (the reason).
        case notWritten(String)
        /// Computed; no cache folder was given.
        case disabled

        public var description: String {
            switch self {
            case .loaded: "loaded from the cache"
            case .written: "computed and cached"
            case .notWritten(let why): "computed; not cached (\(why))"
            case .disabled: "computed; caching disabled"
            }
        }
    }

    /// The most sentences embedded per action.
    public static let defaultMaximumPerAction = 128

    /// The actions, in catalog order.
    public let actionNames: [String]
    /// The embedded sentences, grouped by action.
    public let entries: [Entry]
    /// The model that embedded them (and embeds utterances).
    public let embedder: any SentenceEmbedder
    /// The embedding width.
    public let dimension: Int
    /// The cache file (named by ``key``), when a cache folder was given.
    public let cacheFile: URL?
    /// Whether the embeddings came from the cache.
    public let cacheState: CacheState
    /// The intent head fitted to these sentences and the labelled ones given, if any were.
    public let intents: IntentClassifier?
    /// Hex FNV-1a hash of the model identity and every sentence with its action and values.
    public let key: String
    /// Every word of the embedded sentences and of the labelled sentences the intent head learnt from: the words whose
    /// use the encoder stage has seen. A word outside them is one the encoder can only guess at.
    public let knownWords: Set<String>
    /// Row-major `entries.count × dimension` unit vectors.
    let vectors: [Float]
    /// The rows of ``vectors`` in whole blocks of eight, interleaved: `blocks[(b * dimension + j) * 8 + lane]` is value
    /// `j` of row `b * 8 + lane` (``interleaved(_:count:dimension:)``).
    let blocks: [Float]

    /// Expands `catalog`'s templates, and embeds them or reads them from `cacheDirectory`. Blocks for seconds when the
    /// cache is cold: from async code use ``load(catalog:embedder:cacheDirectory:maximumPerAction:)``.
    ///
    /// With `labelled` sentences (calibration data: what people said, and the action they meant or none), an intent
    /// head (``IntentClassifier``) is fitted to them and to the expanded sentences, and ranks the actions.
    public init(catalog: ActionCatalog, embedder: any SentenceEmbedder, cacheDirectory: URL?,
                maximumPerAction: Int = ActionEmbeddings.defaultMaximumPerAction, labelled: [LabelledSentence] = []) {
        let expanded = Self.expansions(catalog: catalog, maximumPerAction: maximumPerAction)
        actionNames = catalog.actions.map(\.name)
        let index = Dictionary(uniqueKeysWithValues: actionNames.enumerated().map { ($0.element, $0.offset) })
        entries = expanded.map { Entry(action: index[$0.action]!, text: $0.text, values: $0.values) }
        self.embedder = embedder
        var hasher = FNV1a()
        hasher.add(embedder.modelIdentity)
        for e in expanded {
            hasher.add("\n\(e.action)\t\(e.text)\t\(JSONValue.object(e.values).compactJSON)")
        }
        key = String(format: "%016llx", hasher.value)
        let file = cacheDirectory?.appendingPathComponent("understanding-\(key).f32")
        cacheFile = file
        if let file, let cached = Self.read(file, count: expanded.count) {
            vectors = cached.vectors
            dimension = cached.dimension
            cacheState = .loaded
        } else {
            let embedded = embedder.encode(expanded.map(\.text))
            dimension = embedded.first?.count ?? 0
            vectors = embedded.flatMap { $0 }
            cacheState = Self.store(vectors, count: expanded.count, dimension: dimension, as: file, in: cacheDirectory)
        }
        blocks = Self.interleaved(vectors, count: expanded.count, dimension: dimension)
        knownWords = Set((expanded.map(\.text) + labelled.map(\.text)).flatMap(TextNormalizer.words))
        intents = IntentClassifier.fitted(actionNames: actionNames, sentenceActions: entries.map(\.action), vectors: vectors,
                                          dimension: dimension, sentencesKey: key, embedder: embedder, labelled: labelled,
                                          cacheDirectory: cacheDirectory)
    }

    /// Writes freshly computed embeddings to the cache `file` in `directory`, and says how that went.
    private static func store(_ vectors: [Float], count: Int, dimension: Int, as file: URL?, in directory: URL?) -> CacheState {
        guard let file, let directory else { return .disabled }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try write(vectors, count: count, dimension: dimension, to: file)
            return .written
        } catch {
            return .notWritten("\(error.localizedDescription)")
        }
    }

    /// ``init(catalog:embedder:cacheDirectory:maximumPerAction:)`` on a pool thread.
    public static func load(catalog: ActionCatalog, embedder: any SentenceEmbedder, cacheDirectory: URL?,
                            maximumPerAction: Int = ActionEmbeddings.defaultMaximumPerAction,
                            labelled: [LabelledSentence] = []) async -> ActionEmbeddings {
        await BlockingWork.run {
            ActionEmbeddings(catalog: catalog, embedder: embedder, cacheDirectory: cacheDirectory, maximumPerAction: maximumPerAction,
                             labelled: labelled)
        }
    }

    /// Cosine of `vector` (unit length) with every entry.
    ///
    /// Eight rows at a time from ``blocks``, by CSentenceKernels' `relay_row_dots` (C at -O2 in every build: this is
    /// most of understanding's time, and Swift's SIMD at -Onone made the debug suite's understanding tests minutes
    /// long). Each row is summed in order with a multiply and an add, never a fused one, so every cosine is bit for bit
    /// what one row at a time gives: understanding must not change with the speed-up. The rows after the last whole
    /// block are summed one by one from ``vectors``.
    func similarities(to vector: [Float]) -> [Float] {
        let n = entries.count, d = dimension
        var out = [Float](repeating: 0, count: n)
        guard vector.count == d, d > 0, n > 0 else { return out }
        blocks.withUnsafeBufferPointer { m in
            vectors.withUnsafeBufferPointer { rows in
                vector.withUnsafeBufferPointer { v in
                    out.withUnsafeMutableBufferPointer { o in
                        relay_row_dots(m.baseAddress, rows.baseAddress, n, Int32(d), v.baseAddress, o.baseAddress)
                    }
                }
            }
        }
        return out
    }

    /// The first `count / 8 * 8` rows of row-major `vectors` in blocks of eight, interleaved (see ``blocks``).
    static func interleaved(_ vectors: [Float], count: Int, dimension d: Int) -> [Float] {
        let whole = count / 8
        guard whole > 0, d > 0 else { return [] }
        var out = [Float](repeating: 0, count: whole * 8 * d)
        for b in 0..<whole {
            for lane in 0..<8 {
                let row = (b * 8 + lane) * d
                for j in 0..<d { out[(b * d + j) * 8 + lane] = vectors[row + j] }
            }
        }
        return out
    }

    /// The embedding of entry `i`.
    public func vector(_ i: Int) -> [Float] { Array(vectors[(i * dimension)..<((i + 1) * dimension)]) }

    // MARK: Expansion

    /// The sentences embedded for `catalog`'s actions: (action, text, values it states).
    public static func expansions(catalog: ActionCatalog, maximumPerAction: Int = defaultMaximumPerAction)
        -> [(action: String, text: String, values: JSONObject)] {
        var out: [(action: String, text: String, values: JSONObject)] = []
        for descriptor in catalog.actions {
            // Groups: (template, values) → sentences; taken round-robin so that each template and each value appears.
            var groups: [[(text: String, values: JSONObject)]] = []
            var groupIndex: [String: Int] = [:]
            for (t, parsed) in descriptor.sentences(in: "en").enumerated() {
                for e in expand(parsed.template.root, parameters: descriptor.parameters, limit: 400) {
                    var values = parsed.sentence.fixed
                    for (k, v) in e.values where values[k] == nil { values[k] = v }
                    let groupKey = "\(t) \(JSONValue.object(values).compactJSON)"
                    let g: Int
                    if let known = groupIndex[groupKey] { g = known } else {
                        g = groups.count; groupIndex[groupKey] = g; groups.append([])
                    }
                    groups[g].append((TextNormalizer.join(e.words), values))
                }
            }
            // Within a group, alternatives spread out: a fixed shuffle (seeded, so the cache key is stable) rather than
            // the first few, which differ only in their last optional word.
            var generator = SplitMix64(seed: FNV1a.hash(descriptor.name))
            let orders = groups.map { group in Array(group.indices).shuffled(using: &generator) }
            var cursors = groups.map { _ in 0 }
            var seen = Set<String>()
            var taken = 0
            var progressed = true
            while taken < maximumPerAction && progressed {
                progressed = false
                for g in groups.indices where taken < maximumPerAction {
                    while cursors[g] < orders[g].count {
                        let candidate = groups[g][orders[g][cursors[g]]]
                        cursors[g] += 1
                        if seen.insert(candidate.text).inserted {
                            out.append((descriptor.name, candidate.text, candidate.values))
                            taken += 1
                            progressed = true
                            break
                        }
                    }
                }
            }
        }
        return out
    }

    struct Expansion {
        var words: [String]
        var values: JSONObject
    }

    /// Every word sequence of `node` (up to `limit`), slots rendered by ``render(_:)``.
    static func expand(_ node: SentenceTemplate.Node, parameters: [Parameter], limit: Int) -> [Expansion] {
        switch node {
        case .word(let w):
            return [Expansion(words: [w], values: [:])]
        case .slot(let name):
            guard let p = parameters.first(where: { $0.name == name }) else { return [Expansion(words: [name], values: [:])] }
            return render(p)
        case .alternatives(let children):
            var out: [Expansion] = []
            for c in children { out += expand(c, parameters: parameters, limit: limit); if out.count >= limit { break } }
            return Array(out.prefix(limit))
        case .sequence(let children):
            var acc = [Expansion(words: [], values: [:])]
            for c in children {
                let parts = expand(c, parameters: parameters, limit: limit)
                var next: [Expansion] = []
                next.reserveCapacity(min(limit, acc.count * parts.count))
                outer: for a in acc {
                    for p in parts {
                        var e = a
                        e.words += p.words
                        for (k, v) in p.values { e.values[k] = v }
                        next.append(e)
                        if next.count >= limit { break outer }
                    }
                }
                acc = next
            }
            return acc
        }
    }

    /// A slot spelt out: each value of a choice or boolean (recorded), otherwise one typed example or a neutral word.
    static func render(_ p: Parameter) -> [Expansion] {
        switch p.kind {
        case .choice(let choices):
            return choices.flatMap { c in
                c.names(language: "en").prefix(2).map { name in
                    Expansion(words: TextNormalizer.words(name), values: [p.name: .string(c.value)])
                }
            }
        case .boolean:
            return [Expansion(words: ["on"], values: [p.name: .bool(true)]), Expansion(words: ["off"], values: [p.name: .bool(false)])]
        case .string:
            let word = p.isPath ? ExamplePhrasing.path : ["summer"]
            return [Expansion(words: word, values: [:])]
        case .text:
            return [Expansion(words: ExamplePhrasing.text, values: [:])]
        case .entity:
            // A short name reads as a name wherever it stands ("text sam saying …", "the sam album").
            return [Expansion(words: ExamplePhrasing.name, values: [:])]
        default:
            let example = ActionCatalog.examples(for: p, language: "en", entities: [:]).first ?? p.name
            return [Expansion(words: TextNormalizer.words(example), values: [:])]
        }
    }

    // MARK: Cache file

    /// "RLYU", version, count, dimension (four little-endian UInt32), then the floats.
    static let magic: UInt32 = 0x5559_4C52

    static func read(_ file: URL, count: Int) -> (vectors: [Float], dimension: Int)? {
        guard let data = try? Data(contentsOf: file, options: .mappedIfSafe), data.count >= 16 else { return nil }
        func word(_ i: Int) -> UInt32 {
            data.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self)) }
        }
        guard word(0) == magic, word(1) == 1, Int(word(2)) == count else { return nil }
        let d = Int(word(3))
        guard d > 0, data.count == 16 + count * d * 4 else { return nil }
        var vectors = [Float](repeating: 0, count: count * d)
        vectors.withUnsafeMutableBytes { out in
            data.withUnsafeBytes { raw in out.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[16...])) }
        }
        return (vectors, d)
    }

    static func write(_ vectors: [Float], count: Int, dimension: Int, to file: URL) throws {
        var data = Data()
        for w in [magic, 1, UInt32(count), UInt32(dimension)] { withUnsafeBytes(of: w.littleEndian) { data.append(contentsOf: $0) } }
        vectors.withUnsafeBytes { data.append(contentsOf: $0) }
        // Written aside and moved into place, so a reader never sees half a file.
        let temporary = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).\(getpid())")
        try data.write(to: temporary)
        _ = try? FileManager.default.removeItem(at: file)
        try FileManager.default.moveItem(at: temporary, to: file)
    }
}

/// FNV-1a, 64 bits: a stable hash for cache keys (Swift's `Hasher` is seeded per process).
struct FNV1a {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    mutating func add(_ s: String) {
        for b in s.utf8 { value = (value ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
    }
    static func hash(_ s: String) -> UInt64 { var h = FNV1a(); h.add(s); return h.value }
}

extension ActionEmbeddings {
    /// Where the embeddings of a model in `modelDirectory` are cached: `cache/` beside it in the models folder
    /// (`$RELAY_MODELS/cache`), shared by every Relay home.
    public static func defaultCacheDirectory(modelDirectory: URL) -> URL {
        modelDirectory.deletingLastPathComponent().appendingPathComponent("cache", isDirectory: true)
    }
}
