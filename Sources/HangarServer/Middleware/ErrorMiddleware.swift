import HangarCore
public import Hummingbird
import Logging

/// Renders every error a route throws as `{"error":{"code":…,"message":…}}` with its family's HTTP status,
/// unknown routes included. Only the code and the client-safe message leave the server; the underlying error
/// (SQL, paths, stack) goes to the log.
public struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    public init() {}

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let hangarError = HangarError(httpBoundary: error)
            let metadata: Logger.Metadata = [
                "error.code": "\(hangarError.code.rawValue)",
                "error.underlying": "\(hangarError.underlying.map { String(reflecting: $0) } ?? "")",
                "http.method": "\(request.method)",
                "http.path": "\(request.uri.path)",
            ]
            if hangarError.code.family.httpStatus >= 500 {
                context.logger.error("request failed", metadata: metadata)
            } else {
                context.logger.debug("request refused", metadata: metadata)
            }
            return hangarError.response
        }
    }
}
