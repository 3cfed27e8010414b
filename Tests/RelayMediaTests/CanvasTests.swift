import Foundation
import RelayCore
import RelayTestSupport
import Testing
@testable import RelayMedia

/// FreeType text on a canvas: faces load (and fail) as typed errors, text is measured with kerning and ellipsised, and
/// what is drawn survives the PNG round trip through the project's encoder and decoder.
@Suite struct CanvasTests {
    @Test func missingFontIsATypedErrorNamingTheFile() throws {
        #expect(throws: MediaError.self) { try Typeface(path: "/nonexistent/font.ttf", pixelSize: 16) }
        do {
            _ = try Typeface(path: "/nonexistent/font.ttf", pixelSize: 16)
        } catch let error as MediaError {
            #expect(error.code == .fontFailed)
            #expect(error.description.contains("/nonexistent/font.ttf"))
            #expect(error.description.contains("fonts-dejavu-core"))
        }
        // A file that is not a font: FreeType's own message and function.
        let notAFont = try Fixtures.folder().appendingPathComponent("not-a-font.ttf")
        try Data("hello".utf8).write(to: notAFont)
        do {
            _ = try Typeface(path: notAFont.path, pixelSize: 16)
            Issue.record("a text file loaded as a font")
        } catch let error as MediaError {
            #expect(error.code == .fontFailed)
            #expect(error.cFunction == "FT_New_Face")
            #expect(error.underlying == "unknown file format")
        }
    }

    @Test func measuresKernsAndEllipsises() throws {
        let face = try Typeface(path: Typeface.dejaVuSans, pixelSize: 40)
        #expect(face.ascender > 30 && face.ascender < 45 && face.descender > 5 && face.lineHeight >= face.ascender + face.descender - 2)
        let hello = try face.measure("Hello")
        #expect(hello > 80 && hello < 140, "Hello is \(hello) px at 40 px")
        // Kerning pulls "AV" closer than "A" and "V" apart (DejaVu Sans has a kern table).
        #expect(try face.measure("AV") < face.measure("A") + face.measure("V"))
        #expect(try face.measure("") == 0)
        let cut = try face.truncated("Airplane mode is on", toWidth: 150)
        #expect(cut.hasSuffix("…") && cut.count < "Airplane mode is on".count)
        #expect(try face.measure(cut) <= 150)
        #expect(try face.truncated("Wi-Fi", toWidth: 500) == "Wi-Fi")
    }

    @Test func drawnTextSurvivesThePNGRoundTrip() throws {
        let face = try Typeface(path: Typeface.dejaVuSansBold, pixelSize: 48)
        var canvas = Canvas(width: 320, height: 120, color: .white)
        canvas.fillRoundedRect(PixelRect(x: 10, y: 10, width: 100, height: 60), radius: 20, RGBColor(0, 0, 255))
        let width = try canvas.draw("Relay", at: (130, 80), in: face, color: .black)
        #expect(width > 100)
        // A rounded corner is blended: its outermost pixel stays white, the middle is blue.
        #expect(canvas.pixel(x: 10, y: 10) == .white)
        #expect(canvas.pixel(x: 60, y: 40) == RGBColor(0, 0, 255))
        let url = try Fixtures.folder().appendingPathComponent("canvas.png")
        try Data(canvas.encodePNG()).write(to: url)
        let back = try ImageCodec.decode(url)
        #expect(back.width == 320 && back.height == 120)
        #expect(back.rgb == canvas.rgb)
        // The text's box has dark pixels and anti-aliased grey ones, and nothing leaks above the glyphs.
        var dark = 0, grey = 0
        for y in 30..<92 {
            for x in 130..<(130 + width) {
                let p = back.pixel(x: x, y: y)
                if p.r < 60 { dark += 1 } else if p.r < 200 { grey += 1 }
            }
        }
        #expect(dark > 500 && grey > 100, "dark \(dark), grey \(grey)")
        #expect((130..<300).allSatisfy { back.pixel(x: $0, y: 20) == (255, 255, 255) })
    }

    @Test func imagesAreScaledIntoARect() {
        let image = Frame(width: 2, height: 1, rgb: [255, 0, 0, 0, 0, 255])
        var canvas = Canvas(width: 40, height: 20)
        canvas.clip = PixelRect(x: 0, y: 0, width: 30, height: 20)
        canvas.draw(image, in: PixelRect(x: 0, y: 0, width: 40, height: 20))
        #expect(canvas.pixel(x: 0, y: 10) == RGBColor(255, 0, 0))
        #expect(canvas.pixel(x: 29, y: 10).b > 200)
        #expect(canvas.pixel(x: 35, y: 10) == .white, "outside the clip nothing is drawn")
    }
}
