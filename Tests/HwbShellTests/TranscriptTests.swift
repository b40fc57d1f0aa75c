@testable import HwbShell
import HwbTestSupport
import Testing

/// The transcript format (docs/language.md, "Transcripts"): reading `.t` text, matching what a
/// command printed against its expected lines, `--update`'s rewrite and the diff.
/// (`TranscriptRunner.run` changes the process's folder, so it is tested end to end, in
/// its own process, by EndToEndTests/TranscriptCommandTests.)
@Suite struct TranscriptParsingTests {
    private func out(_ text: String) -> PrintedLine { PrintedLine(text, isError: false) }
    private func err(_ text: String) -> PrintedLine { PrintedLine(text, isError: true) }

    // MARK: Transcript(parsing:)

    @Test func readsOptionsCommandsAndTheirExpectedLines() {
        let transcript = Transcript(parsing: """
            # title
            #! hwbsh --date 2027-07-20
            > school add 6612001 name="Ysgol y Môr"
            added school [..]
            > keep nobody 6m
            ! error: no account nobody
            > show sian
            sian · Siân Roberts
            ...

            """)
        #expect(transcript.options == ["--date", "2027-07-20"])
        #expect(transcript.commands.map(\.line) == [3, 5, 7])
        #expect(transcript.commands.map(\.text) == [#"school add 6612001 name="Ysgol y Môr""#, "keep nobody 6m", "show sian"])
        #expect(transcript.commands[0].expected == [.output("added school [..]")])
        #expect(transcript.commands[1].expected == [.error("error: no account nobody")])
        #expect(transcript.commands[2].expected == [.output("sian · Siân Roberts"), .anyLines])
        #expect(transcript.items.first == .text("# title"))
        #expect(transcript.items[1] == .text("#! hwbsh --date 2027-07-20"))
    }

    @Test func optionsKeepTheirQuotesForTheLexer() {
        let transcript = Transcript(parsing: "#! hwbsh --date 2027-07-20 --as \"la-admin 661\"\n> whoami\n")
        #expect(transcript.options == ["--date", "2027-07-20", "--as", "\"la-admin", "661\""])
    }

    @Test func theOptionsLineMayFollowCommentsButNotACommand() {
        let early = Transcript(parsing: "# a\n\n# b\n#! hwbsh --date 2027-07-20\n> date\n")
        #expect(early.options == ["--date", "2027-07-20"])
        let late = Transcript(parsing: "> date\n#! hwbsh --date 2027-07-20\n> date\n")
        #expect(late.options == [])
        #expect(late.items[1] == .text("#! hwbsh --date 2027-07-20"))
        #expect(late.commands.count == 2)
    }

    @Test func continuationLinesJoinWithABlank() {
        let transcript = Transcript(parsing: """
            > create sian
            >> name="Siân Roberts"
            >> category=supply-teacher school=6612001
            created sian

            """)
        let command = transcript.commands[0]
        #expect(command.source.count == 3)
        #expect(command.text == #"create sian name="Siân Roberts" category=supply-teacher school=6612001"#)
        #expect(command.expected == [.output("created sian")])
        #expect(transcript.problems.isEmpty)
    }

    /// A line that looks like a command but is not written as one was once read as
    /// expected output or text, so a transcript of such lines tested nothing.
    @Test(arguments: [
        (">school add 6612001 name=A", "a command line starts with \"> \""),
        (">  date", "one space after \">\""),
        (">\tdate", "a command line starts with \"> \""),
        (">> date", "\">> \" continues a command"),
        (">>date", "a command line starts with \">> \""),
        (">>  date", "one space after \">>\""),
    ])
    func aMalformedCommandLineIsAProblemWithItsLineNumber(line: String, message: String) {
        let transcript = Transcript(parsing: "# a comment\n\(line)\n")
        #expect(transcript.problems.map(\.line) == [2])
        #expect(transcript.problems.first?.message.contains(message) == true, "\(transcript.problems)")
        #expect(transcript.commands.isEmpty)
    }

    @Test func aContinuationAfterOutputIsAProblem() {
        let transcript = Transcript(parsing: "> date\n2027-07-20\n>> more\n")
        #expect(transcript.problems.map(\.line) == [3])
        #expect(transcript.commands.first?.expected == [.output("2027-07-20")])
    }

