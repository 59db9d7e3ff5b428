"""Paper fapiao: a pre-printed form filled in by a dot-matrix printer, then copied or photographed.

``paper_copy(label, rng, plan)`` takes the values of a tax-control fapiao (the label that
``fapiao.tax_control`` returns; the image it drew is not used) and draws them the way a paper
增值税普通发票 / 增值税专用发票 looks in a shoebox:

  form-ink:<name>      the pre-printed form (title, rules, labels, a faint guilloche) in one ink:
                       blue, green, brown or maroon; the 监制章 pre-printed in red on the title
  dot-matrix:<pitch>   the values in black ribbon print made of round dots (pitch in 300 dpi pixels),
                       uneven ribbon density, a few missing dots
  print-shift:<dx>/<dy>mm  the whole print shifted off its boxes (paper fed off register), so digits can
                       cross the form's rules; print-skew:<deg> the print turned slightly against the form
  seal:<deg>           the seller's red oval 发票专用章 stamped semi-transparent over part of the seller
                       block / remarks / footer, turned by <deg>
  perforated           tractor-feed strips with sprocket holes on the left and right
then exactly one treatment:
  photocopy            grey, high contrast (the form ink turns grey, the guilloche vanishes), toner
                       specks and a drum streak, copier-lid margin; saved as grey JPEG
  photo                a phone photo: perspective (corners pulled in 1-5 %) and a few degrees of turn,
                       light falling off across the frame plus a soft shadow, warm or cool cast, the sheet
                       on a darker grainy desk, long side 1000-1500 px (below that the Chinese values stop
                       being legible), JPEG 60-85
  rotate-page:<deg>    a colour flatbed scan turned by 90/180/270 degrees counter-clockwise
                       (``meta.rotation`` is the clockwise turn that makes it upright)
and the file states no resolution (JFIF density unit 0) or a wrong one (72 dpi).

Returns (image, degradations, rotation, actual dpi, save options). Pure Pillow; every random choice
comes from ``rng``.
"""

import datetime
import math

from PIL import Image, ImageChops, ImageDraw, ImageFilter

import degrade
import fapiao
import photo
import render
import values as V
from fapiao import P, PT

MM = 300 / 25.4  # pixels per millimetre at 300 dpi

INKS = {"blue": (36, 82, 166), "green": (30, 118, 82), "brown": (150, 88, 46), "maroon": (128, 32, 46)}
RIBBON = (26, 26, 32)
RED = (214, 38, 42)

# The committed set: (tax-control variant, form ink, treatment, perforated, stated dpi or None).
PLANS = [
    ("paper-ordinary", "blue", "photo", True, None),
    ("special", "green", "photocopy", False, 72),
    ("paper-ordinary", "brown", "rotate-page:90", True, None),
    ("paper-ordinary", "maroon", "photo", False, 72),
    ("special", "blue", "rotate-page:180", False, 72),
    ("paper-ordinary", "green", "photocopy", True, None),
    ("special", "maroon", "photo", True, None),
    ("paper-ordinary", "brown", "rotate-page:270", False, None),
]


# ---------------------------------------------------------------------------
# The pre-printed form
# ---------------------------------------------------------------------------

def _tint(color, amount):
    """``color`` mixed with white: amount 1 = the colour, 0 = white."""
    return tuple(int(round(255 - (255 - c) * amount)) for c in color)


def _guilloche(c, rng, ink):
    """Faint wavy anti-counterfeit lines over the form area, in a pale version of the ink."""
    pale = _tint(ink, 0.16)
    x0, x1, y0, y1 = P(18), P(808), P(119), P(487)
    period, amp = P(rng.uniform(38, 60)), P(rng.uniform(2.5, 4.0))
    phase = rng.uniform(0, math.pi)
    y = y0 + P(4)
    k = 0
    while y < y1 - P(2):
        pts = [(x, y + amp * math.sin(2 * math.pi * (x - x0) / period + phase + k * 0.45))
               for x in range(x0 + P(2), x1 - P(2), 8)]
        c.draw.line(pts, fill=pale, width=2)
        y += P(8.5)
        k += 1


