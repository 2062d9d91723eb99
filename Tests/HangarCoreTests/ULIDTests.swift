import HangarCore
import Testing

@Suite("ULID")
struct ULIDTests {
    @Test func roundTripsThroughText() throws {
        let id = ULID(milliseconds: 1_700_000_000_123, random: (0xBEEF, 0x0123_4567_89AB_CDEF))
        let text = id.description
        #expect(text.count == 26)
        #expect(ULID(string: text) == id)
        #expect(ULID(string: text.lowercased()) == id)
        #expect(id.milliseconds == 1_700_000_000_123)
    }

    @Test func sortsByTime() {
        let earlier = ULID(milliseconds: 1_000, random: (UInt16.max, UInt64.max))
        let later = ULID(milliseconds: 1_001, random: (0, 0))
        #expect(earlier < later)
        #expect(earlier.description < later.description)
    }

    @Test(arguments: [
        "", "01ARZ3NDEKTSV4RRFFQ69G5FA", "01ARZ3NDEKTSV4RRFFQ69G5FAVX", "8ZZZZZZZZZZZZZZZZZZZZZZZZZ",
        "01ARZ3NDEKTSV4RRFFQ69G5FAU",
    ])
    func refusesWhatIsNotAULID(_ text: String) {
        #expect(ULID(string: text) == nil)
    }

    @Test func knownEncoding() {
        // 48-bit time 0x01_8B_CF_E5_68_00 and zero randomness encode to this fixed prefix.
        let id = ULID(milliseconds: 0x018B_CFE5_6800, random: (0, 0))
        #expect(id.description == "01HF7YAT00" + String(repeating: "0", count: 16))
    }
}
