import RelayKit

/// `messages.add_contact`: a new person to message.
struct AddContact: Action {
    static let name = "messages.add_contact"
    static let description = "Add a contact with a name and an optional phone number."
    static let permission = Permission.write
    static let readBack: String? = "Add the contact {name}[ with the number {phone}]?"
    static let parameters: [Parameter] = [
        .string("name", "The contact's full name"),
        .phoneNumber("phone", "Phone number", required: false),
    ]
    static let sentences: Sentences = [
        "en": [
            "<please> (add|create|save) [a] [new] contact [called|named|for] {name} <please>",
            "<please> (add|save) {name} (to|as) [a] [my] contact[s]",
            "<please> (add|create|save) [a] [new] contact [called|named|for] {name} with [phone] number {phone}",
        ],
        "zh": ["<please>(添加|新建)联系人{name}"],
    ]

    let contactName: String
    let phone: String?

    init(arguments: Arguments) throws {
        contactName = try arguments.value("name")
        phone = try arguments.valueIfPresent("phone")
    }

    func perform(in context: ActionContext) async throws -> ActionOutcome {
        let name = contactName, phone = phone
        let contact: Contact
        do {
            contact = try await context.write { db in try MessagesStore.addContact(db, name: name, phone: phone) }
        } catch let error as MessagesError {
            throw ActionFailure(.refused, error.message)
        }
        return .done("Added \(contact.name) to your contacts.", data: ["contact": MessageReport.json(contact)])
    }
}
