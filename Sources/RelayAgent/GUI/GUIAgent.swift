public import Foundation
public import RelayKit
public import RelayModel
public import RelayMedia
import RelayCore

/// The prompt of one step, in Qwen2.5-VL's `mobile_use` format: a system message with the function's description
/// (which announces "The screen's resolution is W×H" in the smart-resized pixels), then the task, the earlier actions
/// as text, the element list and the current screenshot (the only image).
public struct GUIPrompt: Sendable {
    /// The task.
    public var task: String
    /// What the screen shows.
    public var observation: GUIObservation
    /// The earlier actions, oldest first.
    public var history: [MobileAction]
    /// The screenshot, when one was drawn.
    public var screenshot: Frame?

    public init(task: String, observation: GUIObservation, history: [MobileAction], screenshot: Frame? = nil) {
        self.task = task
        self.observation = observation
        self.history = history
        self.screenshot = screenshot
    }

    /// The `mobile_use` function as the model is told about it.
    public var tool: ToolSpec {
        let (w, h) = observation.resized
        let description = """
            Operate a phone through its touchscreen and buttons, one action per call, looking at a screenshot each time.
            * The screen's resolution is \(w)x\(h); a coordinate [x, y] counts pixels from the top-left corner of that screenshot.
            * To tap something, aim at the middle of it, not its edge.
            * Apps are opened with the open action and the app's name rather than by hunting for their icons.
            * Typing goes to the text field that has the keyboard's focus; tap a field first to focus it.
            * Once the task is complete, or shown to be impossible, end with terminate and say which.
            """
        let parameters: JSONValue = [
            "properties": [
                "action": [
                    "description": """
                        What to do:
                        * `key`: send a key event (text names it, e.g. volume_up, del, enter).
                        * `click`: tap at coordinate.
                        * `long_press`: hold at coordinate for time seconds.
                        * `swipe`: slide from coordinate to coordinate2.
                        * `type`: enter text into the focused field.
                        * `system_button`: press Back, Home, Menu or Enter.
                        * `open`: start the app named by text.
                        * `wait`: wait time seconds.
                        * `terminate`: end the task with status success or failure.
                        """,
                    "enum": ["key", "click", "long_press", "swipe", "type", "system_button", "open", "wait", "terminate"],
                    "type": "string",
                ],
                "coordinate": ["description": "(x, y) for click, long_press and the start of swipe.", "type": "array"],
                "coordinate2": ["description": "(x, y) where a swipe ends.", "type": "array"],
                "text": ["description": "For key, type and open.", "type": "string"],
                "time": ["description": "Seconds, for long_press and wait.", "type": "number"],
                "button": ["description": "For system_button.", "enum": ["Back", "Home", "Menu", "Enter"], "type": "string"],
                "status": ["description": "For terminate.", "enum": ["success", "failure"], "type": "string"],
            ],
            "required": ["action"],
            "type": "object",
        ]
        return ToolSpec(name: MobileAction.functionName, description: description, parameters: parameters)
    }

    /// The user turn's text: the task, the progress so far, the element list.
    public var userText: String {
        var text = "The user query: \(task)\n"
        if history.isEmpty {
            text += "Task progress: nothing has been done yet.\n"
        } else {
            text += "Task progress (the actions taken so far on this phone): "
            text += history.enumerated().map { "Step \($0.offset + 1): \(JSONValue.object($0.element.arguments).qwenJSON);" }.joined(separator: " ")
            text += "\n"
        }
        let o = observation
        text += "Elements on the screen (centre in screenshot pixels):\n"
        for e in o.elements {
            let p = o.tap(e)
            var line = "\(e.className.split(separator: ".").last ?? "") \"\(e.text)\""
            if let d = e.description { line += " (\(d))" }
            line += " at [\(p.x), \(p.y)]"
            if e.isCheckable { line += e.isChecked ? " checked" : " unchecked" }
            if e.isEditable { line += e.isFocused ? " editable focused" : " editable" }
            text += line + "\n"
        }
        return text
    }

    /// The conversation a real model is sent.
    public var messages: [ChatMessage] {
        var content: [ContentPart] = [.text(userText)]
        if let screenshot { content.append(.image(ImageInput(.frame(screenshot)))) }
        return [.system(ChatTemplate.defaultSystemPrompt), .user(content)]
    }

