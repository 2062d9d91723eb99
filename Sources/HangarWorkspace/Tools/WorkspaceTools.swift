import Foundation
import HangarCore
import HangarSandbox
public import HangarTools

/// The workspace tools agents call over MCP and REST: fork, exec, read and write files, list, delta,
/// checkpoint and rollback. Each handler runs after the registry validated its arguments against the schema.
public enum WorkspaceTools {
    public static let readScope = "workspace:read"
    public static let writeScope = "workspace:write"
    public static let execScope = "workspace:exec"

    /// Registers every workspace tool on `registry`, each calling `runtime` as the tool's caller.
    public static func register(on registry: ToolRegistry, runtime: WorkspaceRuntime) throws {
        for (definition, handler) in tools(runtime) {
            try registry.register(definition, handler: handler)
        }
    }

    static func tools(_ runtime: WorkspaceRuntime) -> [(ToolDefinition, ToolRegistry.Handler)] {
        [
            (
                tool(
                    "workspace.fork", "Forks a new writable workspace from a vault (O(1), nothing is copied).",
                    scope: writeScope,
                    properties: [
                        "vault": nameSchema, "name": nameSchema,
                        "at": ["type": "string", "maxLength": 129, "description": "WORKSPACE/CHECKPOINT to fork from"],
                    ], required: ["vault"]),
                { call, arguments in
                    let workspace = try await runtime.acting(as: call.caller.actor).fork(
                        vault: arguments["vault"]?.stringValue ?? "", as: arguments["name"]?.stringValue,
                        at: arguments["at"]?.stringValue)
                    return try JSONValue(encoding: workspace)
                }
            ),
            (
                tool(
                    "workspace.exec",
                    "Runs a command in a workspace inside the sandbox (no network unless granted). Returns exit code, "
                        + "output, the policy decision and the exact file changes. A command that needs approval "
                        + "returns an approval token for a human to approve.",
                    scope: execScope,
                    properties: [
                        "workspace": nameSchema,
                        "argv": ["type": "array", "items": ["type": "string"], "minItems": 1, "maxItems": 4096],
                        "cwd": ["type": "string", "maxLength": 4096],
                        "env": ["type": "object", "additionalProperties": ["type": "string"]],
                        "timeout_ms": ["type": "integer", "minimum": 1, "maximum": 86_400_000],
                        "memory_bytes": ["type": "integer", "minimum": 1],
                        "pids": ["type": "integer", "minimum": 1, "maximum": 100_000],
                        "network": ["enum": ["none", "proxy", "host"]],
                        "approval": ["type": "string", "maxLength": 200],
                    ], required: ["workspace", "argv"]),
                { call, arguments in
                    var request = ExecRequest(
                        argv: arguments["argv"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                        environment: (arguments["env"]?.objectValue ?? [:]).compactMapValues(\.stringValue),
                        workingDirectory: arguments["cwd"]?.stringValue,
                        timeoutMilliseconds: arguments["timeout_ms"]?.intValue,
                        memoryBytes: arguments["memory_bytes"]?.intValue,
                        pids: arguments["pids"]?.intValue.map { Int($0) },
                        approvalToken: arguments["approval"]?.stringValue)
                    request.network = arguments["network"]?.stringValue.flatMap(NetworkMode.init(rawValue:)) ?? .none
                    let result = try await runtime.acting(as: call.caller.actor).exec(
                        arguments["workspace"]?.stringValue ?? "", request)
                    return try JSONValue(encoding: result)
                }
            ),
            (
                tool(
                    "workspace.read_file", "Reads a file of a workspace (text, or base64 for binary files).",
                    scope: readScope,
                    properties: [
                        "workspace": nameSchema, "path": pathSchema,
                        "max_bytes": ["type": "integer", "minimum": 0, "maximum": 16_777_216],
                    ], required: ["workspace", "path"]),
                { _, arguments in
                    let file = try await runtime.readFile(
                        arguments["workspace"]?.stringValue ?? "", path: arguments["path"]?.stringValue ?? "",
                        maxBytes: Int(arguments["max_bytes"]?.intValue ?? 1 << 20))
                    return try JSONValue(encoding: file)
                }
            ),
            (
                tool(
                    "workspace.write_file", "Writes a text file in a workspace, creating parent directories.",
                    scope: writeScope,
                    properties: [
                        "workspace": nameSchema, "path": pathSchema,
                        "content": ["type": "string", "maxLength": 16_777_216],
                    ], required: ["workspace", "path", "content"]),
                { call, arguments in
                    let file = try await runtime.acting(as: call.caller.actor).writeFile(
                        arguments["workspace"]?.stringValue ?? "", path: arguments["path"]?.stringValue ?? "",
                        data: Data((arguments["content"]?.stringValue ?? "").utf8))
                    return try JSONValue(encoding: file)
                }
            ),
            (
                tool(
                    "workspace.list",
                    "Lists workspaces, or with `workspace` the entries of a directory in that workspace.",
                    scope: readScope, properties: ["workspace": nameSchema, "path": pathSchema], required: []),
                { _, arguments in
                    guard let name = arguments["workspace"]?.stringValue else {
                        return ["workspaces": try JSONValue(encoding: try await runtime.workspaces())]
                    }
                    let entries = try await runtime.listFiles(name, path: arguments["path"]?.stringValue ?? ".")
                    return ["entries": try JSONValue(encoding: entries)]
                }
            ),
            (
                tool(
                    "workspace.delta",
                    "The exact changes in a workspace since its last checkpoint, or since `since`; `diff` adds a "
                        + "unified diff of text files.",
                    scope: readScope,
                    properties: ["workspace": nameSchema, "since": nameSchema, "diff": ["type": "boolean"]],
                    required: ["workspace"]),
                { _, arguments in
                    let delta = try await runtime.delta(
                        arguments["workspace"]?.stringValue ?? "", since: arguments["since"]?.stringValue,
                        includeDiff: arguments["diff"]?.boolValue ?? false)
                    return try JSONValue(encoding: delta)
                }
            ),
            (
                tool(
                    "workspace.checkpoint", "Freezes the workspace's current state as a checkpoint to roll back to.",
                    scope: writeScope, properties: ["workspace": nameSchema, "name": nameSchema],
                    required: ["workspace"]),
                { call, arguments in
                    let checkpoint = try await runtime.acting(as: call.caller.actor).checkpoint(
                        arguments["workspace"]?.stringValue ?? "", as: arguments["name"]?.stringValue)
                    return try JSONValue(encoding: checkpoint)
                }
            ),
            (
                tool(
                    "workspace.rollback",
                    "Discards every change above a checkpoint (the latest when `to` is absent).",
                    scope: writeScope, properties: ["workspace": nameSchema, "to": nameSchema], required: ["workspace"]),
                { call, arguments in
                    let (workspace, checkpoint) = try await runtime.acting(as: call.caller.actor).rollback(
                        arguments["workspace"]?.stringValue ?? "", to: arguments["to"]?.stringValue)
                    return [
                        "workspace": try JSONValue(encoding: workspace),
                        "checkpoint": try checkpoint.map { try JSONValue(encoding: $0) } ?? .null,
                    ]
                }
            ),
        ]
    }

    static let nameSchema: JSONValue = [
        "type": "string", "minLength": 1, "maxLength": .int(Int64(ResourceName.maxLength)),
        "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]*$",
    ]
    static let pathSchema: JSONValue = ["type": "string", "minLength": 1, "maxLength": 4096]

    private static func tool(
        _ name: String, _ description: String, scope: String, properties: [String: JSONValue], required: [String]
    ) -> ToolDefinition {
        ToolDefinition(
            name: name, description: description,
            inputSchema: [
                "type": "object", "properties": .object(properties),
                "required": .array(required.map { .string($0) }), "additionalProperties": false,
            ],
            requiredScopes: [scope])
    }
}
