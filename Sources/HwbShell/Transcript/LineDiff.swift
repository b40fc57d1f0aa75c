/// A unified diff of two texts, line by line, with line numbers and three lines of context.
enum LineDiff {
    private enum Kind { case same, removed, added }

    /// One line of the diff, with the old and new line numbers (0-based) it stands at.
    private struct Edit {
        var kind: Kind
        var old: Int
        var new: Int
    }

    static func unified(_ old: [String], _ new: [String], oldName: String, newName: String) -> String {
        // Past a few million cells the table would cost too much: the texts' common start
        // and end are kept, and everything between is shown as replaced.
        guard (old.count + 1) * (new.count + 1) <= 4_000_000 else {
            let head = zip(old, new).prefix { $0 == $1 }.count
            let tail = zip(old.dropFirst(head).reversed(), new.dropFirst(head).reversed()).prefix { $0 == $1 }.count
            let middle = unified(Array(old[head..<old.count - tail].prefix(1000)), Array(new[head..<new.count - tail].prefix(1000)),
                                 oldName: oldName, newName: newName)
            return middle.isEmpty ? "" : middle + "(a long transcript: lines \(head + 1) on, at most 1000 shown)\n"
        }
        // Longest common subsequence, computed from the end.
        var table = Array(repeating: Array(repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                table[i][j] = old[i] == new[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var edits: [Edit] = []
        var i = 0, j = 0
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] == new[j] {
                edits.append(Edit(kind: .same, old: i, new: j))
                i += 1
                j += 1
            } else if i < old.count, j == new.count || table[i + 1][j] >= table[i][j + 1] {
                edits.append(Edit(kind: .removed, old: i, new: j))
                i += 1
            } else {
                edits.append(Edit(kind: .added, old: i, new: j))
                j += 1
            }
        }
        // Hunks: each change with 3 lines around it, joined where they touch.
        var hunks: [ClosedRange<Int>] = []
        for index in edits.indices where edits[index].kind != .same {
            let range = max(0, index - 3)...min(edits.count - 1, index + 3)
            if let last = hunks.last, range.lowerBound <= last.upperBound + 1 {
                hunks[hunks.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                hunks.append(range)
            }
        }
        guard !hunks.isEmpty else { return "" }
        var text = "--- \(oldName)\n+++ \(newName)\n"
        for hunk in hunks {
            let lines = edits[hunk]
            let oldCount = lines.filter { $0.kind != .added }.count
            let newCount = lines.filter { $0.kind != .removed }.count
            let first = lines.first!
            text += "@@ -\(first.old + (oldCount > 0 ? 1 : 0)),\(oldCount) +\(first.new + (newCount > 0 ? 1 : 0)),\(newCount) @@\n"
            for edit in lines {
                switch edit.kind {
                case .same: text += " \(old[edit.old])\n"
                case .removed: text += "-\(old[edit.old])\n"
                case .added: text += "+\(new[edit.new])\n"
                }
            }
        }
        return text
    }
}
