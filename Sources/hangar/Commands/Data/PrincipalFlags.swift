import ArgumentParser
import HangarData

/// What `--principal`, `--tenant` and `--scope` mean, for ``DataOptions`` and ``DataServeOptions`` alike.
enum PrincipalFlags {
    /// The longest principal id, tenant or scope the flags accept.
    static let maximumLength = 256

    /// The scopes a principal holds when no `--scope` is given.
    static let defaultScopes: Set<String> = [DataScope.read, DataScope.write]

    static func validate(principal: String?, tenant: String?, scopes: [String]) throws {
        for (flag, value) in [("--principal", principal), ("--tenant", tenant)] {
            if let value, value.isEmpty || value.utf8.count > maximumLength {
                throw ValidationError("\(flag) must be 1 to \(maximumLength) bytes long")
            }
        }
        if scopes.contains(where: { $0.isEmpty || $0.utf8.count > maximumLength }) {
            throw ValidationError("--scope must be 1 to \(maximumLength) bytes long")
        }
    }

    static func principal(id: String, tenant: String?, scopes: [String]) -> Principal {
        Principal(id: id, tenant: tenant, scopes: scopes.isEmpty ? defaultScopes : Set(scopes))
    }
}
