import CFFmpeg
import RelayCore

/// Owns one `AVPacket` (reused for every read: `unref` between uses).
final class Packet {
    let pointer: UnsafeMutablePointer<AVPacket>

    init(path: String?) throws {
        guard let p = av_packet_alloc() else {
            throw MediaError(.outOfMemory, path: path, operation: "allocating a packet", cFunction: "av_packet_alloc")
        }
        pointer = p
    }

    deinit {
        var p: UnsafeMutablePointer<AVPacket>? = pointer
        av_packet_free(&p)
    }

    /// Index of the stream the packet belongs to.
    var streamIndex: Int32 { pointer.pointee.stream_index }

    /// Drops the packet's payload so the packet can be read into again.
    func unref() { av_packet_unref(pointer) }
}
