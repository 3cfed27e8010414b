import Foundation
import RelayKit

/// A fresh temporary home folder for one test; deleted by `cleanup()`.
struct TempHome {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("relaykit-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    func cleanup() { try? FileManager.default.removeItem(at: url) }
}

/// 2026-03-15 10:00 UTC, a Sunday.
let fixedNow = Date(timeIntervalSince1970: 1_773_568_800)

var utc: Calendar {
    var c = Calendar(identifier: .gregorian)
    c.timeZone = TimeZone(identifier: "UTC")!
    return c
}

func makeDispatcher(_ home: TempHome, timeout: Duration = .seconds(5)) -> Dispatcher {
    Dispatcher(subsystems: [FakeSubsystem(), OtherSubsystem()], home: home.url, timeout: timeout, calendar: utc, now: { fixedNow })
}
