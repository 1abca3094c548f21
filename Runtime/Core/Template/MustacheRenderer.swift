/// One rendering of a template: the context stack, the output so far and the limits that stop it.
struct MustacheRenderer {
    let escaping: MustacheTemplate.Escaping
    let limit: Int
    private var stack: [JSONValue]
    private(set) var output = ""
    private var outputBytes = 0
    private var steps = 0
    private(set) var truncated = false

    init(escaping: MustacheTemplate.Escaping, limit: Int, context: JSONValue) {
        self.escaping = escaping
        self.limit = limit
        stack = [context]
    }

    mutating func render(_ nodes: [MustacheNode]) {
        for node in nodes {
            guard step() else { return }
            switch node {
            case .text(let text):
                write(text)
            case .variable(let name, let escaped):
                let text = Self.text(of: resolve(name))
                write(escaped && escaping == .html ? MustacheTemplate.htmlEscaped(text) : text)
            case .section(let name, let children, let inverted):
                let value = resolve(name)
                let truthy = Self.isTruthy(value)
                if inverted {
                    if !truthy { render(children) }
                } else if truthy, let value {
                    if case .array(let elements) = value {
                        for element in elements where !truncated { renderPushing(element, children) }
                    } else {
                        renderPushing(value, children)
                    }
                }
            }
        }
    }

    /// Counts one unit of work (a node, or one pass through a section); false once rendering must stop.
    private mutating func step() -> Bool {
        steps += 1
        if steps > MustacheTemplate.maxSteps { truncated = true }
        return !truncated
    }

    private mutating func renderPushing(_ value: JSONValue, _ children: [MustacheNode]) {
        guard step() else { return }
        stack.append(value)
        render(children)
        stack.removeLast()
    }

    /// The value of `name`: the first context (innermost first) with its first part, then the other parts inside it.
    private func resolve(_ name: MustacheName) -> JSONValue? {
        guard let first = name.parts.first else { return stack.last }
        var value: JSONValue?
        for context in stack.reversed() {
            if let found = context[first] {
                value = found
                break
            }
        }
        for part in name.parts.dropFirst() { value = value?[part] }
        return value
    }

    /// Appends `text`, or as much as fits under `limit` (whole Unicode scalars) and marks the output truncated.
    private mutating func write(_ text: String) {
        let count = text.utf8.count
        if outputBytes + count <= limit {
            output += text
            outputBytes += count
            return
        }
        for scalar in text.unicodeScalars {
            let size = UTF8.width(scalar)
            guard outputBytes + size <= limit else { break }
            output.unicodeScalars.append(scalar)
            outputBytes += size
        }
        truncated = true
    }

    static func isTruthy(_ value: JSONValue?) -> Bool {
        switch value {
        case nil, .null?, .bool(false)?: false
        case .string(let text)?: !text.isEmpty
        case .array(let elements)?: !elements.isEmpty
        default: true
        }
    }

    /// How a value interpolates: strings as they are, whole numbers without `.0`, containers as nothing.
    static func text(of value: JSONValue?) -> String {
        switch value {
        case .string(let text)?: text
        case .number(let number)?: numberText(number)
        case .bool(let flag)?: flag ? "true" : "false"
        default: ""
        }
    }

    static func numberText(_ number: Double) -> String {
        if number.isFinite, number.rounded() == number, number.magnitude < 1e15 { return String(Int64(number)) }
        return String(number)
    }
}
