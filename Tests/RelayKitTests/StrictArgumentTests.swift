import Foundation
import RelayKit
import RelayModel
import RelayPlugins
import Testing

/// Arguments are checked against the JSON Schema the model sees, with no silent coercion (issue 16):
/// the cases are generated from the schemas of every installed action, so a new action is covered too.
@Suite struct StrictArgumentTests {
    /// A value of a JSON type the schema does not allow, and the words the message must use for the expected type.
    static func wrongValue(forSchemaType type: String) -> (value: JSONValue, expected: String)? {
        switch type {
        case "string": (.int(42), "a string")
        case "integer": (.string("7"), "an integer")
        case "number": (.string("1.5"), "a number")
        case "boolean": (.string("yes"), "a boolean")
        default: nil
        }
    }

    @Test func everyBuiltInParameterRefusesAWrongJSONType() async throws {
        let home = try TempHome(); defer { home.cleanup() }
        let dispatcher = Dispatcher(subsystems: InstalledPlugins.subsystems, home: home.url, calendar: utc, now: { fixedNow })
        var checked = 0
        for descriptor in dispatcher.catalog.actions {
            guard case .object(let schema) = descriptor.toolSpec.parameters,
                  case .object(let properties)? = schema["properties"] else { Issue.record("\(descriptor.name): no properties"); continue }
            for parameter in descriptor.parameters {
                guard case .object(let property)? = properties[parameter.name], case .string(let type)? = property["type"],
                      let (value, expected) = Self.wrongValue(forSchemaType: type)
                else { Issue.record("\(descriptor.name).\(parameter.name): no schema type"); continue }
                let result = await dispatcher.call(descriptor.name, [parameter.name: value], origin: .model, confirmed: true)
                #expect(result.status == .invalidArguments, "\(descriptor.name) ran with \(parameter.name) = \(value.compactJSON): \(result.message)")
                let problem = result.problems.first { $0.argument == parameter.name }
                #expect(problem?.message.hasPrefix("\(parameter.name): expected ") == true, "\(descriptor.name): \(result.message)")
                #expect(problem?.message.contains(expected) == true, "\(descriptor.name).\(parameter.name) should name \(expected): \(result.message)")
                checked += 1
            }
        }
        // Every installed action's every parameter; a floor so an empty catalog cannot pass.
        #expect(checked >= 40)
        // Nothing ran: no state was changed by a refused call.
        #expect(try dispatcher.audit.entries().allSatisfy { ($0.objectValue?["status"]).map { $0 == .string("invalid_arguments") } ?? false })
    }

    @Test func aNumberForANameIsNotTurnedIntoText() async throws {
        let home = try TempHome(); defer { home.cleanup() }
        let dispatcher = Dispatcher(subsystems: InstalledPlugins.subsystems, home: home.url)
        let r = await dispatcher.call("photos.create_album", ["name": 42])
        #expect(r.status == .invalidArguments)
        #expect(r.message == "name: expected a string, got 42 (an integer).")
        #expect(try await dispatcher.state(of: "photos").compactJSON.contains("\"albums\":[]"))
    }
}
