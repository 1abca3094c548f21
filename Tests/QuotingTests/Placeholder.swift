import Testing
@Suite struct QuotingPlaceholderTests { @Test func builds() {} }
