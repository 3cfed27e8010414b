import Foundation
import RelayLanguage

/// Whether an utterance tells something rather than asks for anything.
///
/// People mention their phone's things all the time without asking for anything: "we took so many pictures on the
/// trip", "the Cats album is my favorite one", "mom sent me a message saying she's fine". Such sentences share words
/// with commands, so neither the template aligner nor a sentence encoder keeps them apart; their grammar does. A
/// *statement* is a clause that starts with a subject followed by a finite verb — a pronoun or a noun phrase, then
/// "is", "was", a past tense ("took", "sent", "deleted"), or a linking verb ("looks") — and no clause of the utterance
/// asks: "I'm in a meeting, **put** my phone on do not disturb" and "it's too dark in here, brighter screen **please**"
/// are requests. "I need…", "I want…", "I'd like…" are requests said as statements, and "photos I took yesterday"
/// (a subject after the noun it describes) or "photos that were taken in March" are descriptions, not statements.
enum Mood {
    /// Whether the clauses of `text` (its `tokens`) all state rather than ask. `verbs` are the installed actions'
    /// own verbs ("delete", "show"): a clause led by one is a request.
    static func isStatement(_ tokens: [Token], text: String, verbs: Set<String>) -> Bool {
        let clauses = Self.clauses(tokens, text: text)
        guard !clauses.isEmpty else { return false }
        return clauses.allSatisfy { isStatedClause($0, verbs: verbs) }
    }

    /// The words of each clause: split at sentence punctuation and at words that join clauses.
    static func clauses(_ tokens: [Token], text: String) -> [[String]] {
        var out: [[String]] = [[]]
        for (i, token) in tokens.enumerated() {
            if i > 0, punctuationBefore(i, in: tokens, text: text), !(out.last?.isEmpty ?? true) { out.append([]) }
            if clauseJoiners.contains(token.text) {
                if !(out.last?.isEmpty ?? true) { out.append([]) }
                continue
            }
            out[out.count - 1].append(token.text)
        }
        return out.filter { !$0.isEmpty }
    }

    /// Whether sentence punctuation stands between token `i` and the one before ("I'm in a meeting**,** put…"). The
    /// words of one contraction ("i'm": i, am) share their text and have nothing between them.
    static func punctuationBefore(_ i: Int, in tokens: [Token], text: String) -> Bool {
        guard i > 0, tokens[i - 1].range.upperBound < tokens[i].range.lowerBound else { return false }
        return text[tokens[i - 1].range.upperBound..<tokens[i].range.lowerBound].contains { ",;:.!?".contains($0) }
    }

    /// Whether one clause is a statement (see the type's summary).
    static func isStatedClause(_ clause: [String], verbs: Set<String>) -> Bool {
        var words = clause[...]
        while let first = words.first, openers.contains(first) { words = words.dropFirst() }
        guard let first = words.first else { return false }
        // A clause led by a request, a question word or a verb asks.
        if asking.contains(first) || CommandMatcher.questionWords.contains(first) || verbs.contains(first)
            || CommandMatcher.lightVerbs.contains(first) { return false }
        guard let verbIndex = words.indices.first(where: { finiteVerb(words, at: $0) }), verbIndex > words.startIndex else { return false }
        let subject = words[words.startIndex..<verbIndex].filter { !adverbs.contains($0) }
        guard !subject.isEmpty else { return false }
        // "I need…", "we'd like…": a request said as a statement.
        if let next = words[(verbIndex)...].first, requestVerbs.contains(next) { return false }
        if subject.count == 1, let only = subject.first, pronouns.contains(only) { return true }
        // A noun phrase as the subject: no verb, question word or relative word in it, and no pronoun after its first
        // word ("photos **I** took": a description).
        // After a determiner, a word that is also a verb is a noun or an adjective ("my contacts **list**", "my
        // **favorite** photo").
        // "That photo of the beach": a demonstrative before a noun determines it; it is no relative word there.
        let demonstrative = subject.count > 1 && (subject.first.map(demonstratives.contains) ?? false)
        let determined = demonstrative || (subject.first.map(determiners.contains) ?? false)
        let phrase = demonstrative ? subject.dropFirst() : subject[...]
        if phrase.contains(where: { (!determined && (verbs.contains($0) || CommandMatcher.lightVerbs.contains($0)))
            || asking.contains($0) || CommandMatcher.questionWords.contains($0) || relatives.contains($0) }) { return false }
        if subject.dropFirst().contains(where: pronouns.contains) { return false }
        return subject.count <= 5
    }

