/// Filling a table in bulk: an import parses its rows straight into a table of their own
/// (`Rows`, then `append(_:)`, no id map), the store checks it (`Store.importAccounts`)
/// and takes its rows over in one go (`append(contentsOf:)`).
extension AccountTable {
    /// One row's values, as an import reads them. Dates are day numbers, `noDate` for none.
    public struct RowValues: Sendable {
        public var kind: Account.Kind
        public var school: SchoolNumber
        /// nil for an active account.
        public var reason: Account.Reason?
        public var created: Int32
        public var lastActivity: Int32
        public var content: Int
        public var role: Account.Role?
        public var leaving: Int32
        public var pendingSchool: SchoolNumber?
        public var category: Account.Category?
        public var expires: Int32
        public var closeAtExpiry: Bool
        public var deactivatedOn: Int32

        public static let noDate = AccountTable.noDate

        /// The values of an account.
        public init(_ account: Account) {
            self.init(kind: account.kind, school: account.school)
            created = account.created.dayNumber
            lastActivity = account.lastActivity.dayNumber
            content = account.content
            switch account.lifecycle {
            case .mis(let mis):
                role = mis.role
                leaving = mis.leavingDate?.dayNumber ?? Self.noDate
                pendingSchool = mis.pendingSchool
            case .nonMIS(let nonMIS):
                category = nonMIS.category
                expires = nonMIS.expires.dayNumber
                closeAtExpiry = nonMIS.closeAtExpiry
            }
            if case .deactivated(let on, let reason, _) = account.state {
                self.reason = reason
                deactivatedOn = on.dayNumber
            }
        }

        public init(kind: Account.Kind, school: SchoolNumber) {
            self.kind = kind
            self.school = school
            reason = nil
            created = Self.noDate
            lastActivity = Self.noDate
            content = 0
            role = nil
            leaving = Self.noDate
            pendingSchool = nil
            category = nil
            expires = Self.noDate
            closeAtExpiry = false
            deactivatedOn = Self.noDate
        }
    }

    /// Rows as an import reads them, before they are in columns: one value per row, with
    /// the ids and names in one text. A reader fills one per block of its file, and a batch
    /// takes it over with one append per column (`append(_:)`), not one per column and row.
    public struct Rows: Sendable {
        var values: [RowValues] = []
        /// Each row's id, then its name.
        var text: [UInt8] = []
        var shapes: [Shape] = []
        /// The rows with a pending school: rare, so kept apart.
        var pending: [(index: Int, school: SchoolNumber)] = []

        /// Where a row's id and name end in `text`, and the hash of its id (so that the
        /// reading cores hash the ids, not the one that maps them).
        struct Shape {
            var idLength: UInt8
            var nameLength: UInt32
            var idHash: Int
        }

        public init() {}

        public var count: Int { values.count }

        /// The bytes of the rows' ids and names.
        public var textCount: Int { text.count }

        /// Adds a row. `id` must be a valid lower-case id and `name` UTF-8; the values must
        /// be those of the kind (no role for non-MIS...).
        public mutating func append(id: UnsafeRawBufferPointer, name: UnsafeRawBufferPointer, _ row: RowValues) {
            if let school = row.pendingSchool { pending.append((values.count, school)) }
            values.append(row)
            // As typed bytes, so that they are copied in one go.
            text.append(contentsOf: id.assumingMemoryBound(to: UInt8.self))
            text.append(contentsOf: name.assumingMemoryBound(to: UInt8.self))
            shapes.append(Shape(idLength: UInt8(id.count), nameLength: UInt32(name.count), idHash: AccountTable.hash(id)))
        }

        /// Empties the block, keeping its memory for the next rows.
        public mutating func removeAll(keepingCapacity: Bool) {
            values.removeAll(keepingCapacity: keepingCapacity)
            text.removeAll(keepingCapacity: keepingCapacity)
            shapes.removeAll(keepingCapacity: keepingCapacity)
            pending.removeAll(keepingCapacity: keepingCapacity)
        }
    }

