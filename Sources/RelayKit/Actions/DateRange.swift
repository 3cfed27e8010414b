public import Foundation

/// A span of days a date parameter names: "today", "last week", "in March", or ISO dates.
///
/// Date arguments travel as a canonical *spec* string so sentences, golden tests and audit lines stay
/// stable from day to day; the dispatcher resolves the spec against the command's clock and calendar
/// into `start ..< end`. Specs:
///
/// | spec | meaning |
/// |---|---|
/// | `today`, `yesterday`, `tomorrow` | that day |
/// | `this_week`, `last_week`, `next_week` | calendar weeks (the calendar's first weekday) |
/// | `this_month`, `last_month`, `this_year`, `last_year` | calendar months / years |
/// | `last_7_days` (any N) | the N days ending today, today included |
/// | `3_days_ago` (any N) | that day |
/// | `march` (any month name) | the most recent March that has started (this year's or last year's) |
/// | `march_3` (month name and day) | the most recent March 3 that has started |
/// | `monday` (any weekday) | the most recent Monday, today included |
/// | `2026-03-04`, `2026-03`, `2026` | that day, month, year |
/// | `2026-03-01/2026-03-10` | the days from the first to the second, both included |
public struct DateRange: Sendable, Hashable, CustomStringConvertible {
    /// First instant included.
    public var start: Date
    /// First instant after the range.
    public var end: Date
    /// The spec it was resolved from.
    public var spec: String

    /// Creates a range.
    public init(start: Date, end: Date, spec: String) {
        self.start = start
        self.end = end
        self.spec = spec
    }

    /// Whether `date` lies in `start ..< end`.
    public func contains(_ date: Date) -> Bool { date >= start && date < end }

    public var description: String { spec }

    /// English month names, index 0 = January; also the month specs.
    public static let monthNames = [
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    ]

    /// English weekday names, index 0 = Sunday; also the weekday specs.
    public static let weekdayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]

    /// Whether `spec` is one this type can resolve (independent of the clock).
    public static func isValidSpec(_ spec: String) -> Bool {
        canonicalSpec(spec) != nil
    }

    /// The canonical form of a valid spec ("Last Week" → "last_week"), or nil.
    public static func canonicalSpec(_ spec: String) -> String? {
        resolve(spec, now: Date(timeIntervalSince1970: 1_700_000_000), calendar: Calendar(identifier: .gregorian))?.spec
    }

    /// Resolves a spec against `now` in `calendar`; nil when the spec is not understood.
    public static func resolve(_ rawSpec: String, now: Date, calendar: Calendar) -> DateRange? {
        let spec = rawSpec.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: " ", with: "_")
        func day(_ offset: Int) -> DateRange? {
            let today = calendar.startOfDay(for: now)
            guard let s = calendar.date(byAdding: .day, value: offset, to: today),
                  let e = calendar.date(byAdding: .day, value: 1, to: s) else { return nil }
            return DateRange(start: s, end: e, spec: spec)
        }
        func interval(_ component: Calendar.Component, offset: Int) -> DateRange? {
            guard let shifted = calendar.date(byAdding: component, value: offset, to: now),
                  let iv = calendar.dateInterval(of: component, for: shifted) else { return nil }
            return DateRange(start: iv.start, end: iv.end, spec: spec)
        }
        switch spec {
        case "today": return day(0)
        case "yesterday": return day(-1)
        case "tomorrow": return day(1)
        case "this_week": return interval(.weekOfYear, offset: 0)
        case "last_week": return interval(.weekOfYear, offset: -1)
        case "next_week": return interval(.weekOfYear, offset: 1)
        case "this_month": return interval(.month, offset: 0)
        case "last_month": return interval(.month, offset: -1)
        case "this_year": return interval(.year, offset: 0)
        case "last_year": return interval(.year, offset: -1)
        default: break
        }
        if spec.hasPrefix("last_"), spec.hasSuffix("_days"),
           let n = Int(spec.dropFirst(5).dropLast(5)), n > 0, n <= 3660,
           let first = day(-(n - 1)), let today = day(0) {
            return DateRange(start: first.start, end: today.end, spec: spec)
        }
        if spec.hasSuffix("_days_ago"), let n = Int(spec.dropLast(9)), n >= 0, n <= 36600, let d = day(-n) {
            return d
        }
        if let weekday = weekdayNames.firstIndex(of: spec) {
            // Calendar weekdays are 1 = Sunday … 7 = Saturday.
            let today = calendar.component(.weekday, from: now)
            let back = (today - (weekday + 1) + 7) % 7
            return day(-back)
        }
        if let underscore = spec.firstIndex(of: "_"), let monthIndex = monthNames.firstIndex(of: String(spec[..<underscore])),
           let dayOfMonth = Int(spec[spec.index(after: underscore)...]), (1...31).contains(dayOfMonth) {
            let currentYear = calendar.component(.year, from: now)
            for year in [currentYear, currentYear - 1, currentYear - 2, currentYear - 3, currentYear - 4] {
                var c = DateComponents(); c.year = year; c.month = monthIndex + 1; c.day = dayOfMonth
                guard let s = calendar.date(from: c), calendar.component(.day, from: s) == dayOfMonth,
                      let e = calendar.date(byAdding: .day, value: 1, to: s) else { continue }  // Feb 29 in other years
                if s <= now { return DateRange(start: s, end: e, spec: spec) }
            }
            return nil
        }
        if let monthIndex = monthNames.firstIndex(of: spec) {
            let month = monthIndex + 1
            let currentYear = calendar.component(.year, from: now)
            let currentMonth = calendar.component(.month, from: now)
            let year = month <= currentMonth ? currentYear : currentYear - 1
            return monthRange(year: year, month: month, calendar: calendar, spec: spec)
        }
        if spec.contains("/") {
            let parts = spec.split(separator: "/").map(String.init)
            guard parts.count == 2, let a = resolve(parts[0], now: now, calendar: calendar),
                  let b = resolve(parts[1], now: now, calendar: calendar), a.start < b.end else { return nil }
            return DateRange(start: a.start, end: b.end, spec: spec)
        }
        let numbers = spec.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard !numbers.isEmpty, numbers.allSatisfy({ $0 != nil }) else { return nil }
        let n = numbers.compactMap { $0 }
        switch n.count {
        case 1 where (1...9999).contains(n[0]):
            var c = DateComponents(); c.year = n[0]; c.month = 1; c.day = 1
            guard let s = calendar.date(from: c), let e = calendar.date(byAdding: .year, value: 1, to: s) else { return nil }
            return DateRange(start: s, end: e, spec: spec)
        case 2: return monthRange(year: n[0], month: n[1], calendar: calendar, spec: spec)
        case 3:
            guard (1...12).contains(n[1]), (1...31).contains(n[2]) else { return nil }
            var c = DateComponents(); c.year = n[0]; c.month = n[1]; c.day = n[2]
            guard let s = calendar.date(from: c), calendar.component(.day, from: s) == n[2],
                  let e = calendar.date(byAdding: .day, value: 1, to: s) else { return nil }
            return DateRange(start: s, end: e, spec: spec)
        default: return nil
        }
    }

    private static func monthRange(year: Int, month: Int, calendar: Calendar, spec: String) -> DateRange? {
        guard (1...12).contains(month) else { return nil }
        var c = DateComponents(); c.year = year; c.month = month; c.day = 1
        guard let s = calendar.date(from: c), let e = calendar.date(byAdding: .month, value: 1, to: s) else { return nil }
        return DateRange(start: s, end: e, spec: spec)
    }
}
