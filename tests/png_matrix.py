#!/usr/bin/env python3
"""Writes the PNG fixture matrix: one small picture saved every way a PNG can hold it.

Colour types 0, 2, 3, 4, 6; every bit depth each allows; interlaced and not; tRNS for
grey, RGB and palette; and each with no colour chunk, sRGB, gAMA 1.0, gAMA 0.45455 and
(colour types) an Adobe RGB (1998) compatible iCCP. Deterministic, standard library only.

    python3 tests/png_matrix.py OUT_DIR [WIDTHxHEIGHT NAME...]

writes OUT_DIR/<name>.png, OUT_DIR/<name>.rgba (the picture as 8-bit RGBA, grey spread to
R=G=B, what every variant must print within ±1) and OUT_DIR/matrix.tsv with one line
`name <TAB> rule <TAB> family` per file (rule: none, srgb, gamma10, gamma045, adobe;
family: grey or colour). With a size and names, only those variants at that size.
"""

import struct
import sys
import zlib
from pathlib import Path

WIDTH, HEIGHT = 13, 11  # odd, so that every Adam7 pass is partial

COLOURS = [(20, 40, 160), (255, 255, 255), (200, 30, 30), (0, 0, 0), (30, 160, 60),
           (250, 200, 0), (120, 120, 120), (90, 10, 140), (0, 130, 200), (255, 128, 64),
           (240, 240, 240), (60, 60, 20)]
ALPHAS = [255, 0, 128, 255, 64, 255, 200, 255, 10, 255, 255, 1]
GREYS = [0, 34, 85, 119, 170, 204, 255, 51, 136, 221, 17, 238]  # multiples of 17: 4-bit safe
GREYS_2BIT = [0, 85, 170, 255]
KEY = 1  # index of the colour a tRNS key makes transparent


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def adobe_rgb_profile():
    """An ICC v2 display profile with Adobe RGB (1998)'s primaries and gamma 563/256."""
    def s15(v):
        return struct.pack(">i", round(v * 65536))

    def xyz(x, y, z):
        return b"XYZ " + bytes(4) + s15(x) + s15(y) + s15(z)

    def text_desc(text):
        ascii_text = text.encode() + b"\0"
        return (b"desc" + bytes(4) + struct.pack(">I", len(ascii_text)) + ascii_text +
                bytes(4) + bytes(4) + bytes(2) + bytes(1) + bytes(67))

    curve = b"curv" + bytes(4) + struct.pack(">IH", 1, 0x0233) + bytes(2)
    tags = [(b"desc", text_desc("Adobe RGB (1998) compatible (logogrid test)")),
            (b"cprt", b"text" + bytes(4) + b"No copyright, test data\0"),
            (b"wtpt", xyz(0.95045, 1.0, 1.08905)),
            (b"rXYZ", xyz(0.60974, 0.31111, 0.01947)),
            (b"gXYZ", xyz(0.20528, 0.62567, 0.06087)),
            (b"bXYZ", xyz(0.14919, 0.06322, 0.74457)),
            (b"rTRC", curve), (b"gTRC", curve), (b"bTRC", curve)]
    offset = 128 + 4 + 12 * len(tags)
    table, data = b"", b""
    for signature, body in tags:
        while len(body) % 4:
            body += b"\0"
        table += signature + struct.pack(">II", offset + len(data), len(body))
        data += body
    size = offset + len(data)
    header = (struct.pack(">I", size) + b"none" + bytes([2, 0x10, 0, 0]) + b"mntr" + b"RGB " +
              b"XYZ " + bytes(12) + b"acsp" + bytes(4) + bytes(4) + bytes(4) + bytes(4) +
              bytes(8) + struct.pack(">I", 0) + s15(0.9642) + s15(1.0) + s15(0.8249) +
              bytes(4) + bytes(16) + bytes(28))
    assert len(header) == 128
    return header + struct.pack(">I", len(tags)) + table + data


def picture(kind, depth, trns):
    """Palette indices (or None) and the RGBA8 picture a variant stores."""
    grey = kind in (0, 4)
    if kind == 3:
        count = min(12, 1 << depth)
    elif grey and depth == 1:
        count = 2
    elif grey and depth == 2:
        count = 4
    else:
        count = 12
    levels = GREYS if count == 12 else (GREYS_2BIT if count == 4 else [0, 255])
    indices, rgba = [], []
    for y in range(HEIGHT):
        for x in range(WIDTH):
            i = (x + 2 * y + (x * y) % 3) % count
            indices.append(i)
            colour = (levels[i],) * 3 if grey else COLOURS[i]
            if kind in (4, 6) or (kind == 3 and trns):
                alpha = ALPHAS[i]
            elif trns:
                alpha = 0 if i == KEY else 255
            else:
                alpha = 255
            rgba.append(colour + (alpha,))
    return indices, rgba, count


