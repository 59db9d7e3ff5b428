#!/usr/bin/env python3
"""Synthetic test-data generator for InvoiceCapture.

Usage:
  python3 testdata/generator/generate.py [--out testdata] [--seed 20261122] [--only SUBSET]
  python3 testdata/generator/generate.py --self-test [--out testdata]

SUBSET is a comma-separated list of: tc, sd, inv, rcpt, degraded, formats, bad, digital, photo, paper, world
(default: everything). Every document draws from its own random.Random(f"{seed}-{doc_id}"),
so adding a document never changes the others. Each label is validated against the
contract rules (formats, checksums, arithmetic, 大写, QR payload) before it is written.
"""

import argparse
import io
import json
import os
import random
import re
import sys
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # keep __pycache__ out of testdata/

from PIL import Image  # noqa: E402

import badfiles  # noqa: E402
import digital  # noqa: E402
import daxie  # noqa: E402
import degrade  # noqa: E402
import english  # noqa: E402
import fapiao  # noqa: E402
import paper  # noqa: E402
import photo  # noqa: E402
import render  # noqa: E402
import world  # noqa: E402
import values as V  # noqa: E402

DEFAULT_SEED = 20261122
SUBSETS = ["tc", "sd", "inv", "rcpt", "degraded", "formats", "bad", "digital", "photo", "paper", "world"]

# tax-control variants by position (1-based): a few paper 普票 and 专票 among the e-invoices
TC_VARIANTS = {4: "paper-ordinary", 6: "special", 9: "paper-ordinary", 11: "special"}
SD_SPECIAL = {4, 8, 12}
COUNTS = {"tc": 12, "sd": 12, "inv": 8, "rcpt": 8}


def doc_ids(prefix):
    return ["%s-%03d" % (prefix, i) for i in range(1, COUNTS[prefix] + 1)]


def build(doc_id, seed):
    """Render one clean document: returns (image, label, group)."""
    rng = random.Random("%s-%s" % (seed, doc_id))
    prefix, num = doc_id.split("-")
    n = int(num)
    if prefix == "tc":
        img, label = fapiao.tax_control(rng, TC_VARIANTS.get(n, "e-ordinary"))
        group = "fapiao"
    elif prefix == "sd":
        img, label = fapiao.digital(rng, special=n in SD_SPECIAL)
        group = "fapiao"
    elif prefix == "inv":
        img, label = english.invoice(rng, n - 1)
        group = "english"
    else:
        img, label = english.receipt(rng, n - 1)
        group = "english"
    label["meta"].update({"dpi": 300, "rotation": 0, "degradations": [], "seed": "%s-%s" % (seed, doc_id)})
    return img, label, group


# ---------------------------------------------------------------------------
# Label validation (the realism rules the Swift tests rely on)
# ---------------------------------------------------------------------------

