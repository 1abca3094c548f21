import Runtime
import RuntimeTesting
import Testing

@Suite struct FastCGIRecordTests {
    @Test func encodesHeaderAndPadding() {
        let record = FastCGIRecord.encode(.stdin, requestID: 0x0102, content: [1, 2, 3])
        #expect(record == [1, 5, 1, 2, 0, 3, 5, 0, 1, 2, 3, 0, 0, 0, 0, 0])
        #expect(FastCGIRecord.beginRequest(requestID: 100) == [1, 1, 0, 100, 0, 8, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0])
    }

    @Test func encodesParamLengthsInOneOrFourBytes() {
        let short = FastCGIRecord.encodeParams([("SCRIPT_NAME", "/status")])
        #expect(short == [11, 7] + Array("SCRIPT_NAME/status".utf8))
        let long = String(repeating: "v", count: 300)
        let encoded = FastCGIRecord.encodeParams([("N", long)])
        #expect(Array(encoded.prefix(5)) == [1, 0x80, 0, 1, 44])
        #expect(encoded.count == 5 + 1 + 300)
        #expect(FastCGIRecord.encodeParams([(String(repeating: "n", count: 127), "")]).first == 127)
        #expect(FastCGIRecord.encodeParams([(String(repeating: "n", count: 128), "")]).prefix(4) == [0x80, 0, 0, 128])
    }

    @Test func splitsStreamsAtTheRecordLimit() {
        let payload = [UInt8](repeating: 7, count: 200_000)
        let decoded = FastCGIRecord.decode(FastCGIRecord.stream(.stdin, payload: payload))
        #expect(decoded.remainder.isEmpty)
        #expect(decoded.records.map(\.content.count) == [65535, 65535, 65535, 3395, 0])
        #expect(decoded.records.flatMap(\.content) == payload)
        #expect(FastCGIRecord.decode(FastCGIRecord.stream(.stdin, payload: [1, 2, 3], chunkSize: 2)).records.count == 3)
    }

    @Test func parsesACGIResponse() throws {
        let stdout = Array("Status: 404 Not Found\r\nContent-Type: application/json\r\nX-A: b\r\n\r\n{\"a\":1}".utf8)
        let bytes = FastCGIRecord.encode(.stdout, content: stdout) + FastCGIRecord.encode(.stderr, content: Array("warn".utf8))
            + FastCGIRecord.encode(.stdout) + FastCGIRecord.encode(.endRequest, content: [0, 0, 0, 3, 0, 0, 0, 0])
        let response = try FastCGIResponse(records: bytes)
        #expect(response.status == 404)
        #expect(response.headers["content-type"] == "application/json")
        #expect(response.headers["x-a"] == "b")
        #expect(response.text == #"{"a":1}"#)
        #expect(response.stderr == Array("warn".utf8))
        #expect(response.appStatus == 3)
        #expect(response.protocolStatus == 0)
        let noStatus = try FastCGIResponse(stdout: Array("A: b\n\nbody".utf8), stderr: [], endRequestBody: [UInt8](repeating: 0, count: 8))
        #expect(noStatus.status == 200)
        #expect(noStatus.text == "body")
    }

    @Test func refusesIncompleteConversations() {
        #expect(throws: FastCGIClientError.self) { try FastCGIResponse(records: FastCGIRecord.encode(.stdout, content: [65])) }
        #expect(throws: FastCGIClientError.self) {
            try FastCGIResponse(stdout: Array("no blank line".utf8), stderr: [], endRequestBody: [UInt8](repeating: 0, count: 8))
        }
    }
}
