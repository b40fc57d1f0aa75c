import HwbLanguage
import HwbTerminal

/// How and where the shell shows results: the listing format, the terminal's width and
/// colours, the pager, and the file of `output`/`once`. The interpreter says what to
/// show (lines, tables, documents); the renderer decides how it looks and where it goes.
final class Renderer {
    var format: OutputFormat = .auto
    /// The terminal's width, when output goes to one: asked for each table, so that a
    /// resized window is followed.
    var terminalWidth: () -> Int? = { nil }
    var terminalHeight: () -> Int? = { nil }
    /// Whether tables colour account status (on a terminal, unless NO_COLOR is set).
    var colours = false
    /// The pager command, when output can be paged (an interactive terminal).
    var pagerCommand: String?
    /// The pager asked for, when it cannot be run (not on `PATH`): output is then printed
    /// as it is, and `pager` and `settings` say why.
    var missingPager: String?
    /// `pager on|off`.
    var pagerOn = true
    /// `output FILE`, until `output` alone.
    var file: OutputFile?
    /// `once FILE`, waiting for the next command.
    var onceWaiting: OutputFile?
    /// `once FILE` while its command runs.
    var onceFile: OutputFile?
    /// The pager of the command running, if its output may be paged.
    var paging: PagedOutput?
    /// `timer on|off`, `echo on|off`.
    var timer = false
    /// Set while what commands print is not wanted (a journal replayed, a demo replayed
    /// up to a step, a transcript's options): output, echo, timer and errors are dropped;
    /// warnings still show.
    var isQuiet = false
    /// Whether `timer on` prints the times: not while `hwbsh test` replays a transcript,
    /// whose output must be the same every time.
    var showsTimes = true
    var echo = false

    /// The file the running command writes to, if any.
    var destinationFile: OutputFile? { onceFile ?? file }

    /// The width to fit to: the terminal's, unless output goes to a file.
    var width: Int? { destinationFile == nil ? terminalWidth() : nil }

    /// Whether colours are used: at the terminal only.
    var usesColour: Bool { colours && destinationFile == nil }

    /// Whether listings print as documents (CSV, JSON) rather than for reading.
    var isDocument: Bool { format == .csv || format == .json }

    /// A table in the current format.
    func render(_ table: Table) -> [UInt8]? {
        switch format {
        case .csv: return table.csv()
        case .json: return table.json()
        default: return nil
        }
    }

    /// A table as text to read: aligned columns, or one field a line when asked or (with
    /// `auto`) when the columns cannot fit the screen.
    func text(of table: Table) -> String {
        let width = width
        switch format {
        case .expanded:
            return table.renderExpanded(width: width, colour: usesColour)
        case .auto:
            if let width, !table.fits(width: width) { return table.renderExpanded(width: width, colour: usesColour) }
            return table.render(width: width, colour: usesColour)
        default:
            return table.render(width: width, colour: usesColour)
        }
    }
}
