internal import Foundation

/// A flag one task sets and a blocking loop on another thread polls, to stop promptly.
///
/// `@unchecked Sendable`: `isSet` is read and written only while holding `lock`.
final class ALSACancellationFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    /// Raises the flag.
    func set() { lock.withLock { value = true } }

    /// Whether the flag was raised.
    var isSet: Bool { lock.withLock { value } }
}
