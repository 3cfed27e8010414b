public import RelayKit

/// A person the phone can message: a row of the `contact` table.
public struct Contact: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord {
    /// The table name.
    public static let databaseTableName = "contact"
    /// Row id, nil before insertion.
    public var id: Int64?
    /// Display name, unique regardless of case.
    public var name: String
    /// Phone number, if known.
    public var phone: String?
    /// Other names people say for this contact, separated by "|".
    public var aliases: String

    /// Creates a contact value (not yet inserted).
    public init(id: Int64? = nil, name: String, phone: String? = nil, aliases: [String] = []) {
        self.id = id
        self.name = name
        self.phone = phone
        self.aliases = aliases.joined(separator: "|")
    }

    /// The aliases as a list.
    public var aliasList: [String] { aliases.split(separator: "|").map(String.init) }

    /// Stores the new row id.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
