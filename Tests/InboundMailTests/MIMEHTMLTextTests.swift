import InboundMail
import Testing

@Suite struct MIMEHTMLTextTests {
    @Test func tableEntitiesAndScriptFromAnHTMLOnlyMail() {
        let html = """
            <!DOCTYPE html><html><head><title>Booking</title><style>p { color: red }</style>
            <meta charset="utf-8"></head><body>
            <script type="text/javascript">var x = "<p>not text</p>";</script>
            <p>Hi there,</p><p>We&#39;d like a quote for <b>Zanzibar</b> &amp; Stone&nbsp;Town.</p>
            <table><tr><th>Check-in</th><th>Check-out</th></tr>
            <tr><td>12&nbsp;April 2027</td><td>19 April 2027</td></tr></table>
            <p>Budget: &euro;4&#x2009;000 &mdash; caf&eacute; &#233;t&#xE9; &#150; ok</p>
            <!-- a <p>comment</p> -->
            <p>Regards,<br>Zoë<br/>Müller</p></body></html>
            """
        #expect(
            HTMLText.text(fromHTML: html) == """
                Hi there,

                We'd like a quote for Zanzibar & Stone Town.

                Check-in Check-out
                12 April 2027 19 April 2027

                Budget: €4\u{2009}000 — café été – ok

                Regards,
                Zoë
                Müller
                """)
    }

    @Test func listsAndNestedLists() {
        let html =
            "<p>Wishes:</p><ul><li>Sea view</li><li>Transfers<ol><li>airport</li></ol></li></ul><div>Thanks</div>"
        #expect(HTMLText.text(fromHTML: html) == "Wishes:\n\n- Sea view\n- Transfers\n  - airport\n\nThanks")
    }

    @Test func linksKeepTheirTextAndWhitespaceCollapses() {
        let html = "Book   <a href=\"https://x.test/?a=1&amp;b=2\" title='a > b'>here</a>\n\n\tplease"
        #expect(HTMLText.text(fromHTML: html) == "Book here please")
    }

    @Test func preKeepsWhitespace() {
        #expect(HTMLText.text(fromHTML: "<pre>a  b\n  c</pre>after") == "a  b\n  c\n\nafter")
    }

    @Test func malformedMarkupNeverTraps() {
        #expect(HTMLText.text(fromHTML: "a < b and c > d") == "a < b and c > d")
        #expect(HTMLText.text(fromHTML: "x<script>never closed") == "x")
        #expect(HTMLText.text(fromHTML: "x<!-- never closed") == "x")
        #expect(HTMLText.text(fromHTML: "<p title=\"unterminated>text") == "")
        #expect(
            HTMLText.text(fromHTML: "&unknown; &amp &#xZZ; &#0; &#99999999;") == "&unknown; & &#xZZ; \u{FFFD} \u{FFFD}")
        #expect(HTMLText.text(fromHTML: "<") == "<")
        #expect(HTMLText.text(fromHTML: "") == "")
    }

    @Test func headWithoutCloseKeepsBody() {
        #expect(HTMLText.text(fromHTML: "<head><title>T</title><body>Hello") == "Hello")
    }
}
