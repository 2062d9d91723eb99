import Crypto
import Foundation
import HangarCore
import NIOCore
import Synchronization

/// Exact-match cache of non-streaming answers, for routes that enable it: the key is the SHA-256 of the
/// request's canonical JSON (sorted keys, so field order does not matter) and the route; entries live for the
/// route's TTL. At most `capacity` entries; the oldest go first.
final class ResponseCache: Sendable {
    struct Entry: Sendable {
        var body: ByteBuffer
        var deployment: String
        var expires: Int64
    }

    private let entries = Mutex<[String: Entry]>([:])
    private let clock: HangarClock
    private let capacity: Int

    init(clock: HangarClock, capacity: Int = 10_000) {
        self.clock = clock
        self.capacity = capacity
    }

    static func key(route: String, format: WireFormat, body: [String: JSONValue]) -> String {
        var normalized = body
        normalized["model"] = .string(route)
        normalized.removeValue(forKey: "stream")
        normalized.removeValue(forKey: "stream_options")
        normalized.removeValue(forKey: "user")
        let digest = SHA256.hash(data: Data(format.rawValue.utf8) + JSONValue.object(normalized).canonicalData())
        return Data(digest).base64EncodedString()
    }

    func lookup(_ key: String) -> Entry? {
        let now = clock.nowMilliseconds()
        return entries.withLock { entries in
            guard let entry = entries[key] else { return nil }
            guard entry.expires > now else {
                entries.removeValue(forKey: key)
                return nil
            }
            return entry
        }
    }

    func store(_ key: String, body: ByteBuffer, deployment: String, ttl: Duration) {
        let expires = clock.nowMilliseconds() + DeploymentHealth.milliseconds(ttl)
        entries.withLock { entries in
            if entries.count >= capacity {
                let now = clock.nowMilliseconds()
                entries = entries.filter { $0.value.expires > now }
                if entries.count >= capacity, let oldest = entries.min(by: { $0.value.expires < $1.value.expires }) {
                    entries.removeValue(forKey: oldest.key)
                }
            }
            entries[key] = Entry(body: body, deployment: deployment, expires: expires)
        }
    }
}