def _form(label, rng, ink):
    """The form with its pre-printed text, as an RGB canvas (white paper)."""
    f = label["fields"]
    special = label["meta"]["invoiceType"] == "01"
    c = render.Canvas(P(fapiao.TC_WIDTH), P(fapiao.TC_HEIGHT))
    _guilloche(c, rng, ink)
    f_label = render.font("serif_cjk", P(11.5))

    # title and double rule, the copy's name
    title = f["invoiceTitle"]
    f_title = render.fit_font("serif_cjk", P(fapiao.TC_TITLE_SIZE), title, P(330))
    c.text(PT(415, 50), title, f_title, ink, anchor="ms")
    tw = render.text_width(f_title, title)
    c.line([(P(415) - tw / 2 - P(10), P(72)), (P(415) + tw / 2 + P(10), P(72))], ink, 4)
    c.line([(P(415) - tw / 2 - P(10), P(76)), (P(415) + tw / 2 + P(10), P(76))], ink, 4)
    c.text(PT(528, 100), "发 票 联", render.font("serif_cjk", P(11)), ink, anchor="ms")
    copy_name = "第三联：发票联　购买方记账凭证" if special else "第二联：发票联　购买方记账凭证"
    c.vertical(P(819.5), P(150), P(470), copy_name, render.font("serif_cjk", P(8.5)), ink)
    # the invoice code is also pre-printed beside the QR area
    c.text(PT(104, 62), f["invoiceCode"], render.font("serif_bold", P(13)), ink)

    c.text(PT(20, 111), "机器编号：", render.font("serif_cjk", P(11)), ink)
    rows = ["发票代码：", "发票号码：", "开票日期："] + ([] if special else ["校 验 码："])
    for i, text in enumerate(rows):
        c.text((P(fapiao.TC_HEADER_X), P(34 + 23.5 * i)), text, f_label, ink)

    x0, x1, y0, y1 = 18, 808, 119, 487
    yb, yi, yt, ys = 205, 378, 408, 487
    c.rect([P(x0), P(y0), P(x1), P(y1)], ink, 4)
    for y in (yb, yi, yt):
        c.line([(P(x0), P(y)), (P(x1), P(y))], ink, 3)
    for x in (45, 472, 500):
        c.line([(P(x), P(y0)), (P(x), P(yb))], ink, 3)
        c.line([(P(x), P(yt)), (P(x), P(ys))], ink, 3)
    cols = [18, 225, 325, 375, 455, 530, 652, 693, 808]
    for x in cols[1:-1]:
        c.line([(P(x), P(yb)), (P(x), P(yi))], ink, 3)
    c.line([(P(225), P(yi)), (P(225), P(yt))], ink, 3)

    f_side = render.font("serif_cjk", P(12))
    c.vertical(P(31.5), P(y0 + 8), P(yb - 8), "购买方", f_side, ink)
    c.vertical(P(486), P(y0 + 10), P(yb - 10), "密码区", f_side, ink)
    c.vertical(P(31.5), P(yt + 6), P(ys - 6), "销售方", f_side, ink)
    c.vertical(P(486), P(yt + 12), P(ys - 12), "备注", f_side, ink)
    for top in (y0, yt - 2):
        for i, text in enumerate(["名称", "纳税人识别号", "地址、电话", "开户行及账号"]):
            y = P(top + 16 + 20 * i)
            c.spaced((P(53), y), text, f_label, ink, P(72))
            c.text((P(126), y), "：", f_label, ink)

    headers = ["货物或应税劳务、服务名称", "规格型号", "单位", "数量", "单价", "金额", "税率", "税额"]
    hy = P(yb + 14)
    for i, h in enumerate(headers):
        cx = P((cols[i] + cols[i + 1]) / 2)
        if len(h) == 2:
            w = min(render.text_width(f_label, h) * 2.0, P(cols[i + 1] - cols[i] - 10))
            c.spaced((cx - w / 2, hy), h, f_label, ink, w)
        else:
            c.text((cx, hy), h, f_label, ink, anchor="ms")
    w = P(60)
    c.spaced((P(121) - w / 2, P(yi - 7)), "合计", f_label, ink, w)
    c.text((P(121), P(yi + 20)), "价税合计（大写）", f_label, ink, anchor="ms")
    c.text((P(625), P(yi + 20)), "（小写）", f_label, ink)
    for x, text in ((45, "收款人："), (265, "复核："), (435, "开票人："), (590, "销售方：（章）")):
        c.text((P(x), P(503)), text, f_label, ink)
    return c


