import HwbCore
import Testing

/// R11: an actor read back from its form (`description`), as a snapshot and a journal
/// record hold it, and the words that say what is wrong with a bad one.
@Suite struct ActorTextTests {
    @Test(arguments: [Actor.serviceDesk, .laAdmin(661), .laAdmin(999), .champion(SchoolNumber("6612001")!)])
    func readsBackItsOwnForm(_ actor: Actor) throws {
        #expect(try Actor(parsing: actor.description) == actor)
    }

    @Test(arguments: [
        ("", "expected service-desk, la-admin LA or champion SCHOOL", ActorTextError.Part.keyword),
        ("bob", #"expected service-desk, la-admin LA or champion SCHOOL, got "bob""#, .keyword),
        ("la-admin", "expected an LA code (660-681) after la-admin", .argument),
        ("la-admin 66", #"expected a 3-digit LA code (660-681), got "66""#, .argument),
        ("la-admin +66", #"expected a 3-digit LA code (660-681), got "+66""#, .argument),
        ("champion", "expected a school number after champion", .argument),
        ("champion 12", #"expected a 7-digit school number, got "12""#, .argument),
        ("service-desk now", #"expected nothing after service-desk, got "now""#, .argument),
        ("champion 6612001 x", #"expected nothing after champion 6612001, got "x""#, .argument),
    ])
    func refusesOtherText(_ text: String, _ message: String, _ part: ActorTextError.Part) {
        #expect(throws: ActorTextError(message, part: part)) { try Actor(parsing: text) }
    }
}
