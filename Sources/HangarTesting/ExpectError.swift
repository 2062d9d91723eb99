public import HangarCore
public import Testing

/// Runs `body` and records an issue unless it throws a `HangarError` with exactly `code`. Returns the error.
@discardableResult
public func expectError<T>(
    _ code: HangarError.Code, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> T
) async -> HangarError? {
    do {
        _ = try await body()
        Issue.record("expected error \(code), but the call succeeded", sourceLocation: sourceLocation)
        return nil
    } catch let error as HangarError {
        #expect(
            error.code == code, "expected \(code), got \(error.code): \(error.message)", sourceLocation: sourceLocation)
        return error
    } catch {
        Issue.record("expected HangarError \(code), got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}
