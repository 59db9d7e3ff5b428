"""Drawing helpers shared by the layouts: fonts, a canvas that records value boxes,
seals (stamps), the fapiao ⓧ glyph, QR codes and deterministic image saving.

Fonts are located at their Debian paths first, then through ``fc-match``; a missing
font stops the generator with a message naming the Debian package to install.
"""

import math
import os
import shutil
import subprocess
import sys

from PIL import Image, ImageChops, ImageDraw, ImageFont

try:
    import qrcode
    import qrcode.constants
except ImportError:  # pragma: no cover - reported at start-up
    qrcode = None

# name -> (known paths, fc-match pattern, wanted face-name substring, Debian package)
FONT_SPECS = {
    "serif_cjk": (["/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"],
                  "Noto Serif CJK SC", "Noto Serif CJK SC", "fonts-noto-cjk"),
    "sans_cjk": (["/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"],
                 "Noto Sans CJK SC", "Noto Sans CJK SC", "fonts-noto-cjk"),
    "sans_cjk_bold": (["/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"],
                      "Noto Sans CJK SC:bold", "Noto Sans CJK SC", "fonts-noto-cjk"),
    "mono": (["/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"],
             "DejaVu Sans Mono", "DejaVu Sans Mono", "fonts-dejavu-core"),
    "mono_bold": (["/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf"],
                  "DejaVu Sans Mono:bold", "DejaVu Sans Mono", "fonts-dejavu-core"),
    "sans": (["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"],
             "DejaVu Sans", "DejaVu Sans", "fonts-dejavu-core"),
    "sans_bold": (["/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"],
                  "DejaVu Sans:bold", "DejaVu Sans", "fonts-dejavu-core"),
    "serif": (["/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"],
              "DejaVu Serif", "DejaVu Serif", "fonts-dejavu-core"),
    "serif_bold": (["/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"],
                   "DejaVu Serif:bold", "DejaVu Serif", "fonts-dejavu-core"),
}

_font_files = {}
_font_cache = {}


class MissingFont(RuntimeError):
    pass


def _locate(name):
    if name in _font_files:
        return _font_files[name]
    paths, pattern, face, package = FONT_SPECS[name]
    found = None
    for p in paths:
        if os.path.exists(p):
            found = p
            break
    if found is None and shutil.which("fc-match"):
        try:
            out = subprocess.run(["fc-match", "-f", "%{file}", pattern], capture_output=True,
                                 text=True, timeout=20).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            out = ""
        if out and os.path.exists(out):
            # fc-match falls back to any font; accept it only if it has the wanted family.
            try:
                if _face_index(out, face) is not None:
                    found = out
            except OSError:
                pass
    if found is None:
        raise MissingFont("font %r not found (looked in %s and via fc-match); install the Debian "
                          "package %s (apt-get install %s)" % (face, ", ".join(paths), package, package))
    index = _face_index(found, face) or 0
    _font_files[name] = (found, index)
    return _font_files[name]


def _face_index(path, face):
    """Index of the face whose family contains ``face`` inside a .ttc/.ttf file, or None."""
    for i in range(12):
        try:
            f = ImageFont.truetype(path, 12, index=i)
        except OSError:
            break
        if face in f.getname()[0]:
            return i
    return None


def check_fonts():
    """Locate every font up front; exit with a clear message when one is missing."""
    try:
        for name in FONT_SPECS:
            _locate(name)
    except MissingFont as e:
        sys.exit("error: %s" % e)
    if qrcode is None:
        sys.exit("error: the Python package 'qrcode' is missing (pip install -r testdata/generator/requirements.txt)")


def font(name, size):
    key = (name, int(round(size)))
    if key not in _font_cache:
        path, index = _locate(name)
        _font_cache[key] = ImageFont.truetype(path, key[1], index=index)
    return _font_cache[key]


def text_width(fnt, s):
    return fnt.getlength(s)


