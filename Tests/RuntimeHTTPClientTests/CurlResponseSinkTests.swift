@testable import RuntimeHTTPClient
import Testing

/// The libcurl callbacks, driven directly with the byte runs libcurl would hand them.
@Suite struct CurlResponseSinkTests {
    /// Calls a C callback as libcurl does: `size` 1, `count` bytes, the sink as userdata.
    private func feed(_ callback: Callback, _ sink: CurlResponseSink, _ text: String) -> Int {
        var bytes = Array(text.utf8).map { CChar(bitPattern: $0) }
        return bytes.withUnsafeMutableBufferPointer { callback($0.baseAddress, 1, $0.count, sink.userdata) }
    }
    private typealias Callback =
        @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int

    @Test func onlyTheLastStatusBlockIsKept() {
        let sink = CurlResponseSink()
        sink.reset(limit: 100)
        let lines = ["HTTP/1.1 100 Continue\r\n", "X-Interim: 1\r\n", "\r\n", "HTTP/1.1 200 OK\r\n",
                     "X-Multi: a\r\n", "\tfolded\r\n", "Content-Type:  text/plain \r\n", "x-multi: b\r\n", "\r\n"]
        for line in lines { #expect(feed(CurlResponseSink.header, sink, line) == line.utf8.count) }
        #expect(sink.headers.map(\.name) == ["x-multi", "content-type", "x-multi"])
        #expect(sink.headers.map(\.value) == ["a folded", "text/plain", "b"])
    }

    @Test func writeStopsAtTheCap() {
        let sink = CurlResponseSink()
        sink.reset(limit: 10)
        #expect(feed(CurlResponseSink.write, sink, "12345") == 5)
        #expect(feed(CurlResponseSink.write, sink, "67890") == 5)
        #expect(!sink.limitExceeded)
        #expect(feed(CurlResponseSink.write, sink, "x") == 0)
        #expect(sink.limitExceeded)
        #expect(sink.takeBody() == Array("1234567890".utf8))
        sink.reset(limit: 10)
        #expect(!sink.limitExceeded)
    }

    @Test func slistKeepsLinesInOrder() throws {
        #expect(try CurlSList([]) == nil)
        let list = try #require(try CurlSList(["A: 1", "B;", "Expect:"]))
        #expect(list.lines == ["A: 1", "B;", "Expect:"])
    }
}
