import HangarSandbox

extension PolicyRule: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case id, argv0, subcommand, flags, paths, destination, network
        case inlineScript = "inline_script"
        case action, reason
    }

    public init(from decoder: any Decoder) throws {
        try PolicyDecoding.rejectUnknownKeys(decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        guard !id.isEmpty, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        else {
            throw PolicyDecoding.invalid(
                container.codingPath + [CodingKeys.id], "a rule id is made of letters, digits, '-' and '_'")
        }
        argv0 = try Self.decodeNames(container, .argv0) { name in
            name.contains("/") ? "argv0 names a command without its directory" : nil
        }
        subcommand = try Self.decodeNames(container, .subcommand) { _ in nil }
        flags = try Self.decodeNames(container, .flags) { flag in
            flag.hasPrefix("-") ? nil : "a flag starts with '-'"
        }
        paths = try Self.decodeGlobs(container, .paths)
        destination = try Self.decodeGlobs(container, .destination)
        let modes = NetworkMode.allCases.map(\.rawValue).joined(separator: ", ")
        network = try Self.decodeNames(container, .network) { mode in
            NetworkMode(rawValue: mode) == nil ? "unknown network mode; expected one of \(modes)" : nil
        }?.compactMap(NetworkMode.init(rawValue:))
        inlineScript = try container.decodeIfPresent(Bool.self, forKey: .inlineScript)
        action = try container.decode(PolicyAction.self, forKey: .action)
        reason = try container.decodeIfPresent(String.self, forKey: .reason)
        let hasCondition =
            argv0 != nil || subcommand != nil || flags != nil || paths != nil || destination != nil
            || network != nil || inlineScript != nil
        if !hasCondition {
            throw PolicyDecoding.invalid(
                container.codingPath,
                "a rule needs at least one condition (argv0, subcommand, flags, paths, destination, network, "
                    + "inline_script); "
                    + "use the policy's default for a catch-all"
            )
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encodeIfPresent(argv0, forKey: .argv0)
        try container.encodeIfPresent(subcommand, forKey: .subcommand)
        try container.encodeIfPresent(flags, forKey: .flags)
        try container.encodeIfPresent(paths, forKey: .paths)
        try container.encodeIfPresent(destination, forKey: .destination)
        try container.encodeIfPresent(network, forKey: .network)
        try container.encodeIfPresent(inlineScript, forKey: .inlineScript)
        try container.encode(action, forKey: .action)
        try container.encodeIfPresent(reason, forKey: .reason)
    }

    /// Decodes a non-empty list of non-empty strings, each checked by `problem` (a message, or `nil` if fine).
    private static func decodeNames(
        _ container: KeyedDecodingContainer<CodingKeys>,
        _ key: CodingKeys,
        problem: (String) -> String?
    ) throws -> [String]? {
        guard let names = try container.decodeIfPresent([String].self, forKey: key) else { return nil }
        try requireNonEmpty(names, container, key)
        for (index, name) in names.enumerated() {
            let issue = name.isEmpty ? "must not be empty" : problem(name)
            if let issue {
                let path = container.codingPath + [key, PolicyDecoding.Key(index: index)]
                throw PolicyDecoding.invalid(path, issue)
            }
        }
        return names
    }

    /// Decodes a non-empty list of globs with at least one that is not an exclusion.
    private static func decodeGlobs(
        _ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys
    ) throws -> [PathGlob]? {
        guard let globs = try container.decodeIfPresent([PathGlob].self, forKey: key) else { return nil }
        try requireNonEmpty(globs, container, key)
        guard globs.contains(where: { !$0.isExclusion }) else {
            throw PolicyDecoding.invalid(container.codingPath + [key], "needs at least one glob without '!'")
        }
        return globs
    }

    private static func requireNonEmpty<Element>(
        _ list: [Element], _ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys
    ) throws {
        guard list.isEmpty else { return }
        throw PolicyDecoding.invalid(container.codingPath + [key], "the list must not be empty")
    }
}
