#!/usr/bin/env python3
"""Scan-like copies of real e-invoice PDFs at two resolutions, in grey and colour, without DPI metadata.

For every PDF in SOURCE that has a label (NAME.json), renders page 1 with pdftoppm at 200 and at 150 dpi
and writes four variants: NAME-200-grey.jpg, NAME-200-colour.jpg, NAME-150-grey.jpg, NAME-150-colour.jpg.
Each is degraded like a sheet on a desk scanner: a random skew of up to ±3 degrees (white fill, canvas
expanded), a slightly off-white paper tone, mild blur and sensor noise, then saved as JPEG quality 60
with NO resolution in the file (the JFIF header keeps Pillow's aspect-only density 1x1, unit 0, so a
reader sees no dpi and must work the scale out from the page itself). Each variant gets a copy of
NAME.json beside it. OFD sources cannot be rendered and are skipped with a note.
Deterministic: the randomness is seeded with the file name and the variant.

The copies derive from ../shared/data and must not be committed (the default OUT is git-ignored).

Usage: scripts/tools/fapiao_scan_copies.py [--source ../shared/data/fapiao-dev] [--out .data/fapiao-dev-scan-copies]
"""
import argparse
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageChops, ImageFilter

RESOLUTIONS = (200, 150)
MODES = ("grey", "colour")
QUALITY = 60


def noise_field(size: tuple, rng: random.Random, sigma: float) -> Image.Image:
    """An 'L' field of Gaussian noise centred on 128: a seeded 128x128 tile, repeated with random row offsets."""
    tile_size = 128
    tile = Image.frombytes("L", (tile_size, tile_size),
                           bytes(max(0, min(255, int(round(128 + rng.gauss(0, sigma)))))
                                 for _ in range(tile_size * tile_size)))
    w, h = size
    field = Image.new("L", size, 128)
    for y in range(0, h, tile_size):
        offset = rng.randrange(tile_size)
        for x in range(-offset, w, tile_size):
            field.paste(tile, (x, y))
    return field


def degrade(image: Image.Image, rng: random.Random, grey: bool) -> Image.Image:
    image = image.convert("RGB")
    # A sheet laid on the glass by hand: up to 3 degrees of skew, white where the page turns in.
    angle = rng.uniform(-3.0, 3.0)
    image = image.rotate(angle, resample=Image.BICUBIC, expand=True, fillcolor=(255, 255, 255))
    # Paper and lamp: a faint warm grey instead of pure white.
    tone = Image.new("RGB", image.size, (rng.randint(236, 248), rng.randint(234, 246), rng.randint(226, 240)))
    image = ImageChops.multiply(image, tone)
    # Optics: a little blur.
    image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 0.7)))
    if grey:
        image = image.convert("L")
    # Sensor noise (luminance only) from the seeded generator.
    noise = noise_field(image.size, rng, rng.uniform(4, 8))
    if grey:
        return ImageChops.add(image, noise, 1.0, -128)
    return Image.merge("RGB", [ImageChops.add(band, noise, 1.0, -128) for band in image.split()])


def check_no_dpi(path: Path) -> None:
    """The saved JPEG must state no resolution: no 'dpi', JFIF density unit 0 (aspect ratio only)."""
    with Image.open(path) as saved:
        info = saved.info
        if "dpi" in info or info.get("jfif_unit", 0) != 0 or info.get("jfif_density", (1, 1)) != (1, 1) \
                or "exif" in info:
            raise SystemExit(f"fapiao_scan_copies: {path} has resolution metadata: "
                             f"{ {k: info.get(k) for k in ('dpi', 'jfif_unit', 'jfif_density', 'exif')} }")


def render_page(pdf: Path, dpi: int, tmp: Path) -> Image.Image:
    prefix = tmp / f"page-{dpi}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", "1", "-l", "1", "-png", str(pdf), str(prefix)], check=True)
    rendered = next(tmp.glob(f"page-{dpi}*.png"))
    with Image.open(rendered) as page:
        page.load()
        return page.copy()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", default=str(Path(__file__).resolve().parents[3] / "shared/data/fapiao-dev"))
    parser.add_argument("--out", default=str(Path(__file__).resolve().parents[2] / ".data/fapiao-dev-scan-copies"))
    args = parser.parse_args()

    source, out = Path(args.source), Path(args.out)
    if not source.is_dir():
        print(f"fapiao_scan_copies: {source} does not exist", file=sys.stderr)
        return 1
    if shutil.which("pdftoppm") is None:
        print("fapiao_scan_copies: pdftoppm not found (apt-get install poppler-utils)", file=sys.stderr)
        return 1
    out.mkdir(parents=True, exist_ok=True)
    made, pdfs, skipped = 0, 0, []
    for document in sorted(source.iterdir()):
        label = document.with_suffix(".json")
        if document.suffix.lower() not in (".pdf", ".ofd") or not label.exists():
            continue
        if document.suffix.lower() == ".ofd":
            skipped.append(document.name)
            print(f"fapiao_scan_copies: skipping {document.name} (OFD cannot be rendered)")
            continue
        pdfs += 1
        with tempfile.TemporaryDirectory() as tmp:
            for dpi in RESOLUTIONS:
                page = render_page(document, dpi, Path(tmp))
                for mode in MODES:
                    variant = f"{dpi}-{mode}"
                    rng = random.Random(f"scan-copy-{document.stem}-{variant}")
                    scan = degrade(page, rng, grey=(mode == "grey"))
                    target = out / f"{document.stem}-{variant}.jpg"
                    scan.save(target, format="JPEG", quality=QUALITY)  # no dpi argument: no resolution stored
                    check_no_dpi(target)
                    shutil.copyfile(label, out / f"{document.stem}-{variant}.json")
                    made += 1
    print(f"fapiao_scan_copies: {made} copies ({len(RESOLUTIONS) * len(MODES)} per PDF) of {pdfs} PDFs in {out}"
          f"; {len(skipped)} OFD skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
