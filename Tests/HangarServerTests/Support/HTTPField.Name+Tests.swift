import HTTPTypes

extension HTTPField.Name {
    static let lastEventIDForTests = HTTPField.Name("Last-Event-ID")!
}
