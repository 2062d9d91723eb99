import Foundation
import HangarData
import Testing

@Suite struct GlobalDenyTests {
    @Test func sensitiveFieldsAreDroppedEvenWhenAllowed() throws {
        let json = """
            {"version": 1, "models": {"users": {
                "fields": {"id": "allow", "password_hash": "allow", "API_KEY": {"access": "hash"},
                           "refresh_token": {"access": "mask", "pattern": "{last2}"}, "pin_code": "allow",
                           "tenant_id": "allow", "old_secret": "deny"},
                "row_scope": {"tenant_field": "tenant_id"}}},
             "global_deny": ["*pin*"]}
            """
        let policy = try DataPolicy.parse(Data(json.utf8))
        #expect(policy.models["users"]?.fields.keys.sorted() == ["id", "old_secret"])
        #expect(
            policy.warnings == [
                "$.models.users.fields.API_KEY: dropped: matches the global deny pattern '*api_key*'",
                "$.models.users.fields.password_hash: dropped: matches the global deny pattern '*password*'",
                "$.models.users.fields.pin_code: dropped: matches the global deny pattern '*pin*'",
                "$.models.users.fields.refresh_token: dropped: matches the global deny pattern '*token*'",
                "$.models.users.fields.tenant_id: dropped: it is the model's tenant_field, never exposed",
            ])
    }

    @Test(arguments: [
        ("password_hash", true), ("API_KEY", true), ("refresh_token", true), ("UserPassword", true),
        ("client_secret", true), ("aws_access_key_id", true), ("db_credentials", true), ("passwd", true),
        ("card_cvv", true), ("private_key_pem", true), ("email", false), ("name", false), ("tenant_id", false),
        ("api", false), ("key", false),
    ])
    func builtInPatterns(column: String, denied: Bool) {
        #expect(DenyPattern.builtIn.contains { $0.matches(column) } == denied)
    }

    @Test(arguments: [
        ("*ssn*", "ssn", true), ("*ssn*", "user_SSN_last", true), ("ssn", "SSN", true), ("ssn", "ssn_x", false),
        ("ssn*", "ssn_x", true), ("ssn*", "x_ssn", false), ("*ssn", "x_ssn", true), ("*ssn", "ssn_x", false),
        ("a*b*c", "abc", true), ("a*b*c", "axxbyyc", true), ("a*b*c", "acb", false), ("ab*ba", "aba", false),
    ])
    func globMatching(pattern: String, column: String, matches: Bool) throws {
        let deny = try #require(DenyPattern(pattern))
        #expect(deny.matches(column) == matches)
    }

    @Test func patternsMustBePrintable() {
        #expect(DenyPattern("") == nil)
        #expect(DenyPattern("a b") == nil)
        #expect(DenyPattern("a\u{0}") == nil)
        #expect(DenyPattern(String(repeating: "a", count: 129)) == nil)
    }
}
