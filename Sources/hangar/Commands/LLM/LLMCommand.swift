import ArgumentParser

/// `hangar llm …`: tools for working with language models offline.
struct LLMCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "llm", abstract: "Language-model tools: a scriptable mock LLM server.",
        subcommands: [LLMMockCommand.self])
}