def _supervision_seal(label):
    """The 全国统一发票监制章 as a mask, pre-printed over the title."""
    code = label["fields"]["invoiceCode"]
    region = V.region_by_code4(code[:4] if len(code) == 10 else code[1:5])
    size = (P(fapiao.TC_WIDTH), P(fapiao.TC_HEIGHT))
    layer = render.seal_layer(size, PT(415, 70), P(57), P(41), "全国统一发票监制章", "国家税务总局",
                              region["bureau"], (0, 0, 0), top_font=render.font("sans_cjk", P(9.5)),
                              middle_font=render.font("sans_cjk", P(10)),
                              bottom_font=render.font("sans_cjk", P(9.5)), ring=P(2.2), span=100)
    return ImageChops.invert(layer.convert("L"))


# ---------------------------------------------------------------------------
# The printed values
# ---------------------------------------------------------------------------

class _Print:
    """Values drawn as white-on-black into an 'L' mask, all shifted by (dx, dy) pixels."""

    def __init__(self, size, dx, dy):
        self.mask = Image.new("L", size, 0)
        self.draw = ImageDraw.Draw(self.mask)
        self.dx, self.dy = dx, dy

    def text(self, xy, s, fnt, anchor="ls"):
        if s:
            self.draw.text((xy[0] + self.dx, xy[1] + self.dy), s, font=fnt, fill=255, anchor=anchor)

    def circled_x(self, cx, cy, r, width):
        cx, cy = cx + self.dx, cy + self.dy
        self.draw.ellipse([cx - r, cy - r, cx + r, cy + r], outline=255, width=width)
        d = r * 0.62
        self.draw.line([cx - d, cy - d, cx + d, cy + d], fill=255, width=width)
        self.draw.line([cx - d, cy + d, cx + d, cy - d], fill=255, width=width)

    def qr(self, payload, x, y, box_size):
        q = render.qrcode.QRCode(error_correction=render.qrcode.constants.ERROR_CORRECT_M, box_size=box_size,
                                 border=0)
        q.add_data(payload)
        q.make(fit=True)
        modules = q.make_image(fill_color="white", back_color="black").convert("L")
        self.mask.paste(modules, (int(x + self.dx), int(y + self.dy)))


def _number_font(s, width):
    """Monospace when ``s`` fits ``width`` at 11.5 units; else the narrower CJK font, shrunk to fit (the
    printer's condensed mode), so long unit prices stay legible."""
    fnt = render.font("mono", P(11.5))
    if render.text_width(fnt, s) <= width:
        return fnt
    return render.fit_font("sans_cjk", P(11.5), s, width)


