"""Degradations that turn a clean page into a scan/photo-like copy.

Kinds (each recorded in the label's meta.degradations as "kind" or "kind:parameter"):
  rotate-small:<deg>   skew of ±0.5-3 degrees, white fill, canvas expanded
  rotate-page:<deg>    page turned by 90/180/270 degrees counter-clockwise; the label's
                       meta.rotation is the clockwise turn that makes it upright again
  blur:<radius>        Gaussian blur, radius 0.7-1.3 px
  noise:gaussian:<sd>  luminance noise (2 x 2 px grain) from a seeded noise tile (no numpy)
  noise:speckle:<n>    scattered dark specks and white drop-outs
  jpeg:<quality>       saved as JPEG at quality 35-70
  dpi200               resampled from 300 to 200 dpi (meta.dpi = 200)
  tint                 greyish/yellowish paper (extra, added to some documents)

``plan(index, rng, count)`` chooses the kinds for the index-th document of a set so that
every kind recurs across the set; ``apply(img, kinds, rng)`` performs them in a fixed,
physically sensible order and returns (image, meta pieces).
"""

from PIL import Image, ImageChops, ImageDraw, ImageFilter

KINDS = ["rotate-small", "rotate-page", "blur", "noise", "jpeg", "dpi200"]
PAGE_ANGLES = [90, 180, 270]


def plan(index, rng, tint_probability=0.5):
    """Kinds for document ``index``: one scheduled kind plus 0-2 random extra kinds."""
    primary = KINDS[index % len(KINDS)]
    others = [k for k in KINDS if k != primary]
    rng.shuffle(others)
    extra = rng.choice([0, 1, 1, 2])
    kinds = [primary] + others[:extra]
    page_angle = PAGE_ANGLES[(index // len(KINDS)) % 3] if primary == "rotate-page" else rng.choice(PAGE_ANGLES)
    return {"kinds": [k for k in KINDS if k in kinds], "pageAngle": page_angle,
            "tint": rng.random() < tint_probability}


def _noise_tile(rng, size, sigma):
    """A size x size 'L' tile of Gaussian noise centred on 128."""
    data = bytes(max(0, min(255, int(round(128 + rng.gauss(0, sigma))))) for _ in range(size * size))
    return Image.frombytes("L", (size, size), data)


def _tiled(tile, w, h, rng):
    out = Image.new("L", (w, h))
    ts = tile.size[0]
    # shift each row of tiles by a random offset so the repetition is not visible
    for y in range(0, h, ts):
        off = rng.randrange(ts)
        for x in range(-off, w, ts):
            out.paste(tile, (x, y))
    return out


def add_gaussian_noise(img, rng, sigma):
    # 2 x 2 pixel grain (like a 150 dpi sensor) keeps the noisy PNGs a reasonable size
    tile = _noise_tile(rng, 128, sigma).resize((256, 256), Image.Resampling.NEAREST)
    noise = _tiled(tile, img.size[0], img.size[1], rng)
    if img.mode == "L":
        return ImageChops.add(img, noise, 1.0, -128)
    bands = [ImageChops.add(b, noise, 1.0, -128) for b in img.split()]
    return Image.merge(img.mode, bands)


def add_speckle(img, rng, count):
    out = img.copy()
    d = ImageDraw.Draw(out)
    w, h = out.size
    dark = (70, 70, 70) if out.mode == "RGB" else 70
    light = (255, 255, 255) if out.mode == "RGB" else 255
    for i in range(count):
        x, y = rng.randrange(w), rng.randrange(h)
        r = rng.choice([1, 1, 1, 2, 2, 3])
        d.ellipse([x - r, y - r, x + r, y + r], fill=dark if i % 3 else light)
    return out


def tint(img, rng):
    color = rng.choice([(247, 243, 229), (242, 240, 234), (244, 239, 222), (236, 236, 232)])
    if img.mode == "L":
        grey = int(round(0.299 * color[0] + 0.587 * color[1] + 0.114 * color[2]))
        return ImageChops.multiply(img, Image.new("L", img.size, grey))
    return ImageChops.multiply(img, Image.new("RGB", img.size, color))


def apply(img, p, rng):
    """Apply plan ``p``; returns (image, degradations list, dpi, rotation, jpeg quality or None)."""
    kinds = p["kinds"]
    applied = []
    dpi = 300
    rotation = 0
    quality = None
    white = 255 if img.mode == "L" else (255, 255, 255)
    if p["tint"]:
        img = tint(img, rng)
        applied.append("tint")
    if "rotate-small" in kinds:
        angle = round(rng.uniform(0.5, 3.0), 1) * rng.choice([-1, 1])
        img = img.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=white)
        applied.append("rotate-small:%+.1f" % angle)
    if "dpi200" in kinds:
        w, h = img.size
        img = img.resize((int(round(w * 2 / 3)), int(round(h * 2 / 3))), Image.Resampling.LANCZOS)
        dpi = 200
        applied.append("dpi200")
    if "blur" in kinds:
        radius = round(rng.uniform(0.7, 1.3), 2)
        img = img.filter(ImageFilter.GaussianBlur(radius))
        applied.append("blur:%.2f" % radius)
    if "noise" in kinds:
        if rng.random() < 0.5:
            sigma = rng.randint(6, 12)
            img = add_gaussian_noise(img, rng, sigma)
            applied.append("noise:gaussian:%d" % sigma)
        else:
            count = rng.randint(1500, 5000)
            img = add_speckle(img, rng, count)
            applied.append("noise:speckle:%d" % count)
    if "rotate-page" in kinds:
        angle = p["pageAngle"]
        # PIL's ROTATE_90 turns the page counter-clockwise; turning it back needs a
        # clockwise turn of the same angle.
        img = img.transpose({90: Image.Transpose.ROTATE_90, 180: Image.Transpose.ROTATE_180, 270: Image.Transpose.ROTATE_270}[angle])
        rotation = angle
        applied.append("rotate-page:%d" % angle)
    if "jpeg" in kinds:
        quality = rng.randint(35, 70)
        applied.append("jpeg:%d" % quality)
    return img, applied, dpi, rotation, quality
