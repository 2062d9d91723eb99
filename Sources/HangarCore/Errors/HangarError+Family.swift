extension HangarError {
    /// A family of codes that map alike at every edge. This is the one mapping table from a code to an HTTP
    /// status, a JSON-RPC error code and a CLI exit code; edges call these properties and nothing else.
    public enum Family: String, Sendable, CaseIterable {
        case invalidInput = "invalid_input"
        case tooLarge = "too_large"
        case notFound = "not_found"
        case conflict
        case budget
        /// Too many calls in a window; the caller should retry later (HTTP 429 with `Retry-After`).
        case rateLimited = "rate_limited"
        case unauthorized
        case forbidden
        case unavailable
        case storage
        case configuration
        /// The action needs a human's approval first (a policy said `require_approval`).
        case approvalRequired = "approval_required"
        /// A deadline passed and the work was stopped.
        case timedOut = "timed_out"
        /// The sandbox could not be set up or torn down; the command did not run as asked.
        case sandbox
        case `internal`

        /// The HTTP status a REST response carries.
        public var httpStatus: Int {
            switch self {
            case .invalidInput: 400
            case .tooLarge: 413
            case .notFound: 404
            case .conflict: 409
            case .budget: 402
            case .rateLimited: 429
            case .unauthorized: 401
            case .forbidden: 403
            case .unavailable: 503
            case .storage: 500
            case .configuration: 500
            case .approvalRequired: 428
            case .timedOut: 504
            case .sandbox: 500
            case .internal: 500
            }
        }

        /// The JSON-RPC error code (MCP, A2A). Standard codes where JSON-RPC has one, else the
        /// implementation-defined server range -32000...-32099.
        public var jsonRPCCode: Int {
            switch self {
            case .invalidInput, .tooLarge: -32602
            case .notFound: -32001
            case .conflict: -32002
            case .budget: -32003
            case .unauthorized: -32004
            case .forbidden: -32005
            case .unavailable: -32006
            case .storage: -32007
            case .configuration: -32008
            case .approvalRequired: -32009
            case .timedOut: -32010
            case .sandbox: -32011
            case .rateLimited: -32012
            case .internal: -32603
            }
        }

        /// The exit code of the `hangar` CLI. 0 is success, 1 an unclassified failure, 2 a usage error
        /// (argument parsing); each family has its own code from 3 up. Documented in the README.
        public var exitCode: Int32 {
            switch self {
            case .internal: 1
            case .invalidInput, .tooLarge: 3
            case .notFound: 4
            case .conflict: 5
            case .budget: 6
            case .unauthorized, .forbidden: 7
            case .unavailable: 8
            case .storage: 9
            case .configuration: 10
            case .approvalRequired: 11
            case .timedOut: 12
            case .sandbox: 13
            case .rateLimited: 14
            }
        }
    }
}
