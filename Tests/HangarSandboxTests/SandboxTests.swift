import Testing

/// Every sandbox test that runs the helper, serialized: each one checks afterwards that no cgroup of this
/// process is left, which concurrent runs in the same process would make ambiguous.
@Suite(.serialized) struct SandboxTests {}
