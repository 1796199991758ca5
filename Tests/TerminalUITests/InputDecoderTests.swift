import Testing

@testable import TerminalUI

/// Decodes one batch of `text` (as a terminal sends it) and returns the keys.
private func keys(_ text: String) -> [Key] {
    var decoder = InputDecoder()
    return keys(decoder.decode(InputUnit.units(text)))
}

private func keys(_ units: [InputUnit]) -> [Key] {
    var decoder = InputDecoder()
    return keys(decoder.decode(units))
}

private func keys(_ outputs: [InputDecoder.Output]) -> [Key] {
    outputs.compactMap { if case .key(let key) = $0 { key } else { nil } }
}

@Suite struct InputDecoderTests {
    @Test func printableCharactersAreTheirOwnKeys() {
        #expect(keys("aZ?/ ") == [.character("a"), .character("Z"), .character("?"), .character("/"), .character(" ")])
    }

    @Test func utf8BytesDecodeToCharacters() {
        let bytes = Array("é日🎉".utf8)
        var decoder = InputDecoder()
        let decoded = keys(decoder.decode(InputUnit.units(utf8: bytes)))
        #expect(decoded == [.character("é"), .character("日"), .character("🎉")])
    }

    @Test func invalidUTF8BecomesReplacementCharacter() {
        var decoder = InputDecoder()
        #expect(
            keys(decoder.decode(InputUnit.units(utf8: [0x61, 0xFF, 0x62])))
                == [.character("a"), .character("\u{FFFD}"), .character("b")])
    }

    @Test func combiningMarkJoinsThePreviousCharacter() {
        #expect(keys("e\u{301}x") == [.character("e\u{301}"), .character("x")])
        #expect(keys("👍\u{1F3FD}") == [.character("👍\u{1F3FD}")])
        #expect(keys("🇩🇪") == [.character("🇩🇪")])
    }

    @Test func controlLettersBecomeControlKeys() {
        #expect(
            keys("\u{01}\u{03}\u{13}\u{1A}\u{0C}") == [
                .control("a"), .control("c"), .control("s"), .control("z"), .control("l"),
            ])
        #expect(keys("\u{00}\u{1C}\u{1F}") == [.control("@"), .control("\\"), .control("_")])
    }

    @Test func tabEnterAndBackspaceBytes() {
        #expect(keys("\t") == [.tab])
        #expect(keys("\r\n") == [.enter, .enter])
        #expect(keys("\u{7F}\u{08}") == [.backspace, .backspace])
    }

    @Test func escapeAloneAtTheEndOfABatchIsEscape() {
        #expect(keys("\u{1B}") == [.escape])
        #expect(keys("\u{1B}\u{1B}") == [.escape, .escape])
    }

    @Test func escapeFollowedByACharacterIsBoth() {
        #expect(keys("\u{1B}j") == [.escape, .character("j")])
        #expect(keys("\u{1B}[") == [.escape, .character("[")])
        #expect(keys("\u{1B}O") == [.escape, .character("O")])
        #expect(keys("\u{1B}[1") == [.escape, .character("["), .character("1")])
    }

    @Test func escapeStateDoesNotLeakIntoTheNextBatch() {
        var decoder = InputDecoder()
        #expect(keys(decoder.decode(InputUnit.units("\u{1B}"))) == [.escape])
        #expect(keys(decoder.decode(InputUnit.units("A"))) == [.character("A")])
    }

    @Test func ncursesKeyCodes() {
        let table: [(Int32, Key)] = [
            (InputKeyCode.up, .up), (InputKeyCode.down, .down), (InputKeyCode.left, .left),
            (InputKeyCode.right, .right), (InputKeyCode.home, .home), (InputKeyCode.end, .end),
            (InputKeyCode.pageUp, .pageUp), (InputKeyCode.pageDown, .pageDown),
            (InputKeyCode.backTab, .backTab), (InputKeyCode.enter, .enter),
            (InputKeyCode.backspace, .backspace), (InputKeyCode.delete, .delete),
            (InputKeyCode.insert, .insert), (InputKeyCode.function(1), .function(1)),
            (InputKeyCode.function(12), .function(12)), (InputKeyCode.suspend, .control("z")),
        ]
        for (code, key) in table {
            #expect(keys([.keyCode(code)]) == [key], "code \(code)")
        }
    }

    @Test func homeAndEndVariantsThatNcursesReports() {
        #expect(keys([.keyCode(InputKeyCode.find), .keyCode(InputKeyCode.select)]) == [.home, .end])
        #expect(
            keys([.keyCode(InputKeyCode.keypadUpperLeft), .keyCode(InputKeyCode.keypadLowerLeft)]) == [.home, .end])
        #expect(keys([.keyCode(InputKeyCode.beginning), .keyCode(InputKeyCode.lowerLeft)]) == [.home, .end])
        #expect(
            keys([.keyCode(InputKeyCode.keypadUpperRight), .keyCode(InputKeyCode.keypadLowerRight)])
                == [.pageUp, .pageDown])
    }

    @Test func modifiedExtendedKeysDecodeByName() {
        #expect(
            keys([.keyName("kUP5"), .keyName("kDN3"), .keyName("kHOM5"), .keyName("kEND2"), .keyName("kNXT5")])
                == [.up, .down, .home, .end, .pageDown])
        #expect(keys([.keyName("kcbt2")]) == [.backTab])
        #expect(keys([.keyName("kUP"), .keyName("kxIN"), .keyName("kUPx")]).isEmpty)
    }

    @Test func unknownKeyCodesAreIgnored() {
        #expect(keys([.keyCode(InputKeyCode.function(30)), .keyCode(0x1FF)]).isEmpty)
    }

    @Test func rawCursorSequences() {
        #expect(keys("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D") == [.up, .down, .right, .left])
        #expect(keys("\u{1B}OA\u{1B}OB\u{1B}OC\u{1B}OD") == [.up, .down, .right, .left])
        #expect(keys("\u{1B}[1;5A\u{1B}[1;2D") == [.up, .left])
    }

    @Test func rawHomeEndVariantsOfXtermRxvtAndTmux() {
        #expect(keys("\u{1B}[H\u{1B}[F\u{1B}OH\u{1B}OF") == [.home, .end, .home, .end])
        #expect(keys("\u{1B}[1~\u{1B}[4~\u{1B}[7~\u{1B}[8~") == [.home, .end, .home, .end])
    }

    @Test func rawEditingAndPageKeys() {
        #expect(
            keys("\u{1B}[2~\u{1B}[3~\u{1B}[5~\u{1B}[6~\u{1B}[Z") == [.insert, .delete, .pageUp, .pageDown, .backTab])
        #expect(keys("\u{1B}[3;5~") == [.delete])
    }

    @Test func rawFunctionKeys() {
        #expect(keys("\u{1B}OP\u{1B}OQ\u{1B}OR\u{1B}OS") == [.function(1), .function(2), .function(3), .function(4)])
        #expect(
            keys("\u{1B}[15~\u{1B}[17~\u{1B}[21~\u{1B}[23~\u{1B}[24~")
                == [.function(5), .function(6), .function(10), .function(11), .function(12)])
        #expect(keys("\u{1B}[1;2P") == [.function(1)])
    }

    @Test func sgrMouseWheelScrollsLikeArrowsAndClicksAreIgnored() {
        #expect(keys("\u{1B}[<64;10;5M\u{1B}[<65;10;5M") == [.up, .down])
        #expect(keys("\u{1B}[<0;10;5M\u{1B}[<0;10;5m\u{1B}[<64;1;1m").isEmpty)
    }

    @Test func unknownSequencesAreDroppedNotTyped() {
        #expect(keys("\u{1B}[99~x") == [.character("x")])
        #expect(keys("\u{1B}[<0;10;5Mx") == [.character("x")])
        #expect(keys("\u{1B}[?1;2cx") == [.character("x")])
    }

    @Test func sequenceInterruptedByAKeyCodeIsTyped() {
        #expect(keys([.scalar(0x1B), .scalar(0x5B), .keyCode(InputKeyCode.up)]) == [.escape, .character("["), .up])
    }

    @Test func bracketedPasteByRawMarkersIsDeliveredWhole() {
        #expect(keys("\u{1B}[200~hello q\u{1B}[201~") == [.paste("hello q")])
    }

    @Test func bracketedPasteByNcursesKeyCodes() {
        let units = [.keyCode(InputKeyCode.pasteStart)] + InputUnit.units("jk?") + [.keyCode(InputKeyCode.pasteEnd)]
        #expect(keys(units) == [.paste("jk?")])
    }

    @Test func pastedLineBreaksBecomeNewlines() {
        #expect(keys("\u{1B}[200~a\rb\r\nc\nd\u{1B}[201~") == [.paste("a\nb\nc\nd")])
    }

    @Test func pasteKeepsControlCharactersAndUTF8AsText() {
        #expect(keys("\u{1B}[200~日本\t🎉\u{1B}[201~") == [.paste("日本\t🎉")])
    }

    @Test func pasteSpansBatches() {
        var decoder = InputDecoder()
        #expect(decoder.decode(InputUnit.units("\u{1B}[200~first ")).isEmpty)
        #expect(decoder.isInPaste)
        #expect(decoder.decode(InputUnit.units("second\u{1B}[2")).isEmpty)
        #expect(keys(decoder.decode(InputUnit.units("01~x"))) == [.paste("first second"), .character("x")])
        #expect(!decoder.isInPaste)
    }

    @Test func keysAroundAPasteKeepTheirOrder() {
        #expect(keys("a\u{1B}[200~b\u{1B}[201~c") == [.character("a"), .paste("b"), .character("c")])
    }

    @Test func emptyPasteProducesNothing() {
        #expect(keys("\u{1B}[200~\u{1B}[201~").isEmpty)
    }

    @Test func stalledPasteIsFlushed() {
        var decoder = InputDecoder()
        _ = decoder.decode(InputUnit.units("\u{1B}[200~partial"))
        #expect(keys(decoder.flushPaste()) == [.paste("partial")])
        #expect(!decoder.isInPaste)
        #expect(decoder.flushPaste().isEmpty)
    }

    @Test func resizeAndMouseCodesAreReported() {
        var decoder = InputDecoder()
        #expect(decoder.decode([.keyCode(InputKeyCode.resize), .keyCode(InputKeyCode.mouse)]) == [.resize, .mouse])
    }

    @Test func c1ControlsAreNotTyped() {
        #expect(keys("\u{9B}a") == [.character("a")])
    }
}