def fit_font(name, size, s, max_width, min_size=10):
    """Largest font (<= size) in which ``s`` fits ``max_width``."""
    size = int(size)
    while size > min_size and text_width(font(name, size), s) > max_width:
        size -= 1
    return font(name, size)


class Canvas:
    """An RGB page plus a dict of boxes [x, y, w, h] of drawn field values."""

    def __init__(self, width, height, paper=(255, 255, 255)):
        self.img = Image.new("RGB", (width, height), paper)
        self.draw = ImageDraw.Draw(self.img)
        self.boxes = {}
        self.item_boxes = []

    def text(self, xy, s, fnt, fill, anchor="ls", key=None, item=None):
        """Draw ``s``; when ``key`` is given, record its ink box under that field name
        (merged with an earlier box of the same key). ``item`` = (row, field) records a
        line-item box."""
        if s == "":
            return None
        self.draw.text(xy, s, font=fnt, fill=fill, anchor=anchor)
        x0, y0, x1, y1 = self.draw.textbbox(xy, s, font=fnt, anchor=anchor)
        box = [int(math.floor(x0)), int(math.floor(y0)), int(math.ceil(x1 - x0)), int(math.ceil(y1 - y0))]
        if key:
            self.add_box(key, box)
        if item is not None:
            row, field = item
            while len(self.item_boxes) <= row:
                self.item_boxes.append({})
            self.item_boxes[row][field] = box
        return box

    def add_box(self, key, box):
        if key in self.boxes:
            a = self.boxes[key]
            x0, y0 = min(a[0], box[0]), min(a[1], box[1])
            x1, y1 = max(a[0] + a[2], box[0] + box[2]), max(a[1] + a[3], box[1] + box[3])
            self.boxes[key] = [x0, y0, x1 - x0, y1 - y0]
        else:
            self.boxes[key] = list(box)

    def spaced(self, xy, s, fnt, fill, width, anchor_y="s"):
        """Draw the characters of a label spread evenly over ``width`` (名    称 style)."""
        x, y = xy
        if len(s) == 1:
            self.draw.text((x, y), s, font=fnt, fill=fill, anchor="l" + anchor_y)
            return
        widths = [fnt.getlength(c) for c in s]
        gap = (width - sum(widths)) / (len(s) - 1)
        for c, w in zip(s, widths):
            self.draw.text((x, y), c, font=fnt, fill=fill, anchor="l" + anchor_y)
            x += w + gap

    def vertical(self, cx, top, bottom, s, fnt, fill):
        """Characters stacked vertically, centred on ``cx`` and spread over [top, bottom]."""
        n = len(s)
        step = (bottom - top) / n
        for i, c in enumerate(s):
            self.draw.text((cx, top + step * (i + 0.5)), c, font=fnt, fill=fill, anchor="mm")

    def line(self, xy, fill, width=2):
        self.draw.line(xy, fill=fill, width=width)

    def rect(self, xy, outline, width=2):
        self.draw.rectangle(xy, outline=outline, width=width)

    def circled_x(self, cx, cy, r, fill, width=3):
        """The ⓧ glyph printed before the 大写 amount (drawn, so no font needs it)."""
        self.draw.ellipse([cx - r, cy - r, cx + r, cy + r], outline=fill, width=width)
        d = r * 0.62
        self.draw.line([cx - d, cy - d, cx + d, cy + d], fill=fill, width=width)
        self.draw.line([cx - d, cy + d, cx + d, cy - d], fill=fill, width=width)

    def paste_qr(self, payload, x, y, box_size=8):
        q = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=box_size, border=0)
        q.add_data(payload)
        q.make(fit=True)
        im = q.make_image(fill_color="black", back_color="white").convert("RGB")
        self.img.paste(im, (int(x), int(y)))
        return im.size

    def stamp(self, layer):
        """Multiply a white-background RGB seal layer onto the page (ink stays visible)."""
        self.img = ImageChops.multiply(self.img, layer)
        self.draw = ImageDraw.Draw(self.img)


