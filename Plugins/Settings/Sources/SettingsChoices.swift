import RelayKit

/// Spoken names of the toggles and levels, shared by the actions' parameters.
enum SettingsChoices {
    static let toggles: [Choice] = [
        Choice("wifi", en: ["wi-fi", "wi fi", "wireless", "wireless network"], zh: ["无线网络", "无线", "wifi"]),
        Choice("bluetooth", en: ["bluetooth", "blue tooth"], zh: ["蓝牙"]),
        Choice("do_not_disturb", en: ["do not disturb", "dnd", "quiet mode"], zh: ["勿扰模式", "免打扰"]),
        Choice("airplane_mode", en: ["airplane mode", "flight mode", "aeroplane mode", "plane mode"], zh: ["飞行模式"]),
        Choice("dark_mode", en: ["dark mode", "night mode", "dark theme"], zh: ["深色模式", "夜间模式"]),
    ]

    static let levels: [Choice] = [
        Choice("brightness", en: ["brightness", "screen brightness", "display brightness"], zh: ["亮度", "屏幕亮度"]),
        Choice("volume", en: ["volume", "sound", "media volume"], zh: ["音量", "声音"]),
    ]

    static let directions: [Choice] = [
        Choice("up", en: ["up", "higher", "louder", "brighter", "increase", "raise"], zh: ["调高", "增加", "提高"]),
        Choice("down", en: ["down", "lower", "quieter", "dimmer", "decrease", "reduce"], zh: ["调低", "降低", "减少"]),
    ]

    /// The toggle named by a validated choice argument.
    static func toggle(_ arguments: Arguments, _ name: String = "toggle") throws -> Toggle {
        let value: String = try arguments.value(name)
        guard let toggle = Toggle(rawValue: value) else { throw ActionFailure(.invalidArguments, "\(name): \(value) is not a setting.") }
        return toggle
    }

    /// The level named by a validated choice argument.
    static func level(_ arguments: Arguments, _ name: String = "level") throws -> Level {
        let value: String = try arguments.value(name)
        guard let level = Level(rawValue: value) else { throw ActionFailure(.invalidArguments, "\(name): \(value) is not a level.") }
        return level
    }
}
