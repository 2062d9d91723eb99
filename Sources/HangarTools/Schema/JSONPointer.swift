import Foundation

/// Builds RFC 6901 JSON pointers while the validator walks a document.
enum JSONPointer {
    /// Appends an object member name, escaping `~` as `~0` and `/` as `~1`.
    static func appending(_ pointer: String, key: String) -> String {
        guard key.contains("~") || key.contains("/") else { return pointer + "/" + key }
        let escaped = key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
        return pointer + "/" + escaped
    }

    static func appending(_ pointer: String, index: Int) -> String {
        pointer + "/" + String(index)
    }
}
