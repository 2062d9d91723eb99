import HangarCore
import HangarStore
import HangarTesting
import HangarTools
import Logging
import Testing

@Suite("Tool registry")
struct ToolRegistryTests {
    static let agent = ToolCaller(actor: "agent-7", scopes: ["test:echo"])

    /// `test.echo` returns its arguments; it needs `test:echo` and takes an optional `limit` up to 1000.
    static let echo = ToolDefinition(
        name: "test.echo",
        description: "Returns its arguments.",
        inputSchema: [
            "type": "object",
            "properties": ["limit": ["type": "integer", "minimum": 1, "maximum": 1000]],
            "additionalProperties": false,
        ],
        outputSchema: ["type": "object"],
        requiredScopes: ["test:echo"]
    )

    @Test func aCallReturnsTheResultAndAppendsOneEvent() async throws {
        try await ToolsHarness.withRegistry { registry, storage in
            let runs = Counter()
            try registry.register(Self.echo) { _, arguments in
                runs.increment()
                return arguments
            }
            let result = try await registry.call("test.echo", arguments: ["limit": 5], caller: Self.agent)
            #expect(result == ["limit": 5])
            #expect(runs.value == 1)

            let events = try await storage.read(EventQuery())
            #expect(events.count == 1)
            let event = try #require(events.first)
            #expect(event.stream == "tool:test.echo")
            #expect(event.kind == "tool.called")
            #expect(event.actor == "agent-7")
            // sha256 of the canonical arguments `{"limit":5}`.
            #expect(event.payload["args_digest"] == "a03c8657a575356de5937110fc9038dafa42d659089628586aa8f8d73924cd16")
            #expect(event.payload["tool"] == "test.echo")
            #expect(event.payload["outcome"] == "ok")
            let duration = try #require(event.payload["duration_ms"]?.intValue)
            #expect(duration >= 0)
            #expect(event.payload.objectValue?.keys.sorted() == ["args_digest", "duration_ms", "outcome", "tool"])
        }
    }

