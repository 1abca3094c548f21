// Placeholder until the knowledge tests land (issue 7).
internal enum KnowledgeTestsPlaceholder {}