def _values(label, rng, size, dx, dy):
    """The printed values of ``label`` in tax-control positions, shifted by (dx, dy)."""
    f = label["fields"]
    pr = _Print(size, dx, dy)
    cjk = lambda s: render.font("sans_cjk", P(s))  # noqa: E731
    mono = lambda s: render.font("mono", P(s))  # noqa: E731

    pr.qr(label["meta"]["qr"], P(25), P(14), 8)
    pr.text((P(20) + render.text_width(render.font("serif_cjk", P(11)), "机器编号："), P(111)), f["machineNumber"],
            mono(12))
    rows = [f["invoiceCode"], f["invoiceNumber"], fapiao.fmt_date_cn(datetime.date.fromisoformat(f["issueDate"]))]
    if "checkCode" in f:
        rows.append(" ".join(f["checkCode"][i:i + 5] for i in range(0, 20, 5)))
    for i, value in enumerate(rows):
        fnt = cjk(11.5) if "年" in value else mono(12.5 if len(value) < 20 else 11)
        pr.text((P(fapiao.TC_HEADER_X + 60), P(34 + 23.5 * i)), value, fnt)

    y0, yb, yi, yt = 119, 205, 378, 408
    for top, who in ((y0, "buyer"), (yt - 2, "seller")):
        for i, key in enumerate(("Name", "TaxID", "AddressPhone", "BankAccount")):
            v = f.get(who + key, "")
            y = P(top + 16 + 20 * i)
            if key == "TaxID":
                pr.text((P(138), y), v, mono(14))
            else:
                pr.text((P(138), y), v, render.fit_font("sans_cjk", P(11.5), v, P(472 - 138 - 4)))
    for i, line in enumerate(V.cipher_lines(rng)):
        pr.text((P(508), P(y0 + 19 + 20.5 * i)), line, mono(14))

    cols = [18, 225, 325, 375, 455, 530, 652, 693, 808]
    items = label["lineItems"]
    for r, it in enumerate(items):
        y = P(yb + 30 + 16 * r)
        pr.text((P(cols[0] + 4), y), it["name"],
                render.fit_font("sans_cjk", P(11), it["name"], P(cols[1] - cols[0] - 8)))
        if "specification" in it:
            pr.text((P((cols[1] + cols[2]) / 2), y), it["specification"],
                    render.fit_font("sans_cjk", P(11), it["specification"], P(cols[2] - cols[1] - 6)), anchor="ms")
        if "unit" in it:
            pr.text((P((cols[2] + cols[3]) / 2), y), it["unit"], cjk(11), anchor="ms")
        if "quantity" in it:
            pr.text((P(cols[4] - 4), y), it["quantity"], _number_font(it["quantity"], P(cols[4] - cols[3] - 8)),
                    anchor="rs")
            pr.text((P(cols[5] - 3), y), it["unitPrice"], _number_font(it["unitPrice"], P(cols[5] - cols[4] - 6)),
                    anchor="rs")
        pr.text((P(cols[6] - 4), y), it["amount"], mono(11.5), anchor="rs")
        pr.text((P((cols[6] + cols[7]) / 2), y), it["taxRate"], cjk(11), anchor="ms")
        pr.text((P(cols[8] - 4), y), "***" if it["taxRate"] == "免税" else it["tax"], mono(11.5), anchor="rs")

    ty = P(yi - 7)
    all_exempt = all(it["taxRate"] == "免税" for it in items)
    pr.text((P(cols[6] - 4), ty), "¥" + f["amountExcludingTax"], mono(11.5), anchor="rs")
    pr.text((P(cols[8] - 4), ty), "***" if all_exempt else "¥" + f["taxAmount"], mono(11.5), anchor="rs")
    py = P(yi + 20)
    pr.circled_x(P(238), P(yi + 15.5), P(7), 4)
    pr.text((P(249), py), f["totalAmountInWords"], cjk(12))
    pr.text((P(672), py), "¥" + f["totalAmount"], mono(13))
    if "remarks" in f:
        pr.text((P(508), P(yt + 20)), f["remarks"], render.fit_font("sans_cjk", P(11), f["remarks"], P(808 - 508 - 6)))
    f_label = render.font("serif_cjk", P(11.5))
    for x, text, key in ((45, "收款人：", "payee"), (265, "复核：", "reviewer"), (435, "开票人：", "drawer")):
        pr.text((P(x) + render.text_width(f_label, text) + P(6), P(503)), f.get(key, ""), cjk(11.5))
    return pr.mask


