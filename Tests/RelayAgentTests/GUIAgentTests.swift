import Foundation
import RelayAgent
import RelayJSON
import RelayKit
import RelayModel
import RelayPlugins
import RelayTestSupport
import Testing

/// The embedded model's GUI skill on the seeded phone tasks, judged from the apps' state.
@Suite struct GUIAgentTests {
    @Test func seedsMakeTheSameTasks() throws {
        for template in GUITask.templates {
            let a = try #require(GUITask.make(template, seed: 4)), b = try #require(GUITask.make(template, seed: 4))
            #expect(a.goal == b.goal && a.stepBudget == b.stepBudget, "\(template)")
        }
        let goals = Set((0..<6).compactMap { GUITask.make("clock.set_alarm", seed: $0)?.goal })
        #expect(goals.count > 1)
        #expect(GUITask.make("no.such", seed: 0) == nil)
    }

    @Test func promptAndAnswerAreQwensFormat() async throws {
        let home = try Fixtures.folder("relay-gui")
        let dispatcher = Dispatcher(subsystems: InstalledPlugins.subsystems, home: home)
        let screen = try PhoneScreen(dispatcher: dispatcher, state: ScreenState(width: 1080, height: 2400))
        let layout = try await screen.layout()
        let observation = GUIObservation(title: layout.title, elements: layout.elements, screen: (1080, 2400), resized: screen.resizedSize)
        let prompt = GUIPrompt(task: "Turn Wi-Fi off", observation: observation, history: [])
        #expect(prompt.text.hasPrefix("<|im_start|>system\nYou are a helpful assistant.\n\n# Tools\n"))
        #expect(prompt.text.contains("The screen's resolution is 1092x2408"))
        #expect(prompt.text.contains(#"{"type": "function", "function": {"name": "mobile_use""#))
        #expect(prompt.text.contains("The user query: Turn Wi-Fi off\n"))
        #expect(prompt.text.hasSuffix("<|im_start|>assistant\n"))
        let answer = try await EmbeddedGUIModel().answer(prompt)
        #expect(answer == "<tool_call>\n{\"name\": \"mobile_use\", \"arguments\": {\"action\": \"open\", \"text\": \"Settings\"}}\n</tool_call>")
        let later = GUIPrompt(task: "Turn Wi-Fi off", observation: observation, history: [.open("Settings")])
        #expect(later.text.contains(#"Step 1: {"action": "open", "text": "Settings"};"#))
    }

    /// One task per app and an impossible one, end to end (laid out, not painted: the skill reads the element list).
    @Test func oneTaskPerAppSucceeds() async throws {
        for template in GUITask.onePerApp {
            let task = try #require(GUITask.make(template, seed: 1))
            let outcome = try await task.run(agent: GUIAgent(draws: false), subsystems: InstalledPlugins.subsystems,
                                             home: try Fixtures.folder("relay-gui"))
            let actions = outcome.run.steps.compactMap { $0.action.map { JSONValue.object($0.arguments).qwenJSON } }
            let success = outcome.success
            #expect(success, "\(template) “\(task.goal)”: \(outcome.run.ending) \(actions)")
            #expect(outcome.run.steps.count <= task.stepBudget)
            if !task.isFeasible { #expect(outcome.run.terminated == false) }
        }
    }

    @Test func goalsItCannotReadOrFindEndInFailure() {
        let empty = GUIObservation(title: "Settings", elements: [], screen: (1080, 2400), resized: (1092, 2408))
        #expect(GUISkill().decide(task: "Turn on 5G", observation: empty, history: [.open("Settings")]) == .terminate(success: false))
        #expect(GUISkill().decide(task: "Order a pizza", observation: empty, history: []) == .terminate(success: false))
        let home = GUIObservation(title: "", elements: [], screen: (1080, 2400), resized: (1092, 2408))
        #expect(GUISkill().decide(task: "Set an alarm for 7 pm", observation: home, history: []) == .open("Clock"))
        #expect(GUISkill().decide(task: "switch the wifi off.", observation: home, history: []) == .open("Settings"))
        #expect(GUISkill().decide(task: "Disable Bluetooth", observation: home, history: []) == .open("Settings"))
        #expect(GUISkill().decide(task: "Text Ben saying on my way", observation: home, history: []) == .open("Messages"))
        #expect(GUISkill().decide(task: "Create a new album called Trips", observation: home, history: []) == .open("Photos"))
    }

    /// A served model (an OpenAI-compatible server replaying recorded Qwen answers, coordinates in smart-resized
    /// pixels) drives the same loop; a malformed answer ends the run with a clear error.
    @Test func servedModelPath() async throws {
        func completion(_ content: String) -> LocalHTTPServer.Reply {
            .json(status: 200, body: """
                {"id": "c", "object": "chat.completion", "created": 1, "model": "Qwen/Qwen2.5-VL-7B-Instruct",
                 "choices": [{"index": 0, "message": {"role": "assistant", "content": \(JSONValue.string(content).compactJSON)}, "finish_reason": "stop"}]}
                """)
        }
        let call = { (args: String) in "<tool_call>\n{\"name\": \"mobile_use\", \"arguments\": \(args)}\n</tool_call>" }
        let server = try LocalHTTPServer(replies: [
            completion(call(#"{"action": "open", "text": "Settings"}"#)),
            completion(call(#"{"action": "click", "coordinate": [546, 517]}"#)),
            completion(call(#"{"action": "terminate", "status": "success"}"#)),
            completion(call(#"{"action": "click", "coordinate": [546]}"#)),
        ])
        defer { server.stop() }
        let model = OpenAICompatibleModel(configuration: .init(baseURL: server.baseURL, model: "Qwen/Qwen2.5-VL-7B-Instruct", apiKey: nil, timeout: 10))
        let task = try #require(GUITask.make("settings.connection", seed: 2))  // "Switch Wi-Fi on"
        #expect(task.goal == "Switch Wi-Fi on")
        let home = try Fixtures.folder("relay-gui")
        let outcome = try await task.run(agent: GUIAgent(model: ServedGUIModel(model: model), encodes: false), subsystems: InstalledPlugins.subsystems, home: home)
        let success = outcome.success
        #expect(success, "\(outcome.run.ending)")
        let first = String(decoding: try #require(server.requests.first).body, as: UTF8.self)
        #expect(first.contains("The screen's resolution is 1092x2408"))
        #expect(first.contains("image_url"))

        let again = try await GUIAgent(model: ServedGUIModel(model: model), encodes: false).run(
            "Turn Wi-Fi off", on: PhoneScreen(dispatcher: Dispatcher(subsystems: InstalledPlugins.subsystems, home: home), state: ScreenState(width: 1080, height: 2400)),
            maxSteps: 3)
        #expect(again.terminated == nil)
        #expect(again.ending.contains("click needs \"coordinate\": [x, y]"), "\(again.ending)")
    }
}
