import Foundation

/// A parsed sentence template: `(a|b)` alternatives, `[opt]` optionals, `{slot}` slots, `<rule>` rules (inlined).
///
/// The one template language of Relay (after Home Assistant's hassil and Rhasspy): the text matcher aligns
/// utterances with these trees and the speech grammar compiler turns the same trees into JSGF, so what can be
/// heard and what can be understood come from one parse. Literal words are normalised exactly like utterances
/// (``TextNormalizer``), so "Wi-Fi" in a template matches "wifi", "wi fi" and "WI-FI" said or typed.
public struct SentenceTemplate: Sendable, Hashable {
    /// Why a template does not parse: the template and the position or name at fault.
    public struct SyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
        /// The template as written.
        public var template: String
        /// What is wrong, e.g. `missing ")"`.
        public var problem: String
        /// Creates an error.
        public init(template: String, problem: String) {
            self.template = template
            self.problem = problem
        }
        /// `Sentence template "turn (on": missing ")".`
        public var description: String { "Sentence template \"\(template)\": \(problem)." }
    }

    /// A node of the parsed template.
    public indirect enum Node: Sendable, Hashable {
        /// One normalised word.
        case word(String)
        /// Nodes one after the other.
        case sequence([Node])
        /// Exactly one of the alternatives (an empty sequence makes it optional).
        case alternatives([Node])
        /// A slot filled by the parameter of that name.
        case slot(String)
    }

    /// The template text as written.
    public let text: String
    /// The root node.
    public let root: Node

    /// Parses `text`, inlining `<rule>`s from `rules` (name → template body).
    /// - Throws: ``SyntaxError`` naming the template and the problem.
    public init(_ text: String, rules: [String: String] = [:]) throws(SyntaxError) {
        self.text = text
        var parser = Parser(text: Array(text), rules: rules, depth: 0, source: text)
        self.root = try parser.parseAll()
    }

    /// A template made from a tree (for example one whose slots were renamed).
    public init(text: String, root: Node) {
        self.text = text
        self.root = root
    }

    /// The same tree with every slot replaced by what `replace` returns for its name (nil drops the whole
    /// template: returns nil).
    public func replacingSlots(_ replace: (String) -> Node?) -> SentenceTemplate? {
        func map(_ node: Node) -> Node? {
            switch node {
            case .word: return node
            case .slot(let name): return replace(name)
            case .sequence(let children):
                var out: [Node] = []
                for c in children { guard let m = map(c) else { return nil }; out.append(m) }
                return .sequence(out)
            case .alternatives(let children):
                var out: [Node] = []
                for c in children { guard let m = map(c) else { return nil }; out.append(m) }
                return .alternatives(out)
            }
        }
        return map(root).map { SentenceTemplate(text: text, root: $0) }
    }

    /// An optional part: `[node]`.
    public static func optional(_ node: Node) -> Node { .alternatives([node, .sequence([])]) }

    /// Whether `node` is the empty sequence that makes an alternative optional.
    public static func isEmpty(_ node: Node) -> Bool {
        if case .sequence(let children) = node { return children.isEmpty }
        return false
    }

    /// The slot names in order of first appearance.
    public var slotNames: [String] {
        var out: [String] = []
        func walk(_ n: Node) {
            switch n {
            case .word: break
            case .slot(let s): if !out.contains(s) { out.append(s) }
            case .sequence(let ns), .alternatives(let ns): ns.forEach(walk)
            }
        }
        walk(root)
        return out
    }

    /// Every word sequence the template can produce, slots kept as `{name}`, up to `limit` sentences.
    public func expansions(limit: Int = 1000) -> [[String]] {
        func expand(_ n: Node) -> [[String]] {
            switch n {
            case .word(let w): return [[w]]
            case .slot(let s): return [["{\(s)}"]]
            case .alternatives(let ns):
                var out: [[String]] = []
                for x in ns { out += expand(x); if out.count >= limit { break } }
                return Array(out.prefix(limit))
            case .sequence(let ns):
                var acc: [[String]] = [[]]
                for x in ns {
                    let parts = expand(x)
                    var next: [[String]] = []
                    outer: for a in acc {
                        for p in parts {
                            next.append(a + p)
                            if next.count >= limit { break outer }
                        }
                    }
                    acc = next
                }
                return acc
            }
        }
        return expand(root)
    }

    struct Parser {
        let text: [Character]
        let rules: [String: String]
        let depth: Int
        let source: String
        var i = 0

        init(text: [Character], rules: [String: String], depth: Int, source: String) {
            self.text = text
            self.rules = rules
            self.depth = depth
            self.source = source
        }

        func error(_ what: String) -> SyntaxError {
            SyntaxError(template: source, problem: what)
        }

        mutating func parseAll() throws(SyntaxError) -> Node {
            let node = try parseAlternatives(closing: nil)
            guard i == text.count else { throw error("unexpected \"\(text[i])\" at position \(i + 1)") }
            return node
        }

        /// alternatives := sequence ('|' sequence)*  — stops before `closing`.
        mutating func parseAlternatives(closing: Character?) throws(SyntaxError) -> Node {
            var options: [Node] = [try parseSequence()]
            while i < text.count, text[i] == "|" {
                i += 1
                options.append(try parseSequence())
            }
            if let closing {
                guard i < text.count, text[i] == closing else { throw error("missing \"\(closing)\"") }
                i += 1
            }
            return options.count == 1 ? options[0] : .alternatives(options)
        }

        mutating func parseSequence() throws(SyntaxError) -> Node {
            var nodes: [Node] = []
            var literal = ""
            func flushLiteral() {
                for w in TextNormalizer.words(literal) { nodes.append(.word(w)) }
                literal = ""
            }
            while i < text.count {
                let c = text[i]
                switch c {
                case "|", ")", "]":
                    flushLiteral()
                    return nodes.count == 1 ? nodes[0] : .sequence(nodes)
                case "(":
                    flushLiteral(); i += 1
                    nodes.append(try parseAlternatives(closing: ")"))
                case "[":
                    flushLiteral(); i += 1
                    let inner = try parseAlternatives(closing: "]")
                    nodes.append(.alternatives([inner, .sequence([])]))
                case "{":
                    flushLiteral(); i += 1
                    let name = try readName(until: "}")
                    nodes.append(.slot(name))
                case "<":
                    flushLiteral(); i += 1
                    let name = try readName(until: ">")
                    guard let body = rules[name] else { throw error("unknown rule <\(name)>") }
                    guard depth < 8 else { throw error("rule <\(name)> refers to itself") }
                    var sub = Parser(text: Array(body), rules: rules, depth: depth + 1, source: source)
                    nodes.append(try sub.parseAll())
                case "}", ">":
                    throw error("unexpected \"\(c)\" at position \(i + 1)")
                default:
                    literal.append(c); i += 1
                }
            }
            flushLiteral()
            return nodes.count == 1 ? nodes[0] : .sequence(nodes)
        }

        mutating func readName(until end: Character) throws(SyntaxError) -> String {
            var name = ""
            while i < text.count, text[i] != end {
                name.append(text[i]); i += 1
            }
            guard i < text.count else { throw error("missing \"\(end)\"") }
            i += 1
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                throw error("\"\(name)\" is not a valid slot or rule name")
            }
            return trimmed
        }
    }
}
