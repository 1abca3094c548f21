/* cairo (PDF surface, PNG images) and pango (Unicode text layout) for RuntimePDF. Only RuntimePDF imports this.
 *
 * The target's pkg-config module is `cairo`, not `pangocairo`: pango's cflags carry `-pthread`, which SwiftPM
 * reports as a prohibited flag. So the few pango, pangocairo and gobject functions RuntimePDF calls are declared
 * here with their exact prototypes from pango 1.50 (/usr/include/pango-1.0/pango/{pango-font,pango-layout,
 * pangocairo}.h, gobject/gobject.h) over opaque struct types; the module map links the libraries. The enums
 * repeat pango's values (only the members used). Keep every prototype identical to the installed headers. */
#ifndef CPANGOCAIRO_SHIM_H
#define CPANGOCAIRO_SHIM_H

#include <cairo.h>
#include <cairo-pdf.h>

typedef struct _PangoLayout PangoLayout;
typedef struct _PangoLayoutLine PangoLayoutLine;
typedef struct _PangoFontDescription PangoFontDescription;

/* pango-layout.h */
typedef enum { PANGO_ALIGN_LEFT = 0, PANGO_ALIGN_CENTER = 1, PANGO_ALIGN_RIGHT = 2 } PangoAlignment;
typedef enum { PANGO_WRAP_WORD = 0, PANGO_WRAP_CHAR = 1, PANGO_WRAP_WORD_CHAR = 2 } PangoWrapMode;
/* pango-font.h */
typedef enum { PANGO_STYLE_NORMAL = 0, PANGO_STYLE_OBLIQUE = 1, PANGO_STYLE_ITALIC = 2 } PangoStyle;
typedef enum { PANGO_WEIGHT_NORMAL = 400, PANGO_WEIGHT_BOLD = 700 } PangoWeight;

/* Pango units per device unit (pango-types.h). */
#define PANGO_SCALE 1024

PangoFontDescription *pango_font_description_new(void);
void pango_font_description_free(PangoFontDescription *desc);
void pango_font_description_set_family(PangoFontDescription *desc, const char *family);
void pango_font_description_set_style(PangoFontDescription *desc, PangoStyle style);
void pango_font_description_set_weight(PangoFontDescription *desc, PangoWeight weight);
void pango_font_description_set_absolute_size(PangoFontDescription *desc, double size);

void pango_layout_set_text(PangoLayout *layout, const char *text, int length);
void pango_layout_set_font_description(PangoLayout *layout, const PangoFontDescription *desc);
void pango_layout_set_width(PangoLayout *layout, int width);
void pango_layout_set_wrap(PangoLayout *layout, PangoWrapMode wrap);
void pango_layout_set_alignment(PangoLayout *layout, PangoAlignment alignment);
void pango_layout_get_size(PangoLayout *layout, int *width, int *height);
int pango_layout_get_line_count(PangoLayout *layout);
PangoLayoutLine *pango_layout_get_line_readonly(PangoLayout *layout, int line);
int pango_layout_line_get_start_index(PangoLayoutLine *line); /* since 1.50 */

/* pangocairo.h */
PangoLayout *pango_cairo_create_layout(cairo_t *cr);
void pango_cairo_update_layout(cairo_t *cr, PangoLayout *layout);
void pango_cairo_show_layout(cairo_t *cr, PangoLayout *layout);

/* gobject.h (gpointer is void *) */
void g_object_unref(void *object);

#endif