    /// Appends rows without entering their ids in the id map: for a batch that
    /// `Store.importAccounts` checks and takes over. Each column grows once and is written
    /// in place.
    public mutating func append(_ rows: Rows) {
        let first = kinds.count, count = rows.count
        var start = text.count
        text.append(contentsOf: rows.text)
        rows.shapes.withUnsafeBufferPointer { shapes in
            textStart.append(count: count, placeholder: 0) { index in
                defer { start += Int(shapes[index].idLength) + Int(shapes[index].nameLength) }
                return start
            }
            idLength.append(count: count, placeholder: 0) { shapes[$0].idLength }
            nameLength.append(count: count, placeholder: 0) { shapes[$0].nameLength }
            idHashes.append(count: count, placeholder: 0) { shapes[$0].idHash }
        }
        rows.values.withUnsafeBufferPointer { values in
            kinds.append(count: count, placeholder: nil) { values[$0].kind }
            schools.append(count: count, placeholder: 0) { Int32(values[$0].school.value) }
            reasons.append(count: count, placeholder: nil) { values[$0].reason }
            created.append(count: count, placeholder: 0) { values[$0].created }
            lastActivity.append(count: count, placeholder: 0) { index in
                let row = values[index]
                return row.lastActivity == Self.noDate ? row.created : row.lastActivity
            }
            contents.append(count: count, placeholder: 0) { values[$0].content }
            roles.append(count: count, placeholder: nil) { values[$0].role }
            leaving.append(count: count, placeholder: 0) { values[$0].leaving }
            categories.append(count: count, placeholder: nil) { values[$0].category }
            expires.append(count: count, placeholder: 0) { values[$0].expires }
            closeAtExpiry.append(count: count, placeholder: false) { values[$0].closeAtExpiry }
            deactivatedOn.append(count: count, placeholder: 0) { values[$0].deactivatedOn }
        }
        importEntries.append(contentsOf: repeatElement(-1, count: count))
        importRows.append(contentsOf: repeatElement(0, count: count))
        for (index, school) in rows.pending { pendingSchools[Row(first + index)] = school }
        self.count += count
    }

    /// Enters every row of a batch in its own id map, and returns each row whose id an
    /// earlier row has, with that earlier row, in row order.
    ///
    /// The map is built in one sweep rather than a row at a time: the rows are sorted by
    /// their home slot (a radix sort), then laid down in that order, each in the first
    /// free slot from its home on. That is the table linear probing would build, but
    /// written front to back, where a million inserts would each miss the cache.
    mutating func mapIDs() -> [(row: Row, first: Row)] {
        slots = []
        growSlots(toHold: count, rehash: false)
        let hashes = idHashes.count == kinds.count ? idHashes : idHashesOfRows()
        let mask = slots.count - 1
        var keys = (0..<kinds.count).map { UInt64(hashes[$0] & mask) << 32 | UInt64($0) }
        let bits = slots.count.trailingZeroBitCount
        radixSort(&keys, digitCount: (bits + 10) / 11, bitsPerDigit: 11) { key, place in
            Int(truncatingIfNeeded: key >> UInt64(32 + 11 * place)) & (1 << 11 - 1)
        }
        var repeats: [(row: Row, first: Row)] = []
        var overflow: [Row] = []
        var next = 0 // the first slot not yet taken, past every home seen so far
        var group = 0 // where the rows with the current home start in `keys`
        for index in keys.indices {
            let key = keys[index]
            let row = Row(truncatingIfNeeded: key), home = Int(key >> 32)
            if index == 0 || keys[index - 1] >> 32 != key >> 32 { group = index }
            // An equal id has an equal hash, so an earlier row with this id has this home.
            var first: Row?
            for earlier in keys[group..<index] {
                let other = Row(truncatingIfNeeded: earlier)
                if hashes[Int(other)] == hashes[Int(row)], withIDBytes(row, { idEquals(other, $0) }) {
                    first = other
                    break
                }
            }
            if let first {
                repeats.append((row, first))
                continue
            }
            next = Swift.max(next, home)
            guard next < slots.count else {
                overflow.append(row)
                continue
            }
            slots[next] = Self.slot(hash: hashes[Int(row)], holding: row)
            next += 1
        }
        // Rows whose run passes the end of the table wrap round to its start.
        for row in overflow { addToSlots(row, hash: hashes[Int(row)]) }
        return repeats.sorted { $0.row < $1.row }
    }

