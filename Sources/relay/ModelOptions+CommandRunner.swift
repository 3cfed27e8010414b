import Foundation
import RelayAgent
import RelayKit

extension ModelOptions {
    /// A command runner that uses the configured model server, or the embedded stub with the text skill.
    ///
    /// A real Qwen2.5-VL needs no entity names passed to it (it reads the tools from the request), so one
    /// model serves every command; the stub is rebuilt per command with the live album and contact names.
    /// The stub understands with templates first and the sentence encoder second (``Understanding``).
    func commandRunner(dispatcher: Dispatcher, home: URL) async throws -> CommandRunner {
        guard usesServer else {
            return CommandRunner(dispatcher: dispatcher, matcher: await Understanding.matcher(catalog: dispatcher.catalog, home: home))
        }
        let model = try makeModel()
        return CommandRunner(dispatcher: dispatcher, makeModel: { _ in model })
    }
}
