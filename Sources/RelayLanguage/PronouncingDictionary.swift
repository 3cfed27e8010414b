public import Foundation

/// One ARPAbet phoneme of American English (the 39 of the CMU dictionary, stress ignored), as a small code.
public struct Phoneme: Sendable, Hashable, CustomStringConvertible {
    /// Index into ``Phoneme/symbols``.
    public let code: UInt8

    /// The ARPAbet symbols, vowels first.
    public static let symbols = [
        "AA", "AE", "AH", "AO", "AW", "AY", "EH", "ER", "EY", "IH", "IY", "OW", "OY", "UH", "UW",
        "B", "CH", "D", "DH", "F", "G", "HH", "JH", "K", "L", "M", "N", "NG", "P", "R", "S", "SH", "T", "TH", "V", "W",
        "Y", "Z", "ZH",
    ]
    static let vowelCount: UInt8 = 15
    static let codes: [String: UInt8] = Dictionary(uniqueKeysWithValues: symbols.enumerated().map { ($1, UInt8($0)) })

    /// The phoneme written `symbol` ("AY", "ay1": case and a stress digit are ignored); nil for anything else.
    public init?(_ symbol: some StringProtocol) {
        var s = symbol.uppercased()
        while let last = s.last, last.isNumber { s.removeLast() }
        guard let code = Self.codes[s] else { return nil }
        self.code = code
    }

    init(code: UInt8) { self.code = code }

    /// Whether it is a vowel.
    public var isVowel: Bool { code < Self.vowelCount }
    public var description: String { Self.symbols[Int(code)] }
}

/// Word pronunciations from a CMU-style dictionary (`word PH ON EMES` per line, variants as `word(2)`), such as the
/// `cmudict-en-us.dict` that Debian's pocketsphinx-en-us installs (``debianPath``).
///
/// Parsing the 135 000 lines takes a fraction of a second: callers that run on Swift's cooperative threads load it
/// on a blocking-work thread (RelayKit's `PronouncingDictionary.shared(at:)`) and keep the value; it is immutable.
public struct PronouncingDictionary: Sendable {
    /// Where Debian's pocketsphinx-en-us puts the dictionary.
    public static let debianPath = "/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict"

    let entries: [String: [[Phoneme]]]

    /// Parses dictionary text. Lines that are empty, comments (`;;;`) or name an unknown phoneme are skipped.
    public init(parsing text: String) {
        self.init(bytes: Array(text.utf8))
    }

    /// Reads and parses the file at `url` (blocking file IO: call it off the cooperative pool).
    public init(contentsOf url: URL) throws {
        let data = try Data(contentsOf: url)
        self.init(bytes: [UInt8](data))
    }

    init(bytes: [UInt8]) {
        var entries: [String: [[Phoneme]]] = [:]
        entries.reserveCapacity(bytes.count / 24)
        // Phoneme symbols are looked up by their (at most two, upper-case) letters packed into an Int: no Strings per phone.
        var table = [UInt8](repeating: 255, count: 65_536)
        for (i, s) in Phoneme.symbols.enumerated() {
            let u = Array(s.utf8)
            table[Int(u[0]) << 8 | Int(u.count > 1 ? u[1] : 0)] = UInt8(i)
        }
        bytes.withUnsafeBufferPointer { b in
            let n = b.count
            var i = 0
            while i < n {
                var end = i
                while end < n && b[end] != 10 { end += 1 }
                defer { i = end + 1 }
                var wordEnd = i
                while wordEnd < end && b[wordEnd] != 32 && b[wordEnd] != 9 { wordEnd += 1 }
                guard wordEnd > i, wordEnd < end, b[i] != 59 /* ; */ else { continue }
                // "word(2)" is the second pronunciation of "word".
                var nameEnd = wordEnd
                if b[nameEnd - 1] == 41 /* ) */, let open = (i..<nameEnd).last(where: { b[$0] == 40 /* ( */ }), open > i { nameEnd = open }
                var phones: [Phoneme] = []
                var j = wordEnd
                var valid = true
                while j < end {
                    while j < end && (b[j] == 32 || b[j] == 9 || b[j] == 13) { j += 1 }
                    guard j < end else { break }
                    var letters: [UInt8] = []
                    while j < end && b[j] != 32 && b[j] != 9 && b[j] != 13 {
                        let c = b[j]
                        if c >= 65 && c <= 90 { letters.append(c) } else if c >= 97 && c <= 122 { letters.append(c - 32) }
                        else if !(c >= 48 && c <= 57) { valid = false }
                        j += 1
                    }
                    guard (1...2).contains(letters.count) else { valid = false; break }
                    let code = table[Int(letters[0]) << 8 | Int(letters.count > 1 ? letters[1] : 0)]
                    guard code != 255 else { valid = false; break }
                    phones.append(Phoneme(code: code))
                }
                guard valid, !phones.isEmpty else { continue }
                let word = String(decoding: UnsafeBufferPointer(rebasing: b[i..<nameEnd]), as: UTF8.self).lowercased()
                entries[word, default: []].append(phones)
            }
        }
        self.entries = entries
    }

    /// Number of words.
    public var count: Int { entries.count }

    /// The pronunciations of `word` (lower-cased; "can't" with its apostrophe), most common first; empty when unknown.
    public func pronunciations(of word: String) -> [[Phoneme]] {
        entries[word.lowercased().replacingOccurrences(of: "’", with: "'")] ?? []
    }
}

/// How far apart two pronunciations sound: an edit distance over phonemes where similar sounds cost less.
public enum PhoneticDistance {
    /// Substituting one vowel for another, or a consonant for its voiced / voiceless twin, a nasal for a nasal,
    /// L for R: half an edit. Inserting or deleting a phoneme, or any other substitution: one.
    public static func between(_ a: [Phoneme], _ b: [Phoneme]) -> Double {
        if a.isEmpty { return Double(b.count) }
        if b.isEmpty { return Double(a.count) }
        var previous = (0...b.count).map(Double.init)
        var current = [Double](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = Double(i)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + substitution(a[i - 1], b[j - 1]))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// `between(a, b)` over the longer length: 0 is the same sound, 1 nothing in common.
    public static func normalized(_ a: [Phoneme], _ b: [Phoneme]) -> Double {
        between(a, b) / Double(max(a.count, b.count, 1))
    }

    static let near: [Set<String>] = [
        ["P", "B"], ["T", "D"], ["K", "G"], ["F", "V"], ["TH", "DH"], ["S", "Z"], ["SH", "ZH"], ["CH", "JH"],
        ["M", "N", "NG"], ["L", "R"],
    ]
    static let nearCodes: [Int: Int] = {
        var out: [Int: Int] = [:]
        for (group, set) in near.enumerated() { for s in set { out[Int(Phoneme(s)!.code)] = group } }
        return out
    }()

    static func substitution(_ x: Phoneme, _ y: Phoneme) -> Double {
        if x == y { return 0 }
        if x.isVowel && y.isVowel { return 0.5 }
        if let gx = nearCodes[Int(x.code)], gx == nearCodes[Int(y.code)] { return 0.5 }
        return 1
    }
}
