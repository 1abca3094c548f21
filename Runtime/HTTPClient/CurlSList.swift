internal import CCurl

/// Owns one `curl_slist` (a linked list of C strings), as used for `CURLOPT_HTTPHEADER`.
///
/// Ownership: the list and its strings (libcurl copies each string on append) are freed with
/// `curl_slist_free_all` in `deinit`, exactly once. libcurl does *not* copy the list when it is set as an option,
/// so the ``CurlEasy`` that uses it keeps it as a stored property until the next `curl_easy_reset` or its own
/// cleanup. Threading: not Sendable; it belongs to the easy handle, which belongs to one thread.
///
/// See https://curl.se/libcurl/c/curl_slist_append.html and https://curl.se/libcurl/c/curl_slist_free_all.html.
final class CurlSList {
    /// The head of the list. Never nil: an empty list is not represented by this class at all.
    private let head: UnsafeMutablePointer<curl_slist>

    /// Builds a list holding `lines` in order; nil when `lines` is empty.
    /// - Throws: ``HTTPClientError/Code/transport`` when libcurl cannot allocate (the partial list is freed).
    init?(_ lines: [String]) throws(HTTPClientError) {
        var list: UnsafeMutablePointer<curl_slist>? = nil
        for line in lines {
            // curl_slist_append returns NULL on failure and leaves the old list untouched.
            guard let appended = curl_slist_append(list, line) else {
                curl_slist_free_all(list)
                throw HTTPClientError(.transport, detail: "curl_slist_append failed (out of memory)")
            }
            list = appended
        }
        guard let list else { return nil }
        self.head = list
    }

    deinit { curl_slist_free_all(head) }

    /// Hands the list to `option` (e.g. `CURLOPT_HTTPHEADER`) of `easy`. The caller must keep `self` alive for as
    /// long as the easy handle may use the option.
    func set(on easy: UnsafeMutableRawPointer, option: CURLoption) -> CURLcode {
        ccurl_setopt_ptr(easy, option, UnsafeMutableRawPointer(head))
    }

    /// The strings in order, copied out (for tests and debugging).
    var lines: [String] {
        var out: [String] = []
        var node: UnsafeMutablePointer<curl_slist>? = head
        while let current = node {
            if let data = current.pointee.data { out.append(String(cString: data)) }
            node = current.pointee.next
        }
        return out
    }
}
