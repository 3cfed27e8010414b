import Foundation
public import RelayLanguage
import RelayCore
import Synchronization

extension PronouncingDictionary {
    /// The dictionary at `path` (default: Debian's pocketsphinx-en-us `cmudict-en-us.dict`), read and parsed once per
    /// process on a blocking-work thread, so no cooperative thread waits for the file; later callers get the same value.
    /// Nil when the file is missing or unreadable: understanding then works without phonetic repair.
    public static func shared(at path: String = PronouncingDictionary.debianPath) async -> PronouncingDictionary? {
        let task = loads.withLock { loads in
            if let running = loads[path] { return running }
            let task = Task<PronouncingDictionary?, Never> {
                await BlockingWork.run { () -> PronouncingDictionary? in
                    try? PronouncingDictionary(contentsOf: URL(fileURLWithPath: path))
                }
            }
            loads[path] = task
            return task
        }
        return await task.value
    }

    private static let loads = Mutex<[String: Task<PronouncingDictionary?, Never>]>([:])
}

extension CommandMatcher {
    /// This matcher with phonetic repair from the dictionary at `path` (``PronouncingDictionary/shared(at:)``), or
    /// unchanged when the dictionary is not installed.
    public func repairing(dictionaryAt path: String = PronouncingDictionary.debianPath) async -> CommandMatcher {
        guard let dictionary = await PronouncingDictionary.shared(at: path) else { return self }
        return repairing(with: dictionary)
    }
}
