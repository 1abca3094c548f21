import Logging
import Runtime
import Testing

@Suite struct RouterTests {
    /// A router whose handlers answer with their own pattern.
    func router(_ routes: [(HTTPMethod, String)]) -> Router<Void> {
        var router = Router<Void>()
        for (method, pattern) in routes { router.on(method, pattern) { _, _ in .text(pattern) } }
        return router
    }

    /// The matched pattern and parameters, or "404" / "405 GET,POST".
    func resolve(_ router: Router<Void>, _ method: HTTPMethod, _ path: String) -> String {
        switch router.match(method: method, path: path) {
        case .found(_, let pattern, let parameters):
            let bound = parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            return ([pattern] + bound).joined(separator: " ")
        case .methodNotAllowed(let allowed): return "405 " + allowed.map(\.rawValue).joined(separator: ",")
        case .notFound: return "404"
        }
    }

    @Test func bindsParameters() {
        let router = router([(.get, "/api/v1/quotes/{id}/pdf"), (.get, "/api/v1/tenants/{tenant}/users/{user}")])
        #expect(resolve(router, .get, "/api/v1/quotes/QT-20270412-ABC123/pdf") == "/api/v1/quotes/{id}/pdf id=QT-20270412-ABC123")
        #expect(resolve(router, .get, "/api/v1/tenants/t1/users/u2") == "/api/v1/tenants/{tenant}/users/{user} tenant=t1 user=u2")
        #expect(resolve(router, .get, "/api/v1/quotes//pdf") == "404")
        #expect(resolve(router, .get, "/api/v1/quotes/1") == "404")
    }

    @Test func decodesSegmentsAfterSplitting() {
        let router = router([(.get, "/files/{name}"), (.get, "/files/{a}/{b}"), (.get, "/café")])
        #expect(resolve(router, .get, "/files/caf%C3%A9%20menu") == "/files/{name} name=café menu")
        #expect(resolve(router, .get, "/files/a%2Fb") == "/files/{name} name=a/b")
        #expect(resolve(router, .get, "/files/a/b") == "/files/{a}/{b} a=a b=b")
        #expect(resolve(router, .get, "/files/a+b") == "/files/{name} name=a+b")
        #expect(resolve(router, .get, "/caf%C3%A9") == "/café")
    }

    @Test func literalBeatsParameterInEitherOrder() {
        for routes in [[(HTTPMethod.get, "/quotes/{id}"), (.get, "/quotes/new")], [(.get, "/quotes/new"), (.get, "/quotes/{id}")]] {
            let router = router(routes)
            #expect(resolve(router, .get, "/quotes/new") == "/quotes/new")
            #expect(resolve(router, .get, "/quotes/42") == "/quotes/{id} id=42")
        }
    }

    @Test func distinguishes404From405() {
        let router = router([(.post, "/quotes"), (.put, "/quotes"), (.get, "/rates")])
        #expect(resolve(router, .get, "/quotes") == "405 POST,PUT")
        #expect(resolve(router, .delete, "/rates") == "405 GET")
        #expect(resolve(router, .get, "/nothing") == "404")
    }

    @Test func headFallsBackToGetUnlessRegistered() throws {
        #expect(resolve(router([(.get, "/a")]), .head, "/a") == "/a")
        var explicit = Router<Void>()
        explicit.get("/a") { _, _ in .text("get") }
        explicit.on(.head, "/a") { _, _ in .text("head") }
        guard case .found(let handler, _, _) = explicit.match(method: .head, path: "/a") else {
            Issue.record("no match")
            return
        }
        let context = Context(requestID: "r", logger: .init(label: "t"), deadline: .init(after: .seconds(1)), services: ())
        #expect(try handler(Request(method: .head, path: "/a"), context).body == Array("head".utf8))
    }

    @Test func ignoresEmptySegmentsAndListsRoutes() {
        var router = router([(.get, "/a/b")])
        router.post("/c") { _, _ in .empty() }
        #expect(resolve(router, .get, "//a///b/") == "/a/b")
        #expect(router.routeList == ["GET /a/b", "POST /c"])
        #expect(HTTPMethod(rawValue: "get") == .get)
    }
}
