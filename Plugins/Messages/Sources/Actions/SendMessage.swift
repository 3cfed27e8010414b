import RelayKit

/// `messages.send_message`: text a contact.
struct SendMessage: Action {
    static let name = "messages.send_message"
    static let description = "Send a text message to a contact."
    static let permission = Permission.write
    static let readBack: String? = "Send {to} '{body}'?"
    static let reversibility = Reversibility.irreversible("a sent message can't be unsent.")
    static let parameters: [Parameter] = [
        .entity("to", "The contact to send it to (name or alias)", kind: MessagesSubsystem.contact),
        .text("body", "The message text"),
    ]
    static let sentences: Sentences = [
        "en": [
            "<please> (send|text|message) {to} [a message] (saying|that says|that) {body}",
            "<please> (send|write) [a] (message|text) to {to} (saying|that says|that) {body}",
            "<please> (tell|text) {to} [that] {body}",
            // Who, without what: the loop asks "What should it say?" and sends the answer.
            "<please> (text|message) {to} <please>",
            "<please> (send|write) [a] (message|text) to {to} <please>",
        ],
        "zh": ["<please>给{to}(发消息|发信息)说{body}", "<please>给{to}(发消息|发信息){body}", "<please>告诉{to}{body}", "<please>给{to}(发消息|发信息)"],
    ]

    let to: Entity
    let body: String

    init(arguments: Arguments) throws {
        to = try arguments.value("to")
        body = try arguments.value("body")
    }

    func perform(in context: ActionContext) async throws -> ActionOutcome {
        guard let contactID = to.rowID else { throw ActionFailure(.notFound, "There is no contact named \(to.name).") }
        let body = body, now = context.now
        let message = try await context.write { db in try MessagesStore.send(db, to: contactID, body: body, at: now) }
        return .done("Sent to \(MessageReport.firstName(to.name)): \"\(message.body)\"", data: [
            "message": MessageReport.json(message, contactName: to.name),
        ])
    }
}
