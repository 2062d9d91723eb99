import Foundation
import HangarCore
import HummingbirdTesting
import NIOCore

extension TestResponse {
    var text: String { String(buffer: body) }

    var json: JSONValue {
        get throws { try JSONValue.parse(Data(body.readableBytesView)) }
    }

    /// The `{"error":{"code","message"}}` envelope's code, or nil when the body is not one.
    var errorCode: String? {
        (try? json)?["error"]?["code"]?.stringValue
    }
}
