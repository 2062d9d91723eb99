internal import Foundation
internal import HangarCore

/// The data runtime's secret: 32 random bytes in `$HANGAR_HOME/data.key` (hex, mode 0600), created on first
/// use. It seals cursors and keys `hash` fields, so it must survive restarts for hashed values to stay
/// comparable; deleting it invalidates every cursor and changes every hash.
public enum DataSecret {
    public static let fileName = "data.key"

    public static func load(home: String) throws -> [UInt8] {
        let url = URL(fileURLWithPath: home).appendingPathComponent(fileName)
        if FileManager.default.fileExists(atPath: url.path) { return try read(url) }
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let text = ResultShaper.hex(bytes) + "\n"
            // `withoutOverwriting` creates the file exclusively (O_EXCL): a racing process's key is never replaced.
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        } catch CocoaError.fileWriteFileExists {
            // Another process created it first; read back what is on disk.
        } catch {
            throw HangarError(.configInvalid, "cannot create \(fileName) in the state directory", underlying: error)
        }
        return try read(url)
    }

    private static func read(_ url: URL) throws -> [UInt8] {
        guard let text = try? String(contentsOf: url, encoding: .utf8),
            let bytes = bytes(hex: text.trimmingCharacters(in: .whitespacesAndNewlines)), bytes.count >= 32
        else {
            throw HangarError(.configInvalid, "\(fileName) in the state directory is not 32 or more hex bytes")
        }
        return bytes
    }

    private static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count.isMultiple(of: 2) else { return nil }
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let byte = UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16) else {
                return nil
            }
            bytes.append(byte)
        }
        return bytes
    }
}
