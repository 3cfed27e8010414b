/// A fixture could not be made, or a tool the tests run failed.
public struct FixtureError: Error, CustomStringConvertible {
    /// What failed, with the tool's own message.
    public let description: String

    /// Creates an error.
    public init(_ description: String) { self.description = description }
}
