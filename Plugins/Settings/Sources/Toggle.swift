/// A setting that is on or off.
public enum Toggle: String, Sendable, Hashable, CaseIterable, Codable {
    /// Wi-Fi.
    case wifi
    /// Bluetooth.
    case bluetooth
    /// Do Not Disturb.
    case doNotDisturb = "do_not_disturb"
    /// Airplane mode: turning it on turns Wi-Fi and Bluetooth off, as phones do.
    case airplaneMode = "airplane_mode"
    /// Dark mode.
    case darkMode = "dark_mode"

    /// How the phone says its name: "Wi-Fi", "Do Not Disturb".
    public var displayName: String {
        switch self {
        case .wifi: "Wi-Fi"
        case .bluetooth: "Bluetooth"
        case .doNotDisturb: "Do Not Disturb"
        case .airplaneMode: "Airplane mode"
        case .darkMode: "Dark mode"
        }
    }

    /// A new phone's state.
    public var isOnByDefault: Bool { self == .wifi || self == .bluetooth }
}

/// A setting measured in percent.
public enum Level: String, Sendable, Hashable, CaseIterable, Codable {
    /// Screen brightness.
    case brightness
    /// Media volume.
    case volume

    /// How the phone says its name.
    public var displayName: String {
        switch self {
        case .brightness: "Brightness"
        case .volume: "Volume"
        }
    }
}
