import Foundation
import RelayKit
import RelayScaffold
import Testing

@Suite("Plugin scaffolding")
struct ScaffoldTests {
    @Test func namesAreValidated() throws {
        let home = try TempHome(); defer { home.cleanup() }
        try Data().write(to: home.url.appendingPathComponent("Package.swift"))
        try FileManager.default.createDirectory(at: home.url.appendingPathComponent("Plugins/Photos/Sources"), withIntermediateDirectories: true)
        #expect(PluginScaffold.problem(withName: "Flashlight", root: home.url) == nil)
        #expect(PluginScaffold.problem(withName: "flashlight", root: home.url)?.contains("UpperCamelCase") == true)
        #expect(PluginScaffold.problem(withName: "Flash-light", root: home.url)?.contains("UpperCamelCase") == true)
        #expect(PluginScaffold.problem(withName: "FlashlightPlugin", root: home.url) == "Leave out the suffix: relay plugin new Flashlight creates the target FlashlightPlugin.")
        #expect(PluginScaffold.problem(withName: "Photos", root: home.url) == "A plugin named Photos already exists in Plugins/Photos.")
        #expect(PluginScaffold.problem(withName: "RelayThing", root: home.url)?.contains("clashes") == true)
        let elsewhere = try TempHome(); defer { elsewhere.cleanup() }
        #expect(PluginScaffold.problem(withName: "Flashlight", root: elsewhere.url)?.contains("no Package.swift") == true)
        #expect(PluginScaffold.subsystemName(for: "WeatherStation") == "weather_station")
    }

    @Test func createWritesThePluginAndTheInstalledList() throws {
        let root = try TempHome(); defer { root.cleanup() }
        try Data().write(to: root.url.appendingPathComponent("Package.swift"))
        try FileManager.default.createDirectory(at: root.url.appendingPathComponent("Plugins/Alpha/Sources"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.url.appendingPathComponent("Samples/Plugins/Notes/Sources"), withIntermediateDirectories: true)
        let files = try PluginScaffold.create(plugin: "WeatherStation", root: root.url)
        #expect(files.map { $0.path.replacingOccurrences(of: root.url.path + "/", with: "") } == [
            "Plugins/WeatherStation/Sources/WeatherStationSubsystem.swift",
            "Plugins/WeatherStation/Tests/WeatherStationTests.swift",
            "Plugins/WeatherStation/Tests/Golden/weather_station.json",
            "Sources/RelayPlugins/InstalledPlugins.swift",
        ])
        let list = try String(contentsOf: files[3], encoding: .utf8)
        #expect(list == PluginScaffold.installedPluginsSource(plugins: ["Alpha", "WeatherStation", "Notes"]))
        #expect(list.contains("import WeatherStationPlugin\n"))
        #expect(list.contains("            WeatherStationPlugin.makeSubsystem(),\n"))
        let source = try String(contentsOf: files[0], encoding: .utf8)
        #expect(source.contains("public struct WeatherStationSubsystem: Subsystem"))
        #expect(source.contains(#"static let name = "weather_station.add_note""#))
        #expect(source.contains("public enum WeatherStationPlugin {"))
        let golden = try String(contentsOf: files[2], encoding: .utf8)
        #expect(golden.contains(#""action": "weather_station.add_note""#))
        #expect(throws: KitError.self) { try PluginScaffold.create(plugin: "WeatherStation", root: root.url) }
    }

    @Test func emptyInstalledListIsValidSwift() {
        let text = PluginScaffold.installedPluginsSource(plugins: [])
        #expect(text.contains("public static let names: [String] = []"))
        #expect(text.contains("public static var subsystems: [any Subsystem] {\n        []\n    }"))
    }
}
