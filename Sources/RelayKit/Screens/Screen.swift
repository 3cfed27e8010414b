public import Foundation
public import RelayJSON

/// One screen of an app, declared once like an ``Action``: a view tree built from the subsystem's committed state.
///
/// ```swift
/// struct SettingsScreen: Screen {
///     static let name = "settings.main"
///     static let title = "Settings"
///     static func body(_ db: Database, parameters: JSONObject) throws -> [ScreenNode] {
///         try Toggle.allCases.map { toggle in
///             let on = try SettingsStore.isOn(db, toggle)
///             return .toggle(toggle.displayName, isOn: on,
///                            tap: .call("settings.set_toggle", ["toggle": .string(toggle.rawValue), "on": .bool(!on)]))
///         }
///     }
/// }
/// ```
///
/// The same tree gives the pixels (``ScreenRenderer``), the hit-testing and the element list (``ScreenLayout``), so what
/// the model sees, what a tap does and what the tests read cannot drift. A tap that changes state is a dispatcher
/// command (origin ``CommandOrigin/screen``): validated, permission-gated, confirmed and audited like any other.
public protocol Screen: Sendable {
    /// Stable name `<subsystem>.<screen>` (`"clock.add_alarm"`).
    static var name: String { get }
    /// The title in the app bar.
    static var title: String { get }
    /// The view tree, from the committed state and the parameters the screen was opened with.
    static func body(_ db: Database, parameters: JSONObject) throws -> [ScreenNode]
    /// The view tree for a phone whose clock reads in `calendar` (its time zone is the status bar's): what the phone
    /// draws. A screen that shows times implements this one, so its times agree with the status bar; by default it
    /// is ``body(_:parameters:)``.
    static func body(_ db: Database, parameters: JSONObject, calendar: Calendar) throws -> [ScreenNode]
    /// The title for these parameters (a conversation's contact); ``title`` by default.
    static func title(_ db: Database, parameters: JSONObject) throws -> String
}

extension Screen {
    public static func title(_ db: Database, parameters: JSONObject) throws -> String { title }

    public static func body(_ db: Database, parameters: JSONObject, calendar: Calendar) throws -> [ScreenNode] {
        try body(db, parameters: parameters)
    }

    /// The subsystem prefix of ``name``.
    public static var subsystemName: String { String(name.split(separator: ".").first ?? Substring(name)) }
}

/// What tapping an element does.
public enum ScreenTap: Sendable, Hashable {
    /// Dispatches `action` with `arguments`, plus each text field's text under its argument name (`fields`:
    /// argument → field id; an empty field is left out). With `thenBack`, a done result closes the screen.
    case call(String, JSONObject, fields: [String: String] = [:], thenBack: Bool = false)
    /// Opens another screen of the same app (pushed on the navigation stack).
    case open(String, JSONObject = [:])
    /// Closes this screen (the app bar's back arrow).
    case back
}

/// How a line of text looks.
public enum ScreenTextStyle: String, Sendable, Hashable {
    /// Body text.
    case body
    /// Secondary, smaller grey text (an empty list's "No alarms").
    case caption
    /// Large bold text (a clock's big time).
    case headline
}

/// One node of a screen's view tree.
public indirect enum ScreenNode: Sendable, Hashable {
    /// A line of text.
    case text(String, style: ScreenTextStyle = .body)
    /// A section header ("Connections").
    case section(String)
    /// A full-width button.
    case button(String, tap: ScreenTap)
    /// A row with a title, an optional second line, and a switch on the right; tapping the row flips it.
    case toggle(String, detail: String? = nil, isOn: Bool, tap: ScreenTap)
    /// A row with a title and an optional second line; clickable when it has a tap.
    case row(String, detail: String? = nil, tap: ScreenTap? = nil)
    /// A row with a title, its value, and − / + buttons (brightness, volume).
    case stepper(String, value: String, decrease: ScreenTap, increase: ScreenTap)
    /// A one-line text field; typing goes to it once it has focus (tap it). `id` names it for ``ScreenTap/call(_:_:fields:thenBack:)``.
    case textField(id: String, label: String, placeholder: String = "")
    /// Rows drawn as one group with dividers.
    case list([ScreenNode])
    /// Square tiles, `columns` a row (a photo grid).
    case grid([ScreenNode], columns: Int)
    /// A picture: a file (absolute, or relative to the home folder) decoded and cropped to fill, or a grey tile when
    /// it cannot be read; clickable with a tap.
    case image(path: String?, label: String, tap: ScreenTap? = nil)

    /// The node with every relative image path made absolute under `home`.
    func resolvingPaths(against home: URL) -> ScreenNode {
        switch self {
        case .image(let path?, let label, let tap) where !path.hasPrefix("/"):
            .image(path: home.appendingPathComponent(path).path, label: label, tap: tap)
        case .list(let items): .list(items.map { $0.resolvingPaths(against: home) })
        case .grid(let items, let columns): .grid(items.map { $0.resolvingPaths(against: home) }, columns: columns)
        default: self
        }
    }
}

/// Where the phone is: which app's which screen, opened with which parameters.
public struct ScreenRoute: Sendable, Hashable, Codable {
    /// The screen's name (`"clock.main"`); the home screen is ``home``.
    public var screen: String
    /// What it was opened with.
    public var parameters: JSONObject

    /// Creates a route.
    public init(screen: String, parameters: JSONObject = [:]) {
        self.screen = screen
        self.parameters = parameters
    }

    /// The home screen's route.
    public static let home = ScreenRoute(screen: "home")

    /// The subsystem whose screen it is (`"home"` for the home screen).
    public var subsystem: String { String(screen.split(separator: ".").first ?? Substring(screen)) }

    enum CodingKeys: String, CodingKey { case screen, parameters }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        screen = try c.decode(String.self, forKey: .screen)
        let text = try c.decodeIfPresent(String.self, forKey: .parameters) ?? "{}"
        parameters = (try? JSONValue(parsing: text))?.objectValue ?? [:]
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(screen, forKey: .screen)
        try c.encode(JSONValue.object(parameters).compactJSON, forKey: .parameters)
    }
}
