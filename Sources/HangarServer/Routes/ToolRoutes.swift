import HangarCore
import HangarTools
import Hummingbird

/// Every registered tool over REST, next to MCP and on the same registry: `GET /v1/tools` lists the tools with
/// their schemas, `POST /v1/tools/{name}` calls one with the JSON body as its arguments and answers its result,
/// or the error envelope with the code's status (and the error's details, such as `approval_id`). Calls take the
/// registry's one path: scopes, schema validation, the handler, one audit event.
struct ToolRoutes {
    let registry: ToolRegistry
    let caller: HangarMCP.CallerResolver

    func register(on router: Router<HangarRequestContext>) {
        let registry = registry
        let caller = caller
        router.get("/v1/tools") { _, _ in
            let tools: [JSONValue] = registry.list().map { tool in
                [
                    "name": .string(tool.name),
                    "description": .string(tool.description),
                    "input_schema": tool.inputSchema,
                    "output_schema": tool.outputSchema ?? .null,
                    "required_scopes": .array(tool.requiredScopes.map(JSONValue.string)),
                ]
            }
            return try Response.json(["tools": JSONValue.array(tools)])
        }
        router.post("/v1/tools/:name") { request, context in
            let name = try context.parameters.require("name")
            let arguments = try await request.jsonBody(limits: registry.argumentLimits)
            let result = try await registry.call(
                name, arguments: arguments, caller: try await caller(request, context))
            return try Response.json(result)
        }
    }
}
