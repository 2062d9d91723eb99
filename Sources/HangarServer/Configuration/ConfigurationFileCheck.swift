import Foundation
import HangarCore

/// Checks a JSON config file before swift-configuration reads it: every key must be a known
/// ``ConfigurationKey`` (`config_unknown_key` names the first that is not) with a value of the right JSON type
/// (`config_invalid`). swift-configuration reads only the keys it is asked for, so without this a misspelt key
/// would be silently ignored.
enum ConfigurationFileCheck {
    static func check(fileAt path: String) throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw HangarError(.configInvalid, "the config file \(path) cannot be read", underlying: error)
        }
        let root: JSONValue
        do {
            root = try JSONValue.parse(data)
        } catch {
            throw HangarError(.configInvalid, "the config file \(path) is not valid JSON", underlying: error)
        }
        guard let object = root.objectValue else {
            throw HangarError(.configInvalid, "the config file \(path) must hold a JSON object")
        }
        try check(object, prefix: "", file: path)
    }

    static func check(_ object: [String: JSONValue], prefix: String, file: String) throws {
        let known = Dictionary(uniqueKeysWithValues: ConfigurationKey.known.map { ($0.name, $0) })
        for name in object.keys.sorted() {
            let value = object[name] ?? .null
            let path = prefix.isEmpty ? name : "\(prefix).\(name)"
            if let key = known[path] {
                guard value.matches(key.type) else {
                    throw HangarError(
                        .configInvalid, "configuration key '\(path)' in \(file) must be a JSON \(key.type.rawValue)")
                }
            } else if known.keys.contains(where: { $0.hasPrefix(path + ".") }) {
                guard let nested = value.objectValue else {
                    throw HangarError(.configInvalid, "configuration key '\(path)' in \(file) must be a JSON object")
                }
                try check(nested, prefix: path, file: file)
            } else {
                throw HangarError(.configUnknownKey, "unknown configuration key '\(path)' in \(file)")
            }
        }
    }
}

extension JSONValue {
    fileprivate func matches(_ type: ConfigurationKey.ValueType) -> Bool {
        switch (type, self) {
        case (.string, .string), (.integer, .int): true
        default: false
        }
    }
}
