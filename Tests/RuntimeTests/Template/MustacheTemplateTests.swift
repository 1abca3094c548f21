import Runtime
import Testing

/// Errors with their positions, limits, text mode and the other behaviours beyond the spec's tables.
@Suite struct MustacheTemplateTests {
    /// The error `source` is refused with.
    static func error(_ source: String) -> MustacheError? {
        do {
            _ = try MustacheTemplate(source)
            return nil
        } catch {
            return error
        }
    }

    static let refusals: [(source: String, code: MustacheError.Code, line: Int, column: Int)] = [
        ("{{#a}}x", .unclosedSection, 1, 1),
        ("a\n  {{^sec}}\nb", .unclosedSection, 2, 3),
        ("{{#a}}{{#b}}{{/b}}", .unclosedSection, 1, 1),
        ("{{#a}}\n{{/b}}", .mismatchedClose, 2, 1),
        ("x {{/a}}", .unexpectedClose, 1, 3),
        ("Hello {{name", .unclosedTag, 1, 7),
        ("Hello {{name}", .unclosedTag, 1, 7),
        ("{{{name}}", .unclosedTag, 1, 1),
        ("{{!never closed", .unclosedTag, 1, 1),
        ("{{>partial}}", .unsupportedTag, 1, 1),
        ("x\n\n  {{=<% %>=}}", .unsupportedTag, 3, 3),
        ("{{}}", .invalidName, 1, 1),
        ("{{{ }}}", .invalidName, 1, 1),
        ("ab{{ first name }}", .invalidName, 1, 3),
        ("{{a..b}}", .invalidName, 1, 1),
        ("{{.a}}", .invalidName, 1, 1),
        ("{{a.}}", .invalidName, 1, 1),
        ("{{#}}{{/}}", .invalidName, 1, 1),
        ("Zoë Ñúñez {{#x}}", .unclosedSection, 1, 11),
    ]

    @Test func eachMalformedTemplateIsRefusedWithItsPosition() {
        for refusal in Self.refusals {
            let error = Self.error(refusal.source)
            #expect(error?.code == refusal.code, "\(refusal.source)")
            #expect(error?.line == refusal.line, "\(refusal.source)")
            #expect(error?.column == refusal.column, "\(refusal.source)")
        }
    }

    @Test func messagesNameThePositionAndTheTag() throws {
        let unclosed = try #require(Self.error("<p>\n  {{#options}}\n  {{hotel}}\n"))
        #expect(unclosed.message == "Line 2, column 3: Section {{#options}} is never closed.")
        #expect(unclosed.description == unclosed.message)
        let mismatched = try #require(Self.error("{{#a}}\n{{/b}}"))
        #expect(mismatched.reason == "{{/b}} does not close {{#a}} (line 1, column 1).")
        #expect(Self.error("{{> footer}}")?.reason.contains("Partials") == true)
        #expect(Self.error("{{=<% %>=}}")?.reason.contains("Set-delimiter") == true)
        #expect(MustacheError.Code.mismatchedClose.description == "mismatched_close")
    }

    @Test func theSourceSizeIsCappedAt100KB() throws {
        let limit = MustacheTemplate.maxSourceBytes
        #expect(limit == 102_400)
        _ = try MustacheTemplate(String(repeating: "a", count: limit))
        #expect(Self.error(String(repeating: "a", count: limit + 1))?.code == .tooLarge)
        // Bytes, not characters: 34 134 three-byte characters are over the limit.
        #expect(Self.error(String(repeating: "€", count: limit / 3 + 1))?.code == .tooLarge)
    }

    @Test func sectionsNestAtMost32Deep() throws {
        func nested(_ depth: Int) -> String {
            (0..<depth).map { "{{#s\($0)}}" }.joined() + "x" + (0..<depth).reversed().map { "{{/s\($0)}}" }.joined()
        }
        let deepest = try MustacheTemplate(nested(32))
        let context = JSONValue.object(
            Dictionary(uniqueKeysWithValues: (0..<32).map { ("s\($0)", JSONValue.bool(true)) }))
        #expect(deepest.render(context) == "x")
        let error = try #require(Self.error(nested(33)))
        #expect(error.code == .tooDeep)
        #expect(error.column == 247, "the 33rd {{#…}} starts after 10 tags of 7 characters and 22 of 8")
    }

