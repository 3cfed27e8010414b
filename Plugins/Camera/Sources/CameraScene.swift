import Foundation
import RelayMedia

/// What the camera films until the user sets a source: a generated scene with a clock in it.
///
/// A phone's camera works the first time, so a fresh home must not refuse "take a picture". The scene is
/// drawn from the time alone — a sky whose colour follows the hour, a sun that moves across it, a
/// digital clock showing hours, minutes and seconds — so it needs no file, is the same for the same
/// instant (tests pin the clock), and two photos taken a second apart differ.
enum CameraScene {
    /// Width and height of the generated picture.
    static let width = 640, height = 480

    /// The picture at `date`, with the clock in `calendar`'s time zone.
    static func frame(at date: Date, calendar: Calendar) -> Frame {
        let parts = calendar.dateComponents([.hour, .minute, .second], from: date)
        let hour = parts.hour ?? 0, minute = parts.minute ?? 0, second = parts.second ?? 0
        let dayFraction = (Double(hour) * 3600 + Double(minute) * 60 + Double(second)) / 86_400
        var rgb = [UInt8](repeating: 0, count: width * height * 3)
        // Daylight: 0 at midnight, 1 at noon.
        let light = 0.5 - 0.5 * cos(2 * Double.pi * dayFraction)
        let horizon = height * 2 / 3
        for y in 0..<height {
            for x in 0..<width {
                let i = (y * width + x) * 3
                if y < horizon {
                    let t = Double(y) / Double(horizon)
                    rgb[i] = UInt8(20 + 100 * light * (1 - t) + 60 * t * light)
                    rgb[i + 1] = UInt8(30 + 140 * light * (1 - 0.5 * t))
                    rgb[i + 2] = UInt8(60 + 180 * light)
                } else {
                    // Grass with stripes, so the picture has texture for encoders and analysis.
                    let stripe = ((x + y) / 12) % 2 == 0 ? 0.9 : 1.0
                    rgb[i] = UInt8(30 * stripe * (0.4 + 0.6 * light))
                    rgb[i + 1] = UInt8(150 * stripe * (0.4 + 0.6 * light))
                    rgb[i + 2] = UInt8(40 * stripe * (0.4 + 0.6 * light))
                }
            }
        }
        // The sun (or moon) crosses the sky once a day.
        let cx = Int(Double(width) * dayFraction), cy = horizon / 2 - Int(Double(horizon / 3) * light)
        fillCircle(&rgb, cx: cx, cy: cy, r: 28, colour: light > 0.3 ? (255, 220, 80) : (220, 220, 235))
        // The clock: a dark panel with the time in large digits.
        let text = String(format: "%02d:%02d:%02d", hour, minute, second)
        let scale = 8, glyphWidth = 6 * scale
        let textWidth = text.count * glyphWidth - scale
        let left = (width - textWidth) / 2, top = horizon + (height - horizon - 7 * scale) / 2
        fillRect(&rgb, x: left - 12, y: top - 12, w: textWidth + 24, h: 7 * scale + 24, colour: (16, 16, 24))
        for (n, ch) in text.enumerated() {
            drawGlyph(&rgb, ch, x: left + n * glyphWidth, y: top, scale: scale, colour: (255, 80, 60))
        }
        return Frame(width: width, height: height, rgb: rgb)
    }

    private static func set(_ rgb: inout [UInt8], _ x: Int, _ y: Int, _ c: (UInt8, UInt8, UInt8)) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        let i = (y * width + x) * 3
        rgb[i] = c.0; rgb[i + 1] = c.1; rgb[i + 2] = c.2
    }

    private static func fillRect(_ rgb: inout [UInt8], x: Int, y: Int, w: Int, h: Int, colour: (UInt8, UInt8, UInt8)) {
        for yy in y..<(y + h) { for xx in x..<(x + w) { set(&rgb, xx, yy, colour) } }
    }

    private static func fillCircle(_ rgb: inout [UInt8], cx: Int, cy: Int, r: Int, colour: (UInt8, UInt8, UInt8)) {
        for yy in (cy - r)...(cy + r) {
            for xx in (cx - r)...(cx + r) where (xx - cx) * (xx - cx) + (yy - cy) * (yy - cy) <= r * r { set(&rgb, xx, yy, colour) }
        }
    }

    /// 5×7 bitmaps of the digits and the colon, one row a string.
    private static let glyphs: [Character: [String]] = [
        "0": ["01110", "10001", "10011", "10101", "11001", "10001", "01110"],
        "1": ["00100", "01100", "00100", "00100", "00100", "00100", "01110"],
        "2": ["01110", "10001", "00001", "00010", "00100", "01000", "11111"],
        "3": ["11111", "00010", "00100", "00010", "00001", "10001", "01110"],
        "4": ["00010", "00110", "01010", "10010", "11111", "00010", "00010"],
        "5": ["11111", "10000", "11110", "00001", "00001", "10001", "01110"],
        "6": ["00110", "01000", "10000", "11110", "10001", "10001", "01110"],
        "7": ["11111", "00001", "00010", "00100", "01000", "01000", "01000"],
        "8": ["01110", "10001", "10001", "01110", "10001", "10001", "01110"],
        "9": ["01110", "10001", "10001", "01111", "00001", "00010", "01100"],
        ":": ["00000", "01100", "01100", "00000", "01100", "01100", "00000"],
    ]

    private static func drawGlyph(_ rgb: inout [UInt8], _ ch: Character, x: Int, y: Int, scale: Int, colour: (UInt8, UInt8, UInt8)) {
        guard let rows = glyphs[ch] else { return }
        for (row, bits) in rows.enumerated() {
            for (column, bit) in bits.enumerated() where bit == "1" {
                fillRect(&rgb, x: x + column * scale, y: y + row * scale, w: scale, h: scale, colour: colour)
            }
        }
    }
}
