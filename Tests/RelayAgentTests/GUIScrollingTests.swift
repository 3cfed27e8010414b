import Foundation
import RelayAgent
import RelayJSON
import RelayKit
import RelayPlugins
import RelayTestSupport
import Testing

/// The GUI skill looks below the fold: on a list longer than the screen it swipes up to find what the task names,
/// a bounded number of times, and gives up (terminate(failure)) when the list's end is in view without it.
@Suite struct GUIScrollingTests {
    /// A phone with 14 alarms (about 9 fit at 1080x2400), its screen on the alarm list.
    static func longAlarmList() async throws -> (PhoneScreen, [TimeOfDay]) {
        let dispatcher = Dispatcher(subsystems: InstalledPlugins.subsystems, home: try Fixtures.folder("relay-gui-scroll"))
        let times = (0..<14).map { TimeOfDay(hour: 6 + $0, minute: 15)! }
        for t in times {
            let result = await dispatcher.dispatch(Command(action: "clock.set_alarm", arguments: ["time": .string(t.canonical)], origin: .test, confirmed: true))
            #expect(result.isDone, "\(result.message)")
        }
        let screen = try PhoneScreen(dispatcher: dispatcher, state: ScreenState(width: 1080, height: 2400))
        _ = await screen.perform(.open("Clock"))
        return (screen, times)
    }

    static func observation(_ screen: PhoneScreen) async throws -> GUIObservation {
        let layout = try await screen.layout()
        return GUIObservation(title: layout.title, elements: layout.elements, screen: (layout.width, layout.height), resized: screen.resizedSize)
    }

    @Test func aTargetBelowTheFoldIsFoundBySwiping() async throws {
        let (screen, times) = try await Self.longAlarmList()
        let last = try #require(times.last)
        let first = try await Self.observation(screen)
        #expect(first.elements.contains { $0.isScrollable }, "the list is longer than the screen")
        #expect(!first.elements.contains { $0.text == last.spoken }, "the last alarm is below the fold")
        // The skill's first move is a swipe up inside the list, in the model's pixels.
        let move = GUISkill().decide(task: "Switch off the \(last.spoken) alarm", observation: first, history: [.open("Clock")])
        guard case .swipe(let x1, let y1, let x2, let y2) = move else {
            Issue.record("expected a swipe, got \(move)")
            return
        }
        #expect(x1 == x2 && y1 > y2 && y1 <= 2408 && y2 >= 0)
        // The whole run: found, switched off, judged from the screen.
        let run = try await GUIAgent(draws: false).run("Switch off the \(last.spoken) alarm", on: screen, maxSteps: 8)
        let actions = run.steps.compactMap(\.action)
        #expect(run.terminated == true, "\(run.ending): \(actions)")
        #expect(actions.contains { if case .swipe = $0 { true } else { false } })
        let rows = try await screen.dispatcher.read("clock") { db in
            try Row.fetchAll(db, sql: "SELECT hour, isEnabled FROM alarm ORDER BY hour").map { ($0["hour"] as Int, $0["isEnabled"] as Bool) }
        }
        #expect(rows.count == 14 && rows.allSatisfy { $0.1 == ($0.0 != last.hour) })
    }

    @Test func lookingIsBoundedAndStopsAtTheEnd() async throws {
        let (screen, _) = try await Self.longAlarmList()
        let goal = "Switch off the 3:17 AM alarm"   // not in the list
        let top = try await Self.observation(screen)
        let swipe = GUISkill().decide(task: goal, observation: top, history: [.open("Clock")])
        #expect({ if case .swipe = swipe { true } else { false } }())
        // However long the list, never more than maxSwipes swipes in a row.
        let swipes = [MobileAction](repeating: swipe, count: GUISkill.maxSwipes)
        #expect(GUISkill().decide(task: goal, observation: top, history: [.open("Clock")] + swipes) == .terminate(success: false))
        // At the end of the list (nothing cut off at the bottom), after a swipe: not there, give up.
        _ = await screen.perform(.swipe(fromX: 546, fromY: 2000, toX: 546, toY: 200))
        _ = await screen.perform(.swipe(fromX: 546, fromY: 2000, toX: 546, toY: 200))
        let end = try await Self.observation(screen)
        #expect(GUISkill().decide(task: goal, observation: end, history: [.open("Clock"), swipe]) == .terminate(success: false))
        // End to end: it looks, then ends in failure within a small budget, changing nothing.
        let fresh = try PhoneScreen(dispatcher: screen.dispatcher, state: ScreenState(width: 1080, height: 2400))
        let run = try await GUIAgent(draws: false).run(goal, on: fresh, maxSteps: 8)
        #expect(run.terminated == false, "\(run.ending)")
        #expect(run.steps.count <= 2 + GUISkill.maxSwipes)
        // A list that fits on the screen: no swipe, failure at once (the impossible tasks keep their budgets).
        let short = GUIObservation(title: "Alarms", elements: [], screen: (1080, 2400), resized: (1092, 2408))
        #expect(GUISkill().decide(task: goal, observation: short, history: [.open("Clock")]) == .terminate(success: false))
    }

    @Test func theSeededFarAlarmTaskSucceeds() async throws {
        for seed in [0, 3] as [UInt64] {
            let task = try #require(GUITask.make("clock.far_alarm", seed: seed))
            let outcome = try await task.run(agent: GUIAgent(draws: false), subsystems: InstalledPlugins.subsystems, home: try Fixtures.folder("relay-gui"))
            let actions = outcome.run.steps.compactMap { $0.action.map { JSONValue.object($0.arguments).qwenJSON } }
            let success = outcome.success
            #expect(success, "“\(task.goal)”: \(outcome.run.ending) \(actions)")
            #expect(actions.contains { $0.contains("swipe") })
        }
    }
}