    @Test func textModeWritesValuesAsTheyAre() throws {
        let template = try MustacheTemplate("{{name}} | {{{name}}} | {{& name}}")
        let context = JSONValue.object(["name": .string("Tom & Jerry's \"Inn\" <b>")])
        #expect(
            template.render(context, escaping: .none)
                == "Tom & Jerry's \"Inn\" <b> | Tom & Jerry's \"Inn\" <b> | Tom & Jerry's \"Inn\" <b>")
        #expect(
            template.render(context)
                == "Tom &amp; Jerry&#39;s &quot;Inn&quot; &lt;b&gt; | Tom & Jerry's \"Inn\" <b> | Tom & Jerry's \"Inn\" <b>"
        )
    }

    @Test func unicodeAroundAndInsideTagsSurvives() throws {
        let template = try MustacheTemplate("Zoë — {{name}} — {{#list}}€{{.}} {{/list}}🙂")
        let context = JSONValue.object(["name": .string("Ñúñez"), "list": .array([.number(1), .string("ß")])])
        #expect(template.render(context) == "Zoë — Ñúñez — €1 €ß 🙂")
    }

    @Test func theOutputIsCutAtTheLimitAndMarkedTruncated() throws {
        let template = try MustacheTemplate("{{#list}}{{.}}{{/list}}")
        let context = JSONValue.object(["list": .array(Array(repeating: .string("0123456789"), count: 5))])
        let whole = template.rendering(context, limit: 50)
        #expect(
            whole == MustacheTemplate.Rendering(text: String(repeating: "0123456789", count: 5), isTruncated: false))
        let cut = template.rendering(context, limit: 25)
        #expect(cut.isTruncated)
        #expect(cut.text == "0123456789012345678901234")
        // Never half a character.
        let euros = try MustacheTemplate("{{s}}").rendering(.object(["s": .string("€€€")]), limit: 7)
        #expect(euros.text == "€€")
        #expect(euros.isTruncated)
    }

    @Test func theDefaultCapIsOneMegabyte() throws {
        let kilobyte = String(repeating: "k", count: 1024)
        let context = JSONValue.object(["list": .array(Array(repeating: .string(kilobyte), count: 1100))])
        let rendering = try MustacheTemplate("{{#list}}{{.}}{{/list}}").rendering(context)
        #expect(rendering.isTruncated)
        #expect(rendering.text.utf8.count == MustacheTemplate.maxOutputBytes)
        #expect(try MustacheTemplate("{{#list}}{{.}}{{/list}}").render(context).utf8.count == 1024 * 1024)
    }

    /// Nested loops that write nothing still stop: a budget of node visits bounds the work.
    @Test func nestedLoopsStopAtTheStepBudget() throws {
        let template = try MustacheTemplate("{{#l}}{{#l}}{{#l}}{{#l}}{{/l}}{{/l}}{{/l}}{{/l}}done")
        let context = JSONValue.object(["l": .array(Array(repeating: .bool(true), count: 100))])
        let rendering = template.rendering(context)
        #expect(rendering.isTruncated)
        #expect(rendering.text.isEmpty)
    }

    @Test func unescapedNamesAreListedForCallersThatRestrictThem() throws {
        let template = try MustacheTemplate("{{a}} {{{signature_html}}} {{& b.c}} {{#x}}{{{.}}}{{/x}}")
        #expect(template.unescapedNames == ["signature_html", "b.c", "."])
        #expect(try MustacheTemplate("{{a}}{{#b}}{{c}}{{/b}}").unescapedNames.isEmpty)
    }

    @Test func oneTemplateRendersManyContexts() async throws {
        let template = try MustacheTemplate("Hi {{name}}!")
        let results = await withTaskGroup(of: String.self) { group in
            for index in 0..<20 {
                group.addTask { template.render(.object(["name": .string("n\(index)")])) }
            }
            return await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(results.count == 20)
        #expect(results.contains("Hi n7!"))
    }

    @Test func htmlEscapingCoversTheFiveCharacters() {
        #expect(
            MustacheTemplate.htmlEscaped(#"<script>alert("x" & 'y')</script>"#)
                == "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;")
        #expect(MustacheTemplate.htmlEscaped("plain Zoë") == "plain Zoë")
    }

    @Test func aLoneBraceOrTripleBraceInTextIsText() throws {
        #expect(try MustacheTemplate("{ } }} {x}").render(.object([:])) == "{ } }} {x}")
        #expect(try MustacheTemplate("a { {{b}} }").render(.object(["b": .string("B")])) == "a { B }")
    }
}
