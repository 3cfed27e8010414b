/// One thing a subsystem can do: its name, description, typed parameters, permission, sentences and handler
/// in one type, so none of them can drift from the others.
///
/// ```swift
/// struct CreateAlbum: Action {
///     static let name = "photos.create_album"
///     static let description = "Create an empty album."
///     static let permission = Permission.write
///     static let parameters: [Parameter] = [.string("name", "The new album's name")]
///     static let sentences: Sentences = [
///         "en": ["(create|make) [a] [new] album (called|named) {name}"],
///         "zh": ["创建相册{name}"],
///     ]
///
///     let name: String
///     init(arguments: Arguments) throws { name = try arguments.value("name") }
///
///     func perform(in context: ActionContext) async throws -> ActionOutcome {
///         try await context.write { db in try db.execute(sql: "INSERT INTO album(name) VALUES (?)", arguments: [name]) }
///         return .done("Created the album \(name).", data: ["album": .string(name)])
///     }
/// }
/// ```
///
/// The dispatcher validates the JSON arguments against ``parameters`` (precise messages per bad argument),
/// resolves entity names, gates by ``permission``, then calls `init(arguments:)` and ``perform(in:)``
/// inside one database transaction with a timeout.
public protocol Action: Sendable {
    /// Stable name `<subsystem>.<verb_noun>`: the tool name the model calls.
    static var name: String { get }
    /// What it does, one sentence, for the model and the reference page.
    static var description: String { get }
    /// Read, write or destructive.
    static var permission: Permission { get }
    /// Typed parameters, in the order the schema lists them.
    static var parameters: [Parameter] { get }
    /// Sentence templates per language.
    static var sentences: Sentences { get }
    /// Whether `relay undo` can take it back (default: reversible, from the rows it changed).
    static var reversibility: Reversibility { get }
    /// How a person would read a call back before making it, as a yes/no question (default: none, and the loop words
    /// one from ``description``): `{parameter}` is the argument's spoken value ("6:50 AM", "70 %", "Wi-Fi", "on"),
    /// `{parameter:compound}` a duration before a noun ("5-minute"), `{?parameter}` requires the argument without
    /// saying it; `[…]` is said only when every argument in it is given, and `(…|…)` says the first alternative whose
    /// arguments are all given. `"Set an alarm for {time}[ called {label}]?"`.
    static var readBack: String? { get }

    /// Reads the validated arguments into the action's typed properties.
    init(arguments: Arguments) throws
    /// Does the work and says what changed. Throw ``ActionFailure`` for a specific status; anything else
    /// thrown becomes a failed result and rolls the command's writes back.
    func perform(in context: ActionContext) async throws -> ActionOutcome
}

extension Action {
    public static var parameters: [Parameter] { [] }
    public static var sentences: Sentences { [:] }
    public static var reversibility: Reversibility { .reversible }
    public static var readBack: String? { nil }

    /// The subsystem prefix of ``name`` (`"photos"` for `"photos.create_album"`).
    public static var subsystemName: String { String(name.split(separator: ".").first ?? Substring(name)) }

    /// The declared parameter called `name`, if any.
    public static func parameter(named name: String) -> Parameter? { parameters.first { $0.name == name } }
}
