import FoundationEssentials
import Runtime
import SharedPlatform
import Testing

/// docs/openapi.yaml stays true: every route a function serves (debug routes aside) is documented there.
@Suite struct OpenAPITests {
    static let root = String(#filePath.split(separator: "/Tests/")[0])

    /// `METHOD /path` pairs declared under `paths:` (two-space path keys, four-space method keys).
    static func documentedOperations() throws -> Set<String> {
        let text = try #require(FileManager.default.contents(atPath: root + "/docs/openapi.yaml"))
        var operations: Set<String> = []
        var current: String?
        for line in String(decoding: text, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("  /"), line.hasSuffix(":") {
                current = String(line.dropFirst(2).dropLast())
            } else if let path = current, line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":") {
                let method = line.split(separator: " ").joined().dropLast().uppercased()
                if ["GET", "POST", "PUT", "PATCH", "DELETE"].contains(method) { operations.insert("\(method) \(path)") }
            } else if !line.hasPrefix(" ") && !line.isEmpty {
                current = nil
            }
        }
        return operations
    }

    @Test(arguments: FunctionUnderTest.all)
    func everyRouteIsDocumented(function: FunctionUnderTest) throws {
        let documented = try Self.documentedOperations()
        let router = FunctionLauncher.makeRouter(function: function.name, config: function.config(), routes: function.routes)
        #expect(!router.routeList.isEmpty)
        for route in router.routeList {
            #expect(documented.contains(route), "\(route) is not in docs/openapi.yaml")
        }
    }

    @Test func theDocumentListsNoRouteThatNoFunctionServes() throws {
        var served: Set<String> = []
        for function in FunctionUnderTest.all {
            served.formUnion(FunctionLauncher.makeRouter(function: function.name, config: function.config(),
                                                         routes: function.routes).routeList)
        }
        let stale = try Self.documentedOperations().subtracting(served)
        #expect(stale.isEmpty, "documented but not served: \(stale.sorted())")
    }
}
