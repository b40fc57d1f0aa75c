/// Splits a line into statements and words.
///
/// One command per line; `;` separates several on one line; `#` starts a comment outside
/// quotes; words are separated by blanks; a value with blanks is written in double
/// quotes, with `\"` and `\\` inside (any other backslash stands for itself).
///
///     Lexer.statements(in: #"create a name="Siân \"Sî\" Ŵyn" ; date # note"#)
///     // [create, a, name=Siân "Sî" Ŵyn] and [date]
public enum Lexer {
    /// Every statement of the line, failing at the first that cannot be split into words.
    public static func statements(in line: String) throws(ParseError) -> [Statement] {
        try lex(line).map { result throws(ParseError) in try result.get() }
    }

    /// The statements of the line in order. A statement that cannot be split into words
    /// (an unclosed quote, a control character) ends the list as a failure; those before
    /// it stand on their own.
    public static func lex(_ line: String) -> [Result<Statement, ParseError>] {
        let characters = Array(line)
        var statements: [Result<Statement, ParseError>] = []
        var words: [Word] = []
        var index = 0

        func finishStatement(at end: Int) {
            guard let first = words.first else { return }
            let start = first.column - 1
            let text = String(characters[start..<end]).trimmingTrailingBlanks()
            statements.append(.success(Statement(words: words, text: text, column: first.column, endColumn: start + text.count + 1)))
            words = []
        }

        while index < characters.count {
            let character = characters[index]
            if character == " " || character == "\t" {
                index += 1
            } else if character == ";" {
                finishStatement(at: index)
                index += 1
            } else if character == "#" {
                break
            } else {
                do throws(ParseError) {
                    let (word, next) = try readWord(characters, from: index)
                    words.append(word)
                    index = next
                } catch {
                    statements.append(.failure(error))
                    return statements
                }
            }
        }
        finishStatement(at: min(index, characters.count))
        return statements
    }

    /// Control characters (other than a tab between words) are never part of a command.
    private static func refuseControl(_ character: Character, column: Int) throws(ParseError) {
        guard character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return }
        let code = String(character.unicodeScalars.first!.value, radix: 16, uppercase: true).leftPadded(to: 4)
        throw ParseError("unexpected control character U+\(code); commands and values are text without control characters", column: column)
    }

    /// Reads one word starting at `start`; returns it and the index just past it.
    private static func readWord(_ characters: [Character], from start: Int) throws(ParseError) -> (Word, Int) {
        var text = ""
        var key: String?
        var separator: Character?
        var valueStart = 0
        var valueColumn = start + 1
        var sawQuote = false
        var index = start
        while index < characters.count {
            let character = characters[index]
            if character == " " || character == "\t" || character == ";" || character == "#" { break }
            try refuseControl(character, column: index + 1)
            if character == "\"" {
                sawQuote = true
                let quoteColumn = index + 1
                index += 1
                var closed = false
                while index < characters.count {
                    let inner = characters[index]
                    if inner != "\t" { try refuseControl(inner, column: index + 1) }
                    if inner == "\\", index + 1 < characters.count, characters[index + 1] == "\"" || characters[index + 1] == "\\" {
                        text.append(characters[index + 1])
                        index += 2
                    } else if inner == "\"" {
                        closed = true
                        index += 1
                        break
                    } else {
                        text.append(inner)
                        index += 1
                    }
                }
                guard closed else {
                    throw ParseError("this quoted value has no closing \"", column: quoteColumn)
                }
                continue
            }
            if key == nil, !sawQuote, character == "=" || character == "~", !text.isEmpty {
                key = text
                separator = character
                valueStart = text.count + 1
                valueColumn = index + 2
            }
            text.append(character)
            index += 1
        }
        let value = key == nil ? text : String(text.dropFirst(valueStart))
        return (Word(text: text, column: start + 1, key: key, separator: separator, value: value, valueColumn: valueColumn), index)
    }
}

extension String {
    func trimmingTrailingBlanks() -> String {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }

    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
