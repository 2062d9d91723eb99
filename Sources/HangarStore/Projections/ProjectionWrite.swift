/// A change to a projection table that an event implies. Projectors return these as pure data; each adapter
/// turns them into SQL, so the same event yields the same rows in both databases.
public enum ProjectionWrite: Sendable, Hashable {
    /// Inserts the row, or replaces every column of the row with the same key.
    case upsert(ProjectionTable, ProjectionRow)
    /// Deletes the row with this key (key columns in order).
    case delete(ProjectionTable, key: [ProjectionValue])
}
