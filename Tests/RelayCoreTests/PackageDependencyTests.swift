import Foundation
import RelayCore
import Testing

/// Package.swift's dependencies are exactly what each target imports: nothing declared but unused, nothing used
/// through another target's dependencies. With `MemberImportVisibility` on, the compiler already rejects a file that
/// uses a module it does not import; this test closes the other half (a declared dependency nobody imports, or an
/// import that only compiles because some other target happened to bring the module along).
@Suite struct PackageDependencyTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Dependencies declared for a reason other than an import, with the reason.
    static let declaredWithoutImport: [String: [String: String]] = [
        "RelayCLITests": ["relay": "the tests run the built binary, so it must be built first"],
    ]

    /// A target as `swift package dump-package` describes it.
    struct Target {
        var name: String
        var type: String
        var path: String
        var dependencies: Set<String>
    }

    /// The manifest as SwiftPM evaluates it (the plugin targets are generated in a loop, so reading the text is not enough).
    static func targets() async throws -> [Target] {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("relay-dump-package-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        // A scratch path of its own so it never waits for the lock of the build that is running these tests.
        let output = try await ChildProcess(
            "/usr/bin/env", ["swift", "package", "--package-path", packageRoot.path, "--scratch-path", scratch.path, "dump-package"],
            timeout: .seconds(300)
        ).checkedRun()
        let json = try #require(try JSONSerialization.jsonObject(with: output.stdout) as? [String: Any])
        let targets = try #require(json["targets"] as? [[String: Any]])
        return targets.map { target in
            let name = target["name"] as? String ?? ""
            let type = target["type"] as? String ?? ""
            let folder = type == "test" ? "Tests" : "Sources"
            var dependencies = Set<String>()
            for dependency in target["dependencies"] as? [[String: Any]] ?? [] {
                for key in ["byName", "target", "product"] {
                    if let values = dependency[key] as? [Any], let first = values.first as? String { dependencies.insert(first) }
                }
            }
            return Target(name: name, type: type, path: target["path"] as? String ?? "\(folder)/\(name)", dependencies: dependencies)
        }
    }

    /// The modules a folder's Swift files import (`import X`, `public import X`, `@testable import X`,
    /// `@_exported public import struct X.Y`, `@_spi(S) import X`, imports under `#if`). Only lines that start with the import count:
    /// an indented `import` is inside a string (the scaffolder's templates).
    static func imports(under folder: URL) throws -> Set<String> {
        let pattern = try Regex(#"^(?:@\w+(?:\(\w+\))?\s+)*(?:public\s+|internal\s+|package\s+|private\s+|fileprivate\s+)?import\s+(?:(?:typealias|struct|class|enum|protocol|func|var|let)\s+)?(\w+)"#)
        var modules = Set<String>()
        guard let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        for case let url as URL in files where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for line in text.split(separator: "\n") {
                if let match = try pattern.firstMatch(in: String(line)), let module = match.output[1].substring {
                    modules.insert(String(module))
                }
            }
        }
        return modules
    }

    @Test func declaredDependenciesAreExactlyTheImports() async throws {
        let targets = try await Self.targets()
        #expect(targets.contains { $0.name == "RelayKit" }, "the manifest dump has no RelayKit: \(targets.map(\.name))")
        let local = Set(targets.map(\.name))
        // Modules that come from package dependencies (their product names are their module names here).
        let external: Set<String> = ["GRDB", "ArgumentParser", "MCP", "Logging"]
        var problems: [String] = []
        for target in targets where target.type != "system" {
            let folder = Self.packageRoot.appendingPathComponent(target.path)
            let imported = try Self.imports(under: folder).filter { local.contains($0) || external.contains($0) }.subtracting([target.name])
            guard target.type != "regular" || FileManager.default.fileExists(atPath: folder.path) else { continue }
            let excused = Set(Self.declaredWithoutImport[target.name]?.keys.map { $0 } ?? [])
            let unused = target.dependencies.subtracting(imported).subtracting(excused)
            let undeclared = imported.subtracting(target.dependencies)
            if !unused.isEmpty { problems.append("\(target.name) declares but never imports \(unused.sorted())") }
            if !undeclared.isEmpty { problems.append("\(target.name) imports but does not declare \(undeclared.sorted())") }
        }
        #expect(problems == [], "make Package.swift's dependencies match the imports")
    }
}
