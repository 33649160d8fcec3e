// PNG decoding with libpng's full API. libpng reports errors by longjmp, so the functions
// that call setjmp keep everything in the plain DecodeState: no destructor is ever skipped.
// Whatever may throw (the sink, copying the header) runs behind a catch-all.
#include "resolve/png_decode.hpp"

#include <png.h>

#include <algorithm>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <new>
#include <vector>

#include "resolve/logo.hpp"

namespace logogrid {
namespace {

constexpr std::size_t kSignatureBytes = 8;
constexpr png_alloc_size_t kMaxChunkBytes = 8u * 1024u * 1024u;  // ancillary chunks, e.g. iCCP
constexpr png_uint_32 kMaxCachedChunks = 256;

// Everything the libpng calls and callbacks touch. Plain data only (see the file comment).
struct DecodeState {
  const unsigned char* data;
  std::size_t size;
  std::size_t offset;
  char error[200];
  char reason[200];  // our own reason to stop, handed to png_error
  png_structp png;   // kept here, not in locals, so longjmp cannot clobber them
  png_infop info;
  PngHeader* header;  // filled by the header run
  PngRowSink* sink;
  std::size_t row_bytes;           // libpng's rows after its transforms
  std::size_t expected_row_bytes;  // what the header run found: the buffers' size
  unsigned char* scratch;          // one row of row_bytes, for rows outside the band
  unsigned char* band;             // band_rows rows of row_bytes (interlaced only)
  unsigned char* expanded;         // one row of width * 4, for palette lookups
  bool describe_header;            // the header run: fill state->header from the chunks
  png_uint_32 band_first;
  png_uint_32 band_end;
  png_color palette[256];
  int palette_size;
  png_byte palette_alpha[256];
  int palette_alpha_size;
};

void on_png_error(png_structp png, png_const_charp message) {
  auto* state = static_cast<DecodeState*>(png_get_error_ptr(png));
  std::snprintf(state->error, sizeof state->error, "%s", message ? message : "unknown error");
  png_longjmp(png, 1);
}

void on_png_warning(png_structp, png_const_charp) {}  // ancillary problems are not ours

void on_png_read(png_structp png, png_bytep out, png_size_t count) {
  auto* state = static_cast<DecodeState*>(png_get_io_ptr(png));
  if (count > state->size - state->offset) png_error(png, "file is truncated");
  std::memcpy(out, state->data + state->offset, count);
  state->offset += count;
}

[[noreturn]] void stop(DecodeState* state, const char* reason) {
  std::snprintf(state->reason, sizeof state->reason, "%s", reason);
  png_error(state->png, state->reason);
}

// Copies what the stored image is into state->header (before libpng's transforms change
// what info reports). Runs no libpng call that could fail.
bool describe(DecodeState* state) noexcept {
  try {
    png_structp png = state->png;
    png_infop info = state->info;
    PngHeader& header = *state->header;
    header.width = png_get_image_width(png, info);
    header.height = png_get_image_height(png, info);
    header.bit_depth = png_get_bit_depth(png, info);
    header.color_type = png_get_color_type(png, info);
    header.interlaced = png_get_interlace_type(png, info) == PNG_INTERLACE_ADAM7;
    header.transparency = png_get_valid(png, info, PNG_INFO_tRNS) != 0;
    // What deliver() hands on: palette and tRNS expanded, alpha last.
    const bool alpha = (header.color_type & PNG_COLOR_MASK_ALPHA) != 0 || header.transparency;
    const bool colour = (header.color_type & PNG_COLOR_MASK_COLOR) != 0;
    header.channels = (colour ? 3 : 1) + (alpha ? 1 : 0);
    png_charp name = nullptr;
    int compression = 0;
    png_bytep profile = nullptr;
    png_uint_32 length = 0;
    if (png_get_iCCP(png, info, &name, &compression, &profile, &length) != 0 && length > 0)
      header.color.icc_profile.assign(reinterpret_cast<const char*>(profile), length);
    int intent = 0;
    header.color.srgb = png_get_sRGB(png, info, &intent) != 0;
    double gamma = 0;
    if (png_get_gAMA(png, info, &gamma) != 0 && gamma > 0) header.color.gamma = gamma;
    std::array<double, 8> c{};
    if (png_get_cHRM(png, info, &c[0], &c[1], &c[2], &c[3], &c[4], &c[5], &c[6], &c[7]) != 0)
      header.color.chromaticities = c;
    return true;
  } catch (...) {
    return false;
  }
}

// Sets up the read and libpng's transforms up to png_read_update_info. Returns the
// number of passes libpng needs. Must be called after setjmp.
int begin_read(DecodeState* state) {
  png_structp png = state->png;
  png_infop info = state->info;
  png_set_user_limits(png, static_cast<png_uint_32>(kMaxLogoSide),
                      static_cast<png_uint_32>(kMaxLogoSide));
  png_set_chunk_malloc_max(png, kMaxChunkBytes);
  png_set_chunk_cache_max(png, kMaxCachedChunks);
  png_set_read_fn(png, state, on_png_read);
  png_read_info(png, info);
  if (state->describe_header && !describe(state)) stop(state, "out of memory");

  const int color_type = png_get_color_type(png, info);
  const int bit_depth = png_get_bit_depth(png, info);
  // Samples stay as stored (no gamma, no colour conversion): 8 bits, palette indices as
  // bytes (looked up by us, so that an index beyond the palette is noticed).
  if (color_type == PNG_COLOR_TYPE_PALETTE) {
    png_colorp palette = nullptr;
    state->palette_size = 0;
    if (png_get_PLTE(png, info, &palette, &state->palette_size) == 0) state->palette_size = 0;
    std::memcpy(state->palette, palette, sizeof(png_color) * std::size_t(state->palette_size));
    png_bytep alpha = nullptr;
    state->palette_alpha_size = 0;
    if (png_get_tRNS(png, info, &alpha, &state->palette_alpha_size, nullptr) == 0)
      state->palette_alpha_size = 0;
    if (state->palette_alpha_size > 0)
      std::memcpy(state->palette_alpha, alpha, std::size_t(state->palette_alpha_size));
    if (bit_depth < 8) png_set_packing(png);
  } else {
    if (color_type == PNG_COLOR_TYPE_GRAY && bit_depth < 8) png_set_expand_gray_1_2_4_to_8(png);
    if (png_get_valid(png, info, PNG_INFO_tRNS)) png_set_tRNS_to_alpha(png);
    if (bit_depth == 16) png_set_scale_16(png);
  }
  if (!state->describe_header && !state->sink->keeps_idat())
    png_set_option(png, PNG_IGNORE_ADLER32, PNG_OPTION_ON);
  const int passes = png_set_interlace_handling(png);
  png_read_update_info(png, info);
  state->row_bytes = png_get_rowbytes(png, info);
  return passes;
}

// libpng's read and info structs for one read of the file; false (with the reason) when
// they cannot be made. Each caller sets its own setjmp: it must live in the calling frame.
bool create_reader(DecodeState* state) {
  state->png = png_create_read_struct(PNG_LIBPNG_VER_STRING, state, on_png_error, on_png_warning);
  state->info = state->png ? png_create_info_struct(state->png) : nullptr;
  if (state->info) return true;
  png_destroy_read_struct(&state->png, nullptr, nullptr);
  std::snprintf(state->error, sizeof state->error, "out of memory");
  return false;
}

bool read_header(DecodeState* state) {
  if (!create_reader(state)) return false;
  if (setjmp(png_jmpbuf(state->png))) {
    png_destroy_read_struct(&state->png, &state->info, nullptr);
    return false;
  }
  state->describe_header = true;
  begin_read(state);
  state->describe_header = false;
  png_destroy_read_struct(&state->png, &state->info, nullptr);
  return true;
}

// Hands one complete row to the sink, looking palette indices up first.
void deliver(DecodeState* state, const unsigned char* row, png_uint_32 y) {
  const PngHeader& header = *state->header;
  if (header.color_type == PNG_COLOR_TYPE_PALETTE) {
    const int channels = header.channels;
    for (png_uint_32 x = 0; x < header.width; ++x) {
      const int index = row[x];
      if (index >= state->palette_size) {
        std::snprintf(state->reason, sizeof state->reason,
                      "pixel %u,%u uses colour %d of a palette of %d colours", x, y, index,
                      state->palette_size);
        png_error(state->png, state->reason);
      }
      unsigned char* out = state->expanded + std::size_t(x) * std::size_t(channels);
      out[0] = state->palette[index].red;
      out[1] = state->palette[index].green;
      out[2] = state->palette[index].blue;
      if (channels == 4)
        out[3] = index < state->palette_alpha_size ? state->palette_alpha[index] : 255;
    }
    row = state->expanded;
  }
  bool more = false;
  try {
    more = state->sink->row(row, y);
    if (!more)
      std::snprintf(state->reason, sizeof state->reason, "%s", state->sink->stop_reason().c_str());
  } catch (const std::bad_alloc&) {
    std::snprintf(state->reason, sizeof state->reason, "out of memory");
  } catch (...) {
    std::snprintf(state->reason, sizeof state->reason, "decoding failed");
  }
  if (!more) png_error(state->png, state->reason);
}

// One read of the file, delivering rows [band_first, band_end). Plain images are read in
// one go with band_end = height.
bool read_rows(DecodeState* state) {
  if (!create_reader(state)) return false;
  if (setjmp(png_jmpbuf(state->png))) {
    png_destroy_read_struct(&state->png, &state->info, nullptr);
    return false;
  }
  png_structp png = state->png;
  const int passes = begin_read(state);
  if (state->row_bytes != state->expected_row_bytes) png_error(png, "unexpected row layout");
  const png_uint_32 height = state->header->height;
  if (passes == 1) {
    for (png_uint_32 y = 0; y < height; ++y) {
      png_read_row(png, state->scratch, nullptr);
      deliver(state, state->scratch, y);
    }
  } else {
    // libpng writes each pass's pixels into the row it is given: rows of the band keep
    // theirs across passes, the others go to scratch.
    for (int pass = 0; pass < passes; ++pass) {
      const bool last = pass == passes - 1;
      for (png_uint_32 y = 0; y < height; ++y) {
        const bool in_band = y >= state->band_first && y < state->band_end;
        unsigned char* row =
            in_band ? state->band + std::size_t(y - state->band_first) * state->row_bytes
                    : state->scratch;
        png_read_row(png, row, nullptr);
        if (last && in_band) deliver(state, row, y);
        if (last && y + 1 == state->band_end) break;
      }
    }
  }
  // The rest of the file (CRCs, IEND) is checked once the last row is out, as cairo does.
  if (state->band_end == height) png_read_end(png, nullptr);
  png_destroy_read_struct(&state->png, &state->info, nullptr);
  return true;
}

// Whether an iCCP chunk comes before the image data, whatever libpng makes of it.
bool has_iccp_chunk(std::string_view bytes) {
  std::size_t at = kSignatureBytes;
  while (at + 8 <= bytes.size()) {
    const auto byte = [&](std::size_t i) {
      return std::uint32_t(static_cast<unsigned char>(bytes[i]));
    };
    const std::uint32_t length =
        byte(at) << 24 | byte(at + 1) << 16 | byte(at + 2) << 8 | byte(at + 3);
    const std::string_view type = bytes.substr(at + 4, 4);
    if (type == "iCCP") return true;
    if (type == "IDAT" || type == "IEND" || length > bytes.size() - at - 8) return false;
    at += std::size_t(length) + 12;
  }
  return false;
}

}  // namespace

bool decode_png(std::string_view bytes, PngRowSink& sink, std::string& error,
                std::size_t band_bytes) try {
  PngHeader header;
  DecodeState state{};
  state.data = reinterpret_cast<const unsigned char*>(bytes.data());
  state.size = bytes.size();
  state.header = &header;
  state.sink = &sink;
  if (!read_header(&state)) {
    error = state.error;
    return false;
  }
  header.color.has_iccp_chunk = has_iccp_chunk(bytes);
  const std::size_t row_bytes = state.row_bytes;
  state.expected_row_bytes = row_bytes;
  if (!sink.start(header)) {
    error = sink.stop_reason();
    return false;
  }
  std::vector<unsigned char> scratch(row_bytes);
  std::vector<unsigned char> expanded(
      header.color_type == PNG_COLOR_TYPE_PALETTE ? std::size_t(header.width) * 4u : 0u);
  state.scratch = scratch.data();
  state.expanded = expanded.data();
  const png_uint_32 band_rows =
      header.interlaced
          ? png_uint_32(std::clamp<std::size_t>(band_bytes / row_bytes, 1, header.height))
          : header.height;
  std::vector<unsigned char> band(header.interlaced ? row_bytes * band_rows : 0u);
  state.band = band.data();
  for (png_uint_32 first = 0; first < header.height; first += band_rows) {
    state.offset = 0;
    state.band_first = first;
    state.band_end = std::min(header.height, first + band_rows);
    if (!read_rows(&state)) {
      error = state.error;
      return false;
    }
  }
  return true;
} catch (const std::bad_alloc&) {
  error = "out of memory";
  return false;
}

}  // namespace logogrid