def sample(value, depth):
    """An 8-bit value at `depth` bits (exact for the values the pictures use)."""
    return value * 257 if depth == 16 else value * ((1 << depth) - 1) // 255


def raw_row(kind, depth, pixels):
    """One row of stored samples, packed, without its filter byte."""
    values = []
    for index, (r, g, b, a) in pixels:
        if kind == 3:
            values.append(index)
        elif kind == 0:
            values.append(sample(r, depth))
        elif kind == 2:
            values += [sample(r, depth), sample(g, depth), sample(b, depth)]
        elif kind == 4:
            values += [sample(r, depth), sample(a, depth)]
        else:
            values += [sample(r, depth), sample(g, depth), sample(b, depth), sample(a, depth)]
    if depth == 16:
        return b"".join(struct.pack(">H", v) for v in values)
    if depth == 8:
        return bytes(values)
    out, bits, used = bytearray(), 0, 0
    for v in values:
        bits = (bits << depth) | v
        used += depth
        if used == 8:
            out.append(bits)
            bits, used = 0, 0
    if used:
        out.append(bits << (8 - used))
    return bytes(out)


ADAM7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2),
         (0, 1, 1, 2)]  # first column, first row, column step, row step


def image_data(kind, depth, interlaced, indices, rgba):
    pixels = list(zip(indices, rgba))
    rows = b""
    passes = ADAM7 if interlaced else [(0, 0, 1, 1)]
    for x0, y0, dx, dy in passes:
        for y in range(y0, HEIGHT, dy):
            line = [pixels[y * WIDTH + x] for x in range(x0, WIDTH, dx)]
            if line:
                rows += b"\0" + raw_row(kind, depth, line)
    return zlib.compress(rows, 9)


def encode(kind, depth, interlaced, trns, rule, profile):
    indices, rgba, count = picture(kind, depth, trns)
    out = b"\x89PNG\r\n\x1a\n"
    out += chunk(b"IHDR", struct.pack(">IIBBBBB", WIDTH, HEIGHT, depth, kind, 0, 0,
                                      1 if interlaced else 0))
    if rule == "srgb":
        out += chunk(b"sRGB", b"\0")
    elif rule == "gamma10":
        out += chunk(b"gAMA", struct.pack(">I", 100000))
    elif rule == "gamma045":
        out += chunk(b"gAMA", struct.pack(">I", 45455))
    elif rule == "adobe":
        out += chunk(b"iCCP", b"Adobe RGB (1998)\0\0" + zlib.compress(profile, 9))
    if kind == 3:
        out += chunk(b"PLTE", b"".join(bytes(COLOURS[i]) for i in range(count)))
        if trns:
            out += chunk(b"tRNS", bytes(ALPHAS[i] for i in range(count)))
    elif trns and kind == 0:
        out += chunk(b"tRNS", struct.pack(">H", sample(rgba_key(rgba, indices)[0], depth)))
    elif trns and kind == 2:
        key = rgba_key(rgba, indices)
        out += chunk(b"tRNS", struct.pack(">HHH", *(sample(v, depth) for v in key[:3])))
    out += chunk(b"IDAT", image_data(kind, depth, interlaced, indices, rgba))
    out += chunk(b"IEND", b"")
    return out, rgba


def rgba_key(rgba, indices):
    return rgba[indices.index(KEY)]


def variants():
    depths = {0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16]}
    for kind, kind_depths in depths.items():
        for depth in kind_depths:
            for trns in ([False, True] if kind in (0, 2, 3) else [False]):
                for interlaced in (False, True):
                    for rule in ("none", "srgb", "gamma10", "gamma045", "adobe"):
                        if rule == "adobe" and kind in (0, 4):
                            continue  # an RGB profile does not fit a grey image
                        yield kind, depth, trns, interlaced, rule


def main():
    global WIDTH, HEIGHT
    out_dir = Path(sys.argv[1])
    only = set(sys.argv[3:])
    if len(sys.argv) > 2:
        WIDTH, HEIGHT = (int(v) for v in sys.argv[2].split("x"))
    out_dir.mkdir(parents=True, exist_ok=True)
    profile = adobe_rgb_profile()
    (out_dir / "adobe-rgb.icc").write_bytes(profile)
    lines = []
    for kind, depth, trns, interlaced, rule in variants():
        name = f"c{kind}-{depth}bit{'-trns' if trns else ''}{'-adam7' if interlaced else ''}-{rule}"
        if only and name not in only:
            continue
        png, rgba = encode(kind, depth, interlaced, trns, rule, profile)
        (out_dir / f"{name}.png").write_bytes(png)
        (out_dir / f"{name}.rgba").write_bytes(b"".join(bytes(p) for p in rgba))
        lines.append(f"{name}\t{rule}\t{'grey' if kind in (0, 4) else 'colour'}\n")
    (out_dir / "matrix.tsv").write_text("".join(lines))


if __name__ == "__main__":
    main()
