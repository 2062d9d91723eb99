public import Foundation
import HangarCore
import HangarSandbox

extension ExecPolicy: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case version
        case defaultAction = "default"
        case network, rules
    }

    /// The largest policy file ``parse(_:)`` reads.
    public static let maximumSize = 1 << 20

    /// Reads a policy file (JSON; see the type's documentation for the format).
    ///
    /// - Throws: `policy_invalid` naming the JSON path of the first problem, such as
    ///   `invalid exec policy at $.rules[1].acton: unknown key; expected one of id, argv0, …`.
    public static func parse(_ data: Data) throws -> ExecPolicy {
        guard data.count <= maximumSize else {
            throw HangarError(.policyInvalid, "invalid exec policy: the file is larger than \(maximumSize) bytes")
        }
        do {
            return try JSONDecoder().decode(ExecPolicy.self, from: data)
        } catch let error as DecodingError {
            throw HangarError(.policyInvalid, PolicyDecoding.message(for: error), underlying: error)
        }
    }

    public init(from decoder: any Decoder) throws {
        try PolicyDecoding.rejectUnknownKeys(decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let version = try container.decode(Int.self, forKey: .version)
        guard version == Self.version else {
            throw PolicyDecoding.invalid(
                container.codingPath + [CodingKeys.version],
                "unsupported version \(version); this Hangar reads version \(Self.version)"
            )
        }
        defaultAction = try container.decodeIfPresent(PolicyAction.self, forKey: .defaultAction) ?? .allow
        network = try Self.decodeNetwork(container)
        rules = try container.decodeIfPresent([PolicyRule].self, forKey: .rules) ?? []
        var seen: Set<String> = []
        for (index, rule) in rules.enumerated() where !seen.insert(rule.id).inserted {
            throw PolicyDecoding.invalid(
                container.codingPath + [CodingKeys.rules, PolicyDecoding.Key(index: index), PolicyDecoding.Key("id")],
                "duplicate rule id \(PolicyText.quoted(rule.id))"
            )
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.version, forKey: .version)
        try container.encode(defaultAction, forKey: .defaultAction)
        var table = container.nestedContainer(keyedBy: PolicyDecoding.Key.self, forKey: .network)
        for mode in NetworkMode.allCases {
            if let action = network[mode] { try table.encode(action, forKey: PolicyDecoding.Key(mode.rawValue)) }
        }
        try container.encode(rules, forKey: .rules)
    }

    private static func decodeNetwork(
        _ container: KeyedDecodingContainer<CodingKeys>
    ) throws -> [NetworkMode: PolicyAction] {
        guard container.contains(.network), try !container.decodeNil(forKey: .network) else { return [:] }
        let table = try container.nestedContainer(keyedBy: PolicyDecoding.Key.self, forKey: .network)
        var network: [NetworkMode: PolicyAction] = [:]
        for key in table.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
            guard let mode = NetworkMode(rawValue: key.stringValue) else {
                let modes = NetworkMode.allCases.map(\.rawValue).joined(separator: ", ")
                throw PolicyDecoding.invalid(table.codingPath + [key], "unknown network mode; expected one of \(modes)")
            }
            network[mode] = try table.decode(PolicyAction.self, forKey: key)
        }
        return network
    }
}
