#!/usr/bin/env python3
"""Draws the extension's icons (a table with one cell outlined in red) as PNGs, with the standard library only.

    python3 www/extension/icons/make_icons.py     # rewrites icon16/32/48/128.png next to this file
"""
import struct
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
BLUE, WHITE, GRID, RED = (23, 78, 166, 255), (255, 255, 255, 255), (120, 144, 180, 255), (200, 30, 30, 255)


def pixel(x: float, y: float) -> tuple:
    """The colour at (x, y) in a 0..1 square."""
    m = 0.06
    if not (m <= x <= 1 - m and m <= y <= 1 - m):
        return (0, 0, 0, 0)
    if x < m + 0.08 or x > 1 - m - 0.08 or y < m + 0.08 or y > 1 - m - 0.08:
        return BLUE  # the frame
    inner = (x - m - 0.08) / (1 - 2 * m - 0.16), (y - m - 0.08) / (1 - 2 * m - 0.16)
    col, row = int(inner[0] * 3), int(inner[1] * 3)
    fx, fy = inner[0] * 3 - col, inner[1] * 3 - row
    if (col, row) == (2, 1):  # the failing cell
        return RED if (fx < 0.22 or fx > 0.78 or fy < 0.22 or fy > 0.78) else WHITE
    if fx < 0.08 or fy < 0.08:
        return GRID
    return WHITE


def png(size: int) -> bytes:
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            row += bytes(pixel((x + 0.5) / size, (y + 0.5) / size))
        rows.append(bytes(row))
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    for size in (16, 32, 48, 128):
        (HERE / f"icon{size}.png").write_bytes(png(size))
