import Foundation

/// BERT's uncased tokenizer, as HF `tokenizers` runs it from all-MiniLM-L6-v2's tokenizer.json (`BertNormalizer`,
/// `BertPreTokenizer`, `WordPiece`, `[CLS] … [SEP]`), so ids agree with the model's training-time tokenizer.
///
/// Normalising: characters that are NUL, U+FFFD or "other" (Cc, Cf, Cs, Co, Cn; tab, CR and LF excepted) are dropped
/// and whitespace becomes a space; CJK ideographs get spaces around them (each is its own word); accents are stripped
/// (NFD, then nonspacing marks, category Mn, are dropped — spacing marks such as Devanagari vowel signs stay, as
/// in `tokenizers`); letters are lower-cased one scalar at a time. Pre-tokenising: split on whitespace, and every punctuation
/// character (ASCII punctuation, which includes `$+<=>^`|~`, or Unicode P*) is a word of its own. WordPiece: the
/// longest vocabulary piece first, later pieces with `##`; a word longer than 100 characters or with a part no piece
/// covers becomes `[UNK]` whole. One difference: `tokenizers` reads "[CLS]", "[SEP]", "[MASK]" … typed in the text as
/// those special tokens; here they are punctuation and words like any other text (users do not type them).
struct WordPieceTokenizer: Sendable {
    let vocabulary: [String: Int32]
    let unknown: Int32
    let classification: Int32
    let separator: Int32
    /// Most tokens a sentence may have, `[CLS]` and `[SEP]` included (sentence-transformers' `max_seq_length`).
    let maxTokens: Int
    static let maxCharactersPerWord = 100

    init(vocabularyFile url: URL, maxTokens: Int) throws {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw SentenceEncoderError(file: url.path, reason: .missing)
        }
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw SentenceEncoderError(file: url.path, reason: .unreadable(error.localizedDescription))
        }
        var vocabulary: [String: Int32] = [:]
        var id: Int32 = 0
        // One token a line; the line number is the id. Split on "\n" only: a token may itself be "\r"-free but
        // unusual (e.g. "\u{2028}"), and String.split(separator:) on Character would merge "\r\n".
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }  // the newline that ends the last line
        for line in lines {
            var token = String(String.UnicodeScalarView(line))
            if token.hasSuffix("\r") { token.removeLast() }
            if vocabulary[token] == nil { vocabulary[token] = id }
            id += 1
        }
        func special(_ token: String) throws -> Int32 {
            guard let id = vocabulary[token] else {
                throw SentenceEncoderError(file: url.path, reason: .malformed("no \(token) token in the vocabulary"))
            }
            return id
        }
        self.vocabulary = vocabulary
        unknown = try special("[UNK]")
        classification = try special("[CLS]")
        separator = try special("[SEP]")
        self.maxTokens = maxTokens
    }

    /// The ids of `sentence`: `[CLS]`, the word pieces (cut after `maxTokens - 2`), `[SEP]`.
    func ids(_ sentence: String) -> [Int32] {
        var ids: [Int32] = [classification]
        let limit = maxTokens - 1
        for word in Self.words(Self.normalize(sentence)) {
            for id in pieces(word) {
                guard ids.count < limit else { break }
                ids.append(id)
            }
            if ids.count >= limit { break }
        }
        ids.append(separator)
        return ids
    }

    /// WordPiece on one pre-tokenised word.
    func pieces(_ word: [Unicode.Scalar]) -> [Int32] {
        guard word.count <= Self.maxCharactersPerWord else { return [unknown] }
        var result: [Int32] = []
        var start = 0
        while start < word.count {
            var end = word.count
            var found: Int32?
            while start < end {
                var piece = start > 0 ? "##" : ""
                piece.unicodeScalars.append(contentsOf: word[start..<end])
                if let id = vocabulary[piece] { found = id; break }
                end -= 1
            }
            guard let id = found else { return [unknown] }
            result.append(id)
            start = end
        }
        return result
    }

    /// `BertNormalizer` with clean_text, handle_chinese_chars, strip_accents (implied by lowercase) and lowercase.
    static func normalize(_ text: String) -> [Unicode.Scalar] {
        var cleaned = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value == 0 || scalar.value == 0xFFFD || isControl(scalar) { continue }
            if isWhitespace(scalar) {
                cleaned.append(" ")
            } else if isChinese(scalar) {
                cleaned.append(" "); cleaned.append(scalar); cleaned.append(" ")
            } else {
                cleaned.append(scalar)
            }
        }
        // Accents go before lower-casing, as in `tokenizers`: NFD splits "é" into "e" and U+0301.
        let decomposed = String(cleaned).decomposedStringWithCanonicalMapping
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(decomposed.unicodeScalars.count)
        for scalar in decomposed.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark: continue
            default: break
            }
            if scalar.properties.changesWhenLowercased {
                result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return result
    }

    /// `BertPreTokenizer`: words split on whitespace, each punctuation character a word of its own.
    static func words(_ scalars: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        var words: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        for scalar in scalars {
            if scalar.properties.isWhitespace {
                if !current.isEmpty { words.append(current); current = [] }
            } else if isPunctuation(scalar) {
                if !current.isEmpty { words.append(current); current = [] }
                words.append([scalar])
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar.properties.isWhitespace
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\t" || scalar == "\n" || scalar == "\r" { return false }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned: return true
        default: return false
        }
    }

    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if (33...47).contains(v) || (58...64).contains(v) || (91...96).contains(v) || (123...126).contains(v) { return true }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    /// The CJK ideograph blocks BERT treats as words of their own (not Hangul, Hiragana or Katakana).
    static func isChinese(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F, 0x2B740...0x2B81F,
             0x2B920...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
            return true
        default:
            return false
        }
    }
}
