/// `HangarData` (layer 3): typed database tools whose policy is enforced below the prompt, in the query
/// compiler and in the database. See ``ExposedModel`` for what the compiler is given.
public enum HangarData {}
