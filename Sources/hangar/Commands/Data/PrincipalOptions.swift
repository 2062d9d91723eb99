import ArgumentParser
import HangarData

/// `--principal`, `--tenant` and `--scope`: who the data tools run as, for `hangar data` and for the data tools
/// of `hangar mcp` and `hangar serve`. The server sets the principal; tool arguments never do.
struct PrincipalOptions: ParsableArguments {
    @Option(help: "The principal the data tools run as (hangar data: default cli:$USER; required with --data-policy).")
    var principal: String?

    @Option(help: "The principal's tenant (needed for models scoped by tenant).")
    var tenant: String?

    @Option(
        name: .customLong("scope"), help: "A scope the principal holds; repeatable (default: data:read and data:write)."
    )
    var scopes: [String] = []

    /// The longest principal id, tenant or scope accepted.
    static let maximumLength = 256

    /// The scopes a principal holds when no `--scope` is given.
    static let defaultScopes: Set<String> = [DataScope.read, DataScope.write]

    /// Whether any of the three was given.
    var isSet: Bool { principal != nil || tenant != nil || !scopes.isEmpty }

    func validate() throws {
        for (flag, value) in [("--principal", principal), ("--tenant", tenant)] {
            if let value, value.isEmpty || value.utf8.count > Self.maximumLength {
                throw ValidationError("\(flag) must be 1 to \(Self.maximumLength) bytes long")
            }
        }
        if scopes.contains(where: { $0.isEmpty || $0.utf8.count > Self.maximumLength }) {
            throw ValidationError("--scope must be 1 to \(Self.maximumLength) bytes long")
        }
    }

    /// The principal the options describe, `defaultID` when `--principal` was not given.
    func resolved(defaultID: String) -> Principal {
        Principal(id: principal ?? defaultID, tenant: tenant, scopes: scopes.isEmpty ? Self.defaultScopes : Set(scopes))
    }
}
