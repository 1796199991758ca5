import Testing

@testable import TerminalUI

@Suite struct TerminalPaletteTests {
    @Test func defaultColoursUsePairZeroWithoutAllocating() {
        var palette = TerminalPalette(colorEnabled: true, maxPairs: 256)
        let (rendition, allocation) = palette.rendition(for: Style(bold: true))
        #expect(rendition == TerminalRendition(attributes: [.bold], pair: 0))
        #expect(allocation == nil)
        #expect(palette.allocatedPairs == 0)
    }

    @Test func pairsAreAllocatedLazilyInOrderOfFirstUse() {
        var palette = TerminalPalette(colorEnabled: true, maxPairs: 256)
        let red = palette.rendition(for: Style(foreground: .red))
        #expect(red.0.pair == 1)
        #expect(red.1 == .init(pair: 1, foreground: 1, background: -1))
        let badge = palette.rendition(for: Style(foreground: .white, background: .blue))
        #expect(badge.1 == .init(pair: 2, foreground: 7, background: 4))
        #expect(palette.allocatedPairs == 2)
    }

    @Test func theSameColoursReuseTheirPairWhateverTheAttributes() {
        var palette = TerminalPalette(colorEnabled: true, maxPairs: 256)
        _ = palette.rendition(for: Style(foreground: .green))
        let again = palette.rendition(for: Style(foreground: .green, bold: true, underline: true))
        #expect(again.0 == TerminalRendition(attributes: [.bold, .underline], pair: 1))
        #expect(again.1 == nil)
        #expect(palette.allocatedPairs == 1)
    }

    @Test func exhaustedPairsFallBackToDefaultColoursKeepingAttributes() {
        // COLOR_PAIRS = 3: pairs 1 and 2 are ours.
        var palette = TerminalPalette(colorEnabled: true, maxPairs: 3)
        _ = palette.rendition(for: Style(foreground: .red))
        _ = palette.rendition(for: Style(foreground: .green))
        let third = palette.rendition(for: Style(foreground: .blue, reverse: true))
        #expect(third.0 == TerminalRendition(attributes: [.reverse], pair: 0))
        #expect(third.1 == nil)
        #expect(palette.rendition(for: Style(foreground: .green)).0.pair == 2)
    }

    @Test func withoutDefaultColourSupportDefaultBecomesWhiteOnBlack() {
        var palette = TerminalPalette(colorEnabled: true, defaultColors: false, maxPairs: 64)
        let (rendition, allocation) = palette.rendition(for: Style(foreground: .yellow))
        #expect(rendition.pair == 1)
        #expect(allocation == .init(pair: 1, foreground: 3, background: 0))
        #expect(palette.rendition(for: .plain).1 == .init(pair: 2, foreground: 7, background: 0))
    }

    @Test func monochromeNeverAllocatesAndKeepsEveryAttribute() {
        var palette = TerminalPalette(colorEnabled: false, maxPairs: 256)
        let style = Style(foreground: .red, bold: true, dim: true, reverse: true, underline: true)
        let (rendition, allocation) = palette.rendition(for: style)
        #expect(rendition == TerminalRendition(attributes: [.bold, .dim, .reverse, .underline], pair: 0))
        #expect(allocation == nil)
        #expect(palette.allocatedPairs == 0)
    }

    @Test func monochromeTurnsABackgroundColourIntoReverseVideo() {
        let badge = Style(foreground: .white, background: .red, bold: true)
        #expect(TerminalRendition.attributes(for: badge, colorEnabled: false) == [.bold, .reverse])
        #expect(TerminalRendition.attributes(for: badge, colorEnabled: true) == [.bold])
        #expect(TerminalRendition.attributes(for: Style(foreground: .red), colorEnabled: false) == [])
    }
}