    /// Whether the word at `i` is a finite verb that follows a subject: a form of "be" or "have", a linking verb or a
    /// past tense that is nothing else ("took"); after a pronoun, any past tense or present verb ("I deleted", "we
    /// love"); after a noun, a past tense that could describe it ("messages **sent** by Mom") only with an object
    /// ("Mom **sent me** a message").
    static func finiteVerb(_ words: ArraySlice<String>, at i: Int) -> Bool {
        let w = words[i]
        // "5.45am": a time's "am" is no verb.
        if w == "am", i > words.startIndex, words[i - 1].contains(where: \.isNumber) { return false }
        if finiteVerbs.contains(w) { return true }
        let isPast = pastOrParticiple.contains(w) || (w.count > 4 && w.hasSuffix("ed"))
        guard isPast || afterPronoun.contains(w) || requestVerbs.contains(w), i > words.startIndex else { return false }
        // "I already sent …": adverbs may stand between the pronoun and its verb.
        var before = i - 1
        while before > words.startIndex, adverbs.contains(words[before]) { before -= 1 }
        if pronouns.contains(words[before]) { return true }
        return isPast && i + 1 < words.endIndex && objects.contains(words[i + 1])
    }

    /// Words that join two clauses.
    static let clauseJoiners: Set<String> = ["and", "but", "because", "cause", "cos"]
    /// Words that may open a clause before its subject.
    static let openers: Set<String> = ["honestly", "well", "oh", "ah", "hey", "ok", "okay", "yeah", "yes", "no", "wow", "so",
                                       "actually", "basically", "anyway", "man", "lol", "hmm", "um", "uh", "like", "just"]
    /// Adverbs that may stand between a subject and its verb.
    static let adverbs: Set<String> = ["just", "really", "actually", "always", "never", "already", "also", "still", "totally",
                                       "usually", "finally", "only", "kind", "kinda", "sort", "probably"]
    /// Words that make a clause a request.
    static let asking: Set<String> = ["please", "can", "could", "would", "will", "let", "lets", "pls", "plz", "kindly"]
    /// Verbs after a subject that make a request of a statement ("I need an alarm at 6").
    static let requestVerbs: Set<String> = ["need", "want", "wanna", "would", "like", "must", "should", "gotta", "will"]
    static let determiners: Set<String> = ["my", "the", "our", "your", "his", "her", "their", "a", "an"]
    static let demonstratives: Set<String> = ["that", "this", "these", "those"]
    static let pronouns: Set<String> = ["i", "we", "he", "she", "they", "it", "you", "that", "this", "there"]
    /// Words that start a clause describing a noun ("photos **that** were taken").
    static let relatives: Set<String> = ["that", "which", "who", "whom", "whose", "where", "when"]
    /// Verbs that are finite whatever comes before them.
    static let finiteVerbs: Set<String> = [
        "am", "is", "are", "was", "were", "has", "had", "looks", "seems", "feels", "sounds", "took", "went", "came", "saw",
        "gave", "knew", "forgot", "texted", "messaged",
    ]
    /// Past tenses that are also participles ("photos **shot** in March", "an album **called** Wedding").
    static let pastOrParticiple: Set<String> = [
        "sent", "made", "got", "said", "told", "bought", "lost", "left", "kept", "thought", "shot", "used", "taken", "done",
    ]
    /// Present verbs, finite after a pronoun ("we love this one").
    static let afterPronoun: Set<String> = ["love", "hate", "look", "seem", "feel", "think", "know", "take", "get", "keep", "have",
                                            "set", "put"]
    /// Words that start the object of a verb ("Mom sent **me** a message").
    static let objects: Set<String> = ["me", "us", "him", "her", "them", "a", "an", "the", "my", "our", "this", "that", "so"]
}
