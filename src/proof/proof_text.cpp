// Pango paragraphs for proof marks and appendix pages.
#include "proof/proof_text.hpp"

#include <pango/pangocairo.h>

#include "render/cairo_handles.hpp"
#include "render/text_painter.hpp"
#include "text/pango_text_measure.hpp"

namespace logogrid {
namespace {

GObjectPtr<PangoLayout> make_layout(cairo_t* cr, const ProofText& text) {
  GObjectPtr<PangoContext> context(pango_cairo_create_context(cr));
  pango_cairo_context_set_resolution(context.get(), 72.0);
  configure_pango_context(context.get());
  GObjectPtr<PangoLayout> layout(pango_layout_new(context.get()));
  FontDescriptionPtr description(new_font_description(text.font, text.size));
  pango_layout_set_font_description(layout.get(), description.get());
  if (text.width > 0) {
    pango_layout_set_width(layout.get(), static_cast<int>(text.width * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
  }
  if (text.ellipsize_middle && text.width > 0) {
    pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_MIDDLE);
    pango_layout_set_height(layout.get(), -1);
  } else if (text.max_lines > 0 && text.width > 0) {
    pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
    pango_layout_set_height(layout.get(), -text.max_lines);
  }
  switch (text.align) {
    case ProofText::Align::left:
      pango_layout_set_alignment(layout.get(), PANGO_ALIGN_LEFT);
      break;
    case ProofText::Align::center:
      pango_layout_set_alignment(layout.get(), PANGO_ALIGN_CENTER);
      break;
    case ProofText::Align::right:
      pango_layout_set_alignment(layout.get(), PANGO_ALIGN_RIGHT);
      break;
  }
  pango_layout_set_text(layout.get(), text.text.c_str(), static_cast<int>(text.text.size()));
  return layout;
}

// A scratch context for measuring: the same Pango set-up, nothing drawn.
struct MeasureContext {
  SurfacePtr surface{cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1)};
  CairoPtr cr{cairo_create(surface.get())};
};

PangoRectangle logical_extents(const ProofText& text) {
  thread_local MeasureContext scratch;
  const auto layout = make_layout(scratch.cr.get(), text);
  PangoRectangle logical{};
  pango_layout_get_extents(layout.get(), nullptr, &logical);
  return logical;
}

}  // namespace

double measure_text(const ProofText& text) {
  return static_cast<double>(logical_extents(text).height) / PANGO_SCALE;
}

double measure_text_width(const ProofText& text) {
  return static_cast<double>(logical_extents(text).width) / PANGO_SCALE;
}

void draw_text(cairo_t* cr, const ProofText& text, double x, double top) {
  const auto layout = make_layout(cr, text);
  cairo_save(cr);
  cairo_set_source_rgb(cr, text.colour.r, text.colour.g, text.colour.b);
  cairo_move_to(cr, x, top);
  pango_cairo_show_layout(cr, layout.get());
  cairo_restore(cr);
}

}  // namespace logogrid
