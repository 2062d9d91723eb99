/// A shell or scripting language that can be handed code inline, whose effect the policy cannot know.
struct CommandInterpreter: Sendable {
    /// Short options that introduce inline code (`c` for `sh -c`, `e` for `perl -e`).
    var inlineLetters: Set<Character>
    /// Long options that introduce inline code (`--eval`).
    var inlineLongOptions: Set<String> = []
    /// The short option that runs a module as a program (`python3 -m pip`), if any.
    var moduleLetter: Character?
    /// Short options whose value is the rest of the cluster or, when the cluster ends, the next argument.
    var valueLetters: Set<Character> = []
    /// Long options whose value is the next argument.
    var valueLongOptions: Set<String> = []
    /// Whether the script follows the options as an operand, rather than as the option's value: `sh -c 'ls'`
    /// and `bash -ec 'ls'` (shells), against `python3 -c 'code'`.
    var scriptIsOperand = false

    /// What an interpreter's arguments say.
    enum Invocation: Equatable {
        /// Code given inline; `script` is the code when it could be found.
        case inline(script: String?)
        /// A module run as a program: the module's name and its arguments.
        case module([String])
        /// A script file or standard input: nothing inline.
        case file
    }

    /// Reads the arguments after the interpreter's name.
    func inspect(_ arguments: ArraySlice<String>) -> Invocation {
        var rest = arguments
        var isInline = false
        while let argument = rest.popFirst() {
            if argument == "--" || argument == "-" || !(argument.hasPrefix("-") || isShellPlusOption(argument)) {
                if scriptIsOperand && isInline { return .inline(script: argument == "--" ? rest.first : argument) }
                return .file
            }
            if argument.hasPrefix("--") {
                let option = String(argument.split(separator: "=", maxSplits: 1)[0])
                if inlineLongOptions.contains(option) {
                    return .inline(script: option == argument ? rest.first : nil)
                }
                if valueLongOptions.contains(argument) { _ = rest.popFirst() }
                continue
            }
            var letters = argument.dropFirst()
            while let letter = letters.popFirst() {
                if inlineLetters.contains(letter) && argument.hasPrefix("-") {
                    if scriptIsOperand {
                        isInline = true
                        continue
                    }
                    return .inline(script: letters.isEmpty ? rest.first : String(letters))
                }
                if letter == moduleLetter {
                    let module = letters.isEmpty ? rest.popFirst() : String(letters)
                    guard let module else { return .file }
                    return .module([module] + rest)
                }
                if valueLetters.contains(letter) {
                    if letters.isEmpty { _ = rest.popFirst() }
                    break
                }
            }
        }
        return isInline ? .inline(script: nil) : .file
    }

    /// `+o name` and `+e`: shells also take options after `+`.
    private func isShellPlusOption(_ argument: String) -> Bool {
        scriptIsOperand && argument.hasPrefix("+") && argument.count > 1
    }

    /// The shells whose `-c` script the policy splits into simple commands.
    static let shells: Set<String> = ["sh", "bash", "dash", "zsh", "ksh", "mksh", "ash", "yash", "posh"]

    /// The interpreter for a command name, if it is one.
    static func named(_ name: String) -> CommandInterpreter? {
        if shells.contains(name) { return shell }
        if isVersioned(name, prefix: "python") || isVersioned(name, prefix: "pypy") { return python }
        return others[name]
    }

    private static func isVersioned(_ name: String, prefix: String) -> Bool {
        name.hasPrefix(prefix) && name.dropFirst(prefix.count).allSatisfy { $0.isNumber || $0 == "." }
    }

    static let shell = CommandInterpreter(
        inlineLetters: ["c"],
        valueLetters: ["o", "O"],
        valueLongOptions: ["--rcfile", "--init-file"],
        scriptIsOperand: true
    )

    static let python = CommandInterpreter(
        inlineLetters: ["c"],
        moduleLetter: "m",
        valueLetters: ["W", "X"],
        valueLongOptions: ["--check-hash-based-pycs"]
    )

    private static let others: [String: CommandInterpreter] = [
        "perl": CommandInterpreter(inlineLetters: ["e", "E"], valueLetters: ["I", "M", "m", "x", "C", "d", "D", "V"]),
        "node": node,
        "nodejs": node,
        "bun": CommandInterpreter(inlineLetters: ["e", "p"], inlineLongOptions: ["--eval", "--print"]),
        "ruby": CommandInterpreter(inlineLetters: ["e"], valueLetters: ["I", "r", "C", "E", "x"]),
        "php": CommandInterpreter(inlineLetters: ["r"], valueLetters: ["c", "d", "z"]),
        "lua": CommandInterpreter(inlineLetters: ["e"], valueLetters: ["l"]),
    ]

    private static let node = CommandInterpreter(
        inlineLetters: ["e", "p"],
        inlineLongOptions: ["--eval", "--print"],
        valueLetters: ["r", "C"],
        valueLongOptions: ["--require", "--import", "--loader", "--experimental-loader", "--conditions", "--title"]
    )
}
