import Foundation
import HangarCore
import HangarStore
import HangarTools
import HangarWorkspace
import Hummingbird
import Logging

/// `/v1/vaults` and `/v1/workspaces`: the REST mirror of the workspace tools. Calls that are tools go through
/// the same ``ToolRegistry`` path as MCP (schema validation, scopes, the `tool.called` audit event); the rest
/// call the runtime directly.
struct WorkspaceRoutes: Sendable {
    let runtime: WorkspaceRuntime
    let registry: ToolRegistry
    let caller: ToolCaller

    init(runtime: WorkspaceRuntime, logger: Logger) throws {
        self.runtime = runtime
        registry = ToolRegistry(storage: runtime.storage, logger: logger)
        try WorkspaceTools.register(on: registry, runtime: runtime)
        // Until Hangar has authentication the server listens on loopback only, and a request may do anything.
        caller = ToolCaller(actor: "http", scopes: [ToolCaller.allScopes])
    }

    func register(on router: Router<HangarRequestContext>) {
        registerVaults(on: router)
        let workspaces = router.group("/v1/workspaces")
        workspaces.get { _, _ in try Response.json(["workspaces": try await runtime.workspaces()]) }
        workspaces.post { request, _ in
            try await tool("workspace.fork", try await request.jsonBody(), status: .created)
        }
        workspaces.get(":name") { _, context in try Response.json(try await runtime.workspace(try name(context))) }
        workspaces.delete(":name") { _, context in
            try Response.json(try await runtime.acting(as: caller.actor).discard(try name(context)))
        }
        workspaces.post(":name/promote") { _, context in
            let (vault, checkpoint) = try await runtime.acting(as: caller.actor).promote(try name(context))
            return try Response.json([
                "vault": try JSONValue(encoding: vault), "checkpoint": try JSONValue(encoding: checkpoint),
            ])
        }
        workspaces.post(":name/exec") { request, context in
            try await exec(try merged(try await request.jsonBody(), workspace: try name(context)))
        }
        workspaces.get(":name/files") { request, context in
            let path = request.uri.queryParameters.get("path") ?? "."
            if request.uri.queryParameters.get("list") == "true" {
                return try await tool(
                    "workspace.list", ["workspace": .string(try name(context)), "path": .string(path)])
            }
            return try await tool(
                "workspace.read_file", ["workspace": .string(try name(context)), "path": .string(path)])
        }
        workspaces.put(":name/files") { request, context in
            try await tool(
                "workspace.write_file", try merged(try await request.jsonBody(), workspace: try name(context)))
        }
        workspaces.get(":name/delta") { request, context in
            var arguments: [String: JSONValue] = ["workspace": .string(try name(context))]
            if let since = request.uri.queryParameters.get("since") { arguments["since"] = .string(since) }
            if request.uri.queryParameters.get("diff") == "true" { arguments["diff"] = true }
            return try await tool("workspace.delta", .object(arguments))
        }
        workspaces.get(":name/checkpoints") { _, context in
            try Response.json(["checkpoints": try await runtime.checkpoints(of: try name(context))])
        }
        workspaces.post(":name/checkpoints") { request, context in
            try await tool(
                "workspace.checkpoint", try merged(try await request.jsonBody(), workspace: try name(context)),
                status: .created)
        }
        workspaces.post(":name/rollback") { request, context in
            try await tool("workspace.rollback", try merged(try await request.jsonBody(), workspace: try name(context)))
        }
        router.post("/v1/approvals") { request, _ in
            guard let token = try await request.jsonBody()["token"]?.stringValue else {
                throw HangarError(.invalidArguments, "give the approval token as {\"token\": …}")
            }
            return try Response.json(try await runtime.approve(token, by: caller.actor))
        }
    }

    private func registerVaults(on router: Router<HangarRequestContext>) {
        let vaults = router.group("/v1/vaults")
        vaults.get { _, _ in try Response.json(["vaults": try await runtime.vaults()]) }
        vaults.post { request, _ in
            let body = try await request.jsonBody()
            guard let name = body["name"]?.stringValue else {
                throw HangarError(.invalidArguments, "give the vault's name as {\"name\": …}")
            }
            let vault = try await runtime.acting(as: caller.actor).createVault(name, from: body["from"]?.stringValue)
            return try Response.json(vault, status: .created)
        }
        vaults.get(":name") { _, context in try Response.json(try await runtime.vault(try name(context))) }
        vaults.delete(":name") { _, context in
            try Response.json(try await runtime.acting(as: caller.actor).deleteVault(try name(context)))
        }
    }

    /// `workspace.exec`: 200 with the result when the command ran (whatever its exit code), 403 when the policy
    /// denied it, 428 with the one-time approval token when it needs approval.
    private func exec(_ arguments: JSONValue) async throws -> Response {
        let value = try await registry.call("workspace.exec", arguments: arguments, caller: caller)
        let result = try value.decode(as: ExecResult.self)
        // The decision's own error (one wording for the CLI and HTTP); a held command also carries its token.
        guard let error = result.decision.error else { return try Response.json(value) }
        guard let ticket = result.approval else { throw error }
        let body: JSONValue = [
            "error": ["code": .string(error.code.rawValue), "message": .string(error.message)],
            "approval": try JSONValue(encoding: ticket),
        ]
        return try Response.json(body, status: .init(code: error.code.family.httpStatus))
    }

    private func tool(_ name: String, _ arguments: JSONValue, status: HTTPResponse.Status = .ok) async throws
        -> Response
    {
        try Response.json(try await registry.call(name, arguments: arguments, caller: caller), status: status)
    }

    private func merged(_ body: JSONValue, workspace: String) throws -> JSONValue {
        guard var object = body.objectValue else {
            throw HangarError(.invalidArguments, "the body must be a JSON object")
        }
        object["workspace"] = .string(workspace)
        return .object(object)
    }

    private func name(_ context: HangarRequestContext) throws -> String {
        try context.parameters.require("name")
    }
}
