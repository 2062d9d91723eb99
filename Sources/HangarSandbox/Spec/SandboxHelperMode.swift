/// The hidden first argument that turns the `hangar` binary into the sandbox helper.
public enum SandboxHelperMode {
    public static let argument = "__sandbox"
}
