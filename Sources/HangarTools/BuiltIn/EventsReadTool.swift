import HangarCore
import HangarStore

/// `events.read`: a page of the event log, oldest first, after a sequence number, optionally of one stream.
public enum EventsReadTool {
    public static let name = "events.read"
    /// The scope a caller needs: the log holds every stream's events.
    public static let scope = "events:read"
    public static let defaultLimit: Int64 = 100
    public static let maxLimit: Int64 = 1000
    /// The largest `after` accepted: the largest integer a double holds exactly, so clients that only have
    /// doubles can still page.
    static let maxSeq: Int64 = 9_007_199_254_740_991

    public static let definition = ToolDefinition(
        name: name,
        description: "Reads events from the Hangar event log, oldest first: those after sequence number `after`, "
            + "optionally only of one `stream`, at most `limit` of them. `head` is the newest sequence number.",
        inputSchema: [
            "type": "object",
            "properties": [
                "after": [
                    "type": "integer", "minimum": 0, "maximum": .int(maxSeq), "default": 0,
                    "description": "return events with a sequence number greater than this",
                ],
                "stream": [
                    "type": "string", "minLength": 1, "maxLength": .int(Int64(EventDraft.maxNameLength)),
                    "description": "only events of this stream, such as tool:events.read",
                ],
                "limit": [
                    "type": "integer", "minimum": 1, "maximum": .int(maxLimit), "default": .int(defaultLimit),
                    "description": "the most events to return",
                ],
            ],
            "additionalProperties": false,
        ],
        outputSchema: [
            "type": "object",
            "properties": [
                "events": ["type": "array", "items": eventSchema],
                "head": ["type": "integer", "minimum": 0],
            ],
            "required": ["events", "head"],
            "additionalProperties": false,
        ],
        requiredScopes: [scope]
    )

    static let eventSchema: JSONValue = [
        "type": "object",
        "properties": [
            "seq": ["type": "integer", "minimum": 1],
            "stream": ["type": "string"],
            "kind": ["type": "string"],
            "ts": ["type": "integer", "description": "milliseconds since the Unix epoch"],
            "actor": ["type": "string"],
            "payload": [:],
            "idempotency_key": ["type": "string"],
        ],
        "required": ["seq", "stream", "kind", "ts", "actor", "payload"],
        "additionalProperties": false,
    ]

    /// Runs after validation, so every argument present has its schema's type and range.
    public static let handler: ToolRegistry.Handler = { context, arguments in
        let after = arguments["after"].flatMap(\.exactInteger) ?? 0
        let limit = arguments["limit"].flatMap(\.exactInteger) ?? defaultLimit
        let query = EventQuery(after: after, stream: arguments["stream"]?.stringValue, limit: Int(limit))
        let events = try await context.storage.read(query)
        let head = try await context.storage.head()
        return ["events": .array(events.map(json(for:))), "head": .int(head)]
    }

    static func json(for event: Event) -> JSONValue {
        var object: [String: JSONValue] = [
            "seq": .int(event.seq),
            "stream": .string(event.stream),
            "kind": .string(event.kind),
            "ts": .int(event.ts),
            "actor": .string(event.actor),
            "payload": event.payload,
        ]
        if let key = event.idempotencyKey { object["idempotency_key"] = .string(key) }
        return .object(object)
    }
}
