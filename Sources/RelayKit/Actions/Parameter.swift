public import RelayJSON

/// The type of a parameter: decides its JSON Schema, how the dispatcher validates it, how the
/// sentence matcher parses a slot, and which Swift type the handler reads it as.
public enum ParameterKind: Sendable, Hashable {
    /// A short string (a name to create). Handler type `String`. Slot: any words.
    case string
    /// Free text, e.g. a message body. Handler type `String`. Slot: any words, original casing kept.
    case text
    /// A whole number, optionally bounded. Handler type `Int`. Slot: "twenty five", "25".
    case integer(min: Int?, max: Int?)
    /// A number, optionally bounded. Handler type `Double`. Slot: "two point five", "2.5".
    case number(min: Double?, max: Double?)
    /// On/off. Handler type `Bool`. Slot: on, off, yes, no, true, false, enabled, disabled.
    case boolean
    /// One of a fixed set of values with spoken names. Handler type `String` (the canonical value).
    case choice([Choice])
    /// A day or a range of days. JSON: a ``DateRange`` spec ("yesterday", "last_week", "march",
    /// "2026-03-04"). Handler type ``DateRange``.
    case date
    /// A time of day. JSON: `"HH:MM"`. Handler type ``TimeOfDay``. Slot: "seven thirty", "6:45 pm", "noon".
    case timeOfDay
    /// A length of time. JSON: whole seconds. Handler type `Duration`. Slot: "ten minutes", "an hour and a half".
    case duration(min: Int?, max: Int?)
    /// A percentage, 0...100. JSON: integer. Handler type `Int`. Slot: "fifty percent", "50".
    case percentage
    /// A thing the user named, resolved through the subsystem's entity query. JSON: its spoken name.
    /// Handler type ``Entity``.
    case entity(EntityKind)

    /// A short lowercase name for docs and errors: "integer", "time of day", "album".
    /// Whether it is a length of time.
    var isDuration: Bool {
        if case .duration = self { return true }
        return false
    }

    public var displayName: String {
        switch self {
        case .string: "string"
        case .text: "text"
        case .integer: "integer"
        case .number: "number"
        case .boolean: "boolean"
        case .choice: "choice"
        case .date: "date"
        case .timeOfDay: "time of day"
        case .duration: "duration"
        case .percentage: "percentage"
        case .entity(let kind): kind.name
        }
    }
}

/// What a parameter means to the person speaking, beyond its JSON type: how understanding finds its value in words
/// that no sentence template of the action spells out ("my **last 3** messages", "**all** of yesterday's photos",
/// "a timer **for the eggs**"). Declared with ``Parameter/count(_:_:range:default:)``, ``Parameter/every(_:_:)``,
/// ``Parameter/label(_:_:required:)``, ``Parameter/item(_:_:nouns:range:)``, ``Parameter/offset(_:_:seconds:default:required:)``
/// and ``Parameter/phoneNumber(_:_:required:)``.
public enum ParameterRole: Sendable, Hashable {
    /// How many of the newest items (an integer): "last 3", "the 10 newest", "5 photos", "my 4 most recent".
    case count
    /// Every matching item rather than one (a boolean, true when said): "all", "every", "each", "everything".
    case every
    /// A short name the person gives the thing made or meant (a string): "called take pills", "labelled work",
    /// "a timer for the eggs", "the pasta timer".
    case label
    /// One item by its number (an integer), said after one of `nouns`: "photo 12", "video number 7", "picture 105".
    /// Those words name the item and nothing else: the noun is no kind, the number no count.
    case item(nouns: Set<String>)
    /// A point in a video, in seconds (a number), said as a time into it: "starting at 45 seconds", "from the 2 minute
    /// mark", "2 minutes in". A time said otherwise ("20 seconds of it") is a length, not this.
    case offset
    /// A phone number (a string): digits with spaces, dashes, dots, brackets or a leading "+", at least seven digits
    /// ("07700 900123", "+1 415 555 0199"). Never part of a name said beside it ("Lisa Park, number 555-0142").
    case phoneNumber
}

/// One typed parameter of an action: name, description, kind, and whether it is required or has a default.
///
/// Declared once, in the action's `static let parameters`; the JSON Schema, the validation messages,
/// the sentence slots `{name}` and the handler's typed accessors (`arguments.value("name")`) all follow
/// from it. Build them with the static factories: `.string("name", "The album's name")`,
/// `.percentage("level", "Brightness in percent")`, `.entity("album", "The album", kind: "album")`.
public struct Parameter: Sendable, Hashable {
    /// The argument key and slot name (`snake_case`).
    public var name: String
    /// What it means, for the model and the reference page.
    public var description: String
    /// Its type.
    public var kind: ParameterKind
    /// Whether a call must give it. False when optional or when it has a default.
    public var isRequired: Bool
    /// The value used when a call leaves it out, as canonical JSON.
    public var defaultValue: JSONValue?
    /// What it means beyond its type, for understanding words no template spells out; nil for most parameters.
    public var role: ParameterRole?

    /// Whether it names a file: a string parameter whose name says "path". Understanding reads a path from what looks
    /// like one ("/tmp/a.jpg", "~/Pictures") rather than from the words around it.
    var isPath: Bool {
        if case .string = kind { return name.contains("path") }
        return false
    }

    /// Creates a parameter; prefer the static factories.
    public init(name: String, description: String, kind: ParameterKind, isRequired: Bool = true, defaultValue: JSONValue? = nil,
                role: ParameterRole? = nil) {
        self.name = name
        self.description = description
        self.kind = kind
        self.defaultValue = defaultValue
        self.isRequired = defaultValue == nil && isRequired
        self.role = role
    }

