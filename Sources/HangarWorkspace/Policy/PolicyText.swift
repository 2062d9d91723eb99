/// Small helpers for the text of policy messages, which are shown to users and agents.
enum PolicyText {
    /// The longest piece of user-supplied text quoted back in a message.
    static let maximumQuotedLength = 60

    /// `value` in double quotes, shortened with `…` when long, so a message stays readable and bounded.
    static func quoted(_ value: String) -> String {
        let shown = value.count > maximumQuotedLength ? value.prefix(maximumQuotedLength) + "…" : Substring(value)
        var result = "\""
        for scalar in shown.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
