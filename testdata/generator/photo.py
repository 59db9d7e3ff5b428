"""Phone-photo copies: the page lying on a surface, seen at an angle, lit unevenly.

``photograph(img, rng)`` returns (image, meta pieces):
  keystone:<insets>   the sheet's corners moved inwards by 2-9 % of its width and height each (a
                      camera held above the page and tilted), so its edges converge
  surface:<grey>      a darker, grainy surface (desk, table) around the sheet, 8-14 % margins
  light:<min>         brightness falling off linearly across the photo to 72-88 %
  blur:<radius>       Gaussian blur 0.6-1.0 px (focus)
  jpeg:80             saved as a JPEG, as phones do
Pure Pillow: the perspective coefficients are solved here (8 x 8 Gaussian elimination).
"""

from PIL import Image, ImageFilter

import degrade


def _solve(rows):
    n = len(rows)
    m = [list(r) for r in rows]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c and m[r][c] != 0:
                f = m[r][c] / m[c][c]
                m[r] = [a - f * b for a, b in zip(m[r], m[c])]
    return [m[i][n] / m[i][i] for i in range(n)]


def _coefficients(dest, src):
    """PIL PERSPECTIVE data: for each output pixel (x, y) in ``dest`` space, the input point in ``src``."""
    rows = []
    for (x, y), (u, v) in zip(dest, src):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y, u])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y, v])
    return _solve(rows)


def photograph(img, rng):
    img = img.convert("RGB")
    w, h = img.size
    mx, my = int(w * rng.uniform(0.08, 0.14)), int(h * rng.uniform(0.08, 0.14))
    W, H = w + 2 * mx, h + 2 * my
    insets = [(rng.uniform(0.02, 0.09) * w, rng.uniform(0.02, 0.09) * h) for _ in range(4)]
    corners = [(mx + insets[0][0], my + insets[0][1]), (mx + w - insets[1][0], my + insets[1][1]),
               (mx + w - insets[2][0], my + h - insets[2][1]), (mx + insets[3][0], my + h - insets[3][1])]
    data = _coefficients(corners, [(0, 0), (w, 0), (w, h), (0, h)])
    sheet = img.transform((W, H), Image.PERSPECTIVE, data, Image.BICUBIC)
    mask = Image.new("L", (w, h), 255).transform((W, H), Image.PERSPECTIVE, data, Image.BICUBIC)
    grey = rng.randrange(60, 110)
    surface = Image.new("RGB", (W, H), (grey, int(grey * 0.9), int(grey * 0.8)))
    grain = degrade._noise_tile(rng, 64, 18).resize((W, H), Image.Resampling.BILINEAR)
    surface = Image.composite(surface, Image.new("RGB", (W, H), (grey // 2,) * 3), grain.point(lambda v: 255 - v // 3))
    surface.paste(sheet, (0, 0), mask)
    low = rng.uniform(0.72, 0.88)
    ramp = Image.linear_gradient("L").resize((W, H))
    if rng.random() < 0.5:
        ramp = ramp.transpose(Image.Transpose.ROTATE_90).resize((W, H))
    light = ramp.point(lambda v: int(255 - v * (1 - low)))
    photo = Image.composite(surface, Image.new("RGB", (W, H), (0, 0, 0)), light)
    radius = rng.uniform(0.6, 1.0)
    photo = photo.filter(ImageFilter.GaussianBlur(radius))
    inset_text = ",".join("%.3f/%.3f" % (x / w, y / h) for x, y in insets)
    return photo, ["keystone:" + inset_text, "surface:%d" % grey, "light:%.2f" % low, "blur:%.2f" % radius,
                   "jpeg:80"]
