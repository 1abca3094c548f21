// Placeholder until the ZIP reader lands (issue 7: DOCX extraction).
internal enum ZipPlaceholder {}
