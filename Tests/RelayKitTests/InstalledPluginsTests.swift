import Foundation
import RelayKit
import RelayScaffold
import RelayPlugins
import RelayTestSupport
import Testing

/// Fails when someone adds or removes a plugin folder without running `relay plugin sync`.
@Suite("Installed plugins")
struct InstalledPluginsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func generatedListIsInSyncWithThePluginFolders() throws {
        let discovered = PluginScaffold.discoverPlugins(root: Self.root)
        #expect(InstalledPlugins.names == discovered, "run `relay plugin sync` in the package folder")
        let committed = try String(contentsOf: Self.root.appendingPathComponent(PluginScaffold.installedPluginsPath), encoding: .utf8)
        #expect(committed == PluginScaffold.installedPluginsSource(plugins: discovered), "run `relay plugin sync` in the package folder")
        #expect(discovered.contains("Notes"))
        // The manifest lists the same folders (SwiftPM caches a manifest by its text, so it can't scan them).
        let manifest = try String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let paths = PluginScaffold.discoverPluginPaths(root: Self.root)
        #expect(paths.count == discovered.count)
        #expect(manifest.contains(PluginScaffold.manifestPluginLine(paths: paths)), "run `relay plugin sync` in the package folder")
        #expect(PluginScaffold.manifest(manifest, withPluginPaths: paths) == manifest)
    }

    @Test func installedSubsystemsHaveDistinctNamesAndConsistentDeclarations() {
        let subsystems = InstalledPlugins.subsystems
        #expect(Set(subsystems.map(\.name)).count == subsystems.count)
        let catalog = ActionCatalog(subsystems: subsystems)
        #expect(catalog.problems.isEmpty, "\(catalog.problems)")
        // Every action has an English sentence and a description.
        for a in catalog.actions {
            #expect(!a.sentences["en"].isEmpty, "\(a.name) has no English sentence")
            #expect(!a.description.isEmpty, "\(a.name) has no description")
        }
    }
}

@Suite("Matcher speed over the installed plugins")
struct MatcherSpeedTests {
    @Test func matchingIsFastEnoughForAVoiceLoop() {
        let matcher = CommandMatcher(catalog: ActionCatalog(subsystems: InstalledPlugins.subsystems))
        let utterances = [
            "turn on the wifi", "set an alarm for quarter past seven", "create a notebook called Travel",
            "please could you kindly do something about the weather tomorrow morning",  // fuzzy pass, not understood
            "send a note to somebody saying hello there how are you",
            String(repeating: "send a message to anna saying this is a very long rambling message ", count: 20),
            String(repeating: "blue fish swim over the quiet hills while nobody watches ", count: 30),
        ]
        // The claim is about what matching costs, so it is measured in this thread's CPU time: wall time would also
        // count the time slices the rest of the parallel suite takes from this thread.
        var worst = Duration.zero
        for u in utterances {
            let start = threadCPUTime()
            _ = matcher.interpret(u)
            worst = max(worst, threadCPUTime() - start)
        }
        print("matcher: worst of \(utterances.count) utterances over \(matcher.actionNames.count) actions: \(worst) of CPU")
        #expect(worst < .seconds(1))
    }
}
