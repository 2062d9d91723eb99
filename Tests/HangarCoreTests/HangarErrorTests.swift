import HangarCore
import Testing

@Suite("Error mapping")
struct HangarErrorTests {
    @Test func everyFamilyHasItsOwnExitCodeAndAStatus() {
        let exitCodes = HangarError.Family.allCases.map(\.exitCode)
        #expect(!exitCodes.contains(0))
        let shared: Set<HangarError.Family> = [.invalidInput, .tooLarge, .unauthorized, .forbidden]
        let distinct = HangarError.Family.allCases.filter { !shared.contains($0) }.map(\.exitCode)
        #expect(Set(distinct).count == distinct.count, "each family but the paired ones has its own exit code")
        #expect(!exitCodes.contains(2), "2 is argument parsing's usage error")
        #expect(HangarError.Family.allCases.allSatisfy { (400...599).contains($0.httpStatus) })
    }

    @Test func codesMapThroughTheirFamily() {
        #expect(HangarError.Code.invalidArguments.family.httpStatus == 400)
        #expect(HangarError.Code.invalidArguments.family.jsonRPCCode == -32602)
        #expect(HangarError.Code.notFound.family.httpStatus == 404)
        #expect(HangarError.Code.payloadTooLarge.family.httpStatus == 413)
        #expect(HangarError.Code.leaseFenced.family.httpStatus == 409)
        #expect(HangarError.Code.databaseUnavailable.family.httpStatus == 503)
        #expect(HangarError.Code.internal.family.exitCode == 1)
    }

    @Test func wrappingHidesForeignErrors() {
        struct Secret: Error {}
        let wrapped = HangarError.wrapping(Secret())
        #expect(wrapped.code == .internal)
        #expect(wrapped.message == "internal error")
    }
}
