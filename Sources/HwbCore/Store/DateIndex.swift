/// Account ids grouped by a date, for the questions the sweep and the expiring list ask:
/// "which ids have a date on or before D?" touches only those ids.
///
/// Dates are few (a few thousand distinct days in any real store) while ids are many, so
/// the ids live in one set per day and the days are kept in a sorted array.
struct DateIndex: Sendable {
    private var buckets: [Int32: Set<AccountID>] = [:]
    private var days: [Int32] = []

    mutating func insert(_ id: AccountID, at date: CalendarDate) {
        let day = date.dayNumber
        if buckets[day, default: []].insert(id).inserted, buckets[day]!.count == 1 { // in place, as in remove
            days.insert(day, at: position(of: day))
        }
    }

    mutating func remove(_ id: AccountID, at date: CalendarDate) {
        let day = date.dayNumber
        // In place: a set copied out of the dictionary would be copied whole on change.
        guard buckets[day]?.remove(id) != nil, buckets[day]!.isEmpty else { return }
        buckets[day] = nil
        days.remove(at: position(of: day))
    }

    /// Every id whose date is on or before `date`, earliest date first.
    func ids(through date: CalendarDate) -> [AccountID] {
        var result: [AccountID] = []
        for day in days {
            guard day <= date.dayNumber else { break }
            result.append(contentsOf: buckets[day]!)
        }
        return result
    }

    /// Every id whose date is before `date`.
    func ids(before date: CalendarDate) -> [AccountID] {
        guard let previous = date.addingDays(-1) else { return [] }
        return ids(through: previous)
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
