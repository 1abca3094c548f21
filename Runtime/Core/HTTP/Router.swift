/// Routes requests by method and path pattern to handlers.
///
/// Patterns are literal segments and `{name}` parameters: `/api/v1/quotes/{id}/pdf`. Each path segment is
/// percent-decoded after splitting, so `%2F` never creates a new segment. A literal segment wins over a
/// parameter at the same position. `HEAD` falls back to the `GET` route.
public struct Router<Services>: Sendable {
    /// A handler: a plain function of the request and its context.
    public typealias Handler = @Sendable (Request, Context<Services>) throws -> Response

    struct Route: Sendable {
        let method: HTTPMethod
        let pattern: String
        let segments: [Segment]
        let handler: Handler
    }

    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    /// The outcome of matching a request.
    public enum Match {
        case found(handler: Handler, pattern: String, parameters: [String: String])
        case methodNotAllowed(allowed: [HTTPMethod])
        case notFound
    }

    private var routes: [Route] = []

    public init() {}

    /// Adds a route. Registering the same method and pattern twice is a programmer error.
    public mutating func on(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping Handler) {
        let segments = Self.split(pattern).map { part -> Segment in
            if part.hasPrefix("{") && part.hasSuffix("}") && part.count > 2 {
                return .parameter(String(part.dropFirst().dropLast()))
            }
            return .literal(part)
        }
        precondition(!routes.contains { $0.method == method && $0.segments == segments },
                     "route \(method) \(pattern) registered twice")
        routes.append(Route(method: method, pattern: pattern, segments: segments, handler: handler))
    }

    public mutating func get(_ pattern: String, _ handler: @escaping Handler) { on(.get, pattern, handler) }
    public mutating func post(_ pattern: String, _ handler: @escaping Handler) { on(.post, pattern, handler) }
    public mutating func put(_ pattern: String, _ handler: @escaping Handler) { on(.put, pattern, handler) }
    public mutating func patch(_ pattern: String, _ handler: @escaping Handler) { on(.patch, pattern, handler) }
    public mutating func delete(_ pattern: String, _ handler: @escaping Handler) { on(.delete, pattern, handler) }

    /// The patterns registered, as `METHOD pattern` (for docs and tests).
    public var routeList: [String] { routes.map { "\($0.method) \($0.pattern)" } }

    /// Finds the route for `method` and `path` (percent-encoded, no query).
    public func match(method: HTTPMethod, path: String) -> Match {
        let parts = Self.split(path).map { FormURLEncoded.decode(Array($0.utf8), plusIsSpace: false) }
        var best: (route: Route, parameters: [String: String], literals: Int)?
        var allowed: [HTTPMethod] = []
        for route in routes {
            guard let (parameters, literals) = Self.bind(route.segments, to: parts) else { continue }
            let methodMatches = route.method == method || (method == .head && route.method == .get)
            guard methodMatches else {
                if !allowed.contains(route.method) { allowed.append(route.method) }
                continue
            }
            let exact = route.method == method
            if let current = best {
                let currentExact = current.route.method == method
                if literals < current.literals || (literals == current.literals && (currentExact || !exact)) { continue }
            }
            best = (route, parameters, literals)
        }
        if let best { return .found(handler: best.route.handler, pattern: best.route.pattern, parameters: best.parameters) }
        return allowed.isEmpty ? .notFound : .methodNotAllowed(allowed: allowed)
    }

    private static func bind(_ segments: [Segment], to parts: [String]) -> ([String: String], Int)? {
        guard segments.count == parts.count else { return nil }
        var parameters: [String: String] = [:]
        var literals = 0
        for (segment, part) in zip(segments, parts) {
            switch segment {
            case .literal(let text):
                guard text == part else { return nil }
                literals += 1
            case .parameter(let name):
                guard !part.isEmpty else { return nil }
                parameters[name] = part
            }
        }
        return (parameters, literals)
    }

    private static func split(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }
}