    /// A short string.
    public static func string(_ name: String, _ description: String, default value: String? = nil, required: Bool = true) -> Parameter {
        Parameter(name: name, description: description, kind: .string, isRequired: required, defaultValue: value.map { .string($0) })
    }

    /// Free text (message bodies, notes), matched by a wildcard slot.
    public static func text(_ name: String, _ description: String, default value: String? = nil, required: Bool = true) -> Parameter {
        Parameter(name: name, description: description, kind: .text, isRequired: required, defaultValue: value.map { .string($0) })
    }

    /// A whole number in `range` (if given).
    public static func integer(_ name: String, _ description: String, range: ClosedRange<Int>? = nil, default value: Int? = nil, required: Bool = true) -> Parameter {
        Parameter(name: name, description: description, kind: .integer(min: range?.lowerBound, max: range?.upperBound),
                  isRequired: required, defaultValue: value.map { .int($0) })
    }

    /// A number in `range` (if given).
    public static func number(_ name: String, _ description: String, range: ClosedRange<Double>? = nil, default value: Double? = nil, required: Bool = true) -> Parameter {
        Parameter(name: name, description: description, kind: .number(min: range?.lowerBound, max: range?.upperBound),
                  isRequired: required, defaultValue: value.map { .double($0) })
    }

    /// On or off.
    public static func boolean(_ name: String, _ description: String, default value: Bool? = nil, required: Bool = true) -> Parameter {
        Parameter(name: name, description: description, kind: .boolean, isRequired: required, defaultValue: value.map { .bool($0) })
    }

    /// One of `choices`.
    public static func choice(_ name: String, _ description: String, _ choices: [Choice], default value: String? = nil, required: Bool = true) -> Parameter {
        Parameter(name: name, description: description, kind: .choice(choices), isRequired: required, defaultValue: value.map { .string($0) })
    }

    /// A day or range of days (``DateRange`` spec).
    public static func date(_ name: String, _ description: String, default spec: String? = nil, required: Bool = true) -> Parameter {
        Parameter(name: name, description: description, kind: .date, isRequired: required, defaultValue: spec.map { .string($0) })
    }

    /// A time of day (`"HH:MM"`).
    public static func timeOfDay(_ name: String, _ description: String, required: Bool = true) -> Parameter {
        Parameter(name: name, description: description, kind: .timeOfDay, isRequired: required)
    }

    /// A duration in whole seconds, within `seconds` (if given).
    public static func duration(_ name: String, _ description: String, seconds: ClosedRange<Int>? = nil, default value: Int? = nil, required: Bool = true) -> Parameter {
        Parameter(name: name, description: description, kind: .duration(min: seconds?.lowerBound, max: seconds?.upperBound),
                  isRequired: required, defaultValue: value.map { .int($0) })
    }

    /// A percentage 0...100.
    public static func percentage(_ name: String, _ description: String, default value: Int? = nil, required: Bool = true) -> Parameter {
        Parameter(name: name, description: description, kind: .percentage, isRequired: required, defaultValue: value.map { .int($0) })
    }

    /// A named thing of `kind`, resolved by the subsystem's ``Subsystem/entities(of:in:)``.
    public static func entity(_ name: String, _ description: String, kind: EntityKind, required: Bool = true) -> Parameter {
        Parameter(name: name, description: description, kind: .entity(kind), isRequired: required)
    }

    /// How many of the newest items, an optional integer in `range` (``ParameterRole/count``).
    public static func count(_ name: String, _ description: String, range: ClosedRange<Int>? = nil, default value: Int? = nil) -> Parameter {
        Parameter(name: name, description: description, kind: .integer(min: range?.lowerBound, max: range?.upperBound),
                  isRequired: false, defaultValue: value.map { .int($0) }, role: .count)
    }

    /// Every matching item rather than one, an optional boolean (``ParameterRole/every``).
    public static func every(_ name: String, _ description: String) -> Parameter {
        Parameter(name: name, description: description, kind: .boolean, isRequired: false, role: .every)
    }

    /// One item by its number, an optional integer in `range`, said after one of `nouns` (``ParameterRole/item(nouns:)``).
    public static func item(_ name: String, _ description: String, nouns: Set<String>, range: ClosedRange<Int>? = nil) -> Parameter {
        Parameter(name: name, description: description, kind: .integer(min: range?.lowerBound, max: range?.upperBound),
                  isRequired: false, role: .item(nouns: nouns))
    }

    /// A point in a video in seconds, a number in `seconds` (``ParameterRole/offset``).
    public static func offset(_ name: String, _ description: String, seconds: ClosedRange<Double>? = nil, default value: Double? = nil,
                              required: Bool = true) -> Parameter {
        Parameter(name: name, description: description, kind: .number(min: seconds?.lowerBound, max: seconds?.upperBound),
                  isRequired: required, defaultValue: value.map { .double($0) }, role: .offset)
    }

    /// A phone number, a string (``ParameterRole/phoneNumber``).
    public static func phoneNumber(_ name: String, _ description: String, required: Bool = true) -> Parameter {
        Parameter(name: name, description: description, kind: .string, isRequired: required, role: .phoneNumber)
    }

    /// A short name given to the thing (``ParameterRole/label``).
    public static func label(_ name: String, _ description: String, required: Bool = false) -> Parameter {
        Parameter(name: name, description: description, kind: .string, isRequired: required, role: .label)
    }
}
