import Foundation

/// The actor the CLI records on events: `cli:<user>`.
enum CommandActor {
    static var current: String {
        "cli:" + (ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "local")
    }
}
