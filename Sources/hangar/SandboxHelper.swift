import CHangarSandbox
import Foundation
import HangarSandbox

/// The hidden `hangar __sandbox` mode. The runner re-executes this binary in it, because namespace and mount
/// set-up must happen between fork and exec, which swift-subprocess has no hook for; the C target does it.
enum SandboxHelper {
    static let mode = SandboxHelperMode.argument

    static func run() -> Int32 {
        let arguments = Array(CommandLine.arguments.dropFirst())
        var pointers = arguments.map { strdup($0) }
        pointers.append(nil)
        return hangar_sandbox_main(Int32(arguments.count), &pointers)
    }
}