    /// The exact text Qwen2.5-VL receives (vision pads not expanded).
    public var text: String { ChatTemplate.render(messages, tools: [tool]) }
}

/// Who answers a step: the embedded GUI skill, or a served model.
public protocol GUIModel: Sendable {
    /// The raw answer to a prompt (`<tool_call>…</tool_call>`).
    func answer(_ prompt: GUIPrompt) async throws -> String
}

/// The embedded model: ``GUISkill`` on the prompt's task, element list and history.
public struct EmbeddedGUIModel: GUIModel {
    public init() {}
    public func answer(_ prompt: GUIPrompt) async throws -> String {
        GUISkill().answer(task: prompt.task, observation: prompt.observation, history: prompt.history)
    }
}

/// A served Qwen2.5-VL behind an OpenAI-compatible chat endpoint: the prompt's messages with the `mobile_use` tool
/// in the system message (as Qwen-Agent does), the screenshot as an image; its answer's text is read as is.
public struct ServedGUIModel: GUIModel {
    let model: any VisionLanguageModel
    public init(model: any VisionLanguageModel) { self.model = model }
    public func answer(_ prompt: GUIPrompt) async throws -> String {
        var messages = prompt.messages
        let tools = ChatTemplate.render([], tools: [prompt.tool], addGenerationPrompt: false)
        // The tool block rendered by the chat template, without its turn markers: the system message's text.
        let system = tools.replacingOccurrences(of: "<|im_start|>system\n", with: "").replacingOccurrences(of: "<|im_end|>\n", with: "")
        messages[0] = .system(system)
        let response = try await model.respond(to: ModelRequest(messages: messages))
        if response.rawText.contains("<tool_call>") { return response.rawText }
        if !response.toolCalls.isEmpty {
            return response.toolCalls.map { call in
                let json: JSONValue = ["name": .string(call.name), "arguments": .object(call.arguments)]
                return "<tool_call>\n\(json.qwenJSON)\n</tool_call>"
            }.joined(separator: "\n")
        }
        return response.rawText
    }
}

/// One step of a run.
public struct GUIStep: Sendable {
    /// 1-based.
    public var index: Int
    /// The prompt's text.
    public var prompt: String
    /// The model's answer.
    public var answer: String
    /// The action read from it (nil when it was malformed).
    public var action: MobileAction?
    /// What the action did, or why it could not be read.
    public var result: JSONValue
    /// The screenshot's PNG (when kept).
    public var png: [UInt8]?
    /// The screen the step looked at (`settings.main`; `home` on the home screen).
    public var screen: String = "home"
    /// Milliseconds: layout + render, PNG encoding, the model's answer, the action.
    public var renderMs: Double, encodeMs: Double, answerMs: Double, actMs: Double
}

/// How a run ended.
public struct GUIRun: Sendable {
    /// The steps taken.
    public var steps: [GUIStep]
    /// `terminate`'s status: true for success, false for failure, nil when the budget ran out or the answer could not
    /// be read.
    public var terminated: Bool?
    /// Why it stopped, in words.
    public var ending: String
}

/// The `mobile_use` loop: screenshot → prompt → `<tool_call>` → act, until `terminate` or the step budget.
public struct GUIAgent: Sendable {
    /// Who answers.
    public var model: any GUIModel
    /// Whether to encode each screenshot as PNG (kept in the steps; a served model needs it, the embedded one does not
    /// look at pixels but the trajectory and the benchmark keep it).
    public var encodes: Bool
    /// Whether to draw the screen at all; the embedded skill reads the element list alone, so tests that only judge
    /// its decisions lay the screen out without painting it.
    public var draws: Bool

    public init(model: any GUIModel = EmbeddedGUIModel(), encodes: Bool = true, draws: Bool = true) {
        self.model = model
        self.encodes = encodes && draws
        self.draws = draws
    }

