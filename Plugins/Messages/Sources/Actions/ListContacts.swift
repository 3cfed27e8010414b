import RelayKit

/// `messages.list_contacts`: everyone in the address book.
struct ListContacts: Action {
    static let name = "messages.list_contacts"
    static let description = "List the contacts."
    static let permission = Permission.read
    static let sentences: Sentences = [
        "en": ["<show> <my> contacts", "who (are|is) in my contacts", "who can i (message|text)"],
        "zh": ["<please>(显示|查看)[我的]联系人"],
    ]

    init(arguments: Arguments) throws {}

    func perform(in context: ActionContext) async throws -> ActionOutcome {
        let contacts = try await context.read { db in try MessagesStore.contacts(db) }
        let message = contacts.isEmpty
            ? "You have no contacts."
            : "You have \(contacts.count) contact\(contacts.count == 1 ? "" : "s"): " + contacts.map(\.name).joined(separator: ", ") + "."
        return .done(message, data: ["contacts": .array(contacts.map(MessageReport.json))])
    }
}
