public import Foundation
public import RelayJSON

/// The validated arguments of one command, read by the handler through typed accessors.
///
/// The dispatcher builds it only after every argument passed validation, defaults were filled in and
/// entity names were resolved, so `try arguments.value("name")` fails only when the action's code asks
/// for a parameter it did not declare or for the wrong Swift type — a bug the action's tests catch.
///
/// ```swift
/// let album: Entity = try arguments.value("album")
/// let when: DateRange? = try arguments.valueIfPresent("when")
/// ```
public struct Arguments: Sendable {
    /// The canonical JSON values, defaults included, in declaration order.
    public let values: JSONObject
    /// Entities resolved from entity parameters, by parameter name.
    public let entities: [String: Entity]
    /// The clock reading date specs are resolved against.
    public let now: Date
    /// The calendar date specs are resolved in.
    public let calendar: Calendar

    /// Creates arguments; the dispatcher does this after validation (tests may too).
    public init(values: JSONObject, entities: [String: Entity] = [:], now: Date = Date(), calendar: Calendar = .current) {
        self.values = values
        self.entities = entities
        self.now = now
        self.calendar = calendar
    }

    /// Whether the call gave `name` (or it has a default).
    public func has(_ name: String) -> Bool {
        if entities[name] != nil { return true }
        if let v = values[name], v != .null { return true }
        return false
    }

    /// The value of a required parameter as `T`; throws when absent or of another type.
    public func value<T: ArgumentValue>(_ name: String, as type: T.Type = T.self) throws -> T {
        guard let v = try valueIfPresent(name, as: type) else {
            throw KitError(.argumentMissing, "The action read the argument \"\(name)\", which the call does not have; declare it as required or read it with valueIfPresent.")
        }
        return v
    }

    /// The value of an optional parameter as `T`, or nil when the call left it out.
    public func valueIfPresent<T: ArgumentValue>(_ name: String, as type: T.Type = T.self) throws -> T? {
        guard has(name) else { return nil }
        let source = ArgumentSource(name: name, json: values[name] ?? .null, entity: entities[name], now: now, calendar: calendar)
        guard let v = T(argument: source) else {
            throw KitError(.argumentType, "The argument \"\(name)\" (\((values[name] ?? .null).compactJSON)) cannot be read as \(T.self).")
        }
        return v
    }
}

/// What a typed accessor converts from: the canonical JSON plus the context to resolve it.
public struct ArgumentSource: Sendable {
    /// The parameter's name.
    public var name: String
    /// The canonical JSON value.
    public var json: JSONValue
    /// The resolved entity, for entity parameters.
    public var entity: Entity?
    /// The clock for date specs.
    public var now: Date
    /// The calendar for date specs.
    public var calendar: Calendar
}

/// A Swift type a handler can read an argument as.
public protocol ArgumentValue: Sendable {
    /// Converts the canonical argument, or nil when it is not of this type.
    init?(argument: ArgumentSource)
}

extension String: ArgumentValue {
    public init?(argument: ArgumentSource) {
        if let entity = argument.entity { self = entity.name; return }
        guard case .string(let s) = argument.json else { return nil }
        self = s
    }
}

extension Int: ArgumentValue {
    public init?(argument: ArgumentSource) {
        switch argument.json {
        case .int(let i): self = i
        case .double(let d) where d == d.rounded() && abs(d) < 1e15: self = Int(d)
        default: return nil
        }
    }
}

extension Double: ArgumentValue {
    public init?(argument: ArgumentSource) {
        switch argument.json {
        case .int(let i): self = Double(i)
        case .double(let d): self = d
        default: return nil
        }
    }
}

extension Bool: ArgumentValue {
    public init?(argument: ArgumentSource) {
        guard case .bool(let b) = argument.json else { return nil }
        self = b
    }
}

extension Duration: ArgumentValue {
    public init?(argument: ArgumentSource) {
        guard let seconds = Int(argument: argument) else { return nil }
        self = .seconds(seconds)
    }
}

extension TimeOfDay: ArgumentValue {
    public init?(argument: ArgumentSource) {
        guard case .string(let s) = argument.json, let t = TimeOfDay(canonical: s) else { return nil }
        self = t
    }
}

extension DateRange: ArgumentValue {
    public init?(argument: ArgumentSource) {
        guard case .string(let s) = argument.json,
              let r = DateRange.resolve(s, now: argument.now, calendar: argument.calendar) else { return nil }
        self = r
    }
}

extension Entity: ArgumentValue {
    public init?(argument: ArgumentSource) {
        guard let e = argument.entity else { return nil }
        self = e
    }
}
