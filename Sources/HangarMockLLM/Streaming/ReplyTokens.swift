import HangarCore

/// A scripted reply cut into the tokens a stream sends: the content as words with their leading white space
/// (`"It"`, `" is"`, `" sunny."`), then each tool call's arguments in pieces of ``pieceSize`` characters.
/// The pieces of every token, concatenated, are exactly the reply.
struct ReplyTokens: Sendable {
    struct ToolCall: Sendable {
        var id: String
        var name: String
        var arguments: String
        var input: JSONValue
        var pieces: [String]
    }

    static let pieceSize = 8

    let content: String?
    let words: [String]
    let toolCalls: [ToolCall]

    /// `idPrefix` names calls the script gave no id: `call_` (OpenAI) or `toolu_` (Anthropic).
    init(_ reply: MockReply, idPrefix: String) {
        content = reply.content
        words = Self.words(reply.content ?? "")
        toolCalls = reply.toolCalls.map { call in
            ToolCall(
                id: call.id ?? idPrefix + MockID.suffix(), name: call.name, arguments: call.arguments,
                input: call.input, pieces: Self.pieces(call.arguments))
        }
    }

    /// Content tokens plus argument pieces: what a stream sends and what completion usage counts.
    var count: Int { words.count + toolCalls.reduce(0) { $0 + $1.pieces.count } }

    /// Splits text into runs of white space followed by non-white space; white space at the very end is a
    /// token of its own.
    static func words(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var seenWord = false
        for character in text {
            if character.isWhitespace, seenWord {
                tokens.append(current)
                current = ""
                seenWord = false
            }
            current.append(character)
            if !character.isWhitespace { seenWord = true }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    static func pieces(_ text: String) -> [String] {
        var pieces: [String] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            pieces.append(String(rest.prefix(pieceSize)))
            rest = rest.dropFirst(pieceSize)
        }
        return pieces
    }
}
