/// What a command shows, as values: the interpreter says what (`Shell.perform`), the
/// renderer decides how it looks and where it goes (`Shell.show`). A refused command
/// shows nothing: its outcome is dropped with the error.
struct Outcome {
    enum Part {
        /// A line of text; at a terminal it wraps at spaces to the width.
        case line(String)
        /// Labelled values, one a line (`show`): a long value wraps under itself.
        case fields([(label: String, value: String)])
        /// A listing, in the current format.
        case table(Table)
        /// A CSV or JSON document, shown as it is.
        case document([UInt8])
    }

    var parts: [Part] = []
}
