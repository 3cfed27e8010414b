import Foundation
import RelayCore
public import RelayKit

/// Asks on the terminal: the question on stderr, the answer from a line of stdin (`relay say` on a TTY).
///
/// The blocking `readLine` runs on ``BlockingWork`` so it never holds a thread of Swift's cooperative pool.
public struct KeyboardInteraction: CommandInteraction {
    /// Creates it.
    public init() {}

    /// Whether standard input is a terminal (only then is anyone there to answer).
    public static var isAvailable: Bool { isatty(STDIN_FILENO) == 1 }

    public func confirm(_ question: String) async -> Bool? {
        for _ in 0..<3 {
            guard let line = await ask("\(question) [y/n] ") else { return nil }
            if let answer = YesNo.read(line) { return answer }
        }
        return nil
    }

    public func answer(_ question: String, for parameter: Parameter) async -> String? {
        guard let line = await ask("\(question) "), !line.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return line
    }

    private func ask(_ prompt: String) async -> String? {
        FileHandle.standardError.write(Data(prompt.utf8))
        return await BlockingWork.run { readLine(strippingNewline: true) }
    }
}
