import Testing

@testable import TerminalUI

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct TerminalSetupTests {
    @Test(arguments: ["UTF-8", "utf8", "UTF8", "utf-8"])
    func utf8CodesetsAreRecognised(codeset: String) {
        #expect(Terminal.isUTF8(codeset))
    }

    @Test(arguments: ["ANSI_X3.4-1968", "ISO-8859-1", "", "UTF-16"])
    func otherCodesetsAreNot(codeset: String) {
        #expect(!Terminal.isUTF8(codeset))
    }

    @Test func errorsSayWhatToDo() {
        #expect(TerminalError.notATerminal.description.contains("redirected"))
        #expect(TerminalError.unknownTerminal("").description.contains("TERM is not set"))
        #expect(TerminalError.unknownTerminal("vt9000").description.contains("TERM=vt9000"))
        #expect(TerminalError.localeNotUTF8("ISO-8859-1").description.contains("ISO-8859-1"))
    }

    @Test func signalsMapToTheirOwnBits() {
        let kinds: [TerminalSignals.Pending] = [SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGTSTP, SIGCONT].map {
            TerminalSignals.Pending(signal: $0)
        }
        #expect(Set(kinds.map(\.rawValue)).count == 6)
        #expect(kinds.allSatisfy { !$0.isEmpty })
        #expect(TerminalSignals.Pending(signal: SIGUSR1).isEmpty)
    }

    @Test func optionsDefaultToColourWithoutMouseAndAShortEscapeDelay() {
        let options = TerminalOptions()
        #expect(options.color && !options.mouse && options.escapeDelayMilliseconds == 25)
    }
}
