import CSentenceKernels
import Foundation

/// BERT's encoder (embeddings, `layers` × (self-attention, feed-forward)) over float32 weights, with the linear
/// layers' weights repacked once at load for the matrix multiply in `Linear`.
///
/// Sentences are run together: the linear layers see all their tokens as one matrix, attention runs per sentence.
/// Nothing is padded, so BERT's attention mask (ones for real tokens) has nothing to mask and is not materialised.
struct BertModel: Sendable {
    struct Configuration: Sendable {
        var hidden: Int
        var layers: Int
        var heads: Int
        var intermediate: Int
        var vocabulary: Int
        var maxPositions: Int
        var typeVocabulary: Int
        var layerNormEpsilon: Float
    }

    struct Layer: Sendable {
        /// Query, key and value in one: hidden → 3 × hidden (columns: all queries, then keys, then values).
        var queryKeyValue: Linear
        var attentionOutput: Linear
        var attentionNorm: LayerNorm
        var intermediate: Linear
        var output: Linear
        var outputNorm: LayerNorm
    }

    let configuration: Configuration
    /// Kept mapped: a sentence reads a few rows of its 47 MB.
    let weights: SafeTensors
    let wordEmbeddings: SafeTensors.Entry
    let positionEmbeddings: [Float]
    /// Token type 0's row (a single sentence is all type 0).
    let tokenType: [Float]
    let embeddingNorm: LayerNorm
    let layers: [Layer]
    /// GELU with the AVX2 kernels' vectorised erf (else glibc's erff one value at a time).
    let avx2: Bool

    init(configuration c: Configuration, weights: SafeTensors, kernel: Linear.Kernel) throws {
        configuration = c
        self.weights = weights
        avx2 = kernel == .avx2 || kernel == .f16
        let h = c.hidden
        wordEmbeddings = try weights.entry("embeddings.word_embeddings.weight", shape: [c.vocabulary, h])
        positionEmbeddings = try weights.floats("embeddings.position_embeddings.weight", shape: [c.maxPositions, h])
        tokenType = Array(try weights.floats("embeddings.token_type_embeddings.weight", shape: [c.typeVocabulary, h])[0..<h])
        func norm(_ prefix: String) throws -> LayerNorm {
            LayerNorm(gamma: try weights.floats(prefix + ".weight", shape: [h]), beta: try weights.floats(prefix + ".bias", shape: [h]),
                      epsilon: c.layerNormEpsilon)
        }
        func linear(_ prefixes: [String], inputs: Int, outputs: Int) throws -> Linear {
            // PyTorch stores a Linear's weight as [out, in]; several are stacked along `out`.
            var weight: [Float] = []
            var bias: [Float] = []
            for prefix in prefixes {
                weight += try weights.floats(prefix + ".weight", shape: [outputs, inputs])
                bias += try weights.floats(prefix + ".bias", shape: [outputs])
            }
            return Linear(weight: weight, bias: bias, inputs: inputs, outputs: outputs * prefixes.count, kernel: kernel)
        }
        embeddingNorm = try norm("embeddings.LayerNorm")
        layers = try (0..<c.layers).map { i in
            let p = "encoder.layer.\(i)"
            return Layer(
                queryKeyValue: try linear(["query", "key", "value"].map { "\(p).attention.self.\($0)" }, inputs: h, outputs: h),
                attentionOutput: try linear(["\(p).attention.output.dense"], inputs: h, outputs: h),
                attentionNorm: try norm("\(p).attention.output.LayerNorm"),
                intermediate: try linear(["\(p).intermediate.dense"], inputs: h, outputs: c.intermediate),
                output: try linear(["\(p).output.dense"], inputs: c.intermediate, outputs: h),
                outputNorm: try norm("\(p).output.LayerNorm"))
        }
    }

    /// The last hidden states of each sentence's tokens, mean-pooled: one `hidden`-sized vector per sentence.
    /// Every id must be below `vocabulary` and every sentence at most `maxPositions` long.
    func meanPooled(_ sentences: [[Int32]]) -> [[Float]] {
        let h = configuration.hidden
        let tokens = sentences.reduce(0) { $0 + $1.count }
        guard tokens > 0 else { return sentences.map { _ in [Float](repeating: 0, count: h) } }
        var x = [Float](repeating: 0, count: tokens * h)
        // Embeddings: word + position + token type, then LayerNorm.
        weights.data.withUnsafeBytes { raw in
            let words = UnsafeRawBufferPointer(rebasing: raw[wordEmbeddings.range])
            x.withUnsafeMutableBufferPointer { xb in
                var row = 0
                for ids in sentences {
                    for (position, id) in ids.enumerated() {
                        let out = UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(xb)[(row * h * 4)..<((row + 1) * h * 4)])
                        out.copyMemory(from: UnsafeRawBufferPointer(rebasing: words[(Int(id) * h * 4)..<((Int(id) + 1) * h * 4)]))
                        for i in 0..<h { xb[row * h + i] += positionEmbeddings[position * h + i] + tokenType[i] }
                        row += 1
                    }
                }
            }
        }
        embeddingNorm.apply(&x, rows: tokens)

