#!/usr/bin/env python3
"""Scan-like copies of real e-invoice PDFs, for measuring OCR on real layouts.

For every PDF in SOURCE that has a label (NAME.json), renders page 1 at 200 dpi with pdftoppm and
degrades it like a desk scanner: a small random skew, a slightly off-white paper tone, mild blur,
sensor noise and JPEG compression. Writes NAME.jpg (200 dpi in the file) and copies NAME.json to OUT.
Deterministic: the randomness is seeded with the file name.

The copies derive from ../shared/data and must not be committed (the default OUT is git-ignored).

Usage: scripts/tools/fapiao_scans.py [--source ../shared/data/fapiao-dev] [--out .data/fapiao-dev-scans]
"""
import argparse
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageChops, ImageFilter


def degrade(image: Image.Image, rng: random.Random) -> Image.Image:
    image = image.convert("RGB")
    # A sheet laid on the glass by hand: up to 1.5 degrees of skew, white where the page turns in.
    angle = rng.uniform(-1.5, 1.5)
    image = image.rotate(angle, resample=Image.BICUBIC, expand=True, fillcolor=(255, 255, 255))
    # Paper and lamp: a faint warm grey instead of pure white.
    tone = Image.new("RGB", image.size, (rng.randint(238, 248), rng.randint(236, 246), rng.randint(228, 240)))
    image = ImageChops.multiply(image, tone)
    # Optics: a little blur.
    image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 0.8)))
    # Sensor noise from a seeded noise field.
    noise = Image.effect_noise(image.size, rng.uniform(6, 12)).convert("RGB")
    image = Image.blend(image, ImageChops.multiply(image, noise.point(lambda v: 200 + v * 55 // 255)), 0.35)
    return image


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", default=str(Path(__file__).resolve().parents[3] / "shared/data/fapiao-dev"))
    parser.add_argument("--out", default=str(Path(__file__).resolve().parents[2] / ".data/fapiao-dev-scans"))
    parser.add_argument("--dpi", type=int, default=200)
    args = parser.parse_args()

    source, out = Path(args.source), Path(args.out)
    if not source.is_dir():
        print(f"fapiao_scans: {source} does not exist", file=sys.stderr)
        return 1
    out.mkdir(parents=True, exist_ok=True)
    made = 0
    for pdf in sorted(source.glob("*.pdf")):
        label = pdf.with_suffix(".json")
        if not label.exists():
            continue
        rng = random.Random(f"scan-{pdf.stem}")
        with tempfile.TemporaryDirectory() as tmp:
            prefix = Path(tmp) / "page"
            subprocess.run(["pdftoppm", "-r", str(args.dpi), "-f", "1", "-l", "1", "-png", str(pdf), str(prefix)],
                           check=True)
            rendered = next(Path(tmp).glob("page*.png"))
            scan = degrade(Image.open(rendered), rng)
        scan.save(out / f"{pdf.stem}.jpg", quality=rng.randint(78, 88), dpi=(args.dpi, args.dpi))
        shutil.copyfile(label, out / label.name)
        made += 1
    print(f"fapiao_scans: {made} scan-like copies in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
