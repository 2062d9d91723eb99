/// The tokenizer behind ``ShellScript``: words grouped into commands, quoting applied.
struct ShellTokenizer {
    private var characters: [Character]
    private var index = 0
    private var word: String?
    private var words: [String] = []
    /// Set after a redirection operator: the next word is its target, not an argument.
    private var nextWordIsTarget: Target?
    /// The files the current command's output redirections write.
    private var writtenFiles: [String] = []
    private(set) var commands: [[String]] = []
    private(set) var isOpaque = false

    init(_ script: String) {
        characters = Array(script)
    }

    mutating func run() {
        while let character = next() {
            switch character {
            case " ", "\t":
                endWord()
            case "\n", "\r\n", ";", "(", ")":
                if character == "(" || character == ")" { isOpaque = true }
                endCommand()
            case "|":
                if peek() == "|" || peek() == "&" { index += 1 }
                endCommand()
            case "&":
                if peek() == ">" {
                    index += 1
                    redirect(writes: true)
                } else {
                    if peek() == "&" { index += 1 }
                    endCommand()
                }
            case ">", "<":
                if character == "<" && peek() == "<" {
                    // A here-document or here-string: its body is data, not commands. Stop here.
                    isOpaque = true
                    endCommand()
                    return
                }
                if peek() == "(" {
                    isOpaque = true
                }
                if let pending = word, !pending.isEmpty, pending.allSatisfy(\.isNumber) {
                    word = nil
                }
                endWord()
                redirect(writes: character == ">")
            case "#" where word == nil:
                while let skipped = peek(), skipped != "\n" && skipped != "\r\n" { index += 1 }
            case "'":
                guard readSingleQuoted() else { return stop() }
            case "\"":
                guard readDoubleQuoted() else { return stop() }
            case "\\":
                guard let escaped = next() else { return stop() }
                if escaped != "\n" { append(escaped) }
            case "$", "`":
                isOpaque = true
                append(character)
            default:
                append(character)
            }
        }
        endCommand()
    }

    /// What a redirection's target word is.
    private enum Target {
        /// A file the command writes (`>`, `>>`, `>|`, `&>`).
        case written
        /// A file the command reads (`<`).
        case read
    }

    /// Consumes the rest of a redirection operator (`>>`, `>|`, `>&2`, `<&-`) and arranges for its target word,
    /// if it has one, to be taken out of the arguments.
    private mutating func redirect(writes: Bool) {
        if let following = peek(), following == ">" || following == "|" { index += 1 }
        if peek() == "&" {
            index += 1
            while let digit = peek(), digit.isNumber || digit == "-" { index += 1 }
            if let last = characters[..<index].last, last.isNumber || last == "-" { return }
        }
        nextWordIsTarget = writes ? .written : .read
    }

    private mutating func readSingleQuoted() -> Bool {
        var text = ""
        while let character = next() {
            if character == "'" {
                append(text)
                return true
            }
            text.append(character)
        }
        return false
    }

    private mutating func readDoubleQuoted() -> Bool {
        var text = ""
        while let character = next() {
            switch character {
            case "\"":
                append(text)
                return true
            case "\\":
                guard let escaped = next() else { return false }
                if !["$", "`", "\"", "\\", "\n"].contains(escaped) { text.append("\\") }
                if escaped != "\n" { text.append(escaped) }
            case "$", "`":
                isOpaque = true
                text.append(character)
            default:
                text.append(character)
            }
        }
        return false
    }

    /// Ends the script early on an unbalanced quote or a trailing backslash: what follows cannot be read.
    private mutating func stop() {
        isOpaque = true
        endCommand()
    }

    private mutating func next() -> Character? {
        guard index < characters.count else { return nil }
        defer { index += 1 }
        return characters[index]
    }

    private func peek() -> Character? {
        index < characters.count ? characters[index] : nil
    }

    private mutating func append(_ character: Character) {
        word = (word ?? "") + String(character)
    }

    private mutating func append(_ text: String) {
        word = (word ?? "") + text
    }

    private mutating func endWord() {
        guard let finished = word else { return }
        word = nil
        if let target = nextWordIsTarget {
            nextWordIsTarget = nil
            if target == .written { writtenFiles.append(finished) }
        } else {
            words.append(finished)
        }
    }

    private mutating func endCommand() {
        endWord()
        nextWordIsTarget = nil
        if !words.isEmpty { commands.append(words) }
        // An output redirection writes its file as `tee` would, so the rules about writing apply to it.
        commands.append(contentsOf: writtenFiles.map { ["tee", "--", $0] })
        words = []
        writtenFiles = []
    }
}