AMOUNT_RE = re.compile(r"^-?\d+\.\d{2}$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class LabelError(AssertionError):
    pass


def _check(cond, msg):
    if not cond:
        raise LabelError(msg)


def validate_label(name, label):
    f = label["fields"]
    meta = label.get("meta", {})
    for k in ("amountExcludingTax", "taxAmount", "totalAmount"):
        if k in f:
            _check(AMOUNT_RE.match(f[k]), "%s: %s=%r" % (name, k, f[k]))
    _check(DATE_RE.match(f["issueDate"]), "%s: issueDate" % name)
    _check("2019-01-01" <= f["issueDate"] <= "2025-12-31", "%s: issueDate out of range" % name)
    _check(re.match(r"^[A-Z]{3}$", f["currency"]), "%s: currency" % name)
    if "amountExcludingTax" in f and "taxAmount" in f and "rounding" not in meta:
        _check(Decimal(f["amountExcludingTax"]) + Decimal(f["taxAmount"]) == Decimal(f["totalAmount"]),
               "%s: amount + tax != total" % name)
    if "rounding" in meta:
        _check(Decimal(f["amountExcludingTax"]) + Decimal(f["taxAmount"]) + Decimal(meta["rounding"])
               == Decimal(f["totalAmount"]), "%s: rounding" % name)
    items = label.get("lineItems", [])
    if items and "amountExcludingTax" in f:
        _check(sum(Decimal(i["amount"]) for i in items) == Decimal(f["amountExcludingTax"]), "%s: item sum" % name)
    for i in items:
        _check(AMOUNT_RE.match(i["amount"]), "%s: item amount" % name)
        if "unitPrice" in i:
            _check(V.q2(Decimal(i["unitPrice"]) * Decimal(i["quantity"])) == Decimal(i["amount"]),
                   "%s: price x qty != amount for %s" % (name, i["name"]))
            _check(len(i["unitPrice"].split(".")[-1]) <= 8, "%s: too many price decimals" % name)
    if f["currency"] != "CNY":
        return
    # ---- fapiao ----
    total = Decimal(f["totalAmount"])
    _check(Decimal("10.00") <= total <= Decimal("150000.00"), "%s: total out of range" % name)
    _check(f["totalAmountInWords"] == daxie.amount_in_words(total), "%s: 大写" % name)
    _check(sum(Decimal(i["tax"]) for i in items) == Decimal(f["taxAmount"]), "%s: tax sum" % name)
    for i in items:
        rate = V.rate_value(i["taxRate"])
        _check(V.q2(Decimal(i["amount"]) * rate) == Decimal(i["tax"]), "%s: line tax" % name)
        _check(i["name"].startswith("*") and i["name"].count("*") == 2, "%s: item name" % name)
    for k in ("buyerTaxID", "sellerTaxID"):
        if k in f:
            v = f[k]
            _check(v == v.upper() and len(v) in (15, 18, 20), "%s: %s length" % (name, k))
            if len(v) == 18:
                _check(V.is_valid_uscc(v), "%s: %s checksum %s" % (name, k, v))
            if len(v) == 15:
                _check(V.is_valid_org_code(v[6:]), "%s: %s org code" % (name, k))
    _check(len(f["sellerTaxID"]) == 18, "%s: seller id must be a USCC" % name)
    if "qr" not in meta:  # born-digital labels: the same values as their scans, whose QR was checked
        return
    qr = meta["qr"].rstrip(",").split(",") if meta["qr"].endswith(",") else meta["qr"].split(",")
    _check(len(qr) == 8 and qr[0] == "01", "%s: qr frame" % name)
    ymd = f["issueDate"].replace("-", "")
    _check(qr[5] == ymd, "%s: qr date" % name)
    if meta["layout"] == "tax-control":
        code, typ = f["invoiceCode"], qr[1]
        _check(qr[2] == code and qr[3] == f["invoiceNumber"], "%s: qr code/number" % name)
        _check(Decimal(qr[4]) == Decimal(f["amountExcludingTax"]), "%s: qr amount" % name)
        _check(re.match(r"^\d{8}$", f["invoiceNumber"]), "%s: number" % name)
        _check(re.match(r"^\d{12}$", f["machineNumber"]), "%s: machine number" % name)
        _check(re.match(r"^[0-9A-F]{4}$", qr[7]), "%s: qr tail" % name)
        if typ == "01":
            _check(re.match(r"^\d{10}$", code) and qr[6] == "" and "checkCode" not in f, "%s: 专票" % name)
            _check(f["invoiceTitle"].endswith("增值税专用发票"), "%s: title" % name)
            year = code[4:6]
            region = code[:4]
        else:
            _check(re.match(r"^0\d{11}$", code), "%s: code" % name)
            _check(re.match(r"^\d{20}$", f["checkCode"]) and qr[6] == f["checkCode"], "%s: check code" % name)
            if typ == "10":
                _check(code.endswith("11") and f["invoiceTitle"].endswith("增值税电子普通发票"), "%s: type 10" % name)
            year = code[5:7]
            region = code[1:5]
        _check(int(year) <= int(f["issueDate"][2:4]), "%s: code year after issue year" % name)
        title = V.region_by_code4(region)["title"]
        _check(f["invoiceTitle"].startswith(title), "%s: title province" % name)
    else:
        num = f["invoiceNumber"]
        _check(re.match(r"^\d{20}$", num) and num[:2] == f["issueDate"][2:4], "%s: 20-digit number" % name)
        _check(qr[1] in ("31", "32") and qr[2] == "" and qr[6] == "" and qr[3] == num, "%s: qr fields" % name)
        _check(qr[4] == f["totalAmount"], "%s: qr amount = 价税合计" % name)
        _check(re.match(r"^[0-9A-Fa-f]{4}$", qr[7]), "%s: qr tail" % name)
        _check(f["invoiceTitle"] == ("电子发票（增值税专用发票）" if qr[1] == "31" else "电子发票（普通发票）"), "%s: title" % name)


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------

def _sorted(obj):
    if isinstance(obj, dict):
        return {k: _sorted(obj[k]) for k in sorted(obj)}
    if isinstance(obj, list):
        return [_sorted(x) for x in obj]
    return obj


def label_json(label):
    out = {"fields": {k: label["fields"][k] for k in sorted(label["fields"])},
           "lineItems": label.get("lineItems", [])}
    if "meta" in label:
        out["meta"] = _sorted(label["meta"])
    return json.dumps(out, ensure_ascii=False, indent=1) + "\n"


def write_label(path, label):
    with open(path, "w", encoding="utf-8") as f:
        f.write(label_json(label))


def save_clean(img, group, path):
    if group == "fapiao":
        render.save_png_palette(img, path, 300)
    else:
        render.save_png_grey(img, path, 300)


def degraded_copy(doc_id, index, img, label, group, seed):
    rng = random.Random("%s-%s-d" % (seed, doc_id))
    if group == "english":
        img = img.convert("L")
    p = degrade.plan(index, rng, tint_probability=0.5 if group == "fapiao" else 0.3)
    out, applied, dpi, rotation, quality = degrade.apply(img, p, rng)
    meta = {k: v for k, v in label["meta"].items() if k not in ("boxes", "lineItemBoxes")}
    meta.update({"degradations": applied, "dpi": dpi, "rotation": rotation,
                 "seed": "%s-%s-d" % (seed, doc_id), "source": "%s.png" % doc_id})
    new_label = {"fields": label["fields"], "lineItems": label["lineItems"], "meta": meta}
    return out, new_label, quality, dpi


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=os.path.dirname(HERE), help="output root (default: testdata/)")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--only", default=",".join(SUBSETS), help="comma-separated subset of %s" % ",".join(SUBSETS))
    ap.add_argument("--self-test", action="store_true", help="check 大写 and USCC vectors and existing labels")
    args = ap.parse_args(argv)
    if args.self_test:
        return self_test(args.out)
    only = [s.strip() for s in args.only.split(",") if s.strip()]
    bad = [s for s in only if s not in SUBSETS]
    if bad:
        ap.error("unknown subset(s): %s" % ", ".join(bad))
    render.check_fonts()
    out = args.out
    dirs = {"fapiao": os.path.join(out, "fapiao"), "english": os.path.join(out, "english")}
    cache = {}

    def get(doc_id):
        if doc_id not in cache:
            img, label, group = build(doc_id, args.seed)
            validate_label(doc_id, label)
            cache[doc_id] = (img, label, group)
        return cache[doc_id]

    written = 0
    for prefix in ("tc", "sd", "inv", "rcpt"):
        want_clean = prefix in only
        want_degraded = "degraded" in only
        if not (want_clean or want_degraded):
            continue
        for index, doc_id in enumerate(doc_ids(prefix)):
            img, label, group = get(doc_id)
            if want_clean:
                d = os.path.join(dirs[group], "clean")
                os.makedirs(d, exist_ok=True)
                save_clean(img, group, os.path.join(d, doc_id + ".png"))
                write_label(os.path.join(d, doc_id + ".json"), label)
                written += 1
            if want_degraded:
                # the index runs over the whole group so each kind recurs across the set
                gindex = index + (COUNTS["tc"] if prefix == "sd" else 0) + (COUNTS["inv"] if prefix == "rcpt" else 0)
                dimg, dlabel, quality, dpi = degraded_copy(doc_id, gindex, img, label, group, args.seed)
                validate_label(doc_id + "-d", dlabel)
                d = os.path.join(dirs[group], "degraded")
                os.makedirs(d, exist_ok=True)
                base = os.path.join(d, doc_id + "-d")
                for ext in (".png", ".jpg"):  # drop a stale copy with the other extension
                    if os.path.exists(base + ext):
                        os.remove(base + ext)
                if quality is not None:
                    render.save_jpeg(dimg, base + ".jpg", dpi, quality)
                elif group == "fapiao":
                    render.save_png_palette(dimg, base + ".png", dpi, colors=40, octree=True)
                else:
                    render.save_png_grey(dimg, base + ".png", dpi)
                write_label(base + ".json", dlabel)
                written += 1
            if prefix in ("tc", "sd") and doc_id != "tc-001":
                cache.pop(doc_id, None)  # keep memory low; tc-001 is reused by formats
    if "photo" in only:
        written += write_photos(out, get, args.seed)
    if "paper" in only:
        written += write_paper(out, args.seed)
    if "world" in only:
        written += world.write_all(os.path.join(out, "invoices"), args.seed, write_label, validate_label)
    if "formats" in only:
        write_formats(os.path.join(out, "formats"), get)
        written += 8
    if "bad" in only:
        img, _, _ = get("rcpt-001")
        sample = img.convert("L").crop((0, 0, img.size[0], min(img.size[1], 700)))
        jb, pb = io.BytesIO(), io.BytesIO()
        sample.save(jb, format="JPEG", quality=85)
        sample.save(pb, format="PNG", optimize=True)
        names = badfiles.write_all(os.path.join(out, "bad"), jb.getvalue(), pb.getvalue())
        written += len(names)
    if "digital" in only:
        labels = {doc_id: get(doc_id)[1] for doc_id in doc_ids("tc")[:7] + doc_ids("sd")[:5] + doc_ids("inv")[:3]}
        scans = {}
        for doc_id in ("tc-003", "sd-003"):
            buf = io.BytesIO()
            get(doc_id)[0].convert("RGB").save(buf, format="JPEG", quality=80, dpi=(300, 300))
            scans[doc_id] = buf.getvalue()
        written += len(digital.write_all(os.path.join(out, "born-digital"), labels, scans))
    print("wrote %d files/documents under %s" % (written, out))
    return 0


