import HangarCore
import HangarData
import Testing

@Suite struct GoldenTests {
    @Test(arguments: GoldenCase.reads + GoldenCase.writes)
    func compilesExactly(_ golden: GoldenCase) throws {
        let arguments = try DataFixtures.json(golden.arguments)
        for dialect in SQLDialect.allCases {
            let result = try golden.kind.compile(arguments, dialect: dialect)
            #expect(result.statement.sql == (dialect == .sqlite ? golden.sqlite : golden.postgres))
            #expect(result.statement.binds == golden.binds)
            #expect(result.before?.sql == (dialect == .sqlite ? golden.beforeSQLite : golden.beforePostgres))
            #expect(result.before?.binds ?? [] == golden.beforeBinds)
        }
    }

    /// Every statement holds only quoted canonical identifiers, keywords, punctuation and placeholders, and no
    /// string value of the arguments.
    @Test(arguments: GoldenCase.reads + GoldenCase.writes)
    func containsNoAgentString(_ golden: GoldenCase) throws {
        let arguments = try DataFixtures.json(golden.arguments)
        for dialect in SQLDialect.allCases {
            let result = try golden.kind.compile(arguments, dialect: dialect)
            for sql in [result.statement.sql, result.before?.sql ?? ""] {
                #expect(DataFixtures.isSchemaOnly(sql), "\(sql)")
                for value in golden.binds {
                    if case .text(let text) = value, text.count >= 4, !DataFixtures.identifiers.contains(text) {
                        #expect(!sql.contains(text))
                    }
                }
            }
        }
    }
}
