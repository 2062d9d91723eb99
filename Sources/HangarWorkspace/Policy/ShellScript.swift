/// A best-effort split of a shell script into its simple commands, for advice only.
///
/// The script is tokenized with POSIX quoting (single quotes, double quotes, backslash) and split on `;`, `&&`,
/// `||`, `|`, `&`, newlines and parentheses. Redirections (`> file`, `2>&1`, `< file`) are taken out of the
/// arguments, and each file an output redirection writes becomes a command `tee -- file` of its own, so the
/// rules about writing files apply to `echo x > /etc/passwd`. Comments are skipped, leading `NAME=value`
/// assignments are removed, and the control keywords `if`, `then`, `else`, `elif`, `while`, `until`, `do`, `!`
/// and `{` are stripped from the front of a command, so `if true; then sudo id; fi` yields `true` and
/// `sudo id`.
///
/// Whatever the splitter does not understand makes the script ``isOpaque``: command substitution (`$(…)`,
/// backquotes), parameter expansion (`$x`), process substitution, here-documents, `for`, `case`, functions and
/// unbalanced quotes. The commands found are still reported; an opaque script may run others as well. This is
/// not a shell parser and not a security boundary: the sandbox is.
struct ShellScript: Sendable, Equatable {
    /// The simple commands found, in order; none is empty.
    var commands: [[String]]
    /// Whether the script holds constructs the splitter does not understand.
    var isOpaque: Bool

    /// The most commands taken from one script; a longer script is opaque after them.
    static let maximumCommands = 1_000

    init(commands: [[String]], isOpaque: Bool) {
        self.commands = commands
        self.isOpaque = isOpaque
    }

    init(parsing script: String) {
        var tokenizer = ShellTokenizer(script)
        tokenizer.run()
        var commands: [[String]] = []
        var isOpaque = tokenizer.isOpaque
        for words in tokenizer.commands {
            guard let command = Self.simplify(words, isOpaque: &isOpaque) else { continue }
            guard commands.count < Self.maximumCommands else {
                isOpaque = true
                break
            }
            commands.append(command)
        }
        self.init(commands: commands, isOpaque: isOpaque)
    }

    private static let leadingKeywords: Set<String> = ["if", "then", "else", "elif", "while", "until", "do", "!", "{"]
    private static let closingKeywords: Set<String> = ["fi", "done", "esac", "}"]
    private static let opaqueKeywords: Set<String> = ["for", "case", "select", "function", "[[", "(("]

    /// Strips keywords and assignments from the front of a command; `nil` when nothing is left to run.
    private static func simplify(_ words: [String], isOpaque: inout Bool) -> [String]? {
        var words = words[...]
        while let first = words.first {
            if leadingKeywords.contains(first) || closingKeywords.contains(first) || isAssignment(first) {
                words.removeFirst()
            } else {
                break
            }
        }
        guard let first = words.first else { return nil }
        if opaqueKeywords.contains(first) || first.hasSuffix("()") {
            isOpaque = true
            return nil
        }
        return Array(words)
    }

    private static func isAssignment(_ word: String) -> Bool {
        guard let equals = word.firstIndex(of: "="), equals != word.startIndex else { return false }
        let name = word[..<equals]
        return name.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
            && !(name.first?.isNumber ?? true)
    }
}
