import HangarData
import Testing

@Suite struct MaskPatternTests {
    static func unknown(_ placeholder: String) -> String {
        "unknown placeholder '\(placeholder)' in mask pattern; expected {firstN}, {lastN} (N from 1 to 32) or {domain}"
    }

    @Test(arguments: [
        ("***-**-{last4}", "123-45-6789", "***-**-6789"),
        ("***-**-{last4}", "6789", "***-**-****"),
        ("***-**-{last4}", "789", "***-**-****"),
        ("***-**-{last4}", "", "***-**-****"),
        ("***-**-{last4}", "56789", "***-**-6789"),
        ("{first1}***@{domain}", "alice@example.com", "a***@example.com"),
        ("{first1}***@{domain}", "a@example.com", "****@example.com"),
        ("{first1}***@{domain}", "not-an-email", "****@***"),
        ("{first1}***@{domain}", "bob@", "b***@***"),
        ("{first1}***@{domain}", "a.b@c@example.org", "a***@example.org"),
        ("{first1}", "Zoë", "Z"),
        ("{first1}", "Z", "*"),
        ("{last2}", "abcdef", "ef"),
        ("{last2}", "ab", "**"),
        ("{first2}…{last2}", "abcde", "ab…de"),
        ("{first2}…{last2}", "abcd", "**…**"),
        ("{first2}…{last2}", "abc", "**…**"),
        ("[redacted]", "anything", "[redacted]"),
        ("{last4}", "👨‍👩‍👧‍👦ab12", "ab12"),
    ])
    func apply(pattern: String, value: String, masked: String) throws {
        #expect(try MaskPattern(pattern).apply(to: value) == masked)
    }

    @Test(arguments: [
        ("", "a mask pattern has 1 to 128 characters"),
        (
            "{last0}",
            unknown("{last0}")
        ),
        (
            "{last33}",
            unknown("{last33}")
        ),
        (
            "{middle2}",
            unknown("{middle2}")
        ),
        (
            "{last+4}",
            unknown("{last+4}")
        ),
        ("{last4", "'{' without '}' in mask pattern"),
        ("last4}", "'}' without '{' in mask pattern"),
        ("{domain}{domain}", "{domain} appears more than once in mask pattern"),
    ])
    func badPattern(pattern: String, problem: String) {
        #expect(throws: MaskPatternError(problem: problem)) { try MaskPattern(pattern) }
    }
}