    @Test func aCommentEndsTheExpectedOutput() {
        let transcript = Transcript(parsing: "> date\n2027-07-20\n# note\nnot expected: after a comment\n> date\n")
        #expect(transcript.commands[0].expected == [.output("2027-07-20")])
        #expect(transcript.items[1] == .text("# note"))
        #expect(transcript.items[2] == .text("not expected: after a comment"))
        #expect(transcript.commands[1].line == 5)
    }

    @Test func blankLinesAtTheEndOfAnOutputSeparateAndBlankLinesWithinItAreExpected() {
        let transcript = Transcript(parsing: "> a\none\n\ntwo\n\n\n> b\n")
        #expect(transcript.commands[0].expected == [.output("one"), .output(""), .output("two")])
        #expect(transcript.items[1] == .text(""))
        #expect(transcript.items[2] == .text(""))
    }

    @Test func bareMarkers() {
        let transcript = Transcript(parsing: ">\n!\n...\n")
        #expect(transcript.commands.count == 1)
        #expect(transcript.commands[0].text == "")
        #expect(transcript.commands[0].expected == [.error(""), .anyLines])
    }

    @Test func textRoundTrips() {
        let text = """
            # title
            #! hwbsh --date 2027-07-20

            > school add 6612001
            >> name="Ysgol y Môr"
            added school [..]
            > keep nobody 6m
            ! error: no account nobody
            ...
            # end

            """
        #expect(Transcript(parsing: text).text == text)
        #expect(Transcript(parsing: "> date\n2027-07-20").text == "> date\n2027-07-20\n", "a missing last line end is added")
        #expect(Transcript(parsing: "").items.isEmpty)
    }

    @Test func windowsLineEnds() {
        // "\r\n" is one Character in Swift: lines are split on the scalar.
        let transcript = Transcript(parsing: "#! hwbsh --date 2027-07-20\r\n> date\r\n2027-07-20\r\n")
        #expect(transcript.options == ["--date", "2027-07-20"])
        #expect(transcript.commands.count == 1)
        #expect(transcript.commands.first?.expected == [.output("2027-07-20")])
    }

    // MARK: matching

    @Test func globMatchesAnyTextWithinALine() {
        let glob = Transcript.Expected.glob
        #expect(glob("added school 6612001", "added school 6612001"))
        #expect(!glob("added school 6612001", "added school 6612002"))
        #expect(glob("added school [..]", "added school 6612001 Ysgol y Môr"))
        #expect(glob("[..] Ysgol y Môr", "added school 6612001 Ysgol y Môr"))
        #expect(glob("added [..] 6612001 [..]", "added school 6612001 Ysgol y Môr"))
        #expect(glob("[..]", ""))
        #expect(glob("a[..]b", "ab"), "[..] may stand for nothing")
        #expect(!glob("ab[..]ba", "aba"), "the prefix and suffix may not overlap")
        #expect(!glob("a[..]b[..]c", "acb"), "the pieces keep their order")
        #expect(glob("a[..]b[..]c", "a-b-b-c"))
        #expect(!glob("Ŵyn[..]", "Wyn Pritchard"), "characters compare exactly")
    }

    @Test func outputAndErrorLinesAreDistinct() {
        #expect(Transcript.Expected.output("x").matches(out("x")))
        #expect(!Transcript.Expected.output("x").matches(err("x")))
        #expect(Transcript.Expected.error("x").matches(err("x")))
        #expect(!Transcript.Expected.error("x").matches(out("x")))
        #expect(Transcript.Expected.anyLines.matches(err("x")))
        #expect(Transcript.Expected.error("error: [..]").matches(err("error: no account nobody")))
    }

    private func command(_ expected: [Transcript.Expected]) -> Transcript.Command {
        Transcript.Command(source: ["> x"], line: 1, expected: expected)
    }

