/// The shape every layer's error shares, modelled on GRDB's `DatabaseError`: a stable code that each layer extends
/// with its own constants, the file or device involved, and what the user can do.
///
/// Each layer keeps one error type (`MediaError`, `SpeechError`, `ModelError`, `KitError`, a plugin's own) so that
/// `catch let error as MediaError` still says which layer failed; the codes and the catching work the same way in all:
///
/// ```swift
/// do {
///     let wav = try WAVFile(contentsOf: url)
/// } catch MediaError.Code.fileNotFound {
///     // …
/// }
/// ```
public protocol RelayError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is: one of the layer's constants, e.g. `MediaError.Code.fileNotFound`.
    var code: RelayErrorCode<Self> { get }
    /// The file, device or URL involved, if any.
    var path: String? { get }
    /// What the user can do about it, if the layer knows.
    var hint: String? { get }
}

/// A stable, growable failure code of the error type `Failure` (`"file_not_found"`, …).
///
/// A layer declares its codes in a constrained extension, and anyone may add more the same way:
/// `extension RelayErrorCode where Failure == MediaError { public static let fileNotFound = Self("file_not_found") }`.
/// The phantom `Failure` keeps the layers' codes apart: a `MediaError` code never matches a `SpeechError`.
public struct RelayErrorCode<Failure>: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// Stable identifier, e.g. `"file_not_found"`: what JSON output and logs show.
    public let rawValue: String

    /// Creates a code.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// Creates a code.
    public init(rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }
}

extension RelayErrorCode where Failure: RelayError {
    /// Whether `error` is a `Failure` with this code: what makes `catch MediaError.Code.fileNotFound` work.
    public static func ~= (code: Self, error: any Error) -> Bool {
        (error as? Failure)?.code == code
    }
}
