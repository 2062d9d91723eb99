extension HangarError {
    /// A stable, machine-readable error code such as `invalid_arguments`.
    ///
    /// Codes are open for extension: each module declares its own codes as `static let`s in an extension,
    /// choosing the ``Family`` that decides how the code maps to HTTP, JSON-RPC and exit codes.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public let family: Family

        public init(_ rawValue: String, family: Family) {
            self.rawValue = rawValue
            self.family = family
        }

        public var description: String { rawValue }

        public static func == (lhs: Code, rhs: Code) -> Bool { lhs.rawValue == rhs.rawValue }
        public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
    }
}

extension HangarError.Code {
    // Input
    public static let invalidRequest = Self("invalid_request", family: .invalidInput)
    public static let invalidArguments = Self("invalid_arguments", family: .invalidInput)
    public static let invalidJSON = Self("invalid_json", family: .invalidInput)
    public static let payloadTooLarge = Self("payload_too_large", family: .tooLarge)
    // Lookup
    public static let notFound = Self("not_found", family: .notFound)
    public static let unknownTool = Self("unknown_tool", family: .notFound)
    // State
    public static let idempotencyConflict = Self("idempotency_conflict", family: .conflict)
    public static let leaseHeld = Self("lease_held", family: .conflict)
    public static let leaseFenced = Self("lease_fenced", family: .conflict)
    // Money
    public static let budgetExceeded = Self("budget_exceeded", family: .budget)
    // Access
    public static let unauthorized = Self("unauthorized", family: .unauthorized)
    public static let forbidden = Self("forbidden", family: .forbidden)
    // Storage
    public static let databaseUnavailable = Self("database_unavailable", family: .unavailable)
    public static let databaseCorrupt = Self("database_corrupt", family: .storage)
    public static let databaseURLInvalid = Self("database_url_invalid", family: .configuration)
    public static let schemaTooNew = Self("schema_too_new", family: .storage)
    // Configuration
    public static let configInvalid = Self("config_invalid", family: .configuration)
    public static let configUnknownKey = Self("config_unknown_key", family: .configuration)
    // Everything else
    public static let unavailable = Self("unavailable", family: .unavailable)
    public static let `internal` = Self("internal", family: .internal)
}
