import Crypto
public import HangarCore
public import HangarStore
public import Logging
import Synchronization

/// The tools a Hangar process serves, and the one path every call takes:
///
/// 1. the tool is looked up (`unknown_tool`),
/// 2. the caller's scopes are checked (`forbidden`),
/// 3. the arguments are validated against the input schema (`invalid_arguments`, naming the JSON pointer),
/// 4. only then does the handler run, and its result is checked against the output schema,
/// 5. one `tool.called` event is appended, whatever the outcome: stream `tool:<name>`, actor the caller,
///    payload `{tool, args_digest, outcome, duration_ms}` where `args_digest` is the SHA-256 (hex) of the
///    canonical arguments and `outcome` is `ok` or the error code.
///
/// A call whose event cannot be written fails with the storage error, even if the handler succeeded: an
/// unaudited call is not reported as done. A tool registered with `auditsItself` writes its own, richer
/// event once its handler runs (the data tools do); the registry then writes `tool.called` only for calls
/// refused before the handler, so every call still has exactly one event. Tools can be registered at any
/// time, also while serving.
public final class ToolRegistry: Sendable {
    public typealias Handler = @Sendable (_ context: ToolCall, _ arguments: JSONValue) async throws -> JSONValue

    public let storage: any HangarStorage
    public let argumentLimits: JSONLimits
    let logger: Logger
    private let tools = Mutex<[String: RegisteredTool]>([:])

    public init(storage: any HangarStorage, argumentLimits: JSONLimits = .toolArguments, logger: Logger) {
        self.storage = storage
        self.argumentLimits = argumentLimits
        self.logger = logger
    }

    /// Adds a tool. Fails with `invalid_tool_definition` for a bad name, a schema outside the supported
    /// subset, a root schema that is not an object schema, or a name already registered.
    ///
    /// - Parameter auditsItself: the handler appends the call's audit event itself, also when it throws.
    public func register(_ definition: ToolDefinition, auditsItself: Bool = false, handler: @escaping Handler) throws {
        let tool = try RegisteredTool(definition, auditsItself: auditsItself, handler: handler)
        try tools.withLock { tools in
            guard tools[definition.name] == nil else {
                throw HangarError(.invalidToolDefinition, "tool \(definition.name) is already registered")
            }
            tools[definition.name] = tool
        }
    }

    /// Every registered tool, sorted by name.
    public func list() -> [ToolDefinition] {
        tools.withLock { $0.values.map(\.definition) }.sorted { $0.name < $1.name }
    }

    public func definition(named name: String) -> ToolDefinition? {
        tools.withLock { $0[name]?.definition }
    }

    /// Calls a tool for `caller`, audits the call, and returns the tool's result. Errors are `HangarError`s:
    /// `unknown_tool`, `forbidden`, `invalid_arguments` (with ``HangarError/schemaViolation``), or whatever
    /// the handler threw (errors that are not `HangarError`s become `internal`).
    public func call(_ name: String, arguments: JSONValue, caller: ToolCaller) async throws -> JSONValue {
        let started = ContinuousClock.now
        let tool = tools.withLock { $0[name] }
        var logger = self.logger
        logger[metadataKey: "tool.name"] = "\(name)"
        logger[metadataKey: "tool.actor"] = "\(caller.actor)"

        let result: Result<JSONValue, any Error>
        var handlerRan = false
        do {
            result = .success(
                try await run(
                    tool, name: name, arguments: arguments, caller: caller, logger: logger, handlerRan: &handlerRan))
        } catch {
            result = .failure(error)
        }

        let outcome = Self.outcome(of: result)
        let elapsed = ContinuousClock.now - started
        let durationMilliseconds =
            elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        if !(handlerRan && tool?.auditsItself == true) {
            try await audit(
                name: name,
                arguments: arguments,
                caller: caller,
                outcome: outcome,
                durationMilliseconds: durationMilliseconds
            )
        }
        logger.debug(
            "tool called",
            metadata: ["tool.outcome": "\(outcome)", "tool.duration_ms": "\(durationMilliseconds)"]
        )

        switch result {
        case .success(let value):
            return value
        case .failure(let error as CancellationError):
            throw error
        case .failure(let error):
            throw HangarError.wrapping(error)
        }
    }

    private func run(
        _ tool: RegisteredTool?,
        name: String,
        arguments: JSONValue,
        caller: ToolCaller,
        logger: Logger,
        handlerRan: inout Bool
    ) async throws -> JSONValue {
        guard let tool else {
            throw HangarError(.unknownTool, "no tool is named \"\(name.prefix(ToolDefinition.maxNameLength))\"")
        }
        for scope in tool.definition.requiredScopes where !caller.holds(scope) {
            throw HangarError(.forbidden, "calling \(name) needs the scope \(scope)")
        }
        if let violation = tool.input.firstViolation(in: arguments, limits: argumentLimits) {
            throw HangarError.invalidArguments(violation)
        }
        let context = ToolCall(tool: name, caller: caller, storage: storage, logger: logger)
        handlerRan = true
        let value = try await tool.handler(context, arguments)
        if let output = tool.output, let violation = output.firstViolation(in: value) {
            logger.error("tool result does not match its output schema", metadata: ["tool.violation": "\(violation)"])
            throw HangarError(.internal, "the tool returned a result that does not match its output schema")
        }
        return value
    }

    private static func outcome(of result: Result<JSONValue, any Error>) -> String {
        switch result {
        case .success: "ok"
        case .failure(is CancellationError): "cancelled"
        case .failure(let error): HangarError.wrapping(error).code.rawValue
        }
    }

    /// Appends the call's `tool.called` event. A name that is not a valid tool name (only possible for an
    /// unknown tool) is not used as a stream name: such calls go to `tool:_invalid` with the name cut short.
    private func audit(
        name: String,
        arguments: JSONValue,
        caller: ToolCaller,
        outcome: String,
        durationMilliseconds: Int64
    ) async throws {
        let validName = ToolDefinition.isValidName(name)
        let recordedName = validName ? name : String(name.prefix(ToolDefinition.maxNameLength))
        let digest = SHA256.hash(data: arguments.canonicalData())
        let payload: JSONValue = [
            "tool": .string(recordedName),
            "args_digest": .string(Self.hex(digest)),
            "outcome": .string(outcome),
            "duration_ms": .int(durationMilliseconds),
        ]
        let draft = EventDraft(
            stream: "tool:" + (validName ? name : "_invalid"),
            kind: "tool.called",
            actor: caller.actor,
            payload: payload
        )
        do {
            try await storage.append([draft])
        } catch {
            logger.error("could not record a tool call", metadata: ["error": "\(error)"])
            throw HangarError.wrapping(error)
        }
    }

    private static func hex(_ digest: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        for byte in digest {
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
