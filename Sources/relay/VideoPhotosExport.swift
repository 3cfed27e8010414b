import Foundation
import RelayAgent

/// `relay analyze --to-photos`: files each analysed video and its scene keyframes into Photos.
enum VideoPhotosExport {
    /// Imports; returns the number of files that failed.
    static func run(_ analyses: [VideoAnalysis], album: String?, home: String?, json: Bool) async -> Int {
        FileHandle.standardError.write(Data("relay analyze: --to-photos is not available yet (the Photos plugin is not wired)\n".utf8))
        return analyses.count
    }
}
