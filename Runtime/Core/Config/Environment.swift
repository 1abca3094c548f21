/// Typed, validated reading of configuration from environment variables.
///
/// Every getter records problems instead of throwing at once, so start-up can report every bad key in one
/// message (``validate()``). Values of secret keys never appear in messages.
public final class Environment {
    private let values: [String: String]
    private var problems: [String] = []

    /// Reads from `values`, or from the process environment by default.
    public init(_ values: [String: String] = ProcessEnvironment.current()) {
        self.values = values
    }

    /// The raw value, with empty strings treated as unset.
    public func raw(_ key: String) -> String? {
        guard let value = values[key], !value.isEmpty else { return nil }
        return value
    }

    public func string(_ key: String, default defaultValue: String) -> String { raw(key) ?? defaultValue }

    public func optionalString(_ key: String) -> String? { raw(key) }

    /// A required value; records a problem when missing.
    public func required(_ key: String) -> String {
        guard let value = raw(key) else {
            problems.append("\(key) is required")
            return ""
        }
        return value
    }

    /// A secret: its value is never echoed in problems or logs. Nil when unset.
    public func secret(_ key: String, minimumLength: Int = 1) -> Secret? {
        guard let value = raw(key) else { return nil }
        guard value.utf8.count >= minimumLength else {
            problems.append("\(key) must be at least \(minimumLength) characters long")
            return nil
        }
        return Secret(value)
    }

    public func int(_ key: String, default defaultValue: Int, in range: ClosedRange<Int>) -> Int {
        guard let text = raw(key) else { return defaultValue }
        guard let value = Int(text), range.contains(value) else {
            problems.append("\(key) must be an integer in \(range.lowerBound)...\(range.upperBound), got \"\(Self.clip(text))\"")
            return defaultValue
        }
        return value
    }

    /// An octal file mode such as `0660`.
    public func octal(_ key: String, default defaultValue: UInt32) -> UInt32 {
        guard let text = raw(key) else { return defaultValue }
        guard let value = UInt32(text, radix: 8), value <= 0o777 else {
            problems.append("\(key) must be an octal file mode like 0660, got \"\(Self.clip(text))\"")
            return defaultValue
        }
        return value
    }

    public func bool(_ key: String, default defaultValue: Bool) -> Bool {
        guard let text = raw(key)?.lowercased() else { return defaultValue }
        switch text {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default:
            problems.append("\(key) must be true or false, got \"\(Self.clip(text))\"")
            return defaultValue
        }
    }

    /// One of `choices`.
    public func choice(_ key: String, default defaultValue: String, from choices: [String]) -> String {
        guard let text = raw(key) else { return defaultValue }
        guard choices.contains(text) else {
            problems.append("\(key) must be one of \(choices.joined(separator: ", ")), got \"\(Self.clip(text))\"")
            return defaultValue
        }
        return text
    }

    /// Records a problem found by the caller's own validation.
    public func problem(_ message: String) { problems.append(message) }

    /// - Throws: ``ConfigError`` listing every problem recorded so far.
    public func validate() throws(ConfigError) {
        if !problems.isEmpty { throw ConfigError(problems: problems) }
    }

    private static func clip(_ text: String) -> String { text.count > 40 ? String(text.prefix(40)) + "…" : text }
}

/// Configuration that cannot be used; the process must exit non-zero before serving.
public struct ConfigError: Error, CustomStringConvertible, Sendable {
    public let problems: [String]
    public var description: String { "invalid configuration: " + problems.joined(separator: "; ") }
}

/// A secret value. Its description is redacted, so string interpolation into a log or error cannot leak it.
public struct Secret: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The secret itself; use only where it is sent or compared.
    public let value: String
    public init(_ value: String) { self.value = value }
    public var description: String { "[redacted]" }
    public var debugDescription: String { "[redacted]" }

    /// Constant-time comparison with `candidate` (time depends only on the lengths).
    public func matches(_ candidate: String) -> Bool {
        ConstantTime.equals(Array(value.utf8), Array(candidate.utf8))
    }
}

/// Comparison whose time does not depend on where inputs differ.
public enum ConstantTime {
    public static func equals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        var difference = UInt8(truncatingIfNeeded: lhs.count ^ rhs.count)
        let count = max(lhs.count, rhs.count)
        for index in 0..<count {
            let left = index < lhs.count ? lhs[index] : 0
            let right = index < rhs.count ? rhs[index] : 0
            difference |= left ^ right
        }
        return difference == 0 && lhs.count == rhs.count
    }
}
