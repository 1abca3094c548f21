import Logging
import Runtime
import RuntimeTesting
import Testing

@Suite struct JSONLogHandlerTests {
    @Test func writesOneJSONObjectPerLine() throws {
        let capture = LogCapture()
        var logger = capture.logger()
        logger[metadataKey: "function"] = "inbound"
        logger.info("request \"done\"\nsecond line", metadata: [
            "request.id": "r-1", "tenant.id": "t-9", "status": .stringConvertible(201), "ratio": .stringConvertible(0.5),
            "ok": .stringConvertible(true), "route": "/api/v1/{id}", "tags": ["a", "b"], "db": ["sqlstate": "23505"],
        ])
        let lines = capture.lines
        #expect(lines.count == 1)
        let line = try #require(lines.first)
        #expect(line.hasSuffix("}\n"))
        #expect(line.dropLast().contains("\n") == false)
        let record = try #require(try capture.records().first)
        #expect(record["msg"] == .string("request \"done\"\nsecond line"))
        #expect(record["level"] == .string("info"))
        #expect(record["request_id"] == .string("r-1"))
        #expect(record["tenant_id"] == .string("t-9"))
        #expect(record["function"] == .string("inbound"))
        #expect(record["status"] == .number(201))
        #expect(record["ratio"] == .number(0.5))
        #expect(record["ok"] == .bool(true))
        #expect(record["tags"] == .array([.string("a"), .string("b")]))
        #expect(record["db"] == .object(["sqlstate": .string("23505")]))
        #expect(record["request.id"] == nil)
    }

    @Test func timestampIsRFC3339UTCWithMilliseconds() throws {
        let capture = LogCapture()
        capture.logger().notice("x")
        let ts = try #require(try capture.records().first?["ts"]?.string)
        #expect(ts.count == 24)
        #expect(ts.hasSuffix("Z"))
        #expect(Array(ts)[10] == "T" && Array(ts)[19] == ".")
        #expect(ts.hasPrefix("20"))
    }

    @Test func redactsSecretLookingKeys() throws {
        let capture = LogCapture()
        capture.logger().warning("login", metadata: [
            "password": "hunter2", "auth.token": "tok-1", "api_key": "k-2", "Authorization": "Bearer b-3",
            "session.cookie": "c-4", "client_secret": "s-5", "user": ["name": "ana", "secret": "s-6"],
        ])
        let line = try #require(capture.lines.first)
        for value in ["hunter2", "tok-1", "k-2", "b-3", "c-4", "s-5", "s-6"] { #expect(!line.contains(value), "\(value)") }
        let record = try #require(try capture.records().first)
        #expect(record["password"] == .string("[redacted]"))
        #expect(record["auth_token"] == .string("[redacted]"))
        #expect(record["user"]?["name"] == .string("ana"))
        #expect(record["user"]?["secret"] == .string("[redacted]"))
    }

    @Test func reservedKeysCannotBeOverwritten() throws {
        let capture = LogCapture()
        capture.logger().info("real", metadata: ["msg": "fake", "level": "fake", "ts": "fake"])
        let record = try #require(try capture.records().first)
        #expect(record["msg"] == .string("real"))
        #expect(record["level"] == .string("info"))
        #expect(record["ts"] != .string("fake"))
    }

    @Test func nonFiniteNumbersStayValidJSON() throws {
        let capture = LogCapture()
        capture.logger().info("x", metadata: ["nan": .stringConvertible(Double.nan), "inf": .stringConvertible(-Double.infinity)])
        let record = try #require(try capture.records().first)
        #expect(record["nan"] == .string("nan"))
        #expect(record["inf"] == .string("-inf"))
    }

    @Test func respectsTheLevel() {
        let capture = LogCapture()
        let logger = capture.logger(level: .info)
        logger.debug("hidden")
        logger.info("shown")
        #expect(capture.lines.count == 1)
    }

    @Test func concurrentWritersKeepLinesWhole() throws {
        let capture = LogCapture()
        _ = try TestThread.concurrently(8) { thread in
            let logger = capture.logger()
            for index in 0..<100 { logger.info("line", metadata: ["thread": "\(thread)", "index": "\(index)"]) }
        }
        #expect(try capture.records().count == 800)
    }
}
