/// A Photos failure a user can act on: the message says what and what to try.
public struct PhotosError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A growable set of failure kinds.
    public struct Code: Hashable, Sendable {
        /// Stable identifier.
        public let rawValue: String
        /// Creates a code.
        public init(_ rawValue: String) { self.rawValue = rawValue }
        /// No album has that name.
        public static let noSuchAlbum = Code("no_such_album")
        /// An album already has that name.
        public static let albumExists = Code("album_exists")
        /// No photo or video matched.
        public static let noSuchAsset = Code("no_such_asset")
        /// An argument cannot be used (empty name, nothing selected).
        public static let invalidArgument = Code("invalid_argument")
        /// A file could not be imported.
        public static let importFailed = Code("import_failed")
    }

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
}