PHOTOGRAPHED = ["tc-001", "tc-004", "tc-006", "sd-001", "sd-004", "sd-007", "inv-001", "inv-003", "rcpt-002",
                "rcpt-005"]


def write_photos(out, get, seed):
    """Phone-photo copies (photo.py) of some pages: fapiao/photo/NAME-p.jpg, english/photo/NAME-p.jpg."""
    written = 0
    for doc_id in PHOTOGRAPHED:
        img, label, group = get(doc_id)
        rng = random.Random("%s-%s-p" % (seed, doc_id))
        shot, applied = photo.photograph(img, rng)
        meta = {k: v for k, v in label["meta"].items() if k not in ("boxes", "lineItemBoxes")}
        meta.update({"degradations": applied, "seed": "%s-%s-p" % (seed, doc_id), "source": "%s.png" % doc_id})
        new_label = {"fields": label["fields"], "lineItems": label["lineItems"], "meta": meta}
        validate_label(doc_id + "-p", new_label)
        d = os.path.join(out, group, "photo")
        os.makedirs(d, exist_ok=True)
        base = os.path.join(d, doc_id + "-p")
        shot.save(base + ".jpg", format="JPEG", quality=80)
        write_label(base + ".json", new_label)
        written += 1
    return written


def write_paper(out, seed):
    """Paper fapiao (paper.py): new tax-control documents drawn as a pre-printed form filled in by a
    dot-matrix printer, then photocopied, photographed or scanned and turned: fapiao/paper/paper-NNN.jpg."""
    d = os.path.join(out, "fapiao", "paper")
    os.makedirs(d, exist_ok=True)
    for n, plan in enumerate(paper.PLANS, 1):
        doc_id = "paper-%03d" % n
        rng = random.Random("%s-%s" % (seed, doc_id))
        _, label = fapiao.tax_control(rng, plan[0])  # the values; paper.py draws its own page
        validate_label(doc_id, label)
        look = random.Random("%s-%s-look" % (seed, doc_id))
        img, applied, rotation, actual_dpi, quality = paper.paper_copy(label, look, plan)
        meta = {k: v for k, v in label["meta"].items() if k not in ("boxes", "lineItemBoxes")}
        meta.update({"degradations": applied, "rotation": rotation, "actualDpi": actual_dpi,
                     "seed": "%s-%s" % (seed, doc_id)})
        options = {"format": "JPEG", "quality": quality, "optimize": True}
        stated = plan[4]
        if stated:  # a wrong resolution in the file; otherwise none at all (JFIF density unit 0)
            options["dpi"] = (stated, stated)
            meta["dpi"] = stated
        new_label = {"fields": label["fields"], "lineItems": label["lineItems"], "meta": meta}
        validate_label(doc_id, new_label)
        base = os.path.join(d, doc_id)
        img.save(base + ".jpg", **options)
        write_label(base + ".json", new_label)
    return len(paper.PLANS)


