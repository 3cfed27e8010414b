import Foundation

/// File paths written in an utterance: pieces of text between spaces that start with "/" or "~/".
enum FilePathText {
    /// The paths in `text`, without sentence punctuation after them ("/tmp/a.jpg." → "/tmp/a.jpg").
    static func pieces(in text: String) -> [String] {
        ranges(in: text).map { String(text[$0]) }
    }

    /// Where the paths are in `text`.
    static func ranges(in text: String) -> [Range<String.Index>] {
        var out: [Range<String.Index>] = []
        var start: String.Index?
        var i = text.startIndex
        func close(_ end: String.Index) {
            guard let s = start else { return }
            start = nil
            let piece = text[s..<end]
            guard piece.hasPrefix("/") || piece.hasPrefix("~/") else { return }
            var e = end
            while e > s, let last = text[..<e].last, ".,;:!?\"'”’)".contains(last) { e = text.index(before: e) }
            if e > s { out.append(s..<e) }
        }
        while i < text.endIndex {
            if text[i].isWhitespace { close(i) } else if start == nil { start = i }
            i = text.index(after: i)
        }
        close(text.endIndex)
        return out
    }
}
