import Foundation
public import RelayJSON
import RelayModel

/// One action of Qwen2.5-VL's `mobile_use` function (the Qwen cookbooks' `agent_function_call.py`), with its
/// coordinates in pixels of the smart-resized screenshot the model saw.
///
/// ```swift
/// let action = try MobileAction(toolCallText: #"<tool_call>{"name": "mobile_use", "arguments": {"action": "click", "coordinate": [540, 1204]}}</tool_call>"#)
/// ```
public enum MobileAction: Sendable, Hashable {
    /// A key event in adb's keyevent names ("volume_up", "volume_down", "del", "enter", "back", "home").
    case key(String)
    /// A tap at a point.
    case click(x: Int, y: Int)
    /// A press held for `seconds` at a point.
    case longPress(x: Int, y: Int, seconds: Double)
    /// A swipe from one point to another.
    case swipe(fromX: Int, fromY: Int, toX: Int, toY: Int)
    /// Text typed into the focused field.
    case type(String)
    /// One of the system buttons.
    case systemButton(SystemButton)
    /// Opens an app by name.
    case open(String)
    /// Waits `seconds`.
    case wait(seconds: Double)
    /// Ends the task, successfully or not.
    case terminate(success: Bool)

    /// The buttons `system_button` presses.
    public enum SystemButton: String, Sendable, Hashable, CaseIterable {
        case back = "Back", home = "Home", menu = "Menu", enter = "Enter"
    }

    /// The function's name in Qwen's tool description.
    public static let functionName = "mobile_use"

    /// Reads a model answer: `<tool_call>{"name": "mobile_use", "arguments": {…}}</tool_call>` (exactly one), the JSON of
    /// the call without the tags, or just its arguments object (`{"action": "click", "coordinate": [x, y]}`).
    /// - Throws: ``KitError`` (`invalid_screen_action`) saying what is wrong: malformed JSON, another function, no
    ///   or several calls, an unknown action, a missing or mistyped argument.
    public init(toolCallText text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let call: ToolCall
        do {
            if trimmed.contains("<tool_call>") || trimmed.contains("</tool_call>") {
                let calls = try OutputParser.toolCalls(in: trimmed).calls
                guard calls.count == 1 else {
                    throw KitError(.invalidScreenAction, "Expected one mobile_use tool call, found \(calls.count).")
                }
                call = calls[0]
            } else if let object = (try? JSONValue(parsing: trimmed))?.objectValue, object["name"] == nil, object["action"] != nil {
                call = ToolCall(name: Self.functionName, arguments: object)
            } else {
                call = try OutputParser.toolCall(fromJSON: trimmed)
            }
        } catch let error as ModelError {
            throw KitError(.invalidScreenAction, "The mobile_use call is malformed: \(error.message).")
        }
        guard call.name == Self.functionName else {
            throw KitError(.invalidScreenAction, "The tool call is to \(call.name), not mobile_use.")
        }
        try self.init(arguments: call.arguments)
    }

    /// Reads `mobile_use`'s arguments.
    public init(arguments a: JSONObject) throws {
        guard let action = a["action"]?.stringValue else {
            throw KitError(.invalidScreenAction, "mobile_use needs \"action\": one of key, click, long_press, swipe, type, system_button, open, wait, terminate.")
        }
        func point(_ name: String) throws -> (Int, Int) {
            guard case .array(let xy)? = a[name], xy.count == 2, let x = xy[0].doubleValue, let y = xy[1].doubleValue, x.isFinite, y.isFinite else {
                throw KitError(.invalidScreenAction, "\(action) needs \"\(name)\": [x, y] in pixels of the screenshot.")
            }
            return (Int(x.rounded()), Int(y.rounded()))
        }
        func text(_ name: String) throws -> String {
            guard let value = a[name]?.stringValue else { throw KitError(.invalidScreenAction, "\(action) needs \"\(name)\": a string.") }
            return value
        }
        func seconds() throws -> Double? {
            guard let value = a["time"] else { return nil }
            guard let s = value.doubleValue, s >= 0, s.isFinite else { throw KitError(.invalidScreenAction, "\(action): \"time\" is a number of seconds.") }
            return s
        }
        switch action {
        case "key": self = .key(try text("text"))
        case "click":
            let (x, y) = try point("coordinate")
            self = .click(x: x, y: y)
        case "long_press":
            let (x, y) = try point("coordinate")
            self = .longPress(x: x, y: y, seconds: try seconds() ?? 2)
        case "swipe":
            let (x0, y0) = try point("coordinate"), (x1, y1) = try point("coordinate2")
            self = .swipe(fromX: x0, fromY: y0, toX: x1, toY: y1)
        case "type": self = .type(try text("text"))
        case "system_button":
            let name = try text("button")
            guard let button = SystemButton.allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() }) else {
                throw KitError(.invalidScreenAction, "system_button: \"button\" is Back, Home, Menu or Enter, not \(name).")
            }
            self = .systemButton(button)
        case "open": self = .open(try text("text"))
        case "wait": self = .wait(seconds: try seconds() ?? 1)
        case "terminate":
            let status = try text("status")
            guard status == "success" || status == "failure" else {
                throw KitError(.invalidScreenAction, "terminate: \"status\" is success or failure, not \(status).")
            }
            self = .terminate(success: status == "success")
        default:
            throw KitError(.invalidScreenAction, "Unknown mobile_use action \(action); use key, click, long_press, swipe, type, system_button, open, wait or terminate.")
        }
    }

    /// The arguments as Qwen writes them.
    public var arguments: JSONObject {
        switch self {
        case .key(let t): ["action": "key", "text": .string(t)]
        case .click(let x, let y): ["action": "click", "coordinate": [.int(x), .int(y)]]
        case .longPress(let x, let y, let s): ["action": "long_press", "coordinate": [.int(x), .int(y)], "time": .double(s)]
        case .swipe(let x0, let y0, let x1, let y1): ["action": "swipe", "coordinate": [.int(x0), .int(y0)], "coordinate2": [.int(x1), .int(y1)]]
        case .type(let t): ["action": "type", "text": .string(t)]
        case .systemButton(let b): ["action": "system_button", "button": .string(b.rawValue)]
        case .open(let t): ["action": "open", "text": .string(t)]
        case .wait(let s): ["action": "wait", "time": .double(s)]
        case .terminate(let ok): ["action": "terminate", "status": .string(ok ? "success" : "failure")]
        }
    }
}
