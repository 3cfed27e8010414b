public import Foundation
public import RelayJSON

/// One event of the Wyoming protocol (Home Assistant's and Rhasspy's protocol for local voice services).
///
/// On the wire an event is a JSON header on one line — `{"type": "audio-chunk", "data": {…}, "data_length": N,
/// "payload_length": M}` — then `data_length` bytes of more JSON data (merged over the header's `data`), then
/// `payload_length` bytes of payload (PCM audio). Relay writes its data inline in the header and reads both forms.
public struct WyomingEvent: Sendable, Hashable {
    /// The event type: `describe`, `info`, `transcribe`, `audio-start`, `audio-chunk`, `audio-stop`, `transcript`,
    /// `synthesize`, `error`, …
    public var type: String
    /// The event's data (an empty object when it has none).
    public var data: JSONObject
    /// The binary payload (audio samples), possibly empty.
    public var payload: Data

    /// Creates an event.
    public init(_ type: String, data: JSONObject = [:], payload: Data = Data()) {
        self.type = type
        self.data = data
        self.payload = payload
    }

    /// The largest header line, extra data and payload a reader accepts: a peer that announces more is not speaking
    /// Wyoming (or is broken), and reading it would only exhaust memory.
    public static let maxHeaderBytes = 64 << 10
    /// See ``maxHeaderBytes``.
    public static let maxDataBytes = 1 << 20
    /// See ``maxHeaderBytes``: 16 MiB is over eight minutes of 16 kHz 16-bit audio in one chunk.
    public static let maxPayloadBytes = 16 << 20

    /// The event's bytes: the header line (data inline), then the payload.
    public var encoded: Data {
        var header = JSONObject()
        header["type"] = .string(type)
        if data.count > 0 { header["data"] = .object(data) }
        if !payload.isEmpty { header["payload_length"] = .int(payload.count) }
        var bytes = Data(JSONValue.object(header).compactJSON.utf8)
        bytes.append(0x0A)
        bytes.append(payload)
        return bytes
    }

    /// What a header line announces: the event without its extra data and payload, and their lengths.
    public struct Header: Sendable, Hashable {
        /// The type and the header's inline data.
        public var event: WyomingEvent
        /// Bytes of extra JSON data that follow the line.
        public var dataLength: Int
        /// Bytes of payload that follow the extra data.
        public var payloadLength: Int
    }

    /// Why bytes are not a Wyoming event (the client turns it into a ``SpeechError`` naming the server).
    public struct FormatError: Error, Sendable, Hashable, CustomStringConvertible {
        /// What was wrong, with the start of the offending bytes.
        public var description: String
    }

    /// Reads a header line (without its newline).
    public static func header(_ line: some Collection<UInt8>) throws(FormatError) -> Header {
        let text = String(decoding: line, as: UTF8.self)
        let shown = text.count > 80 ? String(text.prefix(80)) + "…" : text
        guard let value = try? JSONValue(parsing: text), let object = value.objectValue else {
            throw FormatError(description: "expected a JSON event header, got \"\(shown)\"")
        }
        guard let type = object["type"]?.stringValue, !type.isEmpty else {
            throw FormatError(description: "the event header has no \"type\": \"\(shown)\"")
        }
        var data = JSONObject()
        switch object["data"] {
        case nil, .null?: break
        case .object(let inline)?: data = inline
        default: throw FormatError(description: "the \"data\" of a \(type) event is not an object")
        }
        func length(_ key: String, limit: Int) throws(FormatError) -> Int {
            switch object[key] {
            case nil, .null?: return 0
            case .int(let n)? where (0...limit).contains(n): return n
            default: throw FormatError(description: "the \(key) of a \(type) event is not a length up to \(limit): \(object[key].map { "\($0.compactJSON)" } ?? "")")
            }
        }
        return Header(event: WyomingEvent(type, data: data),
                      dataLength: try length("data_length", limit: maxDataBytes),
                      payloadLength: try length("payload_length", limit: maxPayloadBytes))
    }

    /// Merges the extra data that followed a header over its inline data.
    public static func mergingData(_ bytes: some Collection<UInt8>, into header: Header) throws(FormatError) -> WyomingEvent {
        var event = header.event
        guard !bytes.isEmpty else { return event }
        guard let value = try? JSONValue(parsing: String(decoding: bytes, as: UTF8.self)), let extra = value.objectValue else {
            throw FormatError(description: "the data of a \(event.type) event is not a JSON object")
        }
        for (key, value) in extra { event.data[key] = value }
        return event
    }
}

/// 16-bit mono PCM audio as Wyoming's `audio-start` / `audio-chunk` describe it.
public struct WyomingAudioFormat: Sendable, Hashable {
    /// Samples per second.
    public var rate: Int
    /// Bytes per sample (2 for 16-bit).
    public var width: Int
    /// Interleaved channels.
    public var channels: Int

    /// Creates a format.
    public init(rate: Int, width: Int = 2, channels: Int = 1) {
        self.rate = rate
        self.width = width
        self.channels = channels
    }

    /// The format as event data.
    public var data: JSONObject { ["rate": .int(rate), "width": .int(width), "channels": .int(channels)] }

    /// The format an `audio-start` or `audio-chunk` event declares, if it declares one.
    public init?(_ data: JSONObject) {
        guard let rate = data["rate"]?.intValue, rate > 0 else { return nil }
        self.init(rate: rate, width: data["width"]?.intValue ?? 2, channels: data["channels"]?.intValue ?? 1)
    }
}
