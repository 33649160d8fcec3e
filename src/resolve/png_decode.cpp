// PNG decoding with libpng's full API. libpng reports errors by longjmp, so the functions
// that call setjmp keep everything in the plain DecodeState: no destructor is ever skipped.
// Whatever may throw (the sink, copying the header) runs behind a catch-all. A plain 8-bit
// image of moderate size has its image data inflated in one go by libdeflate (codec/
// deflate) and unfiltered here: about twice as fast as zlib's inflate behind libpng. Any
// surprise in it sends the file back to libpng, which says what is wrong.
#include "resolve/png_decode.hpp"

#include <png.h>

#include <algorithm>
#include <atomic>
#include <csetjmp>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <vector>

#include "codec/deflate.hpp"
#include "resolve/logo.hpp"

namespace logogrid {
namespace {

constexpr std::size_t kSignatureBytes = 8;
constexpr png_alloc_size_t kMaxChunkBytes = 8u * 1024u * 1024u;  // ancillary chunks, e.g. iCCP
constexpr png_uint_32 kMaxCachedChunks = 256;
// Image data of at most this many bytes (inflated, with the filter bytes) is inflated whole
// into a buffer each thread keeps: every 2000 px logo's is; larger images stream through
// libpng row by row, so that memory stays bounded by rows.
constexpr std::size_t kWholeImageDataBytes = 16u * 1024u * 1024u;

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

// Palette indices looked up into state->expanded: false (and state->reason) for an index
// beyond the palette.
bool expand_palette(DecodeState* state, const unsigned char* row, png_uint_32 y) {
  const PngHeader& header = *state->header;
  const int channels = header.channels;
  for (png_uint_32 x = 0; x < header.width; ++x) {
    const int index = row[x];
    if (index >= state->palette_size) {
      std::snprintf(state->reason, sizeof state->reason,
                    "pixel %u,%u uses colour %d of a palette of %d colours", x, y, index,
                    state->palette_size);
      return false;
    }
    unsigned char* out = state->expanded + std::size_t(x) * std::size_t(channels);
    out[0] = state->palette[index].red;
    out[1] = state->palette[index].green;
    out[2] = state->palette[index].blue;
    if (channels == 4)
      out[3] = index < state->palette_alpha_size ? state->palette_alpha[index] : 255;
  }
  return true;
}

// Hands one complete row to the sink, looking palette indices up first: false (and
// state->reason) when the row or the sink stops the decoding.
bool hand_over(DecodeState* state, const unsigned char* row, png_uint_32 y) {
  if (state->header->color_type == PNG_COLOR_TYPE_PALETTE) {
    if (!expand_palette(state, row, y)) return false;
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
  return more;
}

void deliver(DecodeState* state, const unsigned char* row, png_uint_32 y) {
  if (!hand_over(state, row, y)) png_error(state->png, state->reason);
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

// Undoes a row's PNG filter (RFC 2083, 6) in place; `previous` is the row above, already
// unfiltered, or nullptr for the first. `bpp` is the bytes of one pixel.
void unfilter(int type, unsigned char* row, const unsigned char* previous, std::size_t size,
              std::size_t bpp) {
  const auto above = [&](std::size_t i) { return previous ? int{previous[i]} : 0; };
  switch (type) {
    case 1:  // Sub
      for (std::size_t i = bpp; i < size; ++i)
        row[i] = static_cast<unsigned char>(row[i] + row[i - bpp]);
      break;
    case 2:  // Up
      if (previous)
        for (std::size_t i = 0; i < size; ++i)
          row[i] = static_cast<unsigned char>(row[i] + previous[i]);
      break;
    case 3:  // Average
      for (std::size_t i = 0; i < size; ++i) {
        const int left = i >= bpp ? row[i - bpp] : 0;
        row[i] = static_cast<unsigned char>(row[i] + (left + above(i)) / 2);
      }
      break;
    case 4:  // Paeth
      for (std::size_t i = 0; i < size; ++i) {
        const int a = i >= bpp ? row[i - bpp] : 0;
        const int b = above(i);
        const int c = i >= bpp ? above(i - bpp) : 0;
        const int pa = std::abs(b - c), pb = std::abs(a - c), pc = std::abs(a + b - 2 * c);
        const int predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        row[i] = static_cast<unsigned char>(row[i] + predictor);
      }
      break;
    default:  // None
      break;
  }
}

std::uint32_t read_be32(std::string_view bytes, std::size_t at) {
  return std::uint32_t{static_cast<unsigned char>(bytes[at])} << 24 |
         std::uint32_t{static_cast<unsigned char>(bytes[at + 1])} << 16 |
         std::uint32_t{static_cast<unsigned char>(bytes[at + 2])} << 8 |
         std::uint32_t{static_cast<unsigned char>(bytes[at + 3])};
}

// The concatenated data of the IDAT chunks, when every chunk up to IEND is whole, the IDAT
// chunks are consecutive with their CRCs right, IEND's CRC is right and no other critical
// chunk follows them; otherwise false (libpng reads such a file).
bool plain_image_data(std::string_view bytes, std::string& idat) {
  idat.clear();
  bool seen = false, ended = false;
  for (std::size_t at = kSignatureBytes; at + 12 <= bytes.size();) {
    const std::uint32_t length = read_be32(bytes, at);
    if (length > bytes.size() - at - 12) return false;
    const std::string_view type = bytes.substr(at + 4, 4);
    const std::string_view checked = bytes.substr(at + 4, std::size_t(length) + 4);
    const bool critical = (type[0] & 0x20) == 0;
    if (type == "IDAT") {
      if (ended) return false;
      if (crc32_of(checked) != read_be32(bytes, at + 8 + length)) return false;
      idat.append(bytes.substr(at + 8, length));
      seen = true;
    } else if (type == "IEND") {
      return seen && crc32_of(checked) == read_be32(bytes, at + 8 + length);
    } else if (seen) {
      if (critical) return false;
      ended = true;
    }
    at += std::size_t(length) + 12;
  }
  return false;
}

// What each thread keeps for whole image data: a fresh buffer of megabytes costs a zeroed
// page for every 4 kB.
struct WholeImageBuffers {
  std::string idat;
  std::vector<unsigned char> rows;
};
WholeImageBuffers& whole_image_buffers() {
  thread_local WholeImageBuffers buffers;
  return buffers;
}

std::atomic<std::uint64_t> whole_image_decodes{0};  // png_whole_image_decodes()

enum class Whole { decoded, failed, not_taken };

// The rows of a plain 8-bit image (not interlaced, no transparency chunk but a palette's),
// inflated whole and unfiltered here. not_taken when the image is not such, or its data is
// not as expected; failed (state->reason) when a row or the sink stops the decoding.
Whole decode_whole(std::string_view bytes, DecodeState* state) {
  const PngHeader& header = *state->header;
  const bool palette = header.color_type == PNG_COLOR_TYPE_PALETTE;
  if (header.interlaced || header.bit_depth != 8 || (header.transparency && !palette))
    return Whole::not_taken;
  const std::size_t bpp = palette ? 1 : std::size_t(header.channels);
  const std::size_t row_bytes = std::size_t(header.width) * bpp;
  if (row_bytes != state->row_bytes || row_bytes + 1 > kWholeImageDataBytes / header.height)
    return Whole::not_taken;
  const std::size_t size = (row_bytes + 1) * header.height;
  WholeImageBuffers& buffers = whole_image_buffers();
  if (!plain_image_data(bytes, buffers.idat)) return Whole::not_taken;
  buffers.rows.resize(size);
  unsigned char* data = buffers.rows.data();
  if (!inflate_zlib(buffers.idat, data, size)) return Whole::not_taken;
  for (std::size_t y = 0; y < header.height; ++y)
    if (data[y * (row_bytes + 1)] > 4) return Whole::not_taken;
  ++whole_image_decodes;
  for (png_uint_32 y = 0; y < header.height; ++y) {
    unsigned char* row = data + std::size_t(y) * (row_bytes + 1) + 1;
    unfilter(row[-1], row, y > 0 ? row - (row_bytes + 1) : nullptr, row_bytes, bpp);
    if (!hand_over(state, row, y)) return Whole::failed;
  }
  return Whole::decoded;
}

}  // namespace

std::uint64_t png_whole_image_decodes() { return whole_image_decodes.load(); }

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
  std::vector<unsigned char> expanded(
      header.color_type == PNG_COLOR_TYPE_PALETTE ? std::size_t(header.width) * 4u : 0u);
  state.expanded = expanded.data();
  switch (decode_whole(bytes, &state)) {
    case Whole::decoded:
      return true;
    case Whole::failed:
      error = state.reason;
      return false;
    case Whole::not_taken:
      break;
  }
  std::vector<unsigned char> scratch(row_bytes);
  state.scratch = scratch.data();
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
