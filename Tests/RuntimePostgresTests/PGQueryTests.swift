import RuntimePostgres
import Testing

/// Interpolation can only bind: values never become SQL text.
@Suite struct PGQueryTests {
    @Test func interpolatedValuesBecomeNumberedParameters() {
        let tenant = "acme"
        let limit = 10
        let query: PGQuery = "SELECT * FROM quotes WHERE tenant_id = \(tenant) AND total > \(limit) LIMIT \(limit)"
        #expect(query.sql == "SELECT * FROM quotes WHERE tenant_id = $1 AND total > $2 LIMIT $3")
        #expect(query.binds == ["acme", "10", "10"])
    }

    @Test func nilBindsAsNull() {
        let missing: String? = nil
        let query: PGQuery = "UPDATE t SET a = \(missing)"
        #expect(query.sql == "UPDATE t SET a = $1")
        #expect(query.binds == [nil])
    }

    @Test func injectionTextStaysInTheBinds() {
        let evil = "x'; DROP TABLE users; --"
        let query: PGQuery = "SELECT 1 FROM users WHERE email = \(evil)"
        #expect(!query.sql.contains("DROP"))
        #expect(query.binds == [evil])
    }

    @Test func textArraysQuoteEveryElement() {
        #expect(PGTextArray(["a", "b,c", "d\"e", "f\\g", ""]).pgText == #"{"a","b,c","d\"e","f\\g",""}"#)
    }

    @Test func bytesBindAsHex() {
        #expect(PGBytes([0x00, 0xff, 0x10]).pgText == "\\x00ff10")
    }
}

@Suite(.enabled(if: TestDatabase.enabled))
struct PGConnectionTests {
    @Test func injectionAttemptsAreStoredAndMatchedVerbatim() throws {
        let connection = try TestDatabase.app()
        for evil in ["'; DROP TABLE users; --", "\" OR 1=1 --", "$1", "\\x00", "Zoë Ñúñez 💶", "' OR ''='"] {
            let echoed = try connection.query("SELECT \(evil)::text AS v").first?.string("v")
            #expect(echoed == evil)
        }
        #expect(try connection.query("SELECT to_regclass('public.users') IS NOT NULL AS present").first?.bool("present") == true)
    }

    @Test func nullsTypesAndAffectedRows() throws {
        let connection = try TestDatabase.app()
        let row = try #require(try connection.query("SELECT NULL::text AS a, 42 AS b, true AS c, '\\xdead'::bytea AS d").first)
        #expect(row["a"] == nil)
        #expect(try row.int("b") == 42)
        #expect(try row.bool("c"))
        #expect(try row.bytes("d") == [0xde, 0xad])
        #expect(throws: PGError.self) { try row.int("a") }
        #expect(throws: PGError.self) { try row.string("missing") }
        let bytes: [UInt8] = Array(0...255)
        let back = try connection.query("SELECT \(PGBytes(bytes))::bytea AS b").first?.bytes("b")
        #expect(back == bytes)
    }

    @Test func serverErrorsCarrySQLStateButDescriptionsHoldNoValues() throws {
        let connection = try TestDatabase.app()
        let secret = "hunter2-SECRET-\(Int.random(in: 1000...9999))"
        do {
            try connection.query("SELECT \(secret)::integer")
            Issue.record("expected an error")
        } catch {
            #expect(error.sqlState == "22P02")
            #expect(!error.description.contains(secret))
            #expect(error.debugDescription.contains("SELECT $1::integer"))
        }
    }

    @Test func nulBytesAreRefusedNotTruncated() throws {
        let connection = try TestDatabase.app()
        #expect(throws: PGError.self) { try connection.query("SELECT \("abc\u{0}def")::text") }
    }

    @Test func badConnectionStringsThrowWithoutCrashing() {
        do {
            _ = try PGConnection(conninfo: "host=/nonexistent/socket/dir port=1 dbname=x user=y password=topsecret")
            Issue.record("expected a connection failure")
        } catch {
            #expect(error.code == .connectionFailed)
            #expect(!error.description.contains("topsecret"))
            #expect(!error.serverMessage.isEmpty)
        }
    }
}
