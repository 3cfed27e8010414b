import Foundation

/// The similarities of the utterances read while one command is understood, so that each text is encoded at most
/// once per command.
///
/// Understanding a command may read the same words more than once: ``CommandMatcher/interpret(_:entityNames:tools:policy:)``
/// decides a loose template reading and then reads the words with the encoder stage, and `CommandRunner` reads a write
/// once more to know how sure understanding was. Encoding is most of the time of a command that reaches the encoder
/// (≈ 4 ms per sentence on one core), so the cosines of a text with every embedded sentence are kept for the rest of
/// the command: bound to the task (``CommandMatcher/withinOneCommand(_:)``), never across commands, so a long-running
/// process holds nothing and a reading never depends on what was read before.
final class UtteranceSimilarityMemo: @unchecked Sendable {
    // @unchecked: every access to `table` holds `lock`; the values are immutable arrays.
    private let lock = NSLock()
    private var table: [Key: [Float]?] = [:]

    struct Key: Hashable {
        let text: String
        let entityNames: EntityNames
        /// The embedded sentences compared with (one matcher's).
        let embeddings: ObjectIdentifier
    }

    /// The memo of the command being understood, if any.
    @TaskLocal static var current: UtteranceSimilarityMemo?

    /// The similarities for `key`: remembered, or computed by `compute` and remembered.
    func similarities(_ key: Key, compute: () -> [Float]?) -> [Float]? {
        if let known = lock.withLock({ table[key] }) { return known }
        let computed = compute()
        lock.withLock { table[key] = computed }
        return computed
    }
}

extension CommandMatcher {
    /// Runs `body` as the understanding of one command: the words are encoded at most once however many times they
    /// are read inside it (the text skill's reading and the read-back's are one encoding). Nested calls share the
    /// outer command's memo.
    public static func withinOneCommand<T>(isolation: isolated (any Actor)? = #isolation,
                                           _ body: () async throws -> T) async rethrows -> T {
        if UtteranceSimilarityMemo.current != nil { return try await body() }
        return try await UtteranceSimilarityMemo.$current.withValue(UtteranceSimilarityMemo(), operation: body, isolation: isolation)
    }

    /// The synchronous ``withinOneCommand(_:)``, for one ``interpret(_:entityNames:tools:policy:)``.
    static func withinOneCommand<T>(_ body: () throws -> T) rethrows -> T {
        if UtteranceSimilarityMemo.current != nil { return try body() }
        return try UtteranceSimilarityMemo.$current.withValue(UtteranceSimilarityMemo()) { try body() }
    }
}
