public import HangarCore

extension HangarError.Code {
    /// A tool was declared wrongly: a bad name, a schema with an unsupported keyword, a name registered twice.
    /// A programming error of the tool's author, never of the caller.
    public static let invalidToolDefinition = Self("invalid_tool_definition", family: .internal)
}

extension HangarError {
    /// Bad tool arguments: `invalid_arguments` with `<pointer>: <message>` as the message and the violation
    /// kept for ``schemaViolation``.
    static func invalidArguments(_ violation: SchemaViolation) -> HangarError {
        HangarError(.invalidArguments, violation.description, underlying: violation)
    }

    /// The schema violation behind an `invalid_arguments` error raised by argument validation: the pointer
    /// and keyword as fields of their own.
    public var schemaViolation: SchemaViolation? {
        underlying as? SchemaViolation
    }
}
