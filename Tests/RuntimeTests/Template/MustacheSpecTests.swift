import Runtime
import Testing

/// One behaviour from the Mustache spec (v1.3: interpolation, sections, inverted, comments), written from the
/// spec's descriptions: a template, its data as JSON, and the exact output.
struct SpecCase: Sendable, CustomTestStringConvertible {
    let name: String
    let template: String
    let data: String
    let expected: String

    init(_ name: String, _ template: String, _ data: String, _ expected: String) {
        self.name = name
        self.template = template
        self.data = data
        self.expected = expected
    }

    /// A case with no data (`{}`).
    init(_ name: String, _ template: String, _ expected: String) {
        self.init(name, template, "{}", expected)
    }

    var testDescription: String { name }
}

@Suite struct MustacheSpecTests {
    static let interpolationCases: [SpecCase] = [
        SpecCase("no interpolation", "Hello from {Mustache}!\n", "Hello from {Mustache}!\n"),
        SpecCase("basic", "Hello, {{subject}}!\n", #"{"subject":"world"}"#, "Hello, world!\n"),
        SpecCase(
            "HTML escaping", "These: {{forbidden}}\n", #"{"forbidden":"& \" < > '"}"#,
            "These: &amp; &quot; &lt; &gt; &#39;\n"),
        SpecCase("triple mustache", "These: {{{forbidden}}}\n", #"{"forbidden":"& \" < >"}"#, "These: & \" < >\n"),
        SpecCase("ampersand", "These: {{&forbidden}}\n", #"{"forbidden":"& \" < >"}"#, "These: & \" < >\n"),
        SpecCase("integer", #""{{mph}} miles an hour!""#, #"{"mph":85}"#, #""85 miles an hour!""#),
        SpecCase("triple mustache integer", #""{{{mph}}} miles an hour!""#, #"{"mph":85}"#, #""85 miles an hour!""#),
        SpecCase("ampersand integer", #""{{&mph}} miles an hour!""#, #"{"mph":85}"#, #""85 miles an hour!""#),
        SpecCase("decimal", #""{{power}} jiggawatts!""#, #"{"power":1.210}"#, #""1.21 jiggawatts!""#),
        SpecCase("null", "I ({{cannot}}) be seen!", #"{"cannot":null}"#, "I () be seen!"),
        SpecCase("context miss", "I ({{cannot}}) be seen!", "{}", "I () be seen!"),
        SpecCase(
            "dotted names: basic", #""{{person.name}}" == "{{#person}}{{name}}{{/person}}""#,
            #"{"person":{"name":"Joe"}}"#, #""Joe" == "Joe""#),
        SpecCase("dotted names: triple mustache", #"{{{person.name}}}"#, #"{"person":{"name":"Jo&e"}}"#, "Jo&e"),
        SpecCase(
            "dotted names: arbitrary depth", "{{a.b.c.d.e.name}}",
            #"{"a":{"b":{"c":{"d":{"e":{"name":"Phil"}}}}}}"#, "Phil"),
        SpecCase("dotted names: broken chains", #""{{a.b.c}}" == """#, #"{"a":{}}"#, #""" == """#),
        SpecCase(
            "dotted names: broken chain resolution", #""{{a.b.c.name}}" == """#,
            #"{"a":{"b":{}},"c":{"name":"Jim"}}"#, #""" == """#),
        SpecCase(
            "dotted names: initial resolution", "{{#a}}{{b.c.d.e.name}}{{/a}}",
            #"{"a":{"b":{"c":{"d":{"e":{"name":"Phil"}}}}},"b":{"c":{"d":{"e":{"name":"Wrong"}}}}}"#, "Phil"),
        SpecCase(
            "dotted names: context precedence", "[{{#a}}{{b.c}}{{/a}}]", #"{"a":{"b":{}},"b":{"c":"ERROR"}}"#,
            "[]"),
        SpecCase("surrounding whitespace", "| {{string}} |", #"{"string":"---"}"#, "| --- |"),
        SpecCase("standalone interpolation keeps its line", "  {{string}}\n", #"{"string":"---"}"#, "  ---\n"),
        SpecCase("standalone triple keeps its line", "  {{{string}}}\n", #"{"string":"---"}"#, "  ---\n"),
        SpecCase("padding", "|{{ string }}|", #"{"string":"---"}"#, "|---|"),
        SpecCase("triple padding", "|{{{ string }}}|", #"{"string":"---"}"#, "|---|"),
        SpecCase("ampersand padding", "|{{& string }}|", #"{"string":"---"}"#, "|---|"),
        SpecCase("booleans interpolate as words", "{{yes}}/{{no}}", #"{"yes":true,"no":false}"#, "true/false"),
        SpecCase(
            "containers interpolate as nothing", "[{{list}}{{object}}]", #"{"list":[1],"object":{"a":1}}"#,
            "[]"),
        SpecCase(
            "negative and large whole numbers", "{{a}} {{b}}", #"{"a":-3.0,"b":1234567890123}"#,
            "-3 1234567890123"),
    ]

    static let sectionsCases: [SpecCase] = [
        SpecCase("truthy", "{{#boolean}}Rendered.{{/boolean}}", #"{"boolean":true}"#, "Rendered."),
        SpecCase("falsey", "[{{#boolean}}Rendered.{{/boolean}}]", #"{"boolean":false}"#, "[]"),
        SpecCase("null is falsey", "[{{#null}}Rendered.{{/null}}]", #"{"null":null}"#, "[]"),
        SpecCase("empty string is falsey", "[{{#s}}Rendered.{{/s}}]", #"{"s":""}"#, "[]"),
        SpecCase(
            "string and number are truthy, pushed", "{{#s}}<{{.}}>{{/s}}{{#n}}({{.}}){{/n}}",
            #"{"s":"x","n":0}"#, "<x>(0)"),
        SpecCase("context", "{{#context}}Hi {{name}}.{{/context}}", #"{"context":{"name":"Joe"}}"#, "Hi Joe."),
        SpecCase(
            "parent contexts", "{{#sec}}{{a}}, {{b}}, {{c.d}}{{/sec}}",
            #"{"a":"foo","b":"wrong","sec":{"b":"bar"},"c":{"d":"baz"}}"#, "foo, bar, baz"),
        SpecCase("variable test", "{{#foo}}{{.}} is {{foo}}{{/foo}}", #"{"foo":"bar"}"#, "bar is bar"),
        SpecCase(
            "list contexts",
            "{{#tops}}{{#middles}}{{tname.lower}}{{mname}}.{{#bottoms}}{{tname.upper}}{{mname}}{{bname}}.{{/bottoms}}{{/middles}}{{/tops}}",
            #"{"tops":[{"tname":{"upper":"A","lower":"a"},"middles":[{"mname":"1","bottoms":[{"bname":"x"},{"bname":"y"}]}]}]}"#,
            "a1.A1x.A1y."),
        SpecCase(
            "deeply nested contexts",
            "{{#a}}\n{{one}}\n{{#b}}\n{{one}}{{two}}{{one}}\n{{#c}}\n{{one}}{{two}}{{three}}{{two}}{{one}}\n{{/c}}\n{{/b}}\n{{/a}}\n",
            #"{"a":{"one":1},"b":{"two":2},"c":{"three":3}}"#, "1\n121\n12321\n"),
        SpecCase("list", "{{#list}}{{item}}{{/list}}", #"{"list":[{"item":1},{"item":2},{"item":3}]}"#, "123"),
        SpecCase("empty list", "[{{#list}}Yay lists!{{/list}}]", #"{"list":[]}"#, "[]"),
        SpecCase(
            "doubled", "{{#bool}}\n* first\n{{/bool}}\n* {{two}}\n{{#bool}}\n* third\n{{/bool}}\n",
            #"{"bool":true,"two":"second"}"#, "* first\n* second\n* third\n"),
        SpecCase(
            "nested truthy", "| A {{#bool}}B {{#bool}}C{{/bool}} D{{/bool}} E |", #"{"bool":true}"#,
            "| A B C D E |"),
        SpecCase("nested falsey", "| A {{#bool}}B {{#bool}}C{{/bool}} D{{/bool}} E |", #"{"bool":false}"#, "| A  E |"),
        SpecCase("context misses", "[{{#missing}}Found key 'missing'!{{/missing}}]", "{}", "[]"),
        SpecCase(
            "implicit iterator: string", "{{#list}}({{.}}){{/list}}", #"{"list":["a","b","c","d","e"]}"#,
            "(a)(b)(c)(d)(e)"),
        SpecCase(
            "implicit iterator: integer", "{{#list}}({{.}}){{/list}}", #"{"list":[1,2,3,4,5]}"#,
            "(1)(2)(3)(4)(5)"),
        SpecCase(
            "implicit iterator: decimal", "{{#list}}({{.}}){{/list}}", #"{"list":[1.1,2.2,3.3,4.4,5.5]}"#,
            "(1.1)(2.2)(3.3)(4.4)(5.5)"),
        SpecCase(
            "implicit iterator: array", "{{#list}}({{#.}}{{.}}{{/.}}){{/list}}",
            #"{"list":[[1,2,3],["a","b","c"]]}"#, "(123)(abc)"),
        SpecCase(
            "implicit iterator: HTML escaping", "{{#list}}({{.}}){{/list}}", #"{"list":["&","\"","<",">"]}"#,
            "(&amp;)(&quot;)(&lt;)(&gt;)"),
        SpecCase(
            "implicit iterator: triple mustache", "{{#list}}({{{.}}}){{/list}}",
            #"{"list":["&","\"","<",">"]}"#, "(&)(\")(<)(>)"),
        SpecCase(
            "dotted names: truthy", #""{{#a.b.c}}Here{{/a.b.c}}" == "Here""#, #"{"a":{"b":{"c":true}}}"#,
            #""Here" == "Here""#),
        SpecCase(
            "dotted names: falsey", #""{{#a.b.c}}Here{{/a.b.c}}" == "Here""#, #"{"a":{"b":{"c":false}}}"#,
            #""" == "Here""#),
        SpecCase(
            "dotted names: broken chains", #""{{#a.b.c}}Here{{/a.b.c}}" == "Here""#, #"{"a":{}}"#,
            #""" == "Here""#),
        SpecCase(
            "surrounding whitespace", " | {{#boolean}}\t|\t{{/boolean}} | \n", #"{"boolean":true}"#,
            " | \t|\t | \n"),
        SpecCase(
            "internal whitespace", " | {{#boolean}} {{! Important Whitespace }}\n {{/boolean}} | \n",
            #"{"boolean":true}"#, " |  \n  | \n"),
        SpecCase(
            "indented inline sections", " {{#boolean}}YES{{/boolean}}\n {{#boolean}}GOOD{{/boolean}}\n",
            #"{"boolean":true}"#, " YES\n GOOD\n"),
        SpecCase(
            "standalone lines", "| This Is\n{{#boolean}}\n|\n{{/boolean}}\n| A Line\n", #"{"boolean":true}"#,
            "| This Is\n|\n| A Line\n"),
        SpecCase(
            "indented standalone lines", "| This Is\n  {{#boolean}}\n|\n  {{/boolean}}\n| A Line\n",
            #"{"boolean":true}"#, "| This Is\n|\n| A Line\n"),
        SpecCase("standalone line endings", "|\r\n{{#boolean}}\r\n{{/boolean}}\r\n|", #"{"boolean":true}"#, "|\r\n|"),
        SpecCase(
            "standalone without previous line", "  {{#boolean}}\n#{{/boolean}}\n/", #"{"boolean":true}"#,
            "#\n/"),
        SpecCase("standalone without newline", "#{{#boolean}}\n/\n  {{/boolean}}", #"{"boolean":true}"#, "#\n/\n"),
        SpecCase("padding", "|{{# boolean }}={{/ boolean }}|", #"{"boolean":true}"#, "|=|"),
    ]

    static let invertedCases: [SpecCase] = [
        SpecCase("falsey", "{{^boolean}}Rendered.{{/boolean}}", #"{"boolean":false}"#, "Rendered."),
        SpecCase("truthy", "[{{^boolean}}Rendered.{{/boolean}}]", #"{"boolean":true}"#, "[]"),
        SpecCase("null is falsey", "{{^null}}Rendered.{{/null}}", #"{"null":null}"#, "Rendered."),
        SpecCase("context", "[{{^context}}Hi {{name}}.{{/context}}]", #"{"context":{"name":"Joe"}}"#, "[]"),
        SpecCase("list", "[{{^list}}{{n}}{{/list}}]", #"{"list":[{"n":1},{"n":2},{"n":3}]}"#, "[]"),
        SpecCase("empty list", "{{^list}}Yay lists!{{/list}}", #"{"list":[]}"#, "Yay lists!"),
        SpecCase(
            "doubled", "{{^bool}}\n* first\n{{/bool}}\n* {{two}}\n{{^bool}}\n* third\n{{/bool}}\n",
            #"{"bool":false,"two":"second"}"#, "* first\n* second\n* third\n"),
        SpecCase(
            "nested falsey", "| A {{^bool}}B {{^bool}}C{{/bool}} D{{/bool}} E |", #"{"bool":false}"#,
            "| A B C D E |"),
        SpecCase(
            "nested truthy", "| A {{^bool}}B {{^bool}}C{{/bool}} D{{/bool}} E |", #"{"bool":true}"#,
            "| A  E |"),
        SpecCase(
            "context misses", "[{{^missing}}Found key 'missing'!{{/missing}}]", "{}",
            "[Found key 'missing'!]"),
        SpecCase("dotted names: truthy", "[{{^a.b.c}}Not Here{{/a.b.c}}]", #"{"a":{"b":{"c":true}}}"#, "[]"),
        SpecCase(
            "dotted names: falsey", "[{{^a.b.c}}Not Here{{/a.b.c}}]", #"{"a":{"b":{"c":false}}}"#,
            "[Not Here]"),
        SpecCase("dotted names: broken chains", "[{{^a.b.c}}Not Here{{/a.b.c}}]", #"{"a":{}}"#, "[Not Here]"),
        SpecCase(
            "standalone lines", "| This Is\n{{^boolean}}\n|\n{{/boolean}}\n| A Line\n", #"{"boolean":false}"#,
            "| This Is\n|\n| A Line\n"),
        SpecCase(
            "standalone indented lines", "| This Is\n  {{^boolean}}\n|\n  {{/boolean}}\n| A Line\n",
            #"{"boolean":false}"#, "| This Is\n|\n| A Line\n"),
        SpecCase(
            "standalone line endings", "|\r\n{{^boolean}}\r\n{{/boolean}}\r\n|", #"{"boolean":false}"#,
            "|\r\n|"),
        SpecCase(
            "standalone without previous line", "  {{^boolean}}\n^{{/boolean}}\n/", #"{"boolean":false}"#,
            "^\n/"),
        SpecCase("standalone without newline", "^{{^boolean}}\n/\n  {{/boolean}}", #"{"boolean":false}"#, "^\n/\n"),
        SpecCase("padding", "|{{^ boolean }}={{/ boolean }}|", #"{"boolean":false}"#, "|=|"),
    ]

    static let commentsCases: [SpecCase] = [
        SpecCase("inline", "12345{{! Comment Block! }}67890", "1234567890"),
        SpecCase("multiline", "12345{{!\n  This is a\n  multi-line comment...\n}}67890\n", "1234567890\n"),
        SpecCase("standalone", "Begin.\n{{! Comment Block! }}\nEnd.\n", "Begin.\nEnd.\n"),
        SpecCase("indented standalone", "Begin.\n  {{! Indented Comment Block! }}\nEnd.\n", "Begin.\nEnd.\n"),
        SpecCase("standalone line endings", "|\r\n{{! Standalone Comment }}\r\n|", "|\r\n|"),
        SpecCase("standalone without previous line", "  {{! I'm Still Standalone }}\n!", "!"),
        SpecCase("standalone without newline", "!\n  {{! I'm Still Standalone }}", "!\n"),
        SpecCase("multiline standalone", "Begin.\n{{!\nSomething's going on here...\n}}\nEnd.\n", "Begin.\nEnd.\n"),
        SpecCase(
            "indented multiline standalone", "Begin.\n  {{!\n    Something's going on here...\n  }}\nEnd.\n",
            "Begin.\nEnd.\n"),
        SpecCase("indented inline", "  12 {{! 34 }}\n", "  12 \n"),
        SpecCase("surrounding whitespace", "12345 {{! Comment Block! }} 67890", "12345  67890"),
        SpecCase(
            "variable name collision", "comments never show: >{{! comment }}<",
            #"{"! comment":1,"! comment ":2,"!comment":3,"comment":4}"#, "comments never show: ><"),
        SpecCase("a comment may hold braces", "a{{! {x} and { }}b", "ab"),
        SpecCase("a comment ends at the first closing braces", "a{{! {{x}} y }}b", "a y }}b"),
    ]

    static func render(_ spec: SpecCase) throws -> String {
        let data = try JSON.decode(JSONValue.self, from: Array(spec.data.utf8))
        return try MustacheTemplate(spec.template).render(data)
    }

    @Test(arguments: interpolationCases) func interpolation(_ spec: SpecCase) throws {
        #expect(try Self.render(spec) == spec.expected)
    }

    @Test(arguments: sectionsCases) func sections(_ spec: SpecCase) throws {
        #expect(try Self.render(spec) == spec.expected)
    }

    @Test(arguments: invertedCases) func inverted(_ spec: SpecCase) throws {
        #expect(try Self.render(spec) == spec.expected)
    }

    @Test(arguments: commentsCases) func comments(_ spec: SpecCase) throws {
        #expect(try Self.render(spec) == spec.expected)
    }

    @Test func theImplicitIteratorOfAScalarContext() throws {
        #expect(try MustacheTemplate("Hello, {{.}}!\n").render(.string("world")) == "Hello, world!\n")
        #expect(try MustacheTemplate("{{.}}").render(.number(1.5)) == "1.5")
    }

    @Test func thereAreMoreThanFortyCases() {
        #expect(
            Self.interpolationCases.count + Self.sectionsCases.count + Self.invertedCases.count
                + Self.commentsCases.count >= 40)
    }
}
