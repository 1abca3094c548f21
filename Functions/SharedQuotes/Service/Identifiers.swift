public import Runtime

/// Human-facing ids in the original formats (DESIGN §3): `QT-YYYYMMDD-XXXXXX`, `INV-YYYYMMDD-XXXXXX` and
/// `CLI-XXXXXXXX`, upper-case hex from the system's cryptographically secure generator (`getrandom` on Linux).
///
/// Random ids can collide (`CLI-` has 32 bits), so they are never trusted to be unique: every insert goes through
/// ``insertWithFreshID(attempts:make:insert:)``, whose insert must be written
/// `INSERT … ON CONFLICT (tenant_id, <id column>) DO NOTHING RETURNING …` — a collision then returns no row
/// and leaves the surrounding transaction usable, and the helper tries again with a new id.
public enum Identifiers {
    /// A quote id for a quote created on `day`: `QT-20270412-9F3A0C`.
    public static func quoteID(on day: Day) -> String { prefixed("QT", on: day) }

    /// An invoice id for an invoice created on `day`: `INV-20270412-9F3A0C`.
    public static func invoiceID(on day: Day) -> String { prefixed("INV", on: day) }

    /// `<prefix>-YYYYMMDD-XXXXXX` for other dated ids (tickets: `TKT-20270412-9F3A0C`).
    public static func prefixed(_ prefix: String, on day: Day) -> String { prefix + "-" + compact(day) + "-" + hex(digits: 6) }

    /// A CRM client id: `CLI-9F3A0C1B`.
    public static func clientID() -> String { "CLI-" + hex(digits: 8) }

    /// Thrown when every attempt collided, which at these id widths means something else is wrong.
    public struct Exhausted: Error, CustomStringConvertible {
        public let attempts: Int
        public var description: String { "no free identifier after \(attempts) attempts" }
    }

    /// Runs `insert` with fresh ids from `make` until it returns a value (no collision).
    ///
    /// `insert` returns `nil` exactly when the id was taken (its `ON CONFLICT … DO NOTHING` inserted nothing);
    /// any other failure is thrown and not retried.
    /// - Throws: what `insert` throws, or ``Exhausted`` after `attempts` collisions.
    public static func insertWithFreshID<T>(attempts: Int = 8, make: () -> String,
                                            insert: (String) throws -> T?) throws -> T {
        for _ in 0..<max(1, attempts) {
            if let value = try insert(make()) { return value }
        }
        throw Exhausted(attempts: attempts)
    }

    /// `YYYYMMDD`.
    static func compact(_ day: Day) -> String {
        day.description.filter { $0 != "-" }
    }

    /// `digits` upper-case hex digits of secure randomness.
    static func hex(digits: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789ABCDEF")
        return String((0..<digits).map { _ in alphabet[Int.random(in: 0..<16, using: &generator)] })
    }
}
