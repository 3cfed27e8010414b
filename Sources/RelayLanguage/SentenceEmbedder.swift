/// Something that turns sentences into unit vectors whose cosine measures how alike their meanings are.
///
/// The sentence-template language's one door to a learned model: the matcher (RelayKit) ranks actions by it when
/// no template reads an utterance confidently, and `RelaySentenceEncoder`'s `SentenceEncoder` (all-MiniLM-L6-v2)
/// implements it. It lives here, below both, so that RelayKit needs no dependency on the encoder's module (nor the
/// encoder on the plugin SDK): the program that has a model hands it to the matcher.
public protocol SentenceEmbedder: Sendable {
    /// Names the model and everything that changes its vectors (a cache of embeddings is keyed by it).
    var modelIdentity: String { get }
    /// The unit-length embeddings of `sentences`, one per sentence, in order. Synchronous and CPU-bound (a few
    /// milliseconds per short sentence).
    func encode(_ sentences: [String]) -> [[Float]]
}
