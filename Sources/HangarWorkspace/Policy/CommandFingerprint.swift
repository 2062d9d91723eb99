import Crypto
public import HangarSandbox

/// What an approval is bound to: a SHA-256 over exactly one command in one workspace.
///
/// The digest covers, in this order: a domain tag (`hangar.command-fingerprint.v1`), the workspace id, the
/// argv, the working directory, the environment overrides sorted by the UTF-8 bytes of their names, and the
/// network mode. Every string is encoded as its UTF-8 length (8 bytes, big-endian) followed by its bytes, and
/// every list as its count (8 bytes, big-endian) followed by its elements, so the encoding is unambiguous:
/// `["a b"]` and `["a", "b"]` differ, and so do `["ab", "c"]` and `["a", "bc"]`. Approving one command
/// approves no other: changing any bound field changes the fingerprint.
public struct CommandFingerprint: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The digest as 64 lowercase hexadecimal digits.
    public let hex: String

    public init(
        workspaceID: String,
        argv: [String],
        workingDirectory: String,
        environment: [String: String] = [:],
        network: NetworkMode
    ) {
        var hasher = SHA256()
        Self.append("hangar.command-fingerprint.v1", to: &hasher)
        Self.append(workspaceID, to: &hasher)
        Self.append(count: argv.count, to: &hasher)
        for argument in argv {
            Self.append(argument, to: &hasher)
        }
        Self.append(workingDirectory, to: &hasher)
        let overrides = environment.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        Self.append(count: overrides.count, to: &hasher)
        for (name, value) in overrides {
            Self.append(name, to: &hasher)
            Self.append(value, to: &hasher)
        }
        Self.append(network.rawValue, to: &hasher)
        hex = hasher.finalize().map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }

    /// The fingerprint of a policy request's command.
    public init(workspaceID: String, request: PolicyRequest, environment: [String: String] = [:]) {
        self.init(
            workspaceID: workspaceID,
            argv: request.argv,
            workingDirectory: request.workingDirectory,
            environment: environment,
            network: request.network
        )
    }

    public var description: String { hex }

    private static func append(_ text: String, to hasher: inout SHA256) {
        append(count: text.utf8.count, to: &hasher)
        hasher.update(data: Array(text.utf8))
    }

    private static func append(count: Int, to hasher: inout SHA256) {
        let bytes = (0..<8).reversed().map { UInt8(truncatingIfNeeded: UInt64(count) >> ($0 * 8)) }
        hasher.update(data: bytes)
    }
}
