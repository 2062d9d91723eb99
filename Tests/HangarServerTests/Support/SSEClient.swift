import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// What an SSE stream carries: an event, or a comment line (the server's heartbeats).
enum SSEItem: Sendable, Equatable {
    case event(id: String?, event: String?, data: String)
    case comment(String)
}

/// A streaming Server-Sent Events client on URLSession (libcurl on Linux), for live tests. Hummingbird's test
/// client waits for a whole response, which an SSE stream never is.
enum SSEClient {
    /// The items of `GET url` as they arrive. Ending the iteration cancels the request; the sequence finishes
    /// when the server ends the response.
    static func items(url: String, headers: [String: String] = [:]) -> AsyncThrowingStream<SSEItem, any Error> {
        AsyncThrowingStream { continuation in
            var request = URLRequest(url: URL(string: url)!)
            request.timeoutInterval = 300
            request.setValue("text/event-stream", forHTTPHeaderField: "Accept")
            for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
            let delegate = Delegate(continuation: continuation)
            let session = URLSession(configuration: .ephemeral, delegate: delegate, delegateQueue: nil)
            let task = session.dataTask(with: request)
            continuation.onTermination = { _ in
                task.cancel()
                session.invalidateAndCancel()
            }
            task.resume()
        }
    }

    /// Parses the stream as it arrives. URLSession calls a delegate on its own serial queue, so the parser
    /// state is only ever touched from one thread at a time: hence `@unchecked Sendable`.
    private final class Delegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
        let continuation: AsyncThrowingStream<SSEItem, any Error>.Continuation
        var pending = Data()
        var id: String?
        var event: String?
        var data: [String] = []

        init(continuation: AsyncThrowingStream<SSEItem, any Error>.Continuation) {
            self.continuation = continuation
        }

        func urlSession(
            _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
            completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
        ) {
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            guard status == 200 else {
                continuation.finish(throwing: SSEClientError.status(status))
                completionHandler(.cancel)
                return
            }
            completionHandler(.allow)
        }

        func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
            pending.append(data)
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                var line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                pending.removeSubrange(pending.startIndex...newline)
                if line.hasSuffix("\r") { line.removeLast() }
                handle(line)
            }
        }

        func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
            if let error {
                continuation.finish(throwing: error)
            } else {
                continuation.finish()
            }
        }

        private func handle(_ line: String) {
            if line.isEmpty {
                if !data.isEmpty {
                    continuation.yield(.event(id: id, event: event, data: data.joined(separator: "\n")))
                }
                (id, event, data) = (nil, nil, [])
                return
            }
            if line.hasPrefix(":") {
                continuation.yield(.comment(String(line.dropFirst()).trimmingCharacters(in: .whitespaces)))
                return
            }
            let parts = line.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            let field = String(parts[0])
            var value = parts.count > 1 ? String(parts[1]) : ""
            if value.hasPrefix(" ") { value.removeFirst() }
            switch field {
            case "id": id = value
            case "event": event = value
            case "data": data.append(value)
            default: break
            }
        }
    }
}

enum SSEClientError: Error {
    case status(Int)
}
