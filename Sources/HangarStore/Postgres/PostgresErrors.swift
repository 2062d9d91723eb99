import HangarCore
import PostgresNIO

/// Maps PostgresNIO failures to Hangar codes. The PostgreSQL error (which can carry SQL text and server
/// details) stays in `underlying`, out of client view; messages name no SQL, host or credential.
enum PostgresErrors {
    static func classify(_ error: any Error) -> HangarError {
        switch error {
        case let error as HangarError:
            return error
        case let error as PSQLError:
            return classify(error)
        case let error as PostgresTransactionError:
            let cause = error.closureError ?? error.beginError ?? error.commitError ?? error.rollbackError
            return cause.map(classify) ?? HangarError(.internal, "storage error", underlying: error)
        case is PostgresDecodingError:
            return HangarError(.databaseCorrupt, "a stored value has an unexpected type", underlying: error)
        case is CancellationError:
            return HangarError(.unavailable, "the database request was cancelled", underlying: error)
        default:
            return HangarError(.internal, "storage error", underlying: error)
        }
    }

    /// Whether PostgreSQL refused a statement (the connection itself is fine): the error that aborts the
    /// rest of the transaction.
    static func isStatementFailure(_ error: any Error) -> Bool {
        (error as? PSQLError)?.code == .server
    }

    private static func classify(_ error: PSQLError) -> HangarError {
        switch error.code {
        case .server:
            return classify(sqlState: error.serverInfo?[.sqlState] ?? "", error)
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed,
            .sslUnsupported, .failedToAddSSLHandler, .receivedUnencryptedDataAfterSSLRequest:
            return HangarError(.databaseUnavailable, "cannot reach PostgreSQL", underlying: error)
        case .unsupportedAuthMechanism, .authMechanismRequiresPassword, .saslError:
            return HangarError(.databaseUnavailable, "PostgreSQL authentication failed", underlying: error)
        case .queryCancelled:
            return HangarError(.unavailable, "the database request was cancelled", underlying: error)
        default:
            return HangarError(.internal, "storage error", underlying: error)
        }
    }

    /// https://www.postgresql.org/docs/15/errcodes-appendix.html
    private static func classify(sqlState: String, _ error: PSQLError) -> HangarError {
        switch sqlState {
        case "40001", "40P01":
            return HangarError(.unavailable, "the transaction conflicted with another one; retry", underlying: error)
        case "23505":
            // Idempotency keys and seqs are checked before inserting under the log-head lock, so a duplicate
            // here is a bug, not a client mistake.
            return HangarError(.internal, "storage error: duplicate key", underlying: error)
        case "28000", "28P01":
            return HangarError(.databaseUnavailable, "PostgreSQL refused the credentials", underlying: error)
        case "3D000":
            return HangarError(.databaseUnavailable, "the PostgreSQL database does not exist", underlying: error)
        case "42501":
            return HangarError(.databaseUnavailable, "the PostgreSQL role lacks a privilege", underlying: error)
        case "25006":
            return HangarError(.databaseUnavailable, "PostgreSQL is read-only", underlying: error)
        case "57014", "55P03":
            return HangarError(.unavailable, "the database request timed out", underlying: error)
        case _ where sqlState.hasPrefix("08") || sqlState.hasPrefix("53") || sqlState.hasPrefix("57P"):
            return HangarError(.databaseUnavailable, "PostgreSQL is not available", underlying: error)
        default:
            return HangarError(.internal, "storage error", underlying: error)
        }
    }
}
