/// Expands a request's argv into the simple commands the policy evaluates (see ``PolicyCommand``).
///
/// - Wrappers (``CommandWrapper/known``: `env`, `nice`, `timeout`, `xargs`, `sudo`, …) become a transparent
///   command for the wrapper itself, followed by the expansion of the wrapped command.
/// - Interpreters given code inline (`sh -c`, `python3 -c`, `perl -e`, `node -e`, …) are marked
///   ``PolicyCommand/hasInlineScript``. A shell's script is also split with ``ShellScript`` and each command
///   in it expanded in turn, following `cd` lexically; the shell is transparent when the split was complete.
/// - `python3 -m module args` looks through to `module args`.
/// - `find … -exec command … ;` adds the command `-exec` runs (also `-execdir`, `-ok`, `-okdir`).
/// - `git -C dir` and the wrappers' own directory options (`env -C`, `sudo -D`) move the working directory.
enum CommandExpander {
    /// How deeply inline scripts may nest (`sh -c "bash -c '…'"`) before the rest counts as opaque.
    static let maximumDepth = 4

    static func expand(_ argv: [String], workingDirectory: String) -> [PolicyCommand] {
        var commands: [PolicyCommand] = []
        expand(argv, workingDirectory: workingDirectory, depth: 0, into: &commands)
        return commands
    }

    private static func expand(
        _ argv: [String], workingDirectory: String, depth: Int, into commands: inout [PolicyCommand]
    ) {
        var argv = argv
        var directory = workingDirectory
        while let first = argv.first {
            let name = PolicyCommand.basename(first)
            if let wrapper = CommandWrapper.known[name] {
                let unwrapped = wrapper.unwrap(argv.dropFirst())
                guard let wrapped = unwrapped.wrapped else { break }
                commands.append(PolicyCommand(argv: [first] + unwrapped.ownArguments, workingDirectory: directory))
                commands[commands.count - 1].isTransparent = true
                for change in unwrapped.directories {
                    directory = LexicalPath.resolve(change, against: directory)
                }
                argv = wrapped
                continue
            }
            if let interpreter = CommandInterpreter.named(name) {
                switch interpreter.inspect(argv.dropFirst()) {
                case .module(let module):
                    var command = PolicyCommand(argv: argv, workingDirectory: directory)
                    command.isTransparent = true
                    commands.append(command)
                    argv = module
                    continue
                case .inline(let script):
                    var command = PolicyCommand(argv: argv, workingDirectory: directory)
                    command.hasInlineScript = true
                    commands.append(command)
                    guard CommandInterpreter.shells.contains(name), let script, depth < maximumDepth else { return }
                    let position = commands.count - 1
                    let parsed = ShellScript(parsing: script)
                    let before = commands.count
                    var scriptDirectory = directory
                    for inner in parsed.commands {
                        expand(inner, workingDirectory: scriptDirectory, depth: depth + 1, into: &commands)
                        scriptDirectory = changedDirectory(after: inner, from: scriptDirectory)
                    }
                    commands[position].isTransparent = !parsed.isOpaque && commands.count > before
                    return
                case .file:
                    break
                }
            }
            break
        }
        guard !argv.isEmpty else { return }
        commands.append(PolicyCommand(argv: argv, workingDirectory: gitDirectory(argv, from: directory)))
        if PolicyCommand.basename(argv[0]) == "find" {
            for executed in findExecCommands(argv) {
                expand(executed, workingDirectory: directory, depth: depth + 1, into: &commands)
            }
        }
    }

    /// The directory after a script's `cd dir`: unchanged for other commands and for `cd` without a plain
    /// operand (`cd`, `cd -`, `cd $X`).
    private static func changedDirectory(after argv: [String], from directory: String) -> String {
        guard argv.first == "cd" || argv.first == "pushd" else { return directory }
        let operands = argv.dropFirst().filter { !$0.hasPrefix("-") }
        guard operands.count == 1, let target = operands.first, !target.contains("$"), !target.hasPrefix("~")
        else { return directory }
        return LexicalPath.resolve(target, against: directory)
    }

    /// The working directory of a `git` command after its `-C dir` options; `directory` for other commands.
    private static func gitDirectory(_ argv: [String], from directory: String) -> String {
        guard PolicyCommand.basename(argv[0]) == "git" else { return directory }
        let valueOptions = PolicyCommand.globalOptionsWithValue["git"] ?? []
        var result = directory
        var rest = argv.dropFirst()
        while let argument = rest.popFirst(), argument.hasPrefix("-") {
            guard valueOptions.contains(argument), let value = rest.popFirst() else { continue }
            if argument == "-C" { result = LexicalPath.resolve(value, against: result) }
        }
        return result
    }

    /// The commands a `find` runs with `-exec`, `-execdir`, `-ok` and `-okdir`, each up to its `;` or `+`.
    private static func findExecCommands(_ argv: [String]) -> [[String]] {
        var commands: [[String]] = []
        var rest = argv.dropFirst()
        while let argument = rest.popFirst() {
            guard ["-exec", "-execdir", "-ok", "-okdir"].contains(argument) else { continue }
            var command: [String] = []
            while let word = rest.popFirst(), word != ";" && word != "+" {
                command.append(word)
            }
            if !command.isEmpty { commands.append(command) }
        }
        return commands
    }
}
