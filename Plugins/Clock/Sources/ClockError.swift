/// A Clock failure a user can act on.
public struct ClockError: Error, Sendable, Hashable, CustomStringConvertible {
    /// One readable sentence saying what went wrong and what to try.
    public var message: String
    /// Creates an error.
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
