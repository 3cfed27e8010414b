import Foundation
import RelayAgent
import RelayJSON
import RelayKit
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

    @Test func readsGoals() {
        let turnOff = GUISkill().decide(task: "Turn on 5G", observation: GUIObservation(title: "Settings", elements: [], screen: (1080, 2400), resized: (1092, 2408)),
                                        history: [.open("Settings")])
        #expect(turnOff == .terminate(success: false))
    }
}
