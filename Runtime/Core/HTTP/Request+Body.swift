extension Request {
    /// The parts of a `multipart/form-data` body, in order (see ``Multipart``).
    ///
    /// - Throws: ``HTTPError`` 415 `unsupported_media_type` unless the body is `multipart/form-data`;
    ///   400 `malformed_multipart` for a bad boundary, a malformed body, or one over `limits`.
    public func multipart(limits: Multipart.Limits = .init()) throws(HTTPError) -> [MultipartPart] {
        guard mediaType == "multipart/form-data", let contentType = headers["content-type"] else {
            throw HTTPError(.unsupportedMediaType, code: .unsupportedMediaType, message: "Send the body as multipart/form-data.")
        }
        return try Multipart.parse(body: body, contentType: contentType, limits: limits)
    }

    /// The name/value pairs of an `application/x-www-form-urlencoded` body, in order (see ``FormURLEncoded``).
    ///
    /// An empty body is an empty form. At most ``FormURLEncoded/maxPairs`` pairs are returned.
    /// - Throws: ``HTTPError`` 415 `unsupported_media_type` for any other content type.
    public func form() throws(HTTPError) -> [(name: String, value: String)] {
        guard mediaType == "application/x-www-form-urlencoded" else {
            throw HTTPError(.unsupportedMediaType, code: .unsupportedMediaType,
                            message: "Send the body as application/x-www-form-urlencoded.")
        }
        return FormURLEncoded.parse(body)
    }
}
