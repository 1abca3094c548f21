public enum PDFPlaceholder {}
