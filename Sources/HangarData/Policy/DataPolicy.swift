/// The data policy file: which tables and columns agents may use, and how.
///
/// Deny by default: a table or column the policy does not name does not exist for the agent. The file is JSON;
/// unknown keys anywhere are an error that names the JSON path. The format (version 1):
///
/// ```json
/// { "version": 1,
///   "models": { "users": {
///       "fields": { "id": "allow",
///                   "email": {"access": "mask", "pattern": "{first1}***@{domain}", "filterable": false},
///                   "ssn": {"access": "mask", "pattern": "***-**-{last4}"},
///                   "name": {"access": "allow", "filterable": true, "sortable": true},
///                   "salary": {"access": "allow", "aggregatable": true},
///                   "notes": "deny", "email_hash": "hash" },
///       "primary_key": "id",
///       "row_scope": {"tenant_field": "tenant_id", "owner_field": "owner_id", "soft_delete_field": "deleted_at"},
///       "relations": {"orders": {"model": "orders", "from": "id", "to": "user_id", "many": true, "max_depth": 1}},
///       "writes": {"operations": ["create", "update"], "read_only": ["id"], "max_affected_rows": 1,
///                  "require_reason": true, "require_approval": false},
///       "budgets": {"max_rows": 100, "max_selected_fields": 20, "max_filter_nodes": 32, "max_filter_depth": 6,
///                   "max_in_list": 500, "statement_timeout_ms": 2000, "calls_per_minute": 600},
///       "_columns": ["annotation written by `hangar data init`, ignored"] } },
///   "global_deny": ["*ssn*"] }
/// ```
///
/// - A field is `"allow" | "deny" | "hash"` or an object `{"access": …, "pattern": …, "filterable": …,
///   "sortable": …, "aggregatable": …}`; `mask` needs a ``MaskPattern``. Allowed fields are filterable and
///   sortable, not aggregatable, unless the object says otherwise; masked and hashed fields are none of the three
///   unless the policy opts in.
/// - `primary_key` defaults to the table's single-column primary key.
/// - `relations[].many` defaults to false and `max_depth` to 1 (at most 4).
/// - `writes` defaults to no operations; `budgets` default to ``DataBudgets``'s values.
/// - `_columns` in a model is an annotation (the starter policy lists the table's columns there) and is ignored.
/// - ``DenyPattern/builtIn`` and the policy's `global_deny` apply to every model: a matching field is dropped
///   even when the policy allows it, and reported in ``warnings``. So is a field that is one of the model's
///   `row_scope` columns, which are never exposed.
public struct DataPolicy: Sendable, Hashable {
    /// The format version this Hangar reads.
    public static let version = 1
    /// The largest policy file ``parse(_:)`` reads.
    public static let maximumSize = 4 << 20

    /// Models by table name as the policy spells it.
    public var models: [String: ModelPolicy]
    /// The policy's own deny patterns; ``denyPatterns`` adds the built-in ones.
    public var globalDeny: [DenyPattern]
    /// What ``parse(_:)`` dropped and why, for the operator (one line each, with the JSON path).
    public var warnings: [String]

    public init(models: [String: ModelPolicy], globalDeny: [DenyPattern] = [], warnings: [String] = []) {
        self.models = models
        self.globalDeny = globalDeny
        self.warnings = warnings
    }

    /// The built-in deny patterns followed by the policy's own.
    public var denyPatterns: [DenyPattern] { DenyPattern.builtIn + globalDeny }

    /// The first deny pattern that matches `column`, if any.
    public func denyPattern(matching column: String) -> DenyPattern? {
        denyPatterns.first { $0.matches(column) }
    }
}
