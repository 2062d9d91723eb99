import ArgumentParser
import HangarCore
import HangarGateway

/// `hangar keys revoke ID`: the key stops working within a second on every server.
struct KeysRevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a virtual key.")

    @Argument(help: "The key id (from `hangar keys list`).")
    var id: String

    @OptionGroup var storage: StorageOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await CommandRunner.emit(json: output.json) {
            try await storage.withStore { store, _ in try await KeyRing(storage: store).revoke(id: id).summary }
        } describe: { value in
            "revoked \(value["id"]?.stringValue ?? id)"
        }
    }
}
