import CPocketSphinx
import Foundation
import RelayCore

/// Owns one `ps_decoder_t` and is the only code that touches it.
///
/// Not thread-safe, like pocketsphinx itself: ``DecoderQueue`` confines every call to one serial queue.
/// Pointers never leave this class; only Swift values (strings, scores, frame numbers) do.
final class PocketSphinxDecoder {
    /// One word (or phone, or silence) of a decoded hypothesis with its frames and acoustic score.
    struct Segment: Sendable, Hashable {
        /// The dictionary word, without pocketsphinx's alternate-pronunciation suffix "(2)".
        var word: String
        /// First frame (10 ms each, from the utterance's start).
        var startFrame: Int
        /// Last frame, inclusive.
        var endFrame: Int
        /// Acoustic log-likelihood in pocketsphinx's log base (1.0001): larger is better.
        var acousticScore: Int32
    }

    /// The result of decoding one utterance with one search.
    struct Decoding: Sendable, Hashable {
        /// The hypothesis words, fillers and silences left out.
        var text: String
        /// The path score pocketsphinx reports for the hypothesis.
        var score: Int32
        /// Number of frames decoded.
        var frameCount: Int
        /// Every segment, including silences and fillers.
        var segments: [Segment]
    }

    /// Seed of the dither noise, set again before every utterance.
    static let ditherSeed: UInt = 1

    private let decoder: OpaquePointer
    fileprivate var decoderPointer: OpaquePointer { decoder }
    private let modelDescription: String

    /// pocketsphinx logs through one process-wide `FILE*`, and `-logfn` makes every new decoder close the previous
    /// one — under the feet of a decoder logging on another thread (a crash in `_IO_file_overflow` when recognizers
    /// were created in parallel). Logging is switched off once, before the first decoder, instead.
    private static let silenceLogging: Void = { err_set_logfp(nil) }()