    /// Runs `task` on `screen` for at most `maxSteps` steps; `onStep` sees each step as it ends.
    public func run(_ task: String, on screen: PhoneScreen, maxSteps: Int,
                    onStep: @Sendable (GUIStep) async throws -> Void = { _ in }) async throws -> GUIRun {
        var steps: [GUIStep] = []
        var history: [MobileAction] = []
        let clock = ContinuousClock()
        for index in 1...max(1, maxSteps) {
            let t0 = clock.now
            let (layout, canvas): (ScreenLayout, Canvas?) = draws ? try await screen.screenshot() : (try await screen.layout(), nil)
            let t1 = clock.now
            let route = await screen.route.screen
            let png: [UInt8]? = if encodes, let canvas { try await BlockingWork.run { try canvas.encodePNG() } } else { nil }
            let t2 = clock.now
            let observation = GUIObservation(title: layout.title, elements: layout.elements, screen: (layout.width, layout.height),
                                             resized: screen.resizedSize)
            let prompt = GUIPrompt(task: task, observation: observation, history: history, screenshot: canvas?.frame)
            let answer = try await model.answer(prompt)
            let t3 = clock.now
            var step = GUIStep(index: index, prompt: prompt.text, answer: answer, action: nil, result: .null, png: png,
                               renderMs: ms(t1 - t0), encodeMs: ms(t2 - t1), answerMs: ms(t3 - t2), actMs: 0)
            let action: MobileAction
            do {
                action = try MobileAction(toolCallText: answer)
            } catch {
                step.result = ["status": "invalid", "message": .string("\(error)")]
                steps.append(step)
                try await onStep(step)
                return GUIRun(steps: steps, terminated: nil, ending: "The answer at step \(index) is not a mobile_use call: \(error)")
            }
            step.screen = route
            step.action = action
            let result = await screen.perform(action)
            step.actMs = ms(clock.now - t3)
            step.result = result.json
            steps.append(step)
            history.append(action)
            try await onStep(step)
            if case .terminate(let success) = action {
                return GUIRun(steps: steps, terminated: success, ending: success ? "terminate(success)" : "terminate(failure)")
            }
        }
        return GUIRun(steps: steps, terminated: nil, ending: "No terminate within \(maxSteps) steps.")
    }

    private func ms(_ d: Duration) -> Double {
        Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    }
}

/// A run saved for replay: per step its screenshot (`step-N.png`), prompt (`step-N.prompt.txt`), answer and result
/// (`step-N.json`), and `index.html` showing them in order.
public enum GUITrajectory {
    /// Writes one step (on a pool thread).
    public static func write(_ step: GUIStep, to folder: URL) async throws {
        let n = step.index
        var json: JSONObject = ["step": .int(n), "answer": .string(step.answer), "result": step.result]
        if let action = step.action { json["action"] = .object(action.arguments) }
        json["ms"] = ["render": .double(step.renderMs), "encode": .double(step.encodeMs), "answer": .double(step.answerMs), "act": .double(step.actMs)]
        let body = JSONValue.object(json).qwenJSON
        try await BlockingWork.run {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            if let png = step.png { try Data(png).write(to: folder.appendingPathComponent("step-\(n).png")) }
            try Data(step.prompt.utf8).write(to: folder.appendingPathComponent("step-\(n).prompt.txt"))
            try Data(body.utf8).write(to: folder.appendingPathComponent("step-\(n).json"))
        }
    }

    /// Writes `index.html` for a finished run.
    public static func writeIndex(task: String, run: GUIRun, to folder: URL) async throws {
        func esc(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        var html = """
            <!doctype html><html><head><meta charset="utf-8"><title>\(esc(task))</title>
            <style>body{font-family:sans-serif;margin:2em}figure{display:inline-block;vertical-align:top;width:300px;margin:0 1em 2em 0}
            img{width:300px;border:1px solid #ccc}pre{white-space:pre-wrap;font-size:12px}</style></head><body>
            <h1>\(esc(task))</h1><p>\(run.steps.count) steps; \(esc(run.ending)).</p>

            """
        for step in run.steps {
            let status = step.result.objectValue?["status"]?.stringValue ?? ""
            html += "<figure>"
            if step.png != nil { html += "<img src=\"step-\(step.index).png\" alt=\"step \(step.index)\">" }
            html += "<figcaption><b>Step \(step.index)</b> (\(esc(status)))<pre>\(esc(step.answer))</pre>"
            html += "<a href=\"step-\(step.index).prompt.txt\">prompt</a> · <a href=\"step-\(step.index).json\">result</a></figcaption></figure>\n"
        }
        html += "</body></html>\n"
        let data = Data(html.utf8)
        try await BlockingWork.run {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try data.write(to: folder.appendingPathComponent("index.html"))
        }
    }
}