def write_formats(d, get):
    """Header crop in six formats + one label; a two-page TIFF + its label."""
    os.makedirs(d, exist_ok=True)
    img, label, _ = get("tc-001")
    boxes = label["meta"]["boxes"]
    keys = ["invoiceCode", "invoiceNumber", "issueDate", "checkCode"]
    right = max(boxes[k][0] + boxes[k][2] for k in keys)
    top = min(boxes[k][1] for k in keys)
    bottom = max(boxes[k][1] + boxes[k][3] for k in keys)
    w, h = 1100, 330
    x0 = min(img.size[0] - w, right + 120 - w)
    y0 = max(0, top - (h - (bottom - top)) // 2)
    crop = img.crop((x0, y0, x0 + w, y0 + h))
    pal = crop.convert("RGB").quantize(colors=64, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    rgb = crop.convert("RGB")
    pal.save(os.path.join(d, "header.png"), format="PNG", optimize=True, dpi=(300, 300))
    rgb.save(os.path.join(d, "header.jpg"), format="JPEG", quality=90, dpi=(300, 300))
    rgb.save(os.path.join(d, "header.tiff"), format="TIFF", compression="tiff_lzw", dpi=(300, 300))
    pal.save(os.path.join(d, "header.bmp"), format="BMP", dpi=(300, 300))  # 8-bit palette BMP
    exif = Image.Exif()  # WebP has no dpi field of its own: state 300 dpi in EXIF
    exif[0x011A] = 300  # XResolution
    exif[0x011B] = 300  # YResolution
    exif[0x0128] = 2    # ResolutionUnit = inch
    rgb.save(os.path.join(d, "header.webp"), format="WEBP", lossless=True, quality=100, method=6, exif=exif.tobytes())
    pal.save(os.path.join(d, "header.gif"), format="GIF")
    f = label["fields"]
    hdr = {"fields": {k: f[k] for k in keys},
           "lineItems": [],
           "meta": {"layout": "tax-control-header-crop", "source": "fapiao/clean/tc-001.png",
                    "crop": [x0, y0, w, h], "dpi": 300, "rotation": 0, "degradations": [],
                    "formats": ["png", "jpg", "tiff", "bmp", "webp", "gif"],
                    "boxes": {k: [boxes[k][0] - x0, boxes[k][1] - y0, boxes[k][2], boxes[k][3]] for k in keys}}}
    write_label(os.path.join(d, "header.json"), hdr)

    rimg, rlabel, _ = get("rcpt-001")
    page1, page2 = img.convert("L"), rimg.convert("L")
    page1.save(os.path.join(d, "two-pages.tiff"), format="TIFF", compression="tiff_adobe_deflate",
               dpi=(300, 300), save_all=True, append_images=[page2])
    pages = []
    for n, (lab, src) in enumerate(((label, "fapiao/clean/tc-001.png"), (rlabel, "english/clean/rcpt-001.png")), 1):
        m = lab["meta"]
        pages.append({"page": n, "source": src, "layout": m["layout"], "fields": dict(sorted(lab["fields"].items())),
                      "lineItems": lab["lineItems"], "boxes": m["boxes"]})
    two = {"fields": label["fields"], "lineItems": label["lineItems"],
           "meta": {"pages": 2, "layout": "tax-control", "qr": label["meta"]["qr"], "dpi": 300, "rotation": 0,
                    "degradations": ["greyscale"], "boxes": label["meta"]["boxes"], "pageLabels": pages}}
    write_label(os.path.join(d, "two-pages.json"), two)


# ---------------------------------------------------------------------------
# Self-test
# ---------------------------------------------------------------------------

USCC_VECTORS = [
    ("91350100M000100Y4Z", False),
    ("9150010807MGZHI002", False),
    ("91320594MA1MFD7F31", True),
    ("91520000MA6DKWDM90", True),
    ("91510107MA65T8E44U", True),
    ("91310110350849784X", True),
]


def self_test(out_dir):
    failures = 0
    for amount, expected in daxie.EXAMPLES:
        got = daxie.amount_in_words(amount)
        if got != expected:
            print("FAIL 大写 %s: got %s, want %s" % (amount, got, expected))
            failures += 1
    for code, ok in USCC_VECTORS:
        if V.is_valid_uscc(code) != ok:
            print("FAIL USCC %s: want %s" % (code, "valid" if ok else "invalid"))
            failures += 1
    if V.uscc_check_char("91350100M000100Y4") != "3":
        print("FAIL USCC worked example: check char should be 3")
        failures += 1
    rng = random.Random("self-test")
    for _ in range(200):
        code = V.uscc(rng, rng.choice(["91", "92", "12"]), "320505")
        if not V.is_valid_uscc(code):
            print("FAIL generated USCC %s" % code)
            failures += 1
            break
    checked = 0
    for root, _dirs, files in os.walk(out_dir):
        if os.path.basename(root) in ("bad", "generator") or os.path.basename(root) == "formats":
            continue
        for name in sorted(files):
            if name.endswith(".json"):
                with open(os.path.join(root, name), encoding="utf-8") as fh:
                    lab = json.load(fh)
                try:
                    validate_label(name, lab)
                    checked += 1
                except LabelError as e:
                    print("FAIL label %s" % e)
                    failures += 1
    total = len(daxie.EXAMPLES) + len(USCC_VECTORS) + 2 + checked
    print("%d passed, %d failed" % (total - failures, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