def _arc_text(mask, cx, cy, rx, ry, s, fnt, start_deg, end_deg, fill=255):
    """Write ``s`` along the top part of an ellipse, characters rotated to stay upright
    relative to the rim. Angles are measured clockwise from 12 o'clock."""
    n = len(s)
    for i, ch in enumerate(s):
        t = start_deg + (end_deg - start_deg) * (i + 0.5) / n
        a = math.radians(t)
        px = cx + rx * math.sin(a)
        py = cy - ry * math.cos(a)
        size = int(fnt.size * 1.6)
        glyph = Image.new("L", (size, size), 0)
        ImageDraw.Draw(glyph).text((size / 2, size / 2), ch, font=fnt, fill=fill, anchor="mm")
        # tangent angle of the ellipse at this point
        tang = math.degrees(math.atan2(ry * math.sin(a), rx * math.cos(a)))
        glyph = glyph.rotate(-tang, resample=Image.Resampling.BICUBIC, expand=False)
        mask.paste(255, (int(px - size / 2), int(py - size / 2)), glyph)


def seal_layer(size, center, rx, ry, top_text, middle_text, bottom_text, color=(222, 45, 45),
               top_font=None, middle_font=None, bottom_font=None, ring=9, span=110, star=False):
    """A white RGB layer with an oval red seal: ``top_text`` along the upper rim,
    ``middle_text`` horizontal in the centre, ``bottom_text`` horizontal below."""
    mask = Image.new("L", size, 0)
    d = ImageDraw.Draw(mask)
    cx, cy = center
    d.ellipse([cx - rx, cy - ry, cx + rx, cy + ry], outline=255, width=ring)
    if top_text:
        inner_rx, inner_ry = rx - ring - top_font.size * 0.75, ry - ring - top_font.size * 0.75
        _arc_text(mask, cx, cy, inner_rx, inner_ry, top_text, top_font, -span, span)
    if star:
        r = ry * 0.18
        pts = []
        for k in range(10):
            rr = r if k % 2 == 0 else r * 0.4
            a = math.radians(k * 36)
            pts.append((cx + rr * math.sin(a), cy - ry * 0.05 - rr * math.cos(a)))
        d.polygon(pts, fill=255)
    if middle_text:
        if middle_font.getlength(middle_text) > rx * 1.45:
            middle_font = middle_font.font_variant(size=max(8, int(middle_font.size * rx * 1.45 / middle_font.getlength(middle_text))))
        d.text((cx, cy + (ry * 0.12 if not star else ry * 0.32)), middle_text, font=middle_font, fill=255, anchor="mm")
    if bottom_text:
        d.text((cx, cy + ry * 0.62), bottom_text, font=bottom_font, fill=255, anchor="mm")
    layer = Image.new("RGB", size, (255, 255, 255))
    layer.paste(Image.new("RGB", size, color), (0, 0), mask)
    return layer


# ---------------------------------------------------------------------------
# Saving
# ---------------------------------------------------------------------------

def save_png_palette(img, path, dpi, colors=48, octree=False):
    """Colour page -> adaptive palette PNG (small, deterministic). Octree keeps the seal red
    on noisy pages where median cut spends the palette on noise."""
    method = Image.Quantize.FASTOCTREE if octree else Image.Quantize.MEDIANCUT
    p = img.convert("RGB").quantize(colors=colors, method=method, dither=Image.Dither.NONE)
    p.save(path, format="PNG", optimize=True, dpi=(dpi, dpi))


def save_png_grey(img, path, dpi):
    img.convert("L").save(path, format="PNG", optimize=True, dpi=(dpi, dpi))


def save_jpeg(img, path, dpi, quality):
    img.convert("RGB").save(path, format="JPEG", quality=quality, dpi=(dpi, dpi), optimize=True)
