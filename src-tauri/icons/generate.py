#!/usr/bin/env python3
"""Draws Byline's app icon (a white "B" monogram on a rounded ink-blue square) as RGBA PNGs.

Pure standard library (zlib + struct), so it runs anywhere without Pillow:
    python3 src-tauri/icons/generate.py
Shapes are sampled 4x4 per pixel for smooth, anti-aliased edges.
"""
import math
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
BACKGROUND = (0x1F, 0x3A, 0x5F)  # ink blue
ACCENT = (0xF2, 0xB1, 0x34)      # a pen-nib amber underline
FOREGROUND = (0xFF, 0xFF, 0xFF)


def rounded_square(x, y):
    """Inside the rounded square that fills the canvas with a small margin (unit coordinates)."""
    margin, radius = 0.04, 0.2
    lo, hi = margin + radius, 1 - margin - radius
    cx, cy = min(max(x, lo), hi), min(max(y, lo), hi)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


def bowl(x, y, top, bottom, left, right_x):
    """A "B" bowl: a rectangle closed on the right by a half-ellipse, with a hole of the same shape."""
    ry = (bottom - top) / 2
    cy = top + ry
    def inside(t, b, l, r, rx):
        if y < t or y > b or x < l:
            return False
        if x <= r:
            return True
        return ((x - r) / rx) ** 2 + ((y - (t + b) / 2) / ((b - t) / 2)) ** 2 <= 1
    stroke = 0.085
    outer = inside(top, bottom, left, right_x, ry)
    inner = inside(top + stroke, bottom - stroke, left + stroke, right_x, ry - stroke)
    return outer and not inner


def letter_b(x, y):
    left, top, middle, bottom = 0.30, 0.22, 0.49, 0.74
    stem = left <= x <= left + 0.1 and top <= y <= bottom
    upper = bowl(x, y, top, middle + 0.0425, left, 0.52)
    lower = bowl(x, y, middle - 0.0425, bottom, left, 0.56)
    return stem or upper or lower


def underline(x, y):
    return 0.30 <= x <= 0.72 and 0.80 <= y <= 0.845


def pixel(px, py, size, samples=4):
    counts = {"bg": 0, "fg": 0, "accent": 0}
    for sy in range(samples):
        for sx in range(samples):
            x = (px + (sx + 0.5) / samples) / size
            y = (py + (sy + 0.5) / samples) / size
            if not rounded_square(x, y):
                continue
            if letter_b(x, y):
                counts["fg"] += 1
            elif underline(x, y):
                counts["accent"] += 1
            else:
                counts["bg"] += 1
    total = samples * samples
    covered = counts["bg"] + counts["fg"] + counts["accent"]
    if covered == 0:
        return (0, 0, 0, 0)
    rgb = [
        (BACKGROUND[i] * counts["bg"] + FOREGROUND[i] * counts["fg"] + ACCENT[i] * counts["accent"]) / covered
        for i in range(3)
    ]
    return tuple(int(round(c)) for c in rgb) + (int(round(255 * covered / total)),)


def png(size):
    rows = []
    for py in range(size):
        row = bytearray([0])  # filter type: none
        for px in range(size):
            row.extend(pixel(px, py, size))
        rows.append(bytes(row))
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b""))


if __name__ == "__main__":
    # The hicolor sizes a Linux desktop looks for (the .deb installs each one), plus the names
    # other bundlers expect (128x128@2x for HiDPI, icon.png as the largest).
    sizes = [16, 32, 48, 64, 128, 256]
    names = [(f"{size}x{size}.png", size) for size in sizes] + [("128x128@2x.png", 256), ("icon.png", 512)]
    for name, size in names:
        with open(os.path.join(HERE, name), "wb") as out:
            out.write(png(size))
        print(f"wrote icons/{name} ({size}x{size} RGBA)")
