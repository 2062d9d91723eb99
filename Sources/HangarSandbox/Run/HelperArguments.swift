/// The command line of `hangar __sandbox` for one execution (the protocol is documented in
/// Sources/CHangarSandbox/options.c).
enum HelperArguments {
    static func make(spec: SandboxSpec, scratch: ExecScratch, cgroup: SandboxCgroup, hiddenPaths: [String])
        -> [String]
    {
        var arguments = [
            SandboxHelperMode.argument, "--status-file", scratch.statusFile, "--root-dir", scratch.rootDirectory,
            "--env-file", scratch.environmentFile, "--workdir", spec.workingDirectory,
            "--network", spec.network == .host ? "host" : "none", "--lifeline",
        ]
        if let workspace = spec.workspace {
            for lower in workspace.lowerDirs { arguments += ["--lower", lower] }
            arguments += ["--upper", workspace.upperDir, "--work", workspace.workDir]
        }
        for path in hiddenPaths { arguments += ["--hide", path] }
        for directory in cgroup.memberships { arguments += ["--cgroup", directory] }
        return arguments + ["--"] + spec.argv
    }
}
