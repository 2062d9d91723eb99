extension String {
    /// Byte equality of the UTF-8 forms. Swift's `==` compares canonical equivalence (NFC equals NFD, U+212A
    /// KELVIN SIGN equals `K`), which is wrong for names that must match exactly. Lengths are compared first and
    /// the bytes as contiguous buffers, since every argument key is checked this way on every call.
    @inlinable
    func isBytewise(_ other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        var lhs = self
        var rhs = other
        return lhs.withUTF8 { left in rhs.withUTF8 { right in left.elementsEqual(right) } }
    }
}
