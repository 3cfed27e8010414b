import Foundation

/// A safetensors file, memory-mapped: an 8-byte little-endian header length, a JSON header (tensor name → dtype,
/// shape, data_offsets relative to the end of the header), then the raw little-endian tensors.
///
/// Read without a library because the format is that small. The mapping stays alive as long as this value, so
/// tensors that are used as stored (the word embeddings, 47 MB of which a sentence touches a few rows) are read in
/// place and only the pages touched become resident.
struct SafeTensors: Sendable {
    struct Entry: Sendable {
        var dtype: String
        var shape: [Int]
        /// Byte range in `data` (already shifted past the header).
        var range: Range<Int>
    }

    let file: String
    let data: Data
    let entries: [String: Entry]

    init(url: URL) throws {
        file = url.path
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw SentenceEncoderError(file: file, reason: .missing)
        }
        do {
            data = try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw SentenceEncoderError(file: file, reason: .unreadable("\(error.localizedDescription)"))
        }
        guard data.count >= 8 else { throw SentenceEncoderError(file: file, reason: .malformed("shorter than a safetensors header")) }
        let headerLength = data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> UInt64 in
            (0..<8).reduce(UInt64(0)) { (value: UInt64, i: Int) in value | UInt64(raw[i]) << UInt64(8 * i) }
        }
        guard headerLength <= UInt64(data.count - 8) else {
            throw SentenceEncoderError(file: file, reason: .malformed("safetensors header length \(headerLength) exceeds the file"))
        }
        let start = 8 + Int(headerLength)
        guard let header = try? JSONSerialization.jsonObject(with: data.subdata(in: 8..<start)) as? [String: Any] else {
            throw SentenceEncoderError(file: file, reason: .malformed("safetensors header is not a JSON object"))
        }
        var entries: [String: Entry] = [:]
        for (name, value) in header where name != "__metadata__" {
            guard let fields = value as? [String: Any], let dtype = fields["dtype"] as? String,
                  let shape = fields["shape"] as? [Int], let offsets = fields["data_offsets"] as? [Int], offsets.count == 2,
                  offsets[0] >= 0, offsets[0] <= offsets[1], start + offsets[1] <= data.count
            else {
                throw SentenceEncoderError(file: file, reason: .malformed("tensor \(name) has a bad header entry"))
            }
            entries[name] = Entry(dtype: dtype, shape: shape, range: (start + offsets[0])..<(start + offsets[1]))
        }
        self.entries = entries
    }

    /// The float32 tensor `name` with `shape`, checked.
    func entry(_ name: String, shape: [Int]) throws -> Entry {
        guard let entry = entries[name] ?? entries["bert." + name] else {
            throw SentenceEncoderError(file: file, reason: .malformed("no tensor \(name)"))
        }
        guard entry.dtype == "F32", entry.shape == shape, entry.range.count == shape.reduce(4, *) else {
            throw SentenceEncoderError(
                file: file, reason: .malformed("tensor \(name) is \(entry.dtype) \(entry.shape), expected F32 \(shape)"))
        }
        return entry
    }

    /// A copy of the float32 tensor `name`.
    func floats(_ name: String, shape: [Int]) throws -> [Float] {
        let entry = try entry(name, shape: shape)
        let count = entry.range.count / 4
        return data.withUnsafeBytes { raw in
            [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
                // memcpy: the tensor may not be 4-byte aligned in the file, and the file is little-endian like the CPU.
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[entry.range]))
                initialized = count
            }
        }
    }
}