    /// Loads the acoustic model and dictionary; no search exists until one is added.
    init(acousticModel: String, dictionary: String, extraArguments: [String: String]) throws {
        for (path, what) in [(acousticModel, "acoustic model"), (dictionary, "pronunciation dictionary")] {
            guard FileManager.default.fileExists(atPath: path) else {
                throw SpeechError(
                    .modelNotFound, path: path, operation: "loading the \(what)",
                    hint: "Install the Debian package pocketsphinx-en-us, or pass the model's path")
            }
        }
        Self.silenceLogging
        var arguments: [String: String] = [
            "-hmm": acousticModel,
            "-dict": dictionary,
            // Whole utterances are decoded at once: normalise cepstra over the utterance, and keep
            // silent frames so frame numbers map back to samples (the wildcard span needs that).
            "-cmn": "batch",
            "-remove_silence": "no",
            // The rejection phone loop with context-dependent phones took seconds per utterance on 2 cores;
            // context-independent phones are ~50× faster and rank fits just as well.
            "-allphone_ci": "yes",
            // Digital silence (espeak-ng's padding, a muted microphone) has log(0) energy, which wrecks the
            // cepstra and made the grammar search lose its final state; a fixed-seed dither keeps it finite
            // (the recognizer turns it off when it adds comfort noise itself, see `decoderArguments`).
            "-dither": "yes",
            "-seed": String(Self.ditherSeed),
        ]
        arguments.merge(extraArguments) { _, new in new }
        let flat = arguments.sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value] }
        let config = try Self.withCArguments(flat) { argc, argv in
            cmd_ln_parse_r(nil, ps_args(), argc, argv, 1)
        }
        guard let config else {
            throw SpeechError(
                .initFailed, path: acousticModel, operation: "parsing the recognizer configuration",
                cFunction: "cmd_ln_parse_r", hint: "Check the extra pocketsphinx arguments: \(flat.joined(separator: " "))")
        }
        // ps_init keeps its own reference to the configuration.
        defer { cmd_ln_free_r(config) }
        guard let decoder = ps_init(config) else {
            throw SpeechError(
                .initFailed, path: acousticModel, operation: "loading the acoustic model", cFunction: "ps_init",
                hint: "Is \(acousticModel) a complete pocketsphinx model folder (mdef, means, variances)?")
        }
        self.decoder = decoder
        self.modelDescription = acousticModel
    }

    deinit {
        ps_free(decoder)
    }

    /// The pronunciation of `word` ("W AY F AY"), or nil when the dictionary lacks it.
    func pronunciation(of word: String) -> String? {
        guard let phones = ps_lookup_word(decoder, word) else { return nil }
        defer { free(phones) }
        return String(cString: phones)
    }

    /// Adds `word` with `phones` (space-separated CMU phones) to the dictionary.
    func addWord(_ word: String, phones: String) throws {
        if ps_add_word(decoder, word, phones, 0) < 0 {
            throw SpeechError(
                .invalidGrammar, operation: "adding the word '\(word)' (\(phones)) to the dictionary",
                cFunction: "ps_add_word", hint: "Use phones of the acoustic model (CMU set, upper case)")
        }
    }

    /// Adds (or replaces) a grammar search named `name`, with its own beams if given (`-beam`, `-pbeam`, `-wbeam`).
    ///
    /// A search reads the beams from the configuration when it is created, so they are set for the call
    /// and restored: the phone loop keeps the default beams.
    func setGrammar(name: String, jsgf: String, beams: [String: Double] = [:]) throws {
        let status = try withOptions(beams, failing: .invalidGrammar, operation: "compiling the JSGF grammar") {
            ps_set_jsgf_string(decoder, name, jsgf)
        }
        if status < 0 {
            throw SpeechError(
                .invalidGrammar, operation: "compiling the JSGF grammar", cFunction: "ps_set_jsgf_string",
                hint: "Check the grammar's syntax and that every word is in the dictionary")
        }
    }

    /// Adds a search over an n-gram language model file, created with `settings` (numeric pocketsphinx
    /// options such as `-maxhmmpf`, or flags as 0/1) that are restored afterwards.
    func setLanguageModel(name: String, path: String, settings: [String: Double] = [:]) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            throw SpeechError(.modelNotFound, path: path, operation: "loading the language model",
                              hint: "Install the Debian package pocketsphinx-en-us, or pass the model's path")
        }
        let status = try withOptions(settings, failing: .initFailed, operation: "loading the language model") {
            ps_set_lm_file(decoder, name, path)
        }
        if status < 0 {
            throw SpeechError(.initFailed, path: path, operation: "loading the language model", cFunction: "ps_set_lm_file")
        }
    }

    /// Options stored as integers (booleans included) rather than floats.
    static let integerOptions: Set<String> = ["-maxhmmpf", "-maxwpf", "-fwdflat", "-bestpath", "-fwdtree"]

    /// Runs `body` (which creates a search) with `options` set in the decoder's configuration, then restores them.
    ///
    /// A search reads its settings from the configuration when it is created, so per-search settings are set
    /// for the call only: the other searches keep theirs.
    private func withOptions(_ options: [String: Double], failing code: SpeechError.Code, operation: String,
                             _ body: () -> Int32) throws -> Int32 {
        guard !options.isEmpty else { return body() }
        guard let config = ps_get_config(decoder) else {
            throw SpeechError(code, operation: operation, cFunction: "ps_get_config")
        }
        var savedFloats: [String: Double] = [:]
        var savedIntegers: [String: Int] = [:]
        for (key, value) in options {
            if Self.integerOptions.contains(key) {
                savedIntegers[key] = cmd_ln_int_r(config, key)
                cmd_ln_set_int_r(config, key, Int(value))
            } else {
                savedFloats[key] = cmd_ln_float_r(config, key)
                cmd_ln_set_float_r(config, key, value)
            }
        }
        defer {
            for (key, value) in savedFloats { cmd_ln_set_float_r(config, key, value) }
            for (key, value) in savedIntegers { cmd_ln_set_int_r(config, key, value) }
        }
        return body()
    }

    /// Adds a phone-loop search over a phone n-gram model file.
    func setPhoneLoop(name: String, path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            throw SpeechError(.modelNotFound, path: path, operation: "loading the phone language model",
                              hint: "Install the Debian package pocketsphinx-en-us, or pass the model's path")
        }
        if ps_set_allphone_file(decoder, name, path) < 0 {
            throw SpeechError(.initFailed, path: path, operation: "loading the phone language model", cFunction: "ps_set_allphone_file")
        }
    }

    /// Decodes `samples` (16-bit, at the model's rate) as one utterance with the search `search`.
    func decode(_ samples: [Int16], search: String) throws -> Decoding {
        if ps_set_search(decoder, search) < 0 {
            throw SpeechError(.decodeFailed, operation: "selecting the search '\(search)'", cFunction: "ps_set_search")
        }
        // The dither's random generator is global: re-seeding it makes each decode depend on its own audio
        // only, not on what was decoded before (without this, results shifted with the order of utterances).
        genrand_seed(Self.ditherSeed)
        var status = ps_start_utt(decoder)
        guard status >= 0 else {
            throw SpeechError(.decodeFailed, operation: "starting an utterance", cFunction: "ps_start_utt", cCode: status)
        }
        status = samples.withUnsafeBufferPointer { buffer in
            ps_process_raw(decoder, buffer.baseAddress, buffer.count, 0, 1)
        }
        let endStatus = ps_end_utt(decoder)
        guard status >= 0 else {
            throw SpeechError(.decodeFailed, operation: "decoding \(samples.count) samples", cFunction: "ps_process_raw", cCode: status)
        }
        guard endStatus >= 0 else {
            throw SpeechError(.decodeFailed, operation: "ending an utterance", cFunction: "ps_end_utt", cCode: endStatus)
        }
        var score: Int32 = 0
        let text = ps_get_hyp(decoder, &score).map { String(cString: $0) } ?? ""
        var segments: [Segment] = []
        var iterator = ps_seg_iter(decoder)
        while let segment = iterator {
            var start: Int32 = 0
            var end: Int32 = 0
            ps_seg_frames(segment, &start, &end)
            var acoustic: Int32 = 0
            var language: Int32 = 0
            var backoff: Int32 = 0
            _ = ps_seg_prob(segment, &acoustic, &language, &backoff)
            let raw = ps_seg_word(segment).map { String(cString: $0) } ?? ""
            segments.append(Segment(
                word: Self.baseWord(raw), startFrame: Int(start), endFrame: Int(end), acousticScore: acoustic))
            iterator = ps_seg_next(segment)
        }
        return Decoding(text: text, score: score, frameCount: Int(ps_get_n_frames(decoder)), segments: segments)
    }

    /// "wifi(2)" → "wifi": pocketsphinx marks alternate pronunciations with a suffix.
    static func baseWord(_ word: String) -> String {
        guard word.hasSuffix(")"), let open = word.lastIndex(of: "("), open != word.startIndex else { return word }
        return String(word[..<open])
    }

    private static func withCArguments<R>(_ arguments: [String], _ body: (Int32, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> R) throws -> R {
        var pointers: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
        defer { pointers.forEach { free($0) } }
        pointers.append(nil)
        return try pointers.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else {
                throw SpeechError(.initFailed, operation: "building the recognizer's arguments")
            }
            return body(Int32(arguments.count), base)
        }
    }
}

extension PocketSphinxDecoder {
    /// Removes a search that is not the active one.
    func removeSearch(name: String) {
        _ = ps_unset_search(decoderPointer, name)
    }
}
