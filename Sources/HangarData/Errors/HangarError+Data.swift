public import HangarCore

extension HangarError.Code {
    // Operator-facing: the policy file or its join with the database is wrong. Reported at load time.
    /// The data policy file is malformed, or names a table or column the database does not have.
    public static let dataPolicyInvalid = Self("data_policy_invalid", family: .configuration)

    // Agent-facing: what a data tool call can fail with.
    /// The model does not exist for this principal (whether it is missing or hidden).
    public static let unknownModel = Self("unknown_model", family: .notFound)
    /// The field does not exist for this principal. Denied and nonexistent fields share this code and the
    /// message shape of ``HangarError/unknownField(_:model:)``.
    public static let unknownField = Self("unknown_field", family: .invalidInput)
    public static let fieldNotFilterable = Self("field_not_filterable", family: .invalidInput)
    public static let fieldNotSortable = Self("field_not_sortable", family: .invalidInput)
    public static let fieldNotAggregatable = Self("field_not_aggregatable", family: .invalidInput)
    /// The request exceeds a budget on its shape: filter nodes, depth, IN-list size, selected fields.
    public static let queryTooComplex = Self("query_too_complex", family: .invalidInput)
    public static let limitInvalid = Self("limit_invalid", family: .invalidInput)
    /// The cursor is forged, foreign (another principal or query) or stale.
    public static let cursorInvalid = Self("cursor_invalid", family: .invalidInput)
    /// A write names the tenant or owner column, or would move a row out of the principal's scope.
    public static let rowScopeViolation = Self("row_scope_violation", family: .forbidden)
    public static let reasonRequired = Self("reason_required", family: .invalidInput)
    /// A write would affect more rows than the policy's `max_affected_rows`.
    public static let tooManyRows = Self("too_many_rows", family: .conflict)
    /// More calls than the model's `calls_per_minute`: HTTP 429 (the edge adds Retry-After), exit code 14.
    public static let rateLimited = Self("rate_limited", family: .rateLimited)
    /// The write was stored for a human's approval and did not run.
    public static let dataApprovalRequired = Self("data_approval_required", family: .approvalRequired)
    /// The database refused or failed the statement. The message never contains SQL.
    public static let databaseError = Self("database_error", family: .unavailable)
}

extension HangarError {
    /// The longest spelling of an agent-supplied name an error message repeats.
    public static let maximumEchoedNameLength = 64

    /// `unknown_model`: "no model 'x'", with the agent's own spelling (truncated, control characters escaped).
    public static func unknownModel(_ name: String) -> HangarError {
        HangarError(.unknownModel, "no model '\(echoed(name))'")
    }

    /// `unknown_field`: "model 'users' has no field 'x'". The same for a denied field and a nonexistent one,
    /// so the message reveals nothing about hidden names: `name` is the agent's own spelling.
    public static func unknownField(_ name: String, model: String) -> HangarError {
        HangarError(.unknownField, "model '\(echoed(model))' has no field '\(echoed(name))'")
    }

    /// `name` as an error message may repeat it: at most ``maximumEchoedNameLength`` characters, with control,
    /// format (zero-width) and quote characters escaped as `\u{…}` so every variant is visible.
    public static func echoed(_ name: String) -> String {
        var result = ""
        for character in name.prefix(maximumEchoedNameLength) {
            for scalar in character.unicodeScalars {
                switch scalar.properties.generalCategory {
                case .control, .format, .lineSeparator, .paragraphSeparator, .unassigned, .privateUse, .surrogate:
                    result += "\\u{\(String(scalar.value, radix: 16))}"
                default:
                    if scalar == "'" || scalar == "\\" {
                        result += "\\u{\(String(scalar.value, radix: 16))}"
                    } else {
                        result.unicodeScalars.append(scalar)
                    }
                }
            }
        }
        if name.count > maximumEchoedNameLength { result += "…" }
        return result
    }

    /// `data_policy_invalid` at a JSON path of the policy file.
    static func dataPolicyInvalid(at path: String, _ problem: String) -> HangarError {
        HangarError(.dataPolicyInvalid, "invalid data policy at \(path): \(problem)")
    }
}
