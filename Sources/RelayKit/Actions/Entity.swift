/// A kind of thing the user names: albums, contacts. Its subsystem answers the query for its names.
public struct EntityKind: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// Singular noun used in messages: "There is no **album** named X".
    public var name: String

    /// Creates a kind from its singular noun.
    public init(_ name: String) { self.name = name }
    public init(stringLiteral value: String) { self.name = value }
    public var description: String { name }
}

/// One thing of an ``EntityKind`` as the subsystem's entity query returns it.
///
/// The dispatcher resolves a spoken name to exactly one entity (by name or alias, ignoring case and
/// punctuation) before the handler runs; the handler receives the resolved `Entity`.
public struct Entity: Sendable, Hashable, Codable {
    /// Stable identifier in the subsystem (a row id as text).
    public var id: String
    /// Display name: "Vacation 2024", "Anna Smith".
    public var name: String
    /// Other names people use: "mom", "Anna".
    public var aliases: [String]

    /// Creates an entity.
    public init(id: String, name: String, aliases: [String] = []) {
        self.id = id
        self.name = name
        self.aliases = aliases
    }

    /// Creates an entity whose id is an integer row id.
    public init(id: Int64, name: String, aliases: [String] = []) {
        self.init(id: String(id), name: name, aliases: aliases)
    }

    /// The integer row id, if `id` is one.
    public var rowID: Int64? { Int64(id) }
}

/// Live names of every entity kind, for the sentence matcher's entity slots (`["album": ["Vacation"]]`).
public typealias EntityNames = [String: [String]]
