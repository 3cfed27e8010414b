import Foundation

/// The process-wide source of "the tools the phone offers", filled in by the executable at startup.
///
/// RelayModel cannot depend on RelayKit's plugin registry (layers point one way), so the `relay` target
/// installs a provider here and model-layer commands such as `relay prompt --tools` read it.
public enum RegisteredTools {
    /// Produces the current tool specs.
    public typealias Provider = @Sendable () async throws -> [ToolSpec]

    /// Installs the provider (replacing any earlier one).
    public static func install(_ provider: @escaping Provider) {
        storage.withLock { $0 = provider }
    }

    /// The tools of the installed provider; empty when none is installed.
    public static func current() async throws -> [ToolSpec] {
        guard let provider = storage.withLock({ $0 }) else { return [] }
        return try await provider()
    }

    private static let storage = LockedValue<Provider?>(nil)
}

/// A value behind a lock.
final class LockedValue<Value>: @unchecked Sendable {
    // @unchecked Sendable: `value` is only touched inside `lock`, and the stored values are Sendable closures.
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
