// cairo (PDF surface, PNG images) and pango (Unicode text layout) for RuntimePDF. Only RuntimePDF imports this.
#include <cairo.h>
#include <cairo-pdf.h>
