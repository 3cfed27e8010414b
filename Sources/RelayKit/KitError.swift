public import RelayCore

/// RelayKit's error: a growable code plus a message that names the input and what to try.
///
/// Handlers may throw anything; the dispatcher turns every error into a failed ``CommandResult``.
/// ``ActionFailure`` is the one to throw when a handler wants a specific status (not found, refused).
public struct KitError: RelayError, Hashable {
    /// What kind of failure this is: a growable set of codes (see ``RelayError``).
    public typealias Code = RelayErrorCode<KitError>

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

    /// Kit errors name their input inside ``message``.
    public var path: String? { nil }
    /// Kit errors say what to do inside ``message``.
    public var hint: String? { nil }
}

extension RelayErrorCode where Failure == KitError {
    /// A handler read an argument the call does not have.
    public static let argumentMissing = Self("argument_missing")
    /// A handler read an argument as the wrong type.
    public static let argumentType = Self("argument_type")
    /// A sentence template does not parse.
    public static let templateSyntax = Self("template_syntax")
    /// The state database could not be opened or migrated.
    public static let database = Self("database")
    /// A file (golden cases, audit log, arguments) is unreadable or malformed.
    public static let file = Self("file")
    /// JSON text is malformed.
    public static let json = Self("json")
    /// A subsystem or action name is unknown.
    public static let unknownName = Self("unknown_name")
    /// A declaration is inconsistent (duplicate action, slot without parameter).
    public static let declaration = Self("declaration")
    /// A `mobile_use` action (Qwen's phone-control call) is malformed or names something the screen does not have.
    public static let invalidScreenAction = Self("invalid_screen_action")
}
