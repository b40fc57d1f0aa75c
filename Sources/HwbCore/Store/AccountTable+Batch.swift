/// Filling a table in bulk: an import parses its rows straight into a table of their own
/// (`appendRow`, no id map), the store checks it (`Store.importAccounts`) and takes its
/// rows over in one go (`append(contentsOf:)`).
extension AccountTable {
    /// One row's values, as an import reads them. Dates are day numbers, `noDate` for none.
    public struct RowValues {
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

        /// The values of a sound account (R4, R14.1-3).
        public init(_ account: Account) {
            self.init(kind: account.kind, school: account.school)
            reason = account.status == .deactivated ? account.reason : nil
            created = account.created.dayNumber
            lastActivity = account.lastActivity.dayNumber
            content = account.content
            role = account.role
            leaving = account.leavingDate?.dayNumber ?? Self.noDate
            pendingSchool = account.pendingSchool
            category = account.category
            expires = account.expires?.dayNumber ?? Self.noDate
            closeAtExpiry = account.closeAtExpiry ?? false
            deactivatedOn = account.deactivatedOn?.dayNumber ?? Self.noDate
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

    /// Appends a row without entering its id in the id map: for a batch that
    /// `Store.importAccounts` checks and takes over. `id` must be a valid lower-case id and
    /// `name` UTF-8; the values must be those of the kind (no role for non-MIS...).
    public mutating func appendRow(id: UnsafeRawBufferPointer, name: UnsafeRawBufferPointer, _ values: RowValues) {
        let row = Row(kinds.count)
        textStart.append(text.count)
        idLength.append(UInt8(id.count))
        nameLength.append(UInt32(name.count))
        text.append(contentsOf: id)
        text.append(contentsOf: name)
        kinds.append(values.kind)
        schools.append(Int32(values.school.value))
        reasons.append(values.reason)
        created.append(values.created)
        lastActivity.append(values.lastActivity == Self.noDate ? values.created : values.lastActivity)
        contents.append(values.content)
        roles.append(values.role)
        leaving.append(values.leaving)
        categories.append(values.category)
        expires.append(values.expires)
        closeAtExpiry.append(values.closeAtExpiry)
        deactivatedOn.append(values.deactivatedOn)
        importEntries.append(-1)
        importRows.append(0)
        idHashes.append(Self.hash(id))
        if let pending = values.pendingSchool { pendingSchools[row] = pending }
        count += 1
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
            slots[next] = Self.tag(hashes[Int(row)]) << 32 | UInt64(UInt32(bitPattern: row))
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
            // Into an empty table the batch, its id map (`mapIDs`) included, carries over as it is.
            self = batch
        } else {
            growSlots(toHold: count + batch.count)
            appendBatch(batch)
        }
        idHashes = []
        for r in Int(first)..<kinds.count {
            importEntries[r] = entry
            importRows[r] = Int32(r - Int(first) + 1)
            if first > 0 { addToSlots(Row(r), hash: batch.idHashes[r - Int(first)]) }
        }
        return first
    }

    /// Joins two batches read side by side (the second's rows after the first's).
    public mutating func appendBatch(_ batch: AccountTable) {
        reserveCapacity(batch.rowCount, textBytes: batch.text.count, mapped: false)
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
