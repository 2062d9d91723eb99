import Foundation
import HangarCore
import HangarStore
import HangarTesting
import Testing

/// Kills a process with SIGKILL while 8 tasks append, then checks that every append it acknowledged is in
/// the log, that `seq` has no gap, and that rebuilding the projections changes nothing.
@Suite("Crash recovery")
struct CrashRecoveryTests {
    @Test(arguments: StorageKind.allCases)
    func acknowledgedEventsSurviveKill9(_ kind: StorageKind) async throws {
        let location = try StorageHarness.makeLocation(kind)
        let binary = try HangarBinary.path()
        let acknowledged = try await Self.appendUntilKilled(binary: binary, location: location, minimum: 1_500)
        #expect(acknowledged.count >= 1_500)

        let storage = try await StorageFactory.open(location)
        let head = try await storage.head()
        var seqs: [Int64] = []
        while true {
            let page = try await storage.read(EventQuery(after: seqs.last ?? 0, limit: EventQuery.maxLimit))
            if page.isEmpty { break }
            seqs += page.map(\.seq)
        }
        #expect(seqs == (head > 0 ? Array(1...head) : []), "seq must run 1...head without a gap")
        let missing = acknowledged.subtracting(seqs)
        #expect(missing.isEmpty, "acknowledged but lost: \(missing.sorted().prefix(10))")
        let digest = try await storage.projectionDigest()
        try await storage.rebuildProjections()
        #expect(try await storage.projectionDigest() == digest)
        // The store takes writes again after the crash.
        #expect(try await storage.append(.sample(0)).seq == head + 1)
        try await storage.close()
        try await StorageHarness.dispose(location)
    }

    /// Runs `hangar debug append-load` and SIGKILLs it once it has acknowledged `minimum` appends; returns
    /// every seq it printed on a complete line.
    static func appendUntilKilled(binary: String, location: StorageLocation, minimum: Int) async throws -> Set<Int64> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = [
            "debug", "append-load", "--writers", "8", "--events", "1000000", "--database-url", location.urlWithSecrets,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var buffer = Data()
        var seqs = Set<Int64>()
        let deadline = Date().addingTimeInterval(120)
        let handle = output.fileHandleForReading
        while seqs.count < minimum && Date() < deadline {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
            seqs.formUnion(Self.completeLines(&buffer))
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        buffer.append(handle.readDataToEndOfFile())
        seqs.formUnion(Self.completeLines(&buffer))
        #expect(process.terminationReason == .uncaughtSignal, "the load process ended before it was killed")
        return seqs
    }

    /// Takes the complete lines off the front of `buffer` as seqs; a partial last line stays in the buffer.
    static func completeLines(_ buffer: inout Data) -> [Int64] {
        guard let lastNewline = buffer.lastIndex(of: UInt8(ascii: "\n")) else { return [] }
        let complete = buffer[buffer.startIndex...lastNewline]
        buffer = Data(buffer[buffer.index(after: lastNewline)...])
        return String(decoding: complete, as: UTF8.self).split(separator: "\n").compactMap { Int64($0) }
    }
}
