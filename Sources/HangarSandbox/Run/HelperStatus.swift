/// The helper's one-line result (see Sources/CHangarSandbox/sandbox_main.c).
enum HelperStatus: Equatable, Sendable {
    case exited(Int32)
    case signaled(Int32)
    case execError(Int32)
    case chdirError(Int32)
    /// `stage` and `message` are free of host paths.
    case setupError(stage: String, message: String)
    case lifelineLost

    init?(line: String) {
        let line = line.trimmed
        let (word, rest) =
            line.firstIndex(of: " ").map { (String(line[..<$0]), String(line[line.index(after: $0)...])) }
            ?? (line, "")
        switch word {
        case "exit": guard let code = Int32(rest) else { return nil }; self = .exited(code)
        case "signal": guard let signal = Int32(rest) else { return nil }; self = .signaled(signal)
        case "exec_error": guard let error = Int32(rest) else { return nil }; self = .execError(error)
        case "chdir_error": guard let error = Int32(rest) else { return nil }; self = .chdirError(error)
        case "lifeline_lost": self = .lifelineLost
        case "setup_error":
            let parts = rest.split(separator: ":", maxSplits: 1)
            self = .setupError(
                stage: parts.first.map { String($0).trimmed } ?? "",
                message: parts.count > 1 ? String(parts[1]).trimmed : "")
        default: return nil
        }
    }
}
