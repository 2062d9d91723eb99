import HangarCore

// Content parts: OpenAI `{type: text|image_url|refusal}` parts ↔ Anthropic `{type: text|image}` blocks.
extension WireTranslation {
    /// What a message may carry besides text, which decides the error a part of another kind gets.
    enum PartKinds {
        /// Text only: system prompts and tool results.
        case text
        /// Text and images: user messages.
        case textAndImages
        /// Text and refusals (read as text): assistant messages.
        case textAndRefusals
    }

    /// OpenAI content (a string or an array of parts) → Anthropic blocks. Empty strings give no block: Anthropic
    /// refuses empty text blocks.
    static func anthropicBlocks(
        fromOpenAIContent value: JSONValue?, at path: String, kinds: PartKinds
    ) throws -> [JSONValue] {
        let reader = WireReader.request
        switch WireReader.present(value) {
        case nil: return []
        case .string(let text)?: return text.isEmpty ? [] : [textBlock(text)]
        case .array(let parts)?:
            return try parts.enumerated().compactMap { offset, part in
                try anthropicBlock(fromOpenAIPart: part, at: "\(path)[\(offset)]", kinds: kinds)
            }
        default: throw reader.error("\(path) must be a string or an array of content parts")
        }
    }

    private static func anthropicBlock(
        fromOpenAIPart value: JSONValue, at path: String, kinds: PartKinds
    ) throws -> JSONValue? {
        let reader = WireReader.request
        let part = try reader.object(value, at: path)
        let type = try reader.string(part["type"], at: "\(path).type")
        switch (type, kinds) {
        case ("text", _):
            let text = try reader.string(part["text"], at: "\(path).text")
            return text.isEmpty ? nil : textBlock(text)
        case ("refusal", .textAndRefusals):
            let text = try reader.string(part["refusal"], at: "\(path).refusal")
            return text.isEmpty ? nil : textBlock(text)
        case ("image_url", .textAndImages):
            // `image_url` is `{url, detail}`; a few older clients send the URL string itself.
            let url: String
            if case .string(let direct)? = part["image_url"] {
                url = direct
            } else {
                let image = try reader.object(part["image_url"], at: "\(path).image_url")
                url = try reader.string(image["url"], at: "\(path).image_url.url")
            }
            return try anthropicImage(fromURL: url, at: "\(path).image_url.url")
        default:
            throw reader.error("\(path).type \"\(type)\" is not supported here")
        }
    }

    /// A `data:<media type>;base64,<data>` URL becomes a base64 image source, an http(s) URL a URL source.
    /// OpenAI's `detail` has no counterpart.
    private static func anthropicImage(fromURL url: String, at path: String) throws -> JSONValue {
        if url.hasPrefix("https://") || url.hasPrefix("http://") {
            return ["type": "image", "source": ["type": "url", "url": .string(url)]]
        }
        if url.hasPrefix("data:"), let comma = url.firstIndex(of: ",") {
            let header = url[url.index(url.startIndex, offsetBy: 5)..<comma]
            if header.hasSuffix(";base64") {
                let mediaType = String(header.dropLast(7))
                let data = String(url[url.index(after: comma)...])
                return [
                    "type": "image",
                    "source": ["type": "base64", "media_type": .string(mediaType), "data": .string(data)],
                ]
            }
        }
        throw WireReader.request.error("\(path) must be an http(s) URL or a base64 data: URL")
    }

    /// An Anthropic text or image block → an OpenAI content part. `kinds` says whether images are allowed.
    static func openAIPart(fromAnthropicBlock block: [String: JSONValue], at path: String, kinds: PartKinds) throws
        -> JSONValue
    {
        let reader = WireReader.request
        let type = try reader.string(block["type"], at: "\(path).type")
        switch (type, kinds) {
        case ("text", _):
            return ["type": "text", "text": .string(try reader.string(block["text"], at: "\(path).text"))]
        case ("image", .textAndImages):
            let source = try reader.object(block["source"], at: "\(path).source")
            let url: String
            switch try reader.string(source["type"], at: "\(path).source.type") {
            case "base64":
                let mediaType = try reader.string(source["media_type"], at: "\(path).source.media_type")
                let data = try reader.string(source["data"], at: "\(path).source.data")
                url = "data:\(mediaType);base64,\(data)"
            case "url":
                url = try reader.string(source["url"], at: "\(path).source.url")
            case let other:
                throw reader.error("\(path).source.type \"\(other)\" is not supported")
            }
            return ["type": "image_url", "image_url": ["url": .string(url)]]
        default:
            throw reader.error("\(path).type \"\(type)\" is not supported here")
        }
    }

    static func textBlock(_ text: String) -> JSONValue {
        ["type": "text", "text": .string(text)]
    }
}
