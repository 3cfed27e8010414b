public import RelayKit

/// A Photos failure a user can act on: the message says what and what to try.
public struct PhotosError: RelayError, Hashable {
    /// What kind of failure this is (see RelayKit's `RelayError`).
    public typealias Code = RelayErrorCode<PhotosError>

    /// What kind of failure this is.
    public var code: Code
    /// One readable sentence.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }

    /// Photos errors name their file inside ``message``.
    public var path: String? { nil }
    /// Photos errors say what to do inside ``message``.
    public var hint: String? { nil }
}

extension RelayErrorCode where Failure == PhotosError {
    /// No album has that name.
    public static let noSuchAlbum = Self("no_such_album")
    /// An album already has that name.
    public static let albumExists = Self("album_exists")
    /// No photo or video matched.
    public static let noSuchAsset = Self("no_such_asset")
    /// An argument cannot be used (empty name, nothing selected).
    public static let invalidArgument = Self("invalid_argument")
    /// A file could not be imported.
    public static let importFailed = Self("import_failed")
}
