import Foundation
import HwbStorage

/// A progress bar for long work (an import, a load, a save, an export, a large sweep),
/// drawn on one line of standard error at a terminal:
///
///     importing accounts.csv [==========>          ] 52%  98 MB/s  0.3 s left
///
/// Work that ends within `delay` draws nothing; after that the line is redrawn at most
/// every `interval` and cleared when the work ends. Safe to advance from several threads
/// (both halves of an import report at once). Only an interactive session at a terminal
/// makes one (`Progress.isWanted`): never a pipe, a script, a transcript or `NO_COLOR`.
final class Progress: @unchecked Sendable {
    /// What is counted: bytes (shown as MB/s) or accounts.
    enum Unit {
        case bytes, accounts
    }

    /// Work smaller than this draws no bar: about 100,000 accounts.
    static func isLarge(_ total: Int, _ unit: Unit) -> Bool {
        total >= (unit == .bytes ? 8 << 20 : 100_000)
    }

    /// Whether a session draws progress bars: interactive, standard error a terminal,
    /// colours not refused and the terminal not dumb.
    static func isWanted(interactive: Bool, standardErrorIsTerminal: Bool, environment: [String: String]) -> Bool {
        interactive && standardErrorIsTerminal && (environment["NO_COLOR"] ?? "").isEmpty
            && environment["TERM"] != "dumb"
    }

    static let delay = 0.2
    static let interval = 0.1

    private let label: String
    private let unit: Unit
    private let width: Int
    private let draw: (String) -> Void
    private let clock: () -> Double
    private let lock = NSLock()
    private let started: Double
    private var total: Int
    private var done = 0
    private var lastDrawn: Double?

    /// - Parameters:
    ///   - draw: writes to the terminal (standard error).
    ///   - clock: seconds from any fixed moment.
    init(
        label: String, total: Int, unit: Unit, width: Int,
        draw: @escaping (String) -> Void = Progress.writeToStandardError,
        clock: @escaping () -> Double = { ProcessInfo.processInfo.systemUptime }
    ) {
        self.label = label
        self.total = max(total, 1)
        self.unit = unit
        self.width = width
        self.draw = draw
        self.clock = clock
        started = clock()
    }

    /// Counts `count` more units done, and redraws if it is time.
    func advance(by count: Int) {
        lock.lock()
        defer { lock.unlock() }
        done = min(done + count, total)
        redrawIfDue()
    }

    /// Sets how many units are done, and redraws if it is time.
    func update(done: Int) {
        lock.lock()
        defer { lock.unlock() }
        self.done = min(done, total)
        redrawIfDue()
    }

    private func redrawIfDue() {
        let now = clock()
        guard now - started >= Self.delay, lastDrawn.map({ now - $0 >= Self.interval }) ?? true else { return }
        lastDrawn = now
        draw("\r" + Self.line(label: label, done: done, total: total, unit: unit, elapsed: now - started, width: width) + "\u{1B}[K")
    }

    /// Clears the line, if anything was drawn.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if lastDrawn != nil { draw("\r\u{1B}[K") }
        lastDrawn = nil
    }

    /// The bar as text, at most `width` columns: the label, the bar, the share done, the
    /// rate and the time left (once there is a rate to tell it from).
    static func line(label: String, done: Int, total: Int, unit: Unit, elapsed: Double, width: Int) -> String {
        let fraction = min(1, Double(done) / Double(max(total, 1)))
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        var tail = " \(Int(fraction * 100))%"
        if rate > 0 {
            tail += "  " + (unit == .bytes ? "\(format(rate / 1_000_000)) MB/s" : "\(format(rate / 1_000)) k accounts/s")
            tail += "  \(format(Double(total - done) / rate)) s left"
        }
        let room = width - label.count - tail.count - 4
        guard room >= 10 else { return String((label + tail).prefix(max(width - 1, 0))) }
        let barWidth = min(room, 40)
        let filled = Int(fraction * Double(barWidth))
        let bar = String(repeating: "=", count: filled) + (filled < barWidth ? ">" : "")
            + String(repeating: " ", count: max(0, barWidth - filled - 1))
        return "\(label) [\(bar)]\(tail)"
    }

    /// Writes straight to standard error, past the console, so that nothing records it.
    static func writeToStandardError(_ text: String) {
        var text = text
        text.withUTF8 { bytes in _ = write(2, bytes.baseAddress, bytes.count) }
    }

    /// One decimal below 10, none above: `0.3`, `98`.
    private static func format(_ value: Double) -> String {
        value < 10 ? String(Double(Int(value * 10)) / 10) : String(Int(value))
    }
}

/// The files' long work (a load, a save, an import) draws its bar through this.
extension Progress: ProgressListener {}
