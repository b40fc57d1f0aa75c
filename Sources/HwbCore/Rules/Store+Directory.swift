extension Store {
    /// R3: adds a school to the directory. The number must belong to a Welsh LA (660-681)
    /// and is added once.
    public mutating func addSchool(_ school: School, _ context: Context) throws(RuleError) {
        try checkNewSchool(school)
        try NameText.check(school.name)
        insertSchool(school, context)
    }

    /// Adds a school already checked (R3) and records it.
    mutating func insertSchool(_ school: School, _ context: Context) {
        schools[school.number] = school
        record(context.system, rule: .r3, action: .schoolAdded(maintained: school.maintained),
               id: nil, school: school.number, changes: [])
    }

    func checkNewSchool(_ school: School) throws(RuleError) {
        guard LocalAuthority.isWelsh(school.number.laCode) else {
            throw RuleError(
                "school \(school.number): LA code \(school.number.laCode) is not a Welsh local authority (660-681)",
                rule: .r3)
        }
        guard schools[school.number] == nil else {
            throw RuleError("school \(school.number) is already in the directory", rule: .r3)
        }
    }

    /// R3: a maintained school in the directory, or a refusal that says what it is instead.
    func maintainedSchool(_ number: SchoolNumber, rule: Rule) throws(RuleError) -> School {
        guard let school = schools[number] else {
            throw RuleError("no school \(number) in the directory", rule: rule)
        }
        guard school.maintained else {
            throw RuleError("school \(number) (\(school.name)) is not a maintained school", rule: rule)
        }
        return school
    }

    /// R11: whether `actor` may log in: an LA code from 660 to 681, or a maintained school
    /// in the directory.
    public func checkLogin(_ actor: Actor) throws(RuleError) {
        switch actor {
        case .serviceDesk:
            return
        case .laAdmin(let code):
            guard LocalAuthority.isWelsh(code) else {
                throw RuleError("\(code) is not a Welsh LA code (660-681)", rule: .r11)
            }
        case .champion(let number):
            _ = try maintainedSchool(number, rule: .r11)
        }
    }
}