    /// The hash of every row's id, read straight from the text arena.
    private func idHashesOfRows() -> [Int] {
        text.withUnsafeBytes { text in
            textStart.withUnsafeBufferPointer { starts in
                idLength.withUnsafeBufferPointer { lengths in
                    (0..<starts.count).map { row in
                        Self.hash(UnsafeRawBufferPointer(rebasing: text[starts[row]..<starts[row] + Int(lengths[row])]))
                    }
                }
            }
        }
    }

    /// Takes over every row of `batch` (whose ids are not in this table), after the rows
    /// held, marking them as imported by the audit entry `entry`. Returns the first new row.
    mutating func append(contentsOf batch: AccountTable, importEntry entry: Int32) -> Row {
        let first = Row(kinds.count)
        if first == 0 {
            // Into an empty table the batch, its id map (`mapIDs`) included, carries over as
            // it is; its import columns are made anew rather than changed in place, which
            // would copy them first (the caller still holds the batch). The deletion delay
            // stays the store's.
            let months = deletionMonths
            self = batch
            deletionMonths = months
            importEntries = [Int32](repeating: entry, count: kinds.count)
            importRows = (0..<Int32(kinds.count)).map { $0 + 1 }
        } else {
            reserveCapacity(batch.rowCount, textBytes: batch.text.count)
            appendBatch(batch)
            for r in Int(first)..<kinds.count {
                importEntries[r] = entry
                importRows[r] = Int32(r - Int(first) + 1)
                addToSlots(Row(r), hash: batch.idHashes[r - Int(first)])
            }
        }
        idHashes = []
        return first
    }

    /// Appends the rows of a batch read after this one's. Makes no room of its own: the
    /// columns grow as arrays do, unless the caller reserved them (`reserveCapacity`).
    public mutating func appendBatch(_ batch: AccountTable) {
        let shift = text.count
        let first = Row(kinds.count)
        text.append(contentsOf: batch.text)
        textStart.append(contentsOf: batch.textStart.lazy.map { $0 + shift })
        idLength.append(contentsOf: batch.idLength)
        nameLength.append(contentsOf: batch.nameLength)
        kinds.append(contentsOf: batch.kinds)
        schools.append(contentsOf: batch.schools)
        reasons.append(contentsOf: batch.reasons)
        created.append(contentsOf: batch.created)
        lastActivity.append(contentsOf: batch.lastActivity)
        contents.append(contentsOf: batch.contents)
        roles.append(contentsOf: batch.roles)
        leaving.append(contentsOf: batch.leaving)
        categories.append(contentsOf: batch.categories)
        expires.append(contentsOf: batch.expires)
        closeAtExpiry.append(contentsOf: batch.closeAtExpiry)
        deactivatedOn.append(contentsOf: batch.deactivatedOn)
        importEntries.append(contentsOf: batch.importEntries)
        importRows.append(contentsOf: batch.importRows)
        idHashes.append(contentsOf: batch.idHashes)
        for (row, school) in batch.pendingSchools { pendingSchools[first + row] = school }
        count += batch.count
    }

    /// The import entry and file row of the account in `row`, if it was imported.
    func importOrigin(_ row: Row) -> (entry: Int32, row: Int32)? {
        importEntries[Int(row)] < 0 ? nil : (importEntries[Int(row)], importRows[Int(row)])
    }
}

extension Array {
    /// Appends `count` elements, the `index`th of them `element(index)`: room is made once
    /// (`placeholder` fills it) and the elements are written in place, rather than checked
    /// for a unique buffer one by one as `append` does.
    fileprivate mutating func append(count: Int, placeholder: Element, _ element: (Int) -> Element) {
        let start = self.count
        append(contentsOf: repeatElement(placeholder, count: count))
        withUnsafeMutableBufferPointer { buffer in
            for index in 0..<count { buffer[start + index] = element(index) }
        }
    }
}
