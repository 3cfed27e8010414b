import Foundation
import RelayKit

/// The Camera app: what it films, the last photo, and the shutter.
struct CameraScreen: Screen {
    static let name = "camera.main"
    static let title = "Camera"

    static func body(_ db: Database, parameters: JSONObject) throws -> [ScreenNode] {
        let source = try CameraSource.fetchOne(db, key: 1)
        let filming = source.map { "Filming \(URL(fileURLWithPath: $0.path).lastPathComponent)" } ?? "Filming the built-in scene"
        var nodes: [ScreenNode] = [.text(filming, style: .caption)]
        if let last = try Capture.fetchOne(db, sql: "SELECT * FROM capture WHERE kind = 'photo' ORDER BY takenAt DESC, id DESC LIMIT 1") {
            nodes.append(.image(path: last.path, label: "Last photo"))
        }
        nodes.append(.button("Take photo", tap: .call(TakePhoto.name, [:])))
        return nodes
    }
}
