/// A parsed sentence template: `turn (on | off) [the] {device}`.
indirect enum SentenceTemplate: Sendable, Hashable {
    case word(String)
    case slot(String)
    case sequence([SentenceTemplate])
    case alternatives([SentenceTemplate])
    case optional(SentenceTemplate)

    /// Parses `text`; throws a ``SpeechError`` naming the template and the position of a syntax error.
    static func parse(_ text: String) throws -> SentenceTemplate {
        var parser = Parser(text: text)
        let result = try parser.parseAlternatives()
        if let token = parser.peek() {
            throw parser.error("unexpected '\(token)'")
        }
        return result
    }

    private enum Token: Hashable, CustomStringConvertible {
        case open, close, openOptional, closeOptional, bar, slot(String), word(String)
        var description: String {
            switch self {
            case .open: "("
            case .close: ")"
            case .openOptional: "["
            case .closeOptional: "]"
            case .bar: "|"
            case .slot(let name): "{\(name)}"
            case .word(let word): word
            }
        }
    }

    private struct Parser {
        let text: String
        var tokens: [Token] = []
        var position = 0

        init(text: String) {
            self.text = text
            tokens = Self.tokenize(text)
        }

        func peek() -> Token? { position < tokens.count ? tokens[position] : nil }

        func error(_ problem: String) -> SpeechError {
            SpeechError(.invalidGrammar, operation: "parsing the sentence template \"\(text)\"", underlying: problem,
                        hint: "Templates use (a | b), [optional] and {slot}")
        }

        mutating func parseAlternatives() throws -> SentenceTemplate {
            var choices = [try parseSequence()]
            while peek() == .bar {
                position += 1
                choices.append(try parseSequence())
            }
            return choices.count == 1 ? choices[0] : .alternatives(choices)
        }

        mutating func parseSequence() throws -> SentenceTemplate {
            var items: [SentenceTemplate] = []
            while let token = peek() {
                switch token {
                case .word(let word):
                    position += 1
                    items.append(.word(word))
                case .slot(let name):
                    position += 1
                    guard !name.isEmpty else { throw error("empty slot name {}") }
                    items.append(.slot(name))
                case .open:
                    position += 1
                    let inner = try parseAlternatives()
                    guard peek() == .close else { throw error("'(' without a matching ')'") }
                    position += 1
                    items.append(inner)
                case .openOptional:
                    position += 1
                    let inner = try parseAlternatives()
                    guard peek() == .closeOptional else { throw error("'[' without a matching ']'") }
                    position += 1
                    items.append(.optional(inner))
                case .close, .closeOptional, .bar:
                    return .sequence(items)
                }
            }
            return .sequence(items)
        }

        static func tokenize(_ text: String) -> [Token] {
            var tokens: [Token] = []
            var word = ""
            var slot: String?
            func flush() {
                let normalized = normalizeWord(word)
                if !normalized.isEmpty { tokens.append(.word(normalized)) }
                word = ""
            }
            for character in text {
                if let open = slot {
                    if character == "}" {
                        // hassil's {list:slot} names the list first.
                        let name = open.split(separator: ":").first.map(String.init) ?? ""
                        tokens.append(.slot(name.trimmingCharacters(in: .whitespaces)))
                        slot = nil
                    } else {
                        slot = open + String(character)
                    }
                    continue
                }
                switch character {
                case "(": flush(); tokens.append(.open)
                case ")": flush(); tokens.append(.close)
                case "[": flush(); tokens.append(.openOptional)
                case "]": flush(); tokens.append(.closeOptional)
                case "|": flush(); tokens.append(.bar)
                case "{": flush(); slot = ""
                default:
                    if character.isWhitespace { flush() } else { word.append(character) }
                }
            }
            flush()
            if let slot { tokens.append(.word(normalizeWord("{" + slot))) }
            return tokens
        }
    }

    /// Lower case, letters, digits, apostrophes and inner hyphens only: "Wi-Fi," → "wi-fi".
    static func normalizeWord(_ word: String) -> String {
        let kept = word.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "'" || $0 == "-" }
        return kept.trimmingCharacters(in: CharacterSet(charactersIn: "-'"))
    }
}

import Foundation
import RelayCore
