/// RelayKit's error: a growable code plus a message that names the input and what to try.
///
/// Handlers may throw anything; the dispatcher turns every error into a failed ``CommandResult``.
/// ``ActionFailure`` is the one to throw when a handler wants a specific status (not found, refused).
public struct KitError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as a stable code.
    public struct Code: RawRepresentable, Sendable, Hashable {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        init(_ rawValue: String) { self.rawValue = rawValue }
        /// A handler read an argument the call does not have.
        public static let argumentMissing = Code("argument_missing")
        /// A handler read an argument as the wrong type.
        public static let argumentType = Code("argument_type")
        /// A sentence template does not parse.
        public static let templateSyntax = Code("template_syntax")
        /// The state database could not be opened or migrated.
        public static let database = Code("database")
        /// A file (golden cases, audit log, arguments) is unreadable or malformed.
        public static let file = Code("file")
        /// JSON text is malformed.
        public static let json = Code("json")
        /// A subsystem or action name is unknown.
        public static let unknownName = Code("unknown_name")
        /// A declaration is inconsistent (duplicate action, slot without parameter).
        public static let declaration = Code("declaration")
    }

    /// The code.
    public var code: Code
    /// One sentence for the user, naming the input and what to do.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
