import Runtime
import Testing

@Suite struct PasswordHasherTests {
    /// Cheap parameters keep the suite fast; the algorithm and format are the same.
    let hasher = PasswordHasher(memoryKiB: 1024, iterations: 1, parallelism: 1)

    @Test func hashesVerifyAndAreSalted() throws {
        let first = try #require(hasher.hash("Zoë's passwörd 💶"))
        let second = try #require(hasher.hash("Zoë's passwörd 💶"))
        #expect(first.hasPrefix("$argon2id$v=19$m=1024,t=1,p=1$"))
        #expect(first != second)
        #expect(hasher.verify("Zoë's passwörd 💶", against: first))
        #expect(hasher.verify("Zoë's passwörd 💶", against: second))
        #expect(!hasher.verify("Zoe's passwörd 💶", against: first))
        #expect(!hasher.verify("", against: first))
    }

    @Test func parametersAreReadFromTheStoredHash() throws {
        let stored = try #require(PasswordHasher(memoryKiB: 2048, iterations: 2, parallelism: 1).hash("secret"))
        #expect(hasher.verify("secret", against: stored))
    }

    @Test func garbageHashesAndOverlongPasswordsAreRefused() {
        #expect(!hasher.verify("x", against: "not a hash"))
        #expect(!hasher.verify("x", against: "$argon2id$v=19$m=1024,t=1,p=1$garbage"))
        #expect(!hasher.verify("x", against: "$2b$10$bcryptlookingvalue"))
        #expect(hasher.hash(String(repeating: "a", count: PasswordHasher.maxPasswordBytes + 1)) == nil)
    }

    @Test func generatedPasswordsAreLongAndDistinct() {
        let passwords = Set((0..<50).map { _ in PasswordHasher.generatePassword() })
        #expect(passwords.count == 50)
        #expect(passwords.allSatisfy { $0.count == 20 })
    }
}
