public import Foundation
import RelayPerception
import RelayMedia
import RelayModel

/// Writes a self-contained HTML report of one or more analyses: nothing is loaded from the network —
/// keyframes are `data:` URLs, charts are inline SVG, styles are inline.
///
/// Per file: a header (duration, scenes, tokens), a contact sheet of scene keyframes, a timeline chart
/// (brightness, motion and loudness over time, scene boundaries as bands, events as coloured bars), the
/// scenes table, the events and any warnings. The markup is also well-formed XML (XHTML-compatible), so
/// tests can parse it.
public enum VideoReport {
    /// The report document.
    public static func html(_ analyses: [VideoAnalysis], title: String = "Relay video analysis") -> String {
        var body = ""
        for (i, analysis) in analyses.enumerated() { body += section(analysis, number: i + 1) }
        return """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
            <head>
            <meta charset="utf-8"/>
            <title>\(escape(title))</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 24px; color: #222; background: #fafafa; }
            h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 32px; border-bottom: 1px solid #ccc; }
            .sheet { display: flex; flex-wrap: wrap; gap: 10px; }
            .sheet figure { margin: 0; background: #fff; border: 1px solid #ddd; padding: 4px; }
            .sheet img { display: block; width: 192px; height: auto; }
            .sheet figcaption { font-size: 12px; color: #555; }
            table { border-collapse: collapse; font-size: 13px; margin-top: 8px; }
            th, td { border: 1px solid #ddd; padding: 3px 8px; text-align: left; }
            .swatch { display: inline-block; width: 12px; height: 12px; border: 1px solid #999; margin-right: 3px; vertical-align: middle; }
            .warning { color: #a40; }
            svg text { font-size: 11px; fill: #444; }
            </style>
            </head>
            <body>
            <h1>\(escape(title))</h1>
            \(body)</body>
            </html>

            """
    }

    /// Writes the report to `url`.
    public static func write(_ analyses: [VideoAnalysis], to url: URL, title: String = "Relay video analysis") throws {
        try Data(html(analyses, title: title).utf8).write(to: url, options: .atomic)
    }

    // MARK: - Sections

    static func section(_ analysis: VideoAnalysis, number: Int) -> String {
        let timeline = analysis.timeline
        let s = VideoQuestionAnswerer.seconds
        var html = "<section class=\"file\" id=\"file-\(number)\">\n"
        html += "<h2>\(escape(analysis.file.lastPathComponent))</h2>\n<p>"
        html += "\(s(timeline.duration)) s · \(timeline.width)×\(timeline.height) · \(timeline.scenes.count) scene\(timeline.scenes.count == 1 ? "" : "s") · \(timeline.events.count) events"
        if let plan = analysis.plan {
            html += " · Qwen2.5-VL: \(plan.nframes) frames at \(plan.resizedWidth)×\(plan.resizedHeight), \(plan.visualTokens) visual tokens"
        }
        html += "</p>\n"
        for warning in analysis.warnings { html += "<p class=\"warning\">Warning: \(escape(warning))</p>\n" }

        html += "<h3>Scenes</h3>\n<div class=\"sheet\">\n"
        for scene in timeline.scenes {
            html += "<figure>"
            if let key = analysis.keyframe(ofScene: scene.index) {
                html += "<img alt=\"Scene \(scene.index + 1) keyframe\" width=\"\(key.width)\" height=\"\(key.height)\" src=\"data:image/jpeg;base64,\(Data(key.jpeg).base64EncodedString())\"/>"
            }
            html += "<figcaption>Scene \(scene.index + 1) · \(s(scene.start))–\(s(scene.end)) s</figcaption></figure>\n"
        }
        html += "</div>\n<h3>Timeline</h3>\n" + chart(timeline) + "\n"

        html += "<table class=\"scenes\">\n<tr><th>#</th><th>start</th><th>end</th><th>keyframe</th><th>colours</th><th>brightness</th><th>motion</th><th>description</th></tr>\n"
        for scene in timeline.scenes {
            let swatches = scene.dominantColors.map {
                "<span class=\"swatch\" style=\"background:\(css($0))\"></span>\($0.rawValue)"
            }.joined(separator: " ")
            html += "<tr><td>\(scene.index + 1)</td><td>\(s(scene.start))</td><td>\(s(scene.end))</td><td>\(s(scene.keyframeTime))</td><td>\(swatches)</td><td>\(String(format: "%.2f", scene.meanBrightness))</td><td>\(String(format: "%.3f", scene.motion))</td><td>\(escape(scene.description))</td></tr>\n"
        }
        html += "</table>\n"
        if !timeline.events.isEmpty {
            html += "<table class=\"events\">\n<tr><th>event</th><th>start</th><th>end</th></tr>\n"
            for event in timeline.events {
                html += "<tr><td><span class=\"swatch\" style=\"background:\(eventColor(event.kind))\"></span>\(event.kind.rawValue)</td><td>\(s(event.start))</td><td>\(s(event.end))</td></tr>\n"
            }
            html += "</table>\n"
        }
        return html + "</section>\n"
    }

