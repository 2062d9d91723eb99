/// The version of this Hangar build.
public enum HangarVersion {
    public static let current = "0.1.0"
}
