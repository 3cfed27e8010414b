import MCP

/// The prompts `relay mcp` offers: ready-made tasks that chain Relay's tools.
enum RelayPrompts {
    static let all: [Prompt] = [
        Prompt(name: "file_video_highlights", title: "Analyse a video and file its highlights",
               description: "Analyse a video, then put a keyframe of each scene into a Photos album and summarise what was filed.",
               arguments: [
                .init(name: "path", description: "Absolute path of the video file", required: true),
                .init(name: "album", description: "The Photos album to file into (default: the video's name)", required: false),
               ]),
        Prompt(name: "phone_status", title: "Summarise the phone's state",
               description: "Read every subsystem's state and say what stands out: toggles, alarms and timers, unread messages, albums."),
        Prompt(name: "explain_recent_changes", title: "Explain recent changes",
               description: "Read the audit log and explain, in plain words, what the last commands changed and where they came from.",
               arguments: [.init(name: "count", description: "How many recent commands (default 10)", required: false)]),
    ]

    static func get(_ name: String, arguments: [String: String]) throws -> GetPrompt.Result {
        switch name {
        case "file_video_highlights":
            guard let path = arguments["path"], !path.isEmpty else {
                throw MCPError.invalidParams("file_video_highlights needs the argument path (the video file).")
            }
            let album = arguments["album"].flatMap { $0.isEmpty ? nil : $0 }
            let albumWords = album.map { "the album \"\($0)\" (create it with photos_create_album if it does not exist)" }
                ?? "an album named after the video (create it with photos_create_album)"
            return .init(description: "Analyse \(path) and file its highlights", messages: [
                .user(.text(text: """
                    Call analyze_video with path "\(path)". From its timeline, pick the scenes worth keeping (the longest ones \
                    and those with events). Import the video's keyframes into Photos with photos_import_media, into \(albumWords). \
                    Then tell me in three or four sentences what the video shows and what you filed.
                    """)),
            ])
        case "phone_status":
            return .init(description: "Summarise the phone's state", messages: [
                .user(.text(text: """
                    Read the resources relay://state/settings, relay://state/clock, relay://state/messages and relay://state/photos. \
                    Summarise the phone's state in a short list: which toggles are on, brightness and volume, alarms and timers, \
                    unread messages, albums and how many photos each holds. Mention anything unusual.
                    """)),
            ])
        case "explain_recent_changes":
            let count = Int(arguments["count"] ?? "") ?? 10
            return .init(description: "Explain the last \(count) commands", messages: [
                .user(.text(text: """
                    Read relay://audit. For the last \(count) commands, explain in plain words what each one changed, whether it \
                    succeeded, and where it came from (voice, text, video, model, MCP client). Point out any that needed confirmation.
                    """)),
            ])
        default:
            throw MCPError.invalidParams("There is no prompt named \(name); see prompts/list (file_video_highlights, phone_status, explain_recent_changes).")
        }
    }
}
