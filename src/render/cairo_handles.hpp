// Owning handles for the C objects of cairo, Pango and GLib used by the renderer.
#pragma once

#include <cairo.h>
#include <glib-object.h>
#include <pango/pango.h>

#include <memory>

namespace logogrid {

struct CairoSurfaceDelete {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct CairoDelete {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};
struct FontDescriptionDelete {
  void operator()(PangoFontDescription* d) const { pango_font_description_free(d); }
};
struct GObjectUnref {
  void operator()(gpointer object) const { g_object_unref(object); }
};

using SurfacePtr = std::unique_ptr<cairo_surface_t, CairoSurfaceDelete>;
using CairoPtr = std::unique_ptr<cairo_t, CairoDelete>;
using FontDescriptionPtr = std::unique_ptr<PangoFontDescription, FontDescriptionDelete>;
template <typename T>
using GObjectPtr = std::unique_ptr<T, GObjectUnref>;

}  // namespace logogrid
