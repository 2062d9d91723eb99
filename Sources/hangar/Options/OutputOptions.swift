import ArgumentParser

/// `--json`, which every command takes.
struct OutputOptions: ParsableArguments {
    @Flag(help: #"Print one JSON envelope: {"ok":true,"data":…} or {"ok":false,"error":{"code","message"}}."#)
    var json = false
}
