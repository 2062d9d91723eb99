import ArgumentParser
import HangarData

/// `hangar data approve ID --policy FILE --database URL`: a human approves a write the policy held; it runs
/// once, as the principal who asked for it, with its exact arguments, under the policy as it is now. Prints
/// the write's result. A second approval of the same id fails with `data_approval_used`.
struct DataApproveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve", abstract: "Approve a held write: it runs once, as the principal who asked.")

    @Argument(help: "The approval_id the held call returned (dap_…).")
    var id: String

    @OptionGroup var source: DataSourceOptions
    @OptionGroup var storage: StorageOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let id = id
        try await DataCommandRunner.emit(json: output.json) {
            try await source.withRuntime(storage: storage) { runtime, _ in
                try await runtime.approve(id, by: CommandActor.current)
            }
        } describe: {
            DataCommandRunner.line($0)
        }
    }
}