    @Test func anyLinesMatchesNoneOneOrMany() {
        let dots = command([.output("a"), .anyLines, .output("z")])
        #expect(dots.matches([out("a"), out("z")]))
        #expect(dots.matches([out("a"), out("b"), err("c"), out("z")]))
        #expect(!dots.matches([out("a"), out("b")]))
        #expect(!dots.matches([out("b"), out("z")]))
        #expect(command([.anyLines]).matches([]))
        #expect(command([.anyLines, .anyLines]).matches([out("a")]))
        #expect(command([.anyLines, .output("z"), .anyLines]).matches([out("a"), out("z"), out("b")]))
        #expect(!command([.anyLines, .output("z"), .anyLines]).matches([out("a"), out("b")]))
    }

    @Test func everyPrintedLineMustBeExpected() {
        #expect(command([]).matches([]))
        #expect(!command([]).matches([out("")]), "an unexpected blank line fails")
        #expect(!command([.output("a")]).matches([out("a"), out("b")]))
        #expect(!command([.output("a"), .output("b")]).matches([out("a")]))
        #expect(!command([.output("b"), .output("a")]).matches([out("a"), out("b")]), "order counts")
    }

    // MARK: --update

    @Test func updateKeepsExpectedLinesThatStillMatch() {
        let old = command([.output("sweep as of [..]: deactivated 1, deleted 0"), .output("  expired   nobody")])
        let printed = [out("sweep as of 2027-09-01: deactivated 1, deleted 0"), out("  expired   sian")]
        #expect(old.updated(with: printed) == [.output("sweep as of [..]: deactivated 1, deleted 0"), .output("  expired   sian")])
    }

    @Test func updateOfAPassingCommandChangesNothing() {
        let old = command([.output("a"), .anyLines])
        #expect(old.updated(with: [out("a"), out("b"), out("c")]) == [.output("a"), .anyLines])
    }

    @Test func updateWritesErrorsAsErrorsAndFollowsThePrintedOrder() {
        let old = command([.output("kept [..]"), .output("left over")])
        let printed = [err("error: no account nobody"), out("kept sian until 2028-02-29")]
        #expect(old.updated(with: printed) == [.error("error: no account nobody"), .output("kept [..]")])
        let updated = command(old.updated(with: printed))
        #expect(updated.matches(printed))
    }

    /// `--update` once turned a wrong line between two `...` into nothing, so that the
    /// `...` stood for it: the check was gone and no diff showed it.
    @Test func updateRewritesAWrongLineBetweenAnyLinesInsteadOfDroppingIt() {
        let old = command([.anyLines, .output("  status         closed"), .anyLines])
        let printed = [out("sian · Siân Roberts"), out("  status         active"), out("  expires        2027-08-31")]
        #expect(old.updated(with: printed) == [.anyLines, .output("  status         active"), .anyLines])
    }

    /// A changed line is rewritten to the printed line most like it, not to whatever
    /// line stands where it stood, which would let the `...` take the one that changed.
    @Test func updateRewritesAChangedLineToThePrintedLineMostLikeIt() {
        let old = command([.output("commands: foo"), .anyLines])
        let printed = [out("R13 Inactivity: a non-MIS account"), out("commands: signin, content"), out("docs/rules.md has it")]
        #expect(old.updated(with: printed) == [.output("R13 Inactivity: a non-MIS account"), .output("commands: signin, content"), .anyLines])
    }

    @Test func updateNeverLetsAnyLinesStandForAChangedLine() {
        let old = command([.output("header"), .anyLines])
        #expect(old.updated(with: [out("header 2"), out("x"), out("y")]) == [.output("header 2"), .anyLines])
    }

    @Test func updateWritesOutTheAnyLinesOfACommandThatLostALine() {
        // Nothing is printed any more: `...` alone would pass for anything.
        #expect(command([.anyLines, .output("gone"), .anyLines]).updated(with: []) == [])
        let old = command([.output("a"), .output("b"), .anyLines])
        #expect(old.updated(with: [out("a")]) == [.output("a")])
    }

