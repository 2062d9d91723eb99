import ArgumentParser
import HangarData

/// The operator database and its policy, and the principal a `hangar data` command acts as.
struct DataOptions: ParsableArguments {
    @OptionGroup var source: DataSourceOptions
    @OptionGroup var identity: PrincipalOptions

    /// The principal the flags describe; `cli:$USER` without `--principal`.
    var resolvedPrincipal: Principal { identity.resolved(defaultID: CommandActor.current) }
}
