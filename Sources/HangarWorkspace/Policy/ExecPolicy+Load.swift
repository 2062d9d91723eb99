import Foundation
import HangarCore

extension ExecPolicy {
    /// The file a state directory may hold to replace the standard policy.
    public static let fileName = "policy.json"

    /// The policy for a state directory: `<home>/policy.json` when it exists (an invalid file is an error, never
    /// a silent fallback), else ``standard``.
    public static func load(home: String) throws -> ExecPolicy {
        let path = URL(fileURLWithPath: home).appendingPathComponent(fileName).path
        guard FileManager.default.fileExists(atPath: path) else { return .standard }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw HangarError(.policyInvalid, "\(fileName) in the state directory cannot be read")
        }
        return try parse(data)
    }
}