        var qkv = [Float](repeating: 0, count: tokens * 3 * h)
        var context = [Float](repeating: 0, count: tokens * h)
        var projected = [Float](repeating: 0, count: tokens * h)
        var inner = [Float](repeating: 0, count: tokens * configuration.intermediate)
        let lengths = sentences.map(\.count)
        for layer in layers {
            layer.queryKeyValue.apply(x, rows: tokens, into: &qkv)
            attention(qkv, lengths: lengths, into: &context)
            layer.attentionOutput.apply(context, rows: tokens, into: &projected)
            add(projected, into: &x)
            layer.attentionNorm.apply(&x, rows: tokens)
            layer.intermediate.apply(x, rows: tokens, into: &inner)
            gelu(&inner)
            layer.output.apply(inner, rows: tokens, into: &projected)
            add(projected, into: &x)
            layer.outputNorm.apply(&x, rows: tokens)
        }

        // Mean pooling over every token of the sentence, [CLS] and [SEP] included (they are real tokens to the mask).
        var pooled: [[Float]] = []
        var row = 0
        for length in lengths {
            var sum = [Double](repeating: 0, count: h)
            for t in row..<(row + length) { for i in 0..<h { sum[i] += Double(x[t * h + i]) } }
            pooled.append(sum.map { Float($0 / Double(max(length, 1))) })
            row += length
        }
        return pooled
    }

    /// Multi-head scaled dot-product attention within each sentence. `qkv` rows are [queries | keys | values].
    func attention(_ qkv: [Float], lengths: [Int], into context: inout [Float]) {
        let h = configuration.hidden
        let heads = configuration.heads
        let d = h / heads
        let scale = 1 / Float(d).squareRoot()
        let longest = lengths.max() ?? 0
        var scores = [Float](repeating: 0, count: longest)
        qkv.withUnsafeBufferPointer { qkv in
            context.withUnsafeMutableBufferPointer { out in
                scores.withUnsafeMutableBufferPointer { scores in
                    var start = 0
                    for length in lengths {
                        for head in 0..<heads {
                            for i in 0..<length {
                                let q = (start + i) * 3 * h + head * d
                                var highest = -Float.infinity
                                for j in 0..<length {
                                    let k = (start + j) * 3 * h + h + head * d
                                    var dot: Float = 0
                                    for e in 0..<d { dot += qkv[q + e] * qkv[k + e] }
                                    scores[j] = dot * scale
                                    highest = max(highest, scores[j])
                                }
                                var total: Float = 0
                                for j in 0..<length {
                                    scores[j] = expf(scores[j] - highest)
                                    total += scores[j]
                                }
                                let o = (start + i) * h + head * d
                                for e in 0..<d { out[o + e] = 0 }
                                for j in 0..<length {
                                    let p = scores[j] / total
                                    let v = (start + j) * 3 * h + 2 * h + head * d
                                    for e in 0..<d { out[o + e] += p * qkv[v + e] }
                                }
                            }
                        }
                        start += length
                    }
                }
            }
        }
    }

    func add(_ a: [Float], into x: inout [Float]) {
        a.withUnsafeBufferPointer { a in
            x.withUnsafeMutableBufferPointer { x in for i in 0..<x.count { x[i] += a[i] } }
        }
    }

    /// GELU in its exact (erf) form, as BERT's `hidden_act: "gelu"`.
    func gelu(_ x: inout [Float]) {
        x.withUnsafeMutableBufferPointer { x in
            if avx2 { return relay_gelu_avx2(x.baseAddress, x.count) }
            for i in 0..<x.count { x[i] = 0.5 * x[i] * (1 + erff(x[i] * 0.70710678118654752)) }
        }
    }
}

/// LayerNorm over rows of `gamma.count` values.
struct LayerNorm: Sendable {
    let gamma: [Float]
    let beta: [Float]
    let epsilon: Float

    func apply(_ x: inout [Float], rows: Int) {
        let n = gamma.count
        x.withUnsafeMutableBufferPointer { x in
            gamma.withUnsafeBufferPointer { g in
                beta.withUnsafeBufferPointer { b in
                    for r in 0..<rows {
                        let row = r * n
                        var mean: Float = 0
                        for i in 0..<n { mean += x[row + i] }
                        mean /= Float(n)
                        var variance: Float = 0
                        for i in 0..<n { let c = x[row + i] - mean; variance += c * c }
                        variance /= Float(n)
                        let inverse = 1 / (variance + epsilon).squareRoot()
                        for i in 0..<n { x[row + i] = (x[row + i] - mean) * inverse * g[i] + b[i] }
                    }
                }
            }
        }
    }
}
