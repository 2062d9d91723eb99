/// One simple command the policy evaluates.
///
/// A request expands into several: a wrapper such as `env` or `timeout` and the command it runs, an inline
/// shell script and the simple commands found in it, `find` and what its `-exec` runs. Each is matched
/// against the rules on its own; the strictest outcome wins (see ``ExecPolicy/decide(_:)``).
struct PolicyCommand: Sendable, Equatable {
    /// The command and its arguments; never empty.
    var argv: [String]
    /// The normalized absolute directory relative paths in ``argv`` are resolved against.
    var workingDirectory: String
    /// A wrapper whose wrapped command is evaluated separately, or a shell whose script was split completely.
    /// Such a command only counts when a rule names it; otherwise the commands it runs decide.
    var isTransparent = false
    /// Whether the command is an interpreter given code inline (`sh -c`, `python3 -c`, `perl -e`, `node -e`).
    var hasInlineScript = false

    /// `argv[0]` without its directory: `/usr/bin/sudo` is `sudo`.
    var name: String { Self.basename(argv[0]) }

    /// The arguments after `argv[0]`.
    var arguments: ArraySlice<String> { argv.dropFirst() }

    /// The first argument after `argv[0]` that is not an option, skipping the tool's global options and their
    /// values (`git -C dir -c k=v push` has the subcommand `push`), or `nil` when there is none before `--`.
    var subcommand: String? {
        let valueOptions = Self.globalOptionsWithValue[name] ?? []
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            if argument == "--" { return nil }
            if argument.hasPrefix("-") && argument.count > 1 {
                if valueOptions.contains(argument) { _ = rest.popFirst() }
                continue
            }
            if argument.hasPrefix("+") && Self.toolchainSelectors.contains(name) { continue }
            return argument
        }
        return nil
    }

    /// Whether any argument before `--` (or `--` itself) equals one of `flags`, where a cluster of short flags
    /// such as `-rf` counts for each of `-r` and `-f`.
    func hasAnyFlag(of flags: [String]) -> Bool {
        let shortFlags = Set(
            flags.compactMap { flag -> Character? in
                flag.count == 2 && flag.hasPrefix("-") && flag != "--" ? flag.last : nil
            })
        for argument in arguments {
            if flags.contains(argument) { return true }
            if argument == "--" { return false }
            if argument.count > 2 && argument.hasPrefix("-") && !argument.hasPrefix("--")
                && argument.dropFirst().contains(where: shortFlags.contains)
            {
                return true
            }
        }
        return false
    }

    /// The arguments that look like paths, resolved lexically against ``workingDirectory``.
    ///
    /// An argument looks like a path when it is `.` or `..` or contains `/` (so it starts with `/`, `./` or
    /// `../`, or names something below the working directory). The value of `--option=value` and of
    /// `name=value` operands (`dd of=/etc/x`) is looked at too; everything after `--` is an operand. Bare names
    /// such as `build` are not paths here: they stay in the working directory.
    var pathArguments: [String] {
        var paths: [String] = []
        var onlyOperands = false
        for argument in arguments {
            if !onlyOperands && argument == "--" {
                onlyOperands = true
                continue
            }
            var candidates: [Substring] = []
            let equals = argument.firstIndex(of: "=")
            if !onlyOperands && argument.hasPrefix("-") {
                if let equals { candidates.append(argument[argument.index(after: equals)...]) }
            } else {
                candidates.append(argument[...])
                if let equals, !argument[..<equals].contains("/") {
                    candidates.append(argument[argument.index(after: equals)...])
                }
            }
            for candidate in candidates where Self.looksLikePath(candidate) {
                paths.append(LexicalPath.resolve(String(candidate), against: workingDirectory))
            }
        }
        return paths
    }

    /// Where a copying command writes, resolved lexically: the value of `-t DIR` or `--target-directory=DIR`
    /// when given, else the last operand (`cp a b dir`, `ln -s /etc link`). `nil` without operands.
    var destination: String? {
        var lastOperand: String?
        var onlyOperands = false
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            if onlyOperands || argument == "-" || !argument.hasPrefix("-") {
                lastOperand = argument
            } else if argument == "--" {
                onlyOperands = true
            } else if argument == "-t" || argument == "--target-directory" {
                return rest.first.map { LexicalPath.resolve($0, against: workingDirectory) }
            } else if argument.hasPrefix("--target-directory=") {
                let value = argument.dropFirst("--target-directory=".count)
                return LexicalPath.resolve(String(value), against: workingDirectory)
            } else if argument.hasPrefix("-t") && !argument.hasPrefix("--") {
                return LexicalPath.resolve(String(argument.dropFirst(2)), against: workingDirectory)
            }
        }
        return lastOperand.map { LexicalPath.resolve($0, against: workingDirectory) }
    }

    static func basename(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    static func looksLikePath(_ text: Substring) -> Bool {
        text == "." || text == ".." || text.contains("/")
    }

    /// Global options that take a separate value, per tool, skipped when looking for the subcommand.
    static let globalOptionsWithValue: [String: Set<String>] = [
        "git": ["-C", "-c", "--git-dir", "--work-tree", "--namespace", "--config-env", "--super-prefix"],
        "cargo": ["-C", "-Z", "--config", "--color", "--manifest-path"],
        "npm": ["-C", "--prefix", "--registry", "--userconfig", "--globalconfig", "--cache", "-w", "--workspace"],
        "pnpm": ["-C", "--dir", "-F", "--filter", "--registry"],
        "yarn": ["--cwd", "--registry"],
        "docker": ["-H", "--host", "-c", "--context", "--config", "-l", "--log-level"],
        "podman": ["-c", "--connection", "--url", "--root", "--runroot", "--log-level"],
    ]

    /// Tools whose `+name` arguments select a toolchain before the subcommand (`cargo +nightly publish`).
    static let toolchainSelectors: Set<String> = ["cargo", "rustup", "rustc"]
}