    // MARK: - Chart

    static let chartWidth = 960.0
    static let left = 60.0

    /// Three stacked line charts over a common time axis, scenes as bands, events as bars.
    static func chart(_ timeline: PerceptionTimeline) -> String {
        let duration = max(timeline.duration, 0.001)
        let plotWidth = chartWidth - left - 10
        func x(_ t: Double) -> Double { left + min(max(t / duration, 0), 1) * plotWidth }
        let laneHeight = 70.0
        let eventKinds = VideoEventKind.allCases
        let height = 20 + 3 * (laneHeight + 10) + Double(eventKinds.count) * 14 + 30
        var svg = "<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(chartWidth))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(chartWidth)) \(Int(height))\">\n"
        svg += "<rect x=\"0\" y=\"0\" width=\"\(Int(chartWidth))\" height=\"\(Int(height))\" fill=\"#fff\"/>\n"
        // Scene bands.
        for scene in timeline.scenes {
            let fill = scene.index % 2 == 0 ? "#f2f2f2" : "#e6eef7"
            svg += "<rect class=\"scene\" x=\(q(x(scene.start))) y=\"10\" width=\(q(max(0.5, x(scene.end) - x(scene.start)))) height=\(q(3 * (laneHeight + 10))) fill=\"\(fill)\"><title>Scene \(scene.index + 1)</title></rect>\n"
        }
        for cut in timeline.cuts {
            svg += "<line class=\"cut\" x1=\(q(x(cut))) x2=\(q(x(cut))) y1=\"10\" y2=\(q(10 + 3 * (laneHeight + 10))) stroke=\"#888\" stroke-dasharray=\"3,2\"/>\n"
        }
        let series: [(String, String, [(Double, Double)], ClosedRange<Double>)] = [
            ("brightness", "#d08000", timeline.frames.map { ($0.time, Double($0.brightness)) }, 0...1),
            ("motion", "#2060c0", timeline.frames.map { ($0.time, Double($0.motion ?? 0)) },
             0...max(0.02, timeline.frames.compactMap { $0.motion.map(Double.init) }.max() ?? 0)),
            ("loudness dBFS", "#20a040", timeline.audio.map { ($0.start + $0.duration / 2, max(-60, $0.loudness)) }, -60...0),
        ]
        for (lane, (name, color, points, range)) in series.enumerated() {
            let top = 10 + Double(lane) * (laneHeight + 10)
            func y(_ v: Double) -> Double {
                let f = (min(max(v, range.lowerBound), range.upperBound) - range.lowerBound) / (range.upperBound - range.lowerBound)
                return top + laneHeight - f * laneHeight
            }
            svg += "<text x=\"4\" y=\(q(top + 12))>\(escape(name))</text>\n"
            svg += "<line x1=\(q(left)) x2=\(q(left + plotWidth)) y1=\(q(top + laneHeight)) y2=\(q(top + laneHeight)) stroke=\"#bbb\"/>\n"
            let reduced = downsample(points, buckets: Int(plotWidth), duration: duration)
            guard !reduced.isEmpty else { continue }
            let path = reduced.map { "\(fmt(x($0.0))),\(fmt(y($0.1)))" }.joined(separator: " ")
            svg += "<polyline class=\"series\" data-series=\"\(escape(name))\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"1.2\" points=\"\(path)\"/>\n"
        }
        let eventsTop = 10 + 3 * (laneHeight + 10) + 6
        for (row, kind) in eventKinds.enumerated() {
            let y = eventsTop + Double(row) * 14
            svg += "<text x=\"4\" y=\(q(y + 10))>\(kind.rawValue)</text>\n"
            for event in timeline.events(kind) {
                svg += "<rect class=\"event\" data-kind=\"\(kind.rawValue)\" x=\(q(x(event.start))) y=\(q(y + 2)) width=\(q(max(1, x(event.end) - x(event.start)))) height=\"10\" fill=\"\(eventColor(kind))\"><title>\(kind.rawValue) \(VideoQuestionAnswerer.seconds(event.start))–\(VideoQuestionAnswerer.seconds(event.end)) s</title></rect>\n"
            }
        }
        // Time axis ticks.
        let axisY = eventsTop + Double(eventKinds.count) * 14 + 4
        let step = niceStep(duration / 8)
        var t = 0.0
        while t <= duration + 1e-9 {
            svg += "<text x=\(q(x(t) - 8)) y=\(q(axisY + 12))>\(fmtTime(t))</text>\n"
            t += step
        }
        return svg + "</svg>"
    }