    @Test func badArgumentsRunNoHandlerAndRecordTheFailure() async throws {
        try await ToolsHarness.withRegistry { registry, storage in
            let runs = Counter()
            try registry.register(Self.echo) { _, arguments in
                runs.increment()
                return arguments
            }
            let error = await expectError(.invalidArguments) {
                try await registry.call("test.echo", arguments: ["limit": 5000], caller: Self.agent)
            }
            #expect(error?.message == "/limit: must be <= 1000")
            #expect(
                error?.schemaViolation
                    == SchemaViolation(pointer: "/limit", keyword: "maximum", message: "must be <= 1000")
            )
            #expect(runs.value == 0)

            let events = try await storage.read(EventQuery())
            #expect(events.count == 1)
            #expect(events.first?.stream == "tool:test.echo")
            #expect(events.first?.payload["outcome"] == "invalid_arguments")
        }
    }

    @Test func argumentsPastTheDocumentLimitsAreRefused() async throws {
        try await ToolsHarness.withRegistry(argumentLimits: JSONLimits(maxBytes: 64, maxDepth: 2)) {
            registry,
            storage in
            try registry.register(
                ToolDefinition(name: "test.any", description: "Anything.", inputSchema: ["type": "object"])
            ) { _, arguments in arguments }
            let deep = await expectError(.invalidArguments) {
                try await registry.call("test.any", arguments: ["a": ["b": ["c": 1]]], caller: Self.agent)
            }
            #expect(deep?.message == "/a/b: is nested deeper than 2 levels")
            let large = await expectError(.invalidArguments) {
                try await registry.call(
                    "test.any",
                    arguments: ["a": .string(String(repeating: "x", count: 100))],
                    caller: Self.agent
                )
            }
            #expect(large?.message == "(root): is larger than 64 bytes")
            #expect(
                try await storage.read(EventQuery()).map { $0.payload["outcome"] } == [
                    "invalid_arguments", "invalid_arguments",
                ]
            )
        }
    }

    @Test func anUnknownToolIsRefusedAndRecorded() async throws {
        try await ToolsHarness.withRegistry { registry, storage in
            await expectError(.unknownTool) {
                try await registry.call("no.such", arguments: [:], caller: Self.agent)
            }
            await expectError(.unknownTool) {
                try await registry.call("bad name/with slash", arguments: [:], caller: Self.agent)
            }
            let events = try await storage.read(EventQuery())
            #expect(events.map(\.stream) == ["tool:no.such", "tool:_invalid"])
            #expect(events.map { $0.payload["outcome"] } == ["unknown_tool", "unknown_tool"])
            #expect(events.map { $0.payload["tool"] } == ["no.such", "bad name/with slash"])
            // sha256 of `{}`.
            #expect(
                events.first?.payload["args_digest"]
                    == "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"
            )
        }
    }

    @Test func aCallerWithoutTheScopeIsForbidden() async throws {
        try await ToolsHarness.withRegistry { registry, storage in
            let runs = Counter()
            try registry.register(Self.echo) { _, arguments in
                runs.increment()
                return arguments
            }
            let stranger = ToolCaller(actor: "stranger", scopes: ["other"])
            let error = await expectError(.forbidden) {
                try await registry.call("test.echo", arguments: ["limit": 5000], caller: stranger)
            }
            // The scope is checked before the arguments: a stranger learns nothing about the schema.
            #expect(error?.message == "calling test.echo needs the scope test:echo")
            #expect(runs.value == 0)
            let events = try await storage.read(EventQuery())
            #expect(events.map(\.actor) == ["stranger"])
            #expect(events.map { $0.payload["outcome"] } == ["forbidden"])

            _ = try await registry.call("test.echo", arguments: [:], caller: .local())
            #expect(runs.value == 1)
        }
    }

    @Test func handlerErrorsKeepTheirCodeAndOthersBecomeInternal() async throws {
        struct Opaque: Error {}
        try await ToolsHarness.withRegistry { registry, storage in
            let open: JSONValue = ["type": "object"]
            try registry.register(ToolDefinition(name: "test.missing", description: "Fails.", inputSchema: open)) {
                _,
                _ in
                throw HangarError(.notFound, "nothing here")
            }
            try registry.register(ToolDefinition(name: "test.opaque", description: "Fails.", inputSchema: open)) {
                _,
                _ in
                throw Opaque()
            }
            try registry.register(
                ToolDefinition(
                    name: "test.liar",
                    description: "Breaks its output schema.",
                    inputSchema: open,
                    outputSchema: ["type": "object", "required": ["answer"]]
                )
            ) { _, _ in ["other": 1] }

            let missing = await expectError(.notFound) {
                try await registry.call("test.missing", arguments: [:], caller: Self.agent)
            }
            #expect(missing?.message == "nothing here")
            let opaque = await expectError(.internal) {
                try await registry.call("test.opaque", arguments: [:], caller: Self.agent)
            }
            #expect(opaque?.message == "internal error")
            let liar = await expectError(.internal) {
                try await registry.call("test.liar", arguments: [:], caller: Self.agent)
            }
            #expect(liar?.message == "the tool returned a result that does not match its output schema")

            let outcomes = try await storage.read(EventQuery()).map { $0.payload["outcome"] }
            #expect(outcomes == ["not_found", "internal", "internal"])
        }
    }

    @Test func badDefinitionsAreRefusedAtRegistration() async throws {
        try await ToolsHarness.withRegistry { registry, _ in
            let handler: ToolRegistry.Handler = { _, arguments in arguments }
            try registry.register(Self.echo, handler: handler)
            let duplicate = await expectError(.invalidToolDefinition) {
                try registry.register(Self.echo, handler: handler)
            }
            #expect(duplicate?.message == "tool test.echo is already registered")

            var badName = Self.echo
            badName.name = "has space"
            await expectError(.invalidToolDefinition) { try registry.register(badName, handler: handler) }

            var notObject = Self.echo
            notObject.name = "test.array"
            notObject.inputSchema = ["type": "array"]
            let array = await expectError(.invalidToolDefinition) { try registry.register(notObject, handler: handler) }
            #expect(array?.message == #"tool test.array: the input schema must have "type": "object""#)

            var unsupported = Self.echo
            unsupported.name = "test.anyof"
            unsupported.outputSchema = ["type": "object", "anyOf": []]
            let anyOf = await expectError(.invalidToolDefinition) {
                try registry.register(unsupported, handler: handler)
            }
            #expect(anyOf?.message == #"tool test.anyof, output schema /anyOf: unsupported keyword "anyOf""#)

            #expect(registry.list().map(\.name) == ["test.echo"])
        }
    }

    @Test func listIsSortedByName() async throws {
        try await ToolsHarness.withRegistry { registry, _ in
            try registry.registerBuiltIns()
            try registry.register(Self.echo) { _, arguments in arguments }
            #expect(registry.list().map(\.name) == ["events.read", "hangar.info", "test.echo"])
            #expect(registry.definition(named: "events.read")?.requiredScopes == ["events:read"])
        }
    }
}
