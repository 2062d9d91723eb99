/// A command that runs another command given in its own arguments, such as `env`, `timeout` or `xargs`. The
/// policy looks through it to the wrapped command.
struct CommandWrapper: Sendable {
    /// Options whose value follows as the next argument, unless attached (`-n5`, `--adjustment=5`).
    var optionsWithValue: Set<String> = []
    /// Options that change the working directory of the wrapped command (`env -C dir`, `sudo -D dir`).
    var chdirOptions: Set<String> = []
    /// Options whose value is split on whitespace into more arguments (`env -S 'cmd args'`).
    var splitStringOptions: Set<String> = []
    /// Short flags after which the wrapper runs nothing (`command -v name` only looks the name up).
    var queryFlags: Set<Character> = []
    /// How many operands come before the wrapped command (`timeout DURATION command`).
    var leadingOperands = 0
    /// Whether `NAME=value` arguments before the command set the environment (`env FOO=1 command`).
    var takesAssignments = false

    /// What a wrapper's arguments say.
    struct Unwrapped: Equatable {
        /// The wrapper's own arguments, before the wrapped command.
        var ownArguments: [String]
        /// The wrapped command, or `nil` when the wrapper runs none.
        var wrapped: [String]?
        /// Directories the wrapped command changes to, in order.
        var directories: [String]
    }

    /// Splits the arguments after the wrapper's name into its own part and the wrapped command.
    func unwrap(_ arguments: ArraySlice<String>) -> Unwrapped {
        var rest = arguments
        var own: [String] = []
        var directories: [String] = []
        var operandsLeft = leadingOperands
        func takeValue(of option: String, attached: Substring?) {
            let value = attached.map(String.init) ?? rest.popFirst()
            guard let value else { return }
            if attached == nil { own.append(value) }
            if chdirOptions.contains(option) { directories.append(value) }
            if splitStringOptions.contains(option) {
                rest = ArraySlice(value.split(whereSeparator: \.isWhitespace).map(String.init) + rest)
            }
        }
        while let argument = rest.first {
            if argument == "--" {
                own.append(rest.removeFirst())
                break
            }
            if argument.hasPrefix("--") && argument.count > 2 {
                own.append(rest.removeFirst())
                let parts = argument.split(separator: "=", maxSplits: 1)
                let option = String(parts[0])
                if parts.count == 2 {
                    if chdirOptions.contains(option) || splitStringOptions.contains(option) {
                        takeValue(of: option, attached: parts[1])
                    }
                } else if optionsWithValue.contains(option) {
                    takeValue(of: option, attached: nil)
                }
                continue
            }
            if argument.hasPrefix("-") && argument.count > 1 {
                own.append(rest.removeFirst())
                var letters = argument.dropFirst()
                while let letter = letters.popFirst() {
                    if queryFlags.contains(letter) {
                        return Unwrapped(ownArguments: own + rest, wrapped: nil, directories: directories)
                    }
                    let option = "-\(letter)"
                    if optionsWithValue.contains(option) {
                        takeValue(of: option, attached: letters.isEmpty ? nil : letters)
                        break
                    }
                }
                continue
            }
            if takesAssignments && argument == "-" {
                own.append(rest.removeFirst())
                continue
            }
            if takesAssignments, let equals = argument.firstIndex(of: "="), equals != argument.startIndex {
                own.append(rest.removeFirst())
                continue
            }
            guard operandsLeft > 0 else { break }
            operandsLeft -= 1
            own.append(rest.removeFirst())
        }
        return Unwrapped(ownArguments: own, wrapped: rest.isEmpty ? nil : Array(rest), directories: directories)
    }

    /// The wrappers the policy looks through, by command name.
    static let known: [String: CommandWrapper] = [
        "env": CommandWrapper(
            optionsWithValue: ["-u", "--unset", "-C", "--chdir", "-S", "--split-string"],
            chdirOptions: ["-C", "--chdir"],
            splitStringOptions: ["-S", "--split-string"],
            takesAssignments: true
        ),
        "nice": CommandWrapper(optionsWithValue: ["-n", "--adjustment"]),
        "nohup": CommandWrapper(),
        "setsid": CommandWrapper(),
        "builtin": CommandWrapper(),
        "busybox": CommandWrapper(),
        "toybox": CommandWrapper(),
        "timeout": CommandWrapper(optionsWithValue: ["-s", "--signal", "-k", "--kill-after"], leadingOperands: 1),
        "stdbuf": CommandWrapper(optionsWithValue: ["-i", "-o", "-e", "--input", "--output", "--error"]),
        "time": CommandWrapper(optionsWithValue: ["-f", "--format", "-o", "--output"]),
        "command": CommandWrapper(queryFlags: ["v", "V"]),
        "exec": CommandWrapper(optionsWithValue: ["-a"]),
        "ionice": CommandWrapper(optionsWithValue: ["-c", "--class", "-n", "--classdata"]),
        "taskset": CommandWrapper(leadingOperands: 1),
        "watch": CommandWrapper(optionsWithValue: ["-n", "--interval"]),
        "xargs": CommandWrapper(
            optionsWithValue: [
                "-a", "--arg-file", "-d", "--delimiter", "-E", "-I", "-L", "-n", "--max-args", "-P", "--max-procs",
                "-s", "--max-chars", "--process-slot-var",
            ]
        ),
        "sudo": CommandWrapper(
            optionsWithValue: [
                "-u", "--user", "-g", "--group", "-C", "--close-from", "-D", "--chdir", "-h", "--host", "-p",
                "--prompt", "-r", "--role", "-t", "--type", "-T", "--command-timeout", "-U", "--other-user",
            ],
            chdirOptions: ["-D", "--chdir"],
            queryFlags: ["l", "v", "V"]
        ),
        "doas": CommandWrapper(optionsWithValue: ["-u", "-C"]),
    ]
}
