/// The voices and variants an espeak-ng installation has, read once per executable.
///
/// espeak-ng silently falls back to its default voice for an unknown name (exit status 0), which would
/// speak a reply in the wrong voice or language without a word; the synthesizer checks names here first.
actor EspeakVoiceCatalog {
    static let shared = EspeakVoiceCatalog()

    /// Names by listing argument and executable.
    private var cache: [String: Set<String>] = [:]

    /// Whether `voice` ("en-us", "English_(America)", "gmw/en-US", with an optional "+variant") exists.
    func contains(_ voice: String, executable: String) async throws -> Bool {
        let parts = voice.lowercased().split(separator: "+", maxSplits: 1).map(String.init)
        guard let base = parts.first, !base.isEmpty else { return false }
        let known = try await names(executable: executable, listing: "--voices")
        guard known.contains(base) else { return false }
        guard parts.count == 2 else { return true }
        return try await names(executable: executable, listing: "--voices=variant").contains(parts[1])
    }

    private func names(executable: String, listing: String) async throws -> Set<String> {
        let key = listing + " " + executable
        if let cached = cache[key] { return cached }
        let run: ChildProcess.Output
        do {
            run = try await ChildProcess(executable, [listing], timeout: .seconds(30)).run()
        } catch {
            throw SpeechError(.synthesisFailed, path: executable, operation: "listing espeak-ng voices", underlying: "\(error)")
        }
        guard run.succeeded else {
            throw SpeechError(.synthesisFailed, path: executable, operation: "listing espeak-ng voices",
                              underlying: run.stderrText, cFunction: "espeak-ng \(listing)", cCode: run.status)
        }
        let output = run.stdout
        var names: Set<String> = []
        for line in String(decoding: output, as: UTF8.self).split(separator: "\n").dropFirst() {
            // Pty Language Age/Gender VoiceName File (Other Languages)…
            let columns = line.split(separator: " ", omittingEmptySubsequences: true).map { $0.lowercased() }
            guard columns.count >= 5 else { continue }
            names.insert(columns[1])
            names.insert(columns[3])
            names.insert(columns[4])
            if let last = columns[4].split(separator: "/").last { names.insert(String(last)) }
            for other in columns.dropFirst(5) where other.hasPrefix("(") {
                names.insert(String(other.dropFirst()))
            }
        }
        cache[key] = names
        return names
    }
}

import Foundation
import RelayCore
