/// Projection values compared byte for byte, as the database compares them. Swift's `String` equality
/// treats canonically equivalent texts ("é" and "e" + U+0301) as equal; PostgreSQL (deterministic
/// collations) and SQLite do not, so keys folded in memory must not either.
struct PostgresExactKey: Hashable {
    let values: [ProjectionValue]

    init(_ values: [ProjectionValue]) { self.values = values }

    init(text: String) { values = [.text(text)] }

    static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.values.count == rhs.values.count
            && zip(lhs.values, rhs.values).allSatisfy { left, right in
                switch (left, right) {
                case (.text(let a), .text(let b)): a.utf8.elementsEqual(b.utf8)
                case (.integer(let a), .integer(let b)): a == b
                case (.null, .null): true
                default: false
                }
            }
    }

    func hash(into hasher: inout Hasher) {
        for value in values {
            switch value {
            case .text(var text):
                hasher.combine(0 as UInt8)
                hasher.combine(text.utf8.count)
                text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            case .integer(let integer):
                hasher.combine(1 as UInt8)
                hasher.combine(integer)
            case .null:
                hasher.combine(2 as UInt8)
            }
        }
    }
}
