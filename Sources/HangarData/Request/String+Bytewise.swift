extension String {
    /// Byte equality of the UTF-8 forms. Swift's `==` compares canonical equivalence (NFC equals NFD, U+212A
    /// KELVIN SIGN equals `K`), which is wrong for names that must match exactly.
    @inlinable
    func isBytewise(_ other: String) -> Bool {
        utf8.elementsEqual(other.utf8)
    }
}
