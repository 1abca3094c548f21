// Placeholder until the knowledge code lands (issue 7).
internal enum KnowledgePlaceholder {}
