/// What Tab does: the text to insert at the cursor, and the candidates to list when more
/// than one remains.
public struct Completion: Equatable, Sendable {
    public var insertion: String
    public var candidates: [String]

    /// The shim's format: the insertion, then a listing of the candidates on further
    /// lines, in columns that fit `width` so that no candidate breaks across lines.
    public init(insertion: String, candidates: [String]) {
        self.insertion = insertion
        self.candidates = candidates
    }

    func libeditText(width: Int = 80) -> String {
        guard candidates.count > 1 else { return insertion }
        let shown = Array(candidates.prefix(100)).map(\.displayed)
        let columnWidth = (shown.map(\.count).max() ?? 0) + 2
        let columns = max(1, (width + 2) / columnWidth)
        let rows = (shown.count + columns - 1) / columns
        var listing = ""
        for row in 0..<rows {
            var line = ""
            for column in 0..<columns {
                let index = column * rows + row
                guard index < shown.count else { break }
                line += shown[index] + String(repeating: " ", count: columnWidth - shown[index].count)
            }
            while line.last == " " { line.removeLast() }
            listing += line + "\n"
        }
        if candidates.count > shown.count { listing += "… and \(candidates.count - shown.count) more\n" }
        return insertion + "\n" + listing
    }
}
