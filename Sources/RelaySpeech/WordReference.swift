import Foundation
import RelayCore

/// A second pocketsphinx decoder with the general language model, on its own thread: the word reference that
/// every command is checked against, decoded while the first decoder runs the grammar and the phone loop.
///
/// Two decoders on two cores make the check cost wall-clock time only where it is the slower pass.
/// `@unchecked Sendable` is safe: `decoder` is touched only inside jobs of `worker`, which run one at a time; a
/// ``Pending`` result is written once by such a job and read after its semaphore is signalled.
final class WordReference: @unchecked Sendable {
    static let search = "relay_lm"

    /// A decode under way.
    final class Pending: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var result: Result<PocketSphinxDecoder.Decoding, any Error> = .failure(CancellationError())

        fileprivate func finish(_ value: Result<PocketSphinxDecoder.Decoding, any Error>) {
            result = value
            done.signal()
        }

        /// Blocks until the decode is done (call it from a decoder's job on ``BlockingWork``'s pool, never from an
        /// async context).
        func wait() throws -> PocketSphinxDecoder.Decoding {
            done.wait()
            return try result.get()
        }
    }

    private let worker: SerialWorker<PocketSphinxDecoder>

    /// Loads the acoustic model, the dictionary and the language model.
    init(configuration: PocketSphinxRecognizer.Configuration) throws {
        let decoder = try PocketSphinxDecoder(
            acousticModel: configuration.acousticModel, dictionary: configuration.dictionary,
            extraArguments: configuration.decoderArguments)
        try decoder.setLanguageModel(name: Self.search, path: configuration.languageModel,
                                     settings: configuration.languageModelSettings)
        worker = SerialWorker(state: decoder)
    }

    /// Starts decoding `samples` with the language model; collect the result with ``Pending/wait()``.
    func start(_ samples: [Int16]) -> Pending {
        let pending = Pending()
        worker.submit { decoder in
            pending.finish(Result { try decoder.decode(samples, search: Self.search) })
        }
        return pending
    }

    /// Decodes `samples` with the language model and waits for the words.
    func decode(_ samples: [Int16]) throws -> PocketSphinxDecoder.Decoding {
        try start(samples).wait()
    }
}
