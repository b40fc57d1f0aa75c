/// Account rows grouped by a date, for the questions the sweep and the expiring list ask:
/// "which rows have a date on or before D?" touches only those rows.
///
/// Dates are few (a few thousand distinct days in any real store) while rows are many, so
/// the rows live in one set per day and the days are kept in a sorted array.
struct DateIndex: Sendable {
    private var buckets: [Int32: RowSet] = [:]
    private var days: [Int32] = []

    mutating func insert(_ row: AccountTable.Row, at date: CalendarDate) {
        let day = date.dayNumber
        if buckets[day, default: RowSet()].insert(row), buckets[day]!.count == 1 { // in place, as in remove
            days.insert(day, at: position(of: day))
        }
    }

    mutating func remove(_ row: AccountTable.Row, at date: CalendarDate) {
        let day = date.dayNumber
        // In place: a set copied out of the dictionary would be copied whole on change.
        guard buckets[day]?.remove(row) == true, buckets[day]!.isEmpty else { return }
        buckets[day] = nil
        days.remove(at: position(of: day))
    }

    /// Every row whose date is on or before `date`, earliest date first.
    func rows(through date: CalendarDate) -> [AccountTable.Row] {
        var result: [AccountTable.Row] = []
        for day in days {
            guard day <= date.dayNumber else { break }
            result.append(contentsOf: buckets[day]!.rows)
        }
        return result
    }

    /// Every row whose date is before `date`.
    func rows(before date: CalendarDate) -> [AccountTable.Row] {
        guard let previous = date.addingDays(-1) else { return [] }
        return rows(through: previous)
    }

    /// Forgets every row whose date is on or before `date`, in one go: the sweep has just
    /// dealt with all of them.
    mutating func removeAll(through date: CalendarDate) {
        let end = position(of: date.dayNumber &+ 1)
        for day in days[..<end] { buckets[day] = nil }
        days.removeFirst(end)
    }

    /// The first index in `days` not below `day`.
    private func position(of day: Int32) -> Int {
        var low = 0, high = days.count
        while low < high {
            let mid = (low + high) / 2
            if days[mid] < day { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