    /// At most `buckets` points: for each time bucket the minimum and maximum (so spikes survive).
    static func downsample(_ points: [(Double, Double)], buckets: Int, duration: Double) -> [(Double, Double)] {
        guard points.count > buckets * 2, buckets > 0 else { return points }
        var out: [(Double, Double)] = []
        var bucket = -1
        var lo = (0.0, Double.infinity), hi = (0.0, -Double.infinity)
        func flush() {
            guard bucket >= 0 else { return }
            out.append(lo.0 <= hi.0 ? lo : hi)
            out.append(lo.0 <= hi.0 ? hi : lo)
        }
        for p in points {
            let b = min(buckets - 1, Int(p.0 / duration * Double(buckets)))
            if b != bucket {
                flush()
                bucket = b
                lo = p; hi = p
            } else {
                if p.1 < lo.1 { lo = p }
                if p.1 > hi.1 { hi = p }
            }
        }
        flush()
        return out
    }

    static func niceStep(_ raw: Double) -> Double {
        let candidates = [0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600]
        return candidates.first { $0 >= raw } ?? 3600
    }

    static func fmtTime(_ t: Double) -> String {
        t >= 60 ? String(format: "%d:%02d", Int(t) / 60, Int(t) % 60) : (t == t.rounded() ? "\(Int(t))s" : String(format: "%.1fs", t))
    }

    static func fmt(_ v: Double) -> String { String(format: "%.1f", v) }
    static func q(_ v: Double) -> String { "\"\(fmt(v))\"" }

    static func eventColor(_ kind: VideoEventKind) -> String {
        switch kind {
        case .dark: return "#333333"
        case .bright: return "#f0c000"
        case .still: return "#9aa0a6"
        case .motion: return "#2060c0"
        case .loud: return "#d03030"
        case .silent: return "#c0d0c0"
        case .speech: return "#20a040"
        }
    }

    static func css(_ color: NamedColor) -> String {
        switch color {
        case .black: return "#000"
        case .white: return "#fff"
        case .gray: return "#888"
        case .red: return "#e00"
        case .orange: return "#f90"
        case .yellow: return "#ee0"
        case .green: return "#0a0"
        case .cyan: return "#0dd"
        case .blue: return "#00e"
        case .purple: return "#808"
        case .magenta: return "#f0f"
        case .pink: return "#f8b"
        case .brown: return "#852"
        }
    }

    /// Escapes text for HTML/XML content and attributes.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