def _dots(mask, rng, pitch):
    """Re-draw a text mask as a dot-matrix head would: round dots on a ``pitch`` grid, a few missing."""
    w, h = mask.size
    gw, gh = int(w / pitch), int(h / pitch)
    grid = mask.resize((gw, gh), Image.Resampling.BOX).tobytes()
    out = Image.new("L", (w, h), 0)
    d = ImageDraw.Draw(out)
    r = pitch * 0.6
    for i, v in enumerate(grid):
        if v < 70 or rng.random() < 0.03:
            continue
        x = (i % gw + 0.5) * pitch + rng.uniform(-0.25, 0.25)
        y = (i // gw + 0.5) * pitch + rng.uniform(-0.25, 0.25)
        d.ellipse([x - r, y - r, x + r, y + r], fill=rng.randint(200, 255))
    return out.filter(ImageFilter.GaussianBlur(0.5))


def _uneven(size, rng, low, high, cells=10):
    """A smooth random field (mode 'L') scaled into [low, high] * 255, for ribbon and stamp ink."""
    tile = degrade._noise_tile(rng, cells, 50).resize(size, Image.Resampling.BICUBIC)
    return tile.point(lambda v: int(255 * (low + (high - low) * max(0, min(255, v)) / 255)))


def _lay(page, mask, color, strength):
    """Multiply ``color`` ink onto ``page`` through ``mask`` (scaled by the 'L' field ``strength``)."""
    mask = ImageChops.multiply(mask, strength)
    ink = Image.composite(Image.new("RGB", page.size, color), Image.new("RGB", page.size, (255, 255, 255)), mask)
    return ImageChops.multiply(page, ink)


def _seller_seal(label, rng, size):
    """The seller's 发票专用章 (mask), turned and placed over part of the seller block / remarks / footer."""
    f = label["fields"]
    rx, ry = P(60), P(40)
    box = (2 * rx + P(30), 2 * rx + P(30))
    name = f["sellerName"]
    layer = render.seal_layer(box, (box[0] // 2, box[1] // 2), rx, ry, name, f["sellerTaxID"], "发票专用章",
                              (0, 0, 0), top_font=render.font("sans_cjk", P(10 if len(name) <= 14 else 8.5)),
                              middle_font=render.font("mono", P(8.2)), bottom_font=render.font("sans_cjk", P(10)),
                              ring=P(2.2), span=min(112, 9 * len(name)))
    angle = rng.uniform(-18, 18)
    seal = ImageChops.invert(layer.convert("L")).rotate(angle, resample=Image.Resampling.BICUBIC)
    centre = (P(rng.uniform(380, 720)), P(rng.uniform(440, 478)))
    mask = Image.new("L", size, 0)
    mask.paste(seal, (int(centre[0] - box[0] / 2), int(centre[1] - box[1] / 2)))
    return mask, angle


def _perforate(sheet, rng):
    """Tractor-feed strips left and right: sprocket holes (returned as the sheet's alpha mask)."""
    strip = int(12.7 * MM)
    w, h = sheet.size
    out = Image.new("RGB", (w + 2 * strip, h), sheet.getpixel((5, 5)))
    out.paste(sheet, (strip, 0))
    alpha = Image.new("L", out.size, 255)
    d, da = ImageDraw.Draw(out), ImageDraw.Draw(alpha)
    r = 2.0 * MM
    pitch = 12.7 * MM
    y = rng.uniform(0.3, 1.0) * pitch
    while y < h - r:
        for cx in (strip / 2, w + 1.5 * strip):
            da.ellipse([cx - r, y - r, cx + r, y + r], fill=0)
        y += pitch
    for x in (strip, w + strip):  # the perforation: short cuts, slightly darker
        for yy in range(0, h, int(2.4 * MM)):
            d.line([(x, yy), (x, yy + int(1.4 * MM))], fill=(196, 194, 188), width=3)
    return out, alpha


def sheet(label, rng, ink_name, perforated):
    """The filled-in paper sheet at 300 dpi: (RGB image, alpha mask (0 = hole), degradations)."""
    ink = INKS[ink_name]
    ink = tuple(max(0, min(255, c + rng.randint(-12, 12))) for c in ink)
    page = _form(label, rng, ink).img
    size = page.size
    page = _lay(page, _supervision_seal(label), RED, Image.new("L", size, 225))
    # the print: shifted a few millimetres, slightly turned against the form
    # (at most 2.5 mm to the right, so the check code stays on the sheet; at most 1.2 mm up, so the
    # first item does not run into the column headers)
    dx = (rng.uniform(1.0, 2.5) if rng.random() < 0.5 else -rng.uniform(1.0, 3.5)) * MM
    dy = (rng.uniform(1.0, 2.6) if rng.random() < 0.7 else -rng.uniform(0.6, 1.2)) * MM
    skew = round(rng.uniform(-0.4, 0.4), 2)
    values = _values(label, rng, size, dx, dy).rotate(skew, resample=Image.Resampling.BICUBIC)
    pitch = 2.5
    dots = _dots(values, rng, pitch)
    page = _lay(page, dots, RIBBON, _uneven(size, rng, 0.7, 1.0))
    seal, angle = _seller_seal(label, rng, size)
    page = _lay(page, seal, RED, _uneven(size, rng, 0.45, 0.85, cells=24))
    paper = (rng.randint(246, 252), rng.randint(244, 250), rng.randint(236, 246))
    page = ImageChops.multiply(page, Image.new("RGB", size, paper))
    applied = ["form-ink:" + ink_name, "dot-matrix:%.1f" % pitch,
               "print-shift:%+.1f/%+.1fmm" % (dx / MM, dy / MM), "print-skew:%+.2f" % skew, "seal:%+.0f" % angle]
    alpha = Image.new("L", size, 255)
    if perforated:
        page, alpha = _perforate(page, rng)
        applied.append("perforated")
    return page, alpha, applied


# ---------------------------------------------------------------------------
# Treatments
# ---------------------------------------------------------------------------

def _on_background(page, alpha, background, rim_grey):
    """The sheet on ``background`` (colour); the holes' edges cast a ring of ``rim_grey``."""
    out = Image.composite(page, Image.new("RGB", page.size, background), alpha)
    rim = alpha.filter(ImageFilter.FIND_EDGES).filter(ImageFilter.MaxFilter(5)).filter(ImageFilter.GaussianBlur(1.5))
    return Image.composite(Image.new("RGB", page.size, (rim_grey,) * 3), out, rim)


def photocopy(page, alpha, rng):
    lid = rng.randint(228, 242)
    margin = int(rng.uniform(4, 9) * MM)
    w, h = page.size
    big = Image.new("RGB", (w + 2 * margin, h + 2 * margin), (lid,) * 3)
    shadow = Image.new("L", big.size, 0)
    shadow.paste(alpha, (margin, margin))
    edge = shadow.filter(ImageFilter.FIND_EDGES).filter(ImageFilter.MaxFilter(3))
    big.paste(_on_background(page, alpha, (lid,) * 3, 90), (margin, margin))
    big = Image.composite(Image.new("RGB", big.size, (110, 110, 110)), big, edge)
    angle = round(rng.uniform(0.4, 2.0), 1) * rng.choice([-1, 1])
    img = big.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(lid,) * 3).convert("L")
    lo, hi = rng.randint(70, 100), rng.randint(196, 215)
    img = img.point(lambda v: max(0, min(255, int((v - lo) * 255 / (hi - lo)))))
    img = degrade.add_speckle(img, rng, rng.randint(1500, 3500))
    d = ImageDraw.Draw(img)
    for _ in range(rng.randint(1, 2)):  # a scratch on the drum
        x = rng.randrange(img.size[0])
        d.line([(x, 0), (x + rng.randint(-6, 6), img.size[1])], fill=rng.randint(150, 200), width=rng.randint(2, 4))
    dpi = rng.choice([150, 200])
    img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.6, 1.0)))
    img = img.resize((round(img.size[0] * dpi / 300), round(img.size[1] * dpi / 300)), Image.Resampling.LANCZOS)
    sigma = rng.randint(4, 8)
    img = degrade.add_gaussian_noise(img, rng, sigma)
    quality = rng.randint(60, 78)
    return img, ["photocopy:%d-%d" % (lo, hi), "rotate-small:%+.1f" % angle, "toner-specks",
                 "noise:gaussian:%d" % sigma, "dpi%d" % dpi, "jpeg:%d" % quality], 0, dpi, quality


