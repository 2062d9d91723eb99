import ArgumentParser
import HangarData

/// The operator database and its policy, and the principal a `hangar data` command acts as.
struct DataOptions: ParsableArguments {
    @OptionGroup var source: DataSourceOptions

    @Option(help: "The principal the call runs as (default: cli:$USER).")
    var principal: String?

    @Option(help: "The principal's tenant (needed for models scoped by tenant).")
    var tenant: String?

    @Option(
        name: .customLong("scope"), help: "A scope the principal holds; repeatable (default: data:read and data:write)."
    )
    var scopes: [String] = []

    func validate() throws {
        try PrincipalFlags.validate(principal: principal, tenant: tenant, scopes: scopes)
    }

    /// The principal the flags describe.
    var resolvedPrincipal: Principal {
        PrincipalFlags.principal(id: principal ?? CommandActor.current, tenant: tenant, scopes: scopes)
    }
}
