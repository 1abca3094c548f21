internal import Runtime

/// The TwiML documents the voice webhook answers with (`text/xml`); every inserted text is XML-escaped.
enum TwilioTwiML {
    static let contentType = "text/xml; charset=utf-8"
    /// Said after the greeting when the tenant has no `voice.forward_to`.
    static let callBack = "Nobody can take your call right now. We will call you back as soon as we can. Goodbye."
    /// Said to callers of a number no active tenant owns.
    static let notInService = "The number you have called is not in service. Goodbye."

    /// Greets the caller, then forwards the call to `forwardTo`, or says ``callBack`` and hangs up.
    static func answer(greeting: String, forwardTo: String?) -> Response {
        var verbs = "<Say>\(escaped(greeting))</Say>"
        if let forwardTo {
            verbs += "<Dial>\(escaped(forwardTo))</Dial>"
        } else {
            verbs += "<Say>\(escaped(callBack))</Say><Hangup/>"
        }
        return document(verbs)
    }

    /// ``notInService``, then hang up.
    static func notInServiceAnswer() -> Response { document("<Say>\(escaped(notInService))</Say><Hangup/>") }

    /// An empty `<Response/>` (status callbacks: Twilio ignores the body but logs non-2xx answers).
    static func empty() -> Response { document("") }

    static func document(_ verbs: String) -> Response {
        let xml = #"<?xml version="1.0" encoding="UTF-8"?>"# + "<Response>\(verbs)</Response>"
        return Response(status: 200, headers: ["Content-Type": contentType], body: Array(xml.utf8))
    }

    /// `text` with control characters other than tab, CR and LF removed (XML 1.0 does not allow them at all), then
    /// `& < > " '` as entities (`MustacheTemplate.htmlEscaped`, whose `&#39;` XML reads too).
    static func escaped(_ text: String) -> String {
        var allowed = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || value == 0xFFFE || value == 0xFFFF {
                continue
            }
            allowed.append(scalar)
        }
        return MustacheTemplate.htmlEscaped(String(allowed))
    }
}
