public import HangarCore

extension HangarError.Code {
    /// The statement ran longer than the model's statement timeout and was stopped.
    public static let statementTimeout = Self("statement_timeout", family: .timedOut)
    /// The database refused a write's values: a unique, not-null, foreign-key or check constraint.
    public static let constraintViolation = Self("constraint_violation", family: .conflict)
}

extension HangarError {
    /// `statement_timeout`, naming only the budget.
    static func statementTimeout(_ timeout: Duration, underlying: (any Error)? = nil) -> HangarError {
        HangarError(
            .statementTimeout, "the statement ran longer than \(timeout) and was stopped", underlying: underlying)
    }

    /// `database_error`: the database refused or failed the statement. The message is fixed; the cause stays in
    /// `underlying`, out of client view.
    static func databaseError(_ underlying: (any Error)?) -> HangarError {
        HangarError(.databaseError, "the database could not run the statement", underlying: underlying)
    }

    /// `constraint_violation`, naming no column (the constraint may be on a hidden one).
    static func constraintViolation(_ underlying: any Error) -> HangarError {
        HangarError(
            .constraintViolation,
            "the database refused the values: they break a unique, not-null, foreign-key or check constraint",
            underlying: underlying)
    }

    /// `forbidden`: a write on an executor opened for reads only.
    static func readOnlyExecutor() -> HangarError {
        HangarError(.forbidden, "this database is open for reads only")
    }

    /// `database_error` for a statement the read guard refused (a hidden column, another table or a write).
    static func statementRefused() -> HangarError {
        HangarError(.databaseError, "the database refused the statement")
    }
}
