import ArgumentParser
import HangarCore
import HangarGateway

/// `hangar keys list`: every key with its limits, never a secret.
struct KeysListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the virtual keys.")

    @OptionGroup var storage: StorageOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await CommandRunner.emit(json: output.json) {
            try await storage.withStore { store, _ in
                JSONValue.array(try await KeyRing(storage: store).list().map(\.summary))
            }
        } describe: { value in
            (value.arrayValue ?? []).map { $0.canonicalString() }.joined(separator: "\n")
        }
    }
}
