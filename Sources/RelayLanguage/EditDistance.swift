/// Edit distance (optimal string alignment), for "did you mean" suggestions and near spellings in the matcher.
public enum EditDistance {
    /// The number of single-character insertions, deletions, substitutions and adjacent swaps
    /// turning `a` into `b` ("levle" → "level" is 1: recognisers and typists swap letters).
    ///
    /// With `limit`, gives up once every alignment costs more and returns `limit + 1` (the matcher only asks
    /// whether two words are within one or two edits, for many pairs per utterance).
    public static func between(_ a: String, _ b: String, limit: Int? = nil) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return limit.map { min(y.count, $0 + 1) } ?? y.count }
        if y.isEmpty { return limit.map { min(x.count, $0 + 1) } ?? x.count }
        // Three rolling rows: the swap rule looks two rows back.
        var twoBack = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        var previousMinimum = 0
        for i in 1...x.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { d = min(d, twoBack[j - 2] + 1) }
                current[j] = d
                rowMinimum = min(rowMinimum, d)
            }
            // Every later cell costs at least the smaller minimum of the last two rows.
            if let limit, min(rowMinimum, previousMinimum) > limit { return limit + 1 }
            previousMinimum = rowMinimum
            (twoBack, previous, current) = (previous, current, twoBack)
        }
        let d = previous[y.count]
        return limit.map { min(d, $0 + 1) } ?? d
    }
}