def phone_photo(page, alpha, rng):
    long_side = rng.randint(1000, 1500)
    w, h = page.size
    # work at about 1.6 times the final scale, then downscale
    work = long_side * 1.6 / (w * 1.25)
    page = page.resize((round(w * work), round(h * work)), Image.Resampling.LANCZOS)
    alpha = alpha.resize(page.size, Image.Resampling.LANCZOS)
    w, h = page.size
    mx, my = int(w * rng.uniform(0.06, 0.12)), int(h * rng.uniform(0.08, 0.16))
    W, H = w + 2 * mx, h + 2 * my
    turn = math.radians(rng.uniform(-4, 4))
    cx, cy = W / 2, H / 2
    insets = [(rng.uniform(0.01, 0.05) * w, rng.uniform(0.01, 0.05) * h) for _ in range(4)]
    flat = [(mx + insets[0][0], my + insets[0][1]), (mx + w - insets[1][0], my + insets[1][1]),
            (mx + w - insets[2][0], my + h - insets[2][1]), (mx + insets[3][0], my + h - insets[3][1])]
    corners = [(cx + (x - cx) * math.cos(turn) - (y - cy) * math.sin(turn),
                cy + (x - cx) * math.sin(turn) + (y - cy) * math.cos(turn)) for x, y in flat]
    data = photo._coefficients(corners, [(0, 0), (w, 0), (w, h), (0, h)])
    sheet_img = page.transform((W, H), Image.PERSPECTIVE, data, Image.BICUBIC)
    mask = alpha.transform((W, H), Image.PERSPECTIVE, data, Image.BICUBIC)
    base = rng.choice([(96, 70, 48), (70, 66, 62), (120, 92, 64), (52, 54, 60)])  # wood, slate, oak, dark
    desk = Image.new("RGB", (W, H), base)
    grain = degrade._noise_tile(rng, 48, 22).resize((W, H), Image.Resampling.BILINEAR)
    desk = Image.composite(desk, Image.new("RGB", (W, H), tuple(v // 2 for v in base)),
                           grain.point(lambda v: 255 - v // 3))
    # the sheet casts a little shadow on the desk
    drop = mask.filter(ImageFilter.GaussianBlur(max(2, W // 250))).point(lambda v: v * 6 // 10)
    desk = Image.composite(Image.new("RGB", (W, H), (20, 20, 20)), desk, ImageChops.offset(drop, W // 200, H // 150))
    shot = Image.composite(sheet_img, desk, mask)
    # light: a linear fall-off plus the soft shadow of the phone/hand
    low = rng.uniform(0.68, 0.85)
    ramp = Image.linear_gradient("L").rotate(rng.choice([0, 90, 180, 270])).resize((W, H))
    light = ramp.point(lambda v: int(255 - v * (1 - low)))
    blob = Image.new("L", (W, H), 0)
    bx, by = rng.uniform(0.1, 0.9) * W, rng.uniform(0.1, 0.9) * H
    ImageDraw.Draw(blob).ellipse([bx - W * 0.3, by - H * 0.25, bx + W * 0.3, by + H * 0.25], fill=255)
    depth = rng.uniform(0.12, 0.25)
    blob = blob.filter(ImageFilter.GaussianBlur(W // 12)).point(lambda v: int(255 - v * depth))
    light = ImageChops.multiply(light, blob)
    shot = Image.composite(shot, Image.new("RGB", (W, H), (0, 0, 0)), light)
    cast = rng.choice([(255, 244, 222), (255, 248, 236), (238, 244, 255)])
    shot = ImageChops.multiply(shot, Image.new("RGB", (W, H), cast))
    scale = long_side / max(W, H)
    shot = shot.resize((round(W * scale), round(H * scale)), Image.Resampling.LANCZOS)
    radius = rng.uniform(0.4, 0.8)
    shot = shot.filter(ImageFilter.GaussianBlur(radius))
    sigma = rng.randint(3, 6)
    shot = degrade.add_gaussian_noise(shot, rng, sigma)
    quality = rng.randint(60, 85)
    actual = round(300 * work * scale)
    inset_text = ",".join("%.3f/%.3f" % (x / w, y / h) for x, y in insets)
    return shot, ["keystone:" + inset_text, "turn:%+.1f" % math.degrees(turn), "surface", "light:%.2f" % low,
                  "shadow:%.2f" % depth, "long-side:%d" % long_side, "blur:%.2f" % radius, "noise:gaussian:%d" % sigma,
                  "jpeg:%d" % quality], 0, actual, quality


def turned_scan(page, alpha, rng, angle):
    img = _on_background(page, alpha, (250, 250, 250), 150)
    skew = round(rng.uniform(0.3, 1.2), 1) * rng.choice([-1, 1])
    img = img.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(250, 250, 250))
    img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.5, 0.8)))
    dpi = 150
    img = img.resize((round(img.size[0] * dpi / 300), round(img.size[1] * dpi / 300)), Image.Resampling.LANCZOS)
    sigma = rng.randint(3, 6)
    img = degrade.add_gaussian_noise(img, rng, sigma)
    img = img.transpose({90: Image.Transpose.ROTATE_90, 180: Image.Transpose.ROTATE_180,
                         270: Image.Transpose.ROTATE_270}[angle])
    quality = rng.randint(70, 85)
    return img, ["rotate-small:%+.1f" % skew, "dpi%d" % dpi, "noise:gaussian:%d" % sigma, "rotate-page:%d" % angle,
                 "jpeg:%d" % quality], angle, dpi, quality


def paper_copy(label, rng, plan):
    """One paper document: (image, degradations, rotation, actual dpi, jpeg quality)."""
    _variant, ink, treatment, perforated, _stated = plan
    page, alpha, applied = sheet(label, rng, ink, perforated)
    if treatment == "photocopy":
        img, more, rotation, actual, quality = photocopy(page, alpha, rng)
    elif treatment == "photo":
        img, more, rotation, actual, quality = phone_photo(page, alpha, rng)
    else:
        img, more, rotation, actual, quality = turned_scan(page, alpha, rng, int(treatment.split(":")[1]))
    return img, applied + more, rotation, actual, quality
