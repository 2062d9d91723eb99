import HangarCore

extension SandboxSpec {
    /// The defaults the runner adds when the caller did not set them.
    static let defaultEnvironment = [
        "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOME": "/tmp", "LANG": "C.UTF-8",
    ]

    /// The command's environment with the defaults added where absent.
    var effectiveEnvironment: [String: String] {
        environment.merging(Self.defaultEnvironment) { given, _ in given }
    }

    /// Checks the spec before anything is created or spawned. `cores` bounds the cpu fraction.
    func validate(cores: Int) throws {
        guard let command = argv.first, !command.isEmpty else {
            throw HangarError(.invalidArguments, "the command must not be empty")
        }
        guard !argv.contains(where: { $0.contains("\0") }) else {
            throw HangarError(.invalidArguments, "arguments must not contain NUL characters")
        }
        for (key, value) in environment
        where key.isEmpty || key.contains("=") || key.contains("\0") || value.contains("\0") {
            throw HangarError(.invalidArguments, "invalid environment variable name or value: '\(key)'")
        }
        guard workingDirectory.hasPrefix("/"), !workingDirectory.contains("\0") else {
            throw HangarError(.invalidArguments, "the working directory must be an absolute path")
        }
        let hostPaths = hiddenPaths + (workspace.map { $0.lowerDirs + [$0.upperDir, $0.workDir] } ?? [])
        guard hostPaths.allSatisfy({ $0.hasPrefix("/") && !$0.contains("\0") }) else {
            throw HangarError(.invalidArguments, "sandbox paths must be absolute")
        }
        if let workspace, workspace.lowerDirs.isEmpty {
            throw HangarError(.invalidArguments, "the workspace overlay needs at least one lower layer")
        }
        guard outputLimitBytes >= 0 else {
            throw HangarError(.invalidArguments, "the output limit must not be negative")
        }
        if network == .proxy {
            throw HangarError(.networkModeUnavailable, "the proxy network mode is not available yet")
        }
        try limits.validate(cores: cores)
    }
}

extension SandboxLimits {
    func validate(cores: Int) throws {
        if let memoryBytes, memoryBytes < Self.minimumMemoryBytes {
            throw HangarError(.limitTooLow, "the memory limit must be at least 8 MiB")
        }
        if let pids, pids < 1 {
            throw HangarError(.limitTooLow, "the pids limit must be at least 1")
        }
        if let cpuFraction, !(cpuFraction > 0 && cpuFraction <= Double(cores)) {
            throw HangarError(.limitTooLow, "the cpu limit must be above 0 and at most \(cores) (the number of cores)")
        }
        if let timeout, timeout <= .zero {
            throw HangarError(.limitTooLow, "the timeout must be positive")
        }
    }
}
