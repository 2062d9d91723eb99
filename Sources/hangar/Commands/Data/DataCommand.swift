import ArgumentParser

/// `hangar data …`: the policy-enforced data tools, driven from the command line.
struct DataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Policy-enforced access to an operator's database: the db.* tools, approvals and their audit.",
        subcommands: [
            DataInitCommand.self, DataDescribeCommand.self, DataCallCommand.self, DataApproveCommand.self,
            DataAuditCommand.self,
        ])
}
