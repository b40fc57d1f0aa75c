/// R11: who the shell acts as, and which schools that person can see.
public enum Actor: Sendable, Hashable {
    /// Every school; everything, including reactivating MIS accounts.
    case serviceDesk
    /// The schools of one local authority (its 3-digit code).
    case laAdmin(Int)
    /// One school.
    case champion(SchoolNumber)

    /// Whether this actor may see and change accounts at `school`.
    public func covers(_ school: SchoolNumber) -> Bool {
        switch self {
        case .serviceDesk: return true
        case .laAdmin(let code): return school.laCode == code
        case .champion(let number): return school == number
        }
    }

    public var isChampion: Bool {
        if case .champion = self { return true }
        return false
    }

    /// Whether every school is in scope.
    public var seesEverything: Bool { self == .serviceDesk }
}

extension Actor: CustomStringConvertible {
    /// The form `login` and `--as` take: `service-desk`, `la-admin 661`, `champion 6612001`.
    public var description: String {
        switch self {
        case .serviceDesk: return "service-desk"
        case .laAdmin(let code): return "la-admin \(code)"
        case .champion(let school): return "champion \(school)"
        }
    }
}

extension Actor {
    /// The first word of each actor's form, as `login` and `--as` take them.
    public static let keywords = ["service-desk", "la-admin", "champion"]

    /// The actor that `keyword` and, for `la-admin` and `champion`, `argument` (its LA
    /// code or school number) name.
    public init(keyword: String, argument: String?) throws(ActorTextError) {
        switch keyword {
        case "service-desk":
            if let argument { throw ActorTextError("expected nothing after service-desk, got \"\(argument)\"", part: .argument) }
            self = .serviceDesk
        case "la-admin":
            guard let argument else { throw ActorTextError("expected an LA code (660-681) after la-admin", part: .argument) }
            guard argument.utf8.count == 3, argument.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let code = Int(argument) else {
                throw ActorTextError("expected a 3-digit LA code (660-681), got \"\(argument)\"", part: .argument)
            }
            self = .laAdmin(code)
        case "champion":
            guard let argument else { throw ActorTextError("expected a school number after champion", part: .argument) }
            guard let school = SchoolNumber(argument) else {
                throw ActorTextError("expected a 7-digit school number, got \"\(argument)\"", part: .argument)
            }
            self = .champion(school)
        default:
            throw ActorTextError("expected service-desk, la-admin LA or champion SCHOOL, got \"\(keyword)\"", part: .keyword)
        }
    }

    /// The actor whose form (`description`) is `text`: how a snapshot and a journal record
    /// name who acted. Words are separated by spaces; nothing else is read.
    public init(parsing text: String) throws(ActorTextError) {
        let words = text.split(separator: " ")
        guard let keyword = words.first else {
            throw ActorTextError("expected service-desk, la-admin LA or champion SCHOOL", part: .keyword)
        }
        try self.init(keyword: String(keyword), argument: words.count >= 2 ? String(words[1]) : nil)
        guard words.count <= 2 else {
            throw ActorTextError("expected nothing after \(self), got \"\(words[2])\"", part: .argument)
        }
    }
}

/// Why a text names no actor, and which word is wrong: the first (which actor) or the
/// LA code or school number after it, so that the parser can point at it.
public struct ActorTextError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Part: Sendable {
        case keyword, argument
    }

    public var message: String
    public var part: Part

    public init(_ message: String, part: Part) {
        self.message = message
        self.part = part
    }

    public var description: String { message }
}
