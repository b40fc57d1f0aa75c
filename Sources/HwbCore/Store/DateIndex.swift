/// Account rows grouped by a date, for the questions the sweep and the expiring list ask:
/// "which rows have a date on or before D?" touches only those rows.
///
/// Dates are few (a few thousand distinct days in any real store) while rows are many, so
/// the rows live in one set per day, and the days in a sorted array beside the sets: a
/// day is found by a binary search, with no hashing.
struct DateIndex: Sendable {
    private var days: [Int32] = []
    /// The rows of each day in `days`, at the same place.
    private var sets: [RowSet] = []

    mutating func insert(_ row: AccountTable.Row, at date: CalendarDate) {
        sets[place(making: date.dayNumber)].insert(row)
    }

    /// The place of `day`'s set, which is made if the day has none yet.
    private mutating func place(making day: Int32) -> Int {
        let place = position(of: day)
        if place == days.count || days[place] != day {
            days.insert(day, at: place)
            sets.insert(RowSet(), at: place)
        }
        return place
    }

    /// Enters rows `first`, `first + 1`... each under its day in `days`, except those
    /// whose day is `AccountTable.noDate`. The rows are grouped by day first, so that each
    /// day's set is sized once and filled while it is in the cache: a national store,
    /// read in one go, would otherwise touch a set at random for every row.
    mutating func insert(_ first: AccountTable.Row, days rowDays: [Int32]) {
        insert(days: rowDays) { first + AccountTable.Row($0) }
    }

    /// Enters `rows[i]` under `days[i]` for each `i`, grouped by day like
    /// `insert(_:days:)` (a sweep's deactivations, under their deletion days).
    mutating func insert(_ rows: [AccountTable.Row], days rowDays: [Int32]) {
        insert(days: rowDays) { rows[$0] }
    }

    /// Enters `row(i)` under `days[i]` for each `i` whose day is not `AccountTable.noDate`.
    private mutating func insert(days rowDays: [Int32], row: (Int) -> AccountTable.Row) {
        let byDay = Self.group(days: rowDays, row: row) { row, day in insert(row, at: CalendarDate(trustedDayNumber: day)) }
        for (day, group) in byDay {
            let place = place(making: day)
            sets[place].reserveCapacity(sets[place].count + group.count)
            for row in group { sets[place].insert(row) }
        }
    }

    /// Takes `rows[i]` out from under `days[i]` for each `i`, a day at a time (a sweep's
    /// deactivations, out of the indexes they were in).
    mutating func remove(_ rows: [AccountTable.Row], days rowDays: [Int32]) {
        let byDay = Self.group(days: rowDays, row: { rows[$0] }) { row, day in remove(row, at: CalendarDate(trustedDayNumber: day)) }
        for (day, group) in byDay {
            let place = position(of: day)
            guard place < days.count, days[place] == day else { continue }
            for row in group { sets[place].remove(row) }
            if sets[place].isEmpty {
                days.remove(at: place)
                sets.remove(at: place)
            }
        }
    }

    /// The rows `row(i)` grouped by their days `days[i]` (a counting sort), days in
    /// order, leaving out `AccountTable.noDate`. Days spread over thousands of years are
    /// not grouped: `one(row, day)` is called for each row instead, and the result is empty.
    private static func group(
        days rowDays: [Int32], row: (Int) -> AccountTable.Row, otherwise one: (AccountTable.Row, Int32) -> Void
    ) -> [(day: Int32, rows: ArraySlice<AccountTable.Row>)] {
        let none = AccountTable.noDate
        var (low, high, total) = (Int32.max, Int32.min, 0)
        for day in rowDays where day != none {
            (low, high, total) = (Swift.min(low, day), Swift.max(high, day), total + 1)
        }
        guard total > 0 else { return [] }
        guard Int(high) - Int(low) < 1 << 20 else {
            for (offset, day) in rowDays.enumerated() where day != none { one(row(offset), day) }
            return []
        }
        var starts = [Int](repeating: 0, count: Int(high - low) + 2)
        for day in rowDays where day != none { starts[Int(day - low) + 1] += 1 }
        for offset in 1..<starts.count { starts[offset] += starts[offset - 1] }
        var grouped = [AccountTable.Row](repeating: 0, count: total)
        var next = starts
        for (offset, day) in rowDays.enumerated() where day != none {
            grouped[next[Int(day - low)]] = row(offset)
            next[Int(day - low)] += 1
        }
        var byDay: [(day: Int32, rows: ArraySlice<AccountTable.Row>)] = []
        for offset in 0..<starts.count - 1 where starts[offset] < starts[offset + 1] {
            byDay.append((low + Int32(offset), grouped[starts[offset]..<starts[offset + 1]]))
        }
        return byDay
    }

    mutating func remove(_ row: AccountTable.Row, at date: CalendarDate) {
        let day = date.dayNumber
        let place = position(of: day)
        guard place < days.count, days[place] == day, sets[place].remove(row), sets[place].isEmpty else { return }
        days.remove(at: place)
        sets.remove(at: place)
    }

    /// Every row whose date is on or before `date`, earliest date first.
    func rows(through date: CalendarDate) -> [AccountTable.Row] {
        var result: [AccountTable.Row] = []
        for set in sets[..<position(of: date.dayNumber &+ 1)] { result.append(contentsOf: set.rows) }
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
        days.removeFirst(end)
        sets.removeFirst(end)
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
