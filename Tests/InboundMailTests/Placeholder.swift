import Testing
@Suite struct InboundMailPlaceholderTests { @Test func builds() {} }
