import Synchronization

/// A count of damaged packets shared between a decoding worker (which writes it) and the public
/// object that reports it (`VideoDecoder.damagedPackets`), safely across threads.
final class DamageCounter: Sendable {
    private let count = Mutex(0)

    var value: Int { count.withLock { $0 } }

    func set(_ value: Int) { count.withLock { $0 = value } }
}