    /// Whatever the transcript expected, an update never holds fewer checked lines than
    /// were printed and checked before: each expected line that is not `...` is kept
    /// for, or rewritten to, a printed line while printed lines are left.
    @Test func updateKeepsEveryCheckWhilePrintedLinesAreLeft() {
        var random = SplitMix64(seed: 11)
        let texts = ["a", "b", "c", "[..]", "a[..]"]
        for _ in 0..<2000 {
            let expected: [Transcript.Expected] = (0..<Int(random.next() % 6)).map { _ in
                random.next() % 3 == 0 ? .anyLines : .output(texts[Int(random.next() % 5)])
            }
            let printed = (0..<Int(random.next() % 6)).map { _ in out(["a", "b", "c", "ab"][Int(random.next() % 4)]) }
            let old = command(expected)
            guard !old.matches(printed) else { continue }
            let updated = old.updated(with: printed)
            #expect(command(updated).matches(printed), "\(expected) \(printed) -> \(updated)")
            let checks = { (lines: [Transcript.Expected]) in lines.filter { $0 != .anyLines }.count }
            #expect(checks(updated) >= min(checks(expected), printed.count), "\(expected) \(printed) -> \(updated)")
        }
    }

    @Test func updatedLinesAlwaysMatchWhatWasPrinted() {
        let cases: [([Transcript.Expected], [PrintedLine])] = [
            ([], [out("a")]),
            ([.output("a")], []),
            ([.anyLines, .output("[..]b")], [out("ab"), out("c"), out("ab")]),
            ([.output("[..]"), .output("[..]")], [out("1"), err("2"), out("3")]),
            ([.error("[..]"), .anyLines], [out("x")]),
        ]
        for (expected, printed) in cases {
            let updated = command(command(expected).updated(with: printed))
            #expect(updated.matches(printed), "\(expected) -> \(updated.expected)")
        }
    }

    // MARK: the diff

    @Test func noDiffForTheSameLines() {
        #expect(LineDiff.unified(["a", "b"], ["a", "b"], oldName: "x", newName: "y") == "")
    }

    @Test func diffHunksCarryLineNumbersAndThreeLinesOfContext() {
        let old = (1...12).map { "line \($0)" }
        var new = old
        new[5] = "line six"
        #expect(LineDiff.unified(old, new, oldName: "t (expected)", newName: "t (actual)") == """
            --- t (expected)
            +++ t (actual)
            @@ -3,7 +3,7 @@
             line 3
             line 4
             line 5
            -line 6
            +line six
             line 7
             line 8
             line 9

            """)
    }

    @Test func diffOfAnAddedOrRemovedLine() {
        #expect(LineDiff.unified([], ["a"], oldName: "o", newName: "n") == "--- o\n+++ n\n@@ -0,0 +1,1 @@\n+a\n")
        #expect(LineDiff.unified(["a"], [], oldName: "o", newName: "n") == "--- o\n+++ n\n@@ -1,1 +0,0 @@\n-a\n")
        #expect(LineDiff.unified(["a", "b"], ["a", "x", "b"], oldName: "o", newName: "n")
            == "--- o\n+++ n\n@@ -1,2 +1,3 @@\n a\n+x\n b\n")
    }

    @Test func distantChangesMakeSeparateHunks() {
        let old = (1...20).map(String.init)
        var new = old
        new[1] = "two"
        new[18] = "nineteen"
        let diff = LineDiff.unified(old, new, oldName: "o", newName: "n")
        let headers = diff.split(separator: "\n").filter { $0.hasPrefix("@@") }
        #expect(headers == ["@@ -1,5 +1,5 @@", "@@ -16,5 +16,5 @@"])
    }

    /// Several `...` lines over a long output match without recursion or backtracking
    /// blow-up, and a line that is missing is still found missing.
    @Test func manyAnyLinesOverALongOutput() {
        let printed = (0..<50_000).map { out("line \($0)") }
        let pattern = command([.anyLines, .output("line 100"), .anyLines, .output("line 40000"), .anyLines])
        #expect(pattern.matches(printed))
        #expect(!command([.anyLines, .output("line 40000"), .anyLines, .output("line 100"), .anyLines]).matches(printed))
        #expect(!command([.anyLines, .output("no such line"), .anyLines]).matches(printed))
        #expect(command([.anyLines, .output("line 49999")]).matches(printed))
        #expect(!command([.anyLines, .output("line 49998")]).matches(printed))
    }
}
