"""Regenerate the demo photos referenced by articles.jsonl.

Every image block's ``src`` gets an abstract, photo-like landscape JPEG
(1200x800, no text) drawn with Pillow. The scene type is picked from keywords
in the caption, and all randomness comes from a RNG seeded with the file
name, so the output is deterministic. Run: python make_images.py
"""

import json
import random
import zlib
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter

HERE = Path(__file__).resolve().parent
W, H = 1200, 800
MAX_BYTES = 80_000


def jitter(rng, c, d=12):
    return tuple(max(0, min(255, v + rng.randint(-d, d))) for v in c)


def gradient(d, top, bottom, y0, y1):
    for y in range(y0, y1):
        t = (y - y0) / max(1, y1 - y0 - 1)
        d.line(
            [(0, y), (W, y)],
            fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=False)),
        )


def sky(d, rng, horizon):
    top, bottom = rng.choice(
        [
            ((70, 130, 200), (190, 215, 235)),
            ((95, 150, 210), (225, 230, 235)),
            ((60, 80, 140), (240, 180, 140)),
            ((120, 160, 200), (235, 225, 215)),
        ]
    )
    gradient(d, jitter(rng, top), jitter(rng, bottom), 0, horizon)
    for _ in range(rng.randint(2, 6)):  # soft clouds
        x, y = rng.randint(-100, W), rng.randint(20, max(40, horizon // 2))
        for _ in range(6):
            r = rng.randint(25, 60)
            cx, cy = x + rng.randint(-70, 70), y + rng.randint(-12, 12)
            d.ellipse(
                [cx - 2 * r, cy - r, cx + 2 * r, cy + r], fill=jitter(rng, (240, 242, 245), 8)
            )


def hills(d, rng, horizon, color):
    pts, x = [(0, horizon)], 0
    while x < W:
        x += rng.randint(60, 160)
        pts.append((x, horizon - rng.randint(15, 90)))
    d.polygon(pts + [(W, horizon), (0, horizon)], fill=jitter(rng, color))


def buildings(d, rng, base, hmin, hmax, night=False):
    x = rng.randint(-40, 0)
    while x < W:
        w, h = rng.randint(50, 150), rng.randint(hmin, hmax)
        col = jitter(
            rng,
            rng.choice([(150, 160, 175), (185, 180, 170), (120, 135, 150), (205, 205, 200)]),
            15,
        )
        d.rectangle([x, base - h, x + w, base], fill=col)
        win = tuple(v + 40 if night else v - 35 for v in col)
        for wy in range(base - h + 12, base - 10, 18):
            for wx in range(x + 8, x + w - 10, 16):
                if rng.random() < 0.8:
                    d.rectangle([wx, wy, wx + 8, wy + 10], fill=jitter(rng, win, 10))
        x += w + rng.randint(2, 20)


def trees(d, rng, y, n, pink=False):
    for _ in range(n):
        x, s = rng.randint(0, W), rng.randint(40, 110)
        d.rectangle([x - 4, y - s, x + 4, y], fill=(80, 60, 45))
        base = (245, 200, 215) if pink else (70, 120, 65)
        for _ in range(14):
            r = rng.randint(s // 5, s // 3)
            cx, cy = x + rng.randint(-s // 2, s // 2), y - s + rng.randint(-s // 3, s // 4)
            d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=jitter(rng, base, 18))


def people(d, rng, y, n, x0=60, x1=W - 60, scale=1.0):
    for i in range(n):
        x = x0 + (x1 - x0) * (i + 0.5) / n + rng.randint(-10, 10)
        r = int(22 * scale)
        d.rounded_rectangle(
            [x - 2.2 * r, y - 5 * r, x + 2.2 * r, y + 2 * r], 18, fill=jitter(rng, (40, 45, 60), 15)
        )
        d.ellipse([x - r, y - 7.3 * r, x + r, y - 5.1 * r], fill=jitter(rng, (220, 185, 160), 10))


def scene_city(d, rng, ground=None):
    hz, night = rng.randint(420, 520), rng.random() < 0.25
    if night:
        gradient(d, (15, 20, 45), (70, 60, 90), 0, hz)
    else:
        sky(d, rng, hz)
    hills(d, rng, hz, (60, 70, 80) if night else (110, 135, 125))
    buildings(d, rng, hz + 40, 80, 330, night)
    ground = ground or rng.choice(["road", "park", "river"])
    if ground == "river":  # riverside view (Gapcheon-like)
        gradient(d, (120, 150, 120), (100, 130, 95), hz + 40, hz + 80)
        gradient(d, (90, 120, 150), (50, 80, 110), hz + 80, H - 90)
        gradient(d, (120, 150, 100), (80, 115, 70), H - 90, H)
        trees(d, rng, H - 60, 5)
    elif ground == "park":
        gradient(d, (110, 150, 90), (70, 110, 60), hz + 40, H)
        d.polygon(
            [(W // 3, hz + 40), (W // 3 + 40, hz + 40), (W // 2 + 200, H), (W // 2 - 60, H)],
            fill=(200, 190, 170),
        )
        trees(d, rng, H - 30, 7)
    else:
        gradient(d, (95, 95, 100), (60, 60, 65), hz + 40, H)
        for x in range(rng.randint(-100, 0), W, 140):
            d.rectangle([x, H - 150, x + 70, H - 140], fill=(225, 225, 215))
        for _ in range(rng.randint(2, 5)):  # cars
            x, y = rng.randint(0, W - 160), rng.choice([H - 230, H - 90])
            d.rounded_rectangle(
                [x, y, x + 150, y + 55],
                14,
                fill=jitter(
                    rng, rng.choice([(230, 230, 230), (40, 40, 45), (150, 30, 30), (60, 90, 150)])
                ),
            )
    trees(d, rng, hz + 50, rng.randint(3, 7))


def scene_gas(d, rng):
    scene_city(d, rng, ground="road")
    d.rectangle([150, 330, 1050, 380], fill=(235, 235, 235))
    d.rectangle([150, 370, 1050, 385], fill=(200, 40, 40))
    for x in (250, 600, 950):
        d.rectangle([x - 12, 385, x + 12, 690], fill=(200, 200, 205))
        d.rectangle([x + 40, 560, x + 90, 690], fill=(60, 120, 190))


def scene_meeting(d, rng, banner=True):
    gradient(d, jitter(rng, (225, 215, 200)), jitter(rng, (190, 180, 165)), 0, H)
    if banner:
        d.rectangle([80, 60, W - 80, 230], fill=jitter(rng, (30, 80, 150)))
        d.rectangle([100, 200, W - 100, 212], fill=(240, 240, 240))
    people(d, rng, 600, rng.randint(7, 10))
    d.rectangle([0, 600, W, H], fill=jitter(rng, (120, 85, 60)))
    d.rectangle([0, 600, W, 640], fill=(245, 245, 245))
    for i in range(rng.randint(3, 6)):
        x = 120 + i * 200 + rng.randint(-20, 20)
        d.rectangle([x, 515, x + 110, 575], fill=(250, 250, 248))


def scene_blossom(d, rng, lake=False):
    hz = rng.randint(380, 460)
    sky(d, rng, hz)
    hills(d, rng, hz, (100, 130, 120))
    if lake:
        gradient(d, (110, 150, 175), (70, 110, 140), hz, hz + 140)
        gradient(d, (150, 140, 120), (110, 100, 90), hz + 140, H)
    else:
        gradient(d, (140, 160, 110), (90, 120, 70), hz, H)
        d.polygon(
            [(W // 2 - 20, hz), (W // 2 + 20, hz), (W - 200, H), (200, H)], fill=(205, 190, 165)
        )
    for y in (hz + 60, hz + 160, H - 20):
        trees(d, rng, y, rng.randint(5, 8), pink=True)
    people(d, rng, H - 90, rng.randint(2, 4), 350, 850, 0.7)


def scene_greenhouses(d, rng):
    hz = rng.randint(300, 380)
    sky(d, rng, hz)
    hills(d, rng, hz, (90, 115, 100))
    gradient(d, (120, 110, 85), (95, 80, 60), hz, H)
    for row in range(4):
        y, s = hz + 40 + row * 110, 0.6 + row * 0.35
        for x in range(rng.randint(-200, 0), W, int(220 * s)):
            d.chord(
                [x, y - 80 * s, x + 200 * s, y + 80 * s],
                180,
                360,
                fill=jitter(rng, (225, 230, 228), 8),
            )


def scene_strawberry(d, rng):
    gradient(d, (235, 238, 232), (200, 205, 195), 0, H)
    for i in range(0, W + 1, 120):
        d.line([(i, 0), (W // 2, -400)], fill=(170, 175, 170), width=3)
    for k, x0 in enumerate((60, 430, 800)):
        d.polygon(
            [(x0, 380), (x0 + 280, 380), (x0 + 340 + k * 20, H), (x0 - 60, H)], fill=(60, 110, 55)
        )
        for _ in range(90):
            x, y = rng.randint(x0, x0 + 300), rng.randint(400, H)
            d.ellipse([x - 7, y - 9, x + 7, y + 9], fill=jitter(rng, (200, 30, 40), 25))
    people(d, rng, 600, 2, 120, 1100, 1.1)


def scene_orchard(d, rng):
    hz = rng.randint(360, 420)
    sky(d, rng, hz)
    hills(d, rng, hz, (110, 125, 115))
    gradient(d, (150, 140, 100), (110, 95, 70), hz, H)
    for _ in range(14):
        x, y = rng.randint(0, W), rng.randint(hz + 20, H - 40)
        s = (y - hz) / 3 + 30
        for _ in range(6):
            a, b = x + rng.randint(-int(s), int(s)), y - rng.randint(int(s), int(2 * s))
            d.line([(x, y), (a, b)], fill=(85, 65, 50), width=max(2, int(s / 25)))
            d.ellipse([a - 4, b - 4, a + 4, b + 4], fill=(235, 160, 180))
    people(d, rng, H - 60, 1, 700, 900, 1.2)


def scene_stadium(d, rng, baseball=False):
    night = rng.random() < 0.5
    gradient(
        d,
        (20, 30, 60) if night else (110, 160, 215),
        (60, 70, 100) if night else (200, 220, 235),
        0,
        200,
    )
    gradient(d, (70, 70, 80), (40, 40, 50), 200, 420)
    for _ in range(2500):
        x, y = rng.randint(0, W), rng.randint(210, 410)
        d.point(
            (x, y),
            fill=jitter(
                rng, rng.choice([(230, 120, 40), (240, 240, 240), (60, 90, 180), (220, 60, 60)]), 20
            ),
        )
    d.rectangle([0, 405, W, 420], fill=(30, 30, 35))
    gradient(d, (60, 140, 60), (40, 110, 45), 420, H)
    for y in range(420, H, 60):
        d.rectangle([0, y, W, y + 30], fill=(55, 128, 55))
    if baseball:
        d.polygon(
            [(W // 2, 440), (W - 250, 620), (W // 2, H + 40), (250, 620)], fill=(185, 135, 90)
        )
        d.polygon([(W // 2, 500), (W - 380, 620), (W // 2, 740), (380, 620)], fill=(60, 140, 60))
    else:
        d.line([(0, 600), (W, 600)], fill=(235, 235, 235), width=4)
        d.ellipse([W // 2 - 160, 540, W // 2 + 160, 660], outline=(235, 235, 235), width=4)
        people(d, rng, 700, 5, 150, 1050, 0.9)
    for x in (60, W - 60):
        d.rectangle([x - 6, 20, x + 6, 400], fill=(50, 50, 55))
        d.rectangle([x - 40, 20, x + 40, 60], fill=(255, 250, 220) if night else (200, 200, 200))


def scene_stage(d, rng):
    gradient(d, (15, 15, 25), (40, 30, 35), 0, H)
    d.rectangle([100, 150, W - 100, 520], fill=jitter(rng, (90, 60, 45)))
    for x in range(160, W - 160, 70):
        d.polygon([(x, 0), (x + 30, 0), (x + 140, 520), (x - 80, 520)], fill=(120, 95, 70))
    people(d, rng, 500, rng.randint(10, 16), 160, W - 160, 0.6)
    for row in range(4):
        y = 600 + row * 55
        for x in range(rng.randint(-20, 20), W, 70):
            d.ellipse([x, y, x + 48, y + 60], fill=(20 + row * 5, 18, 22))


def scene_school(d, rng):
    hz = rng.randint(480, 540)
    sky(d, rng, hz)
    d.rectangle([80, hz - 260, W - 80, hz], fill=jitter(rng, (225, 210, 180)))
    for fy in range(hz - 240, hz - 20, 70):
        for fx in range(110, W - 120, 60):
            d.rectangle([fx, fy, fx + 40, fy + 40], fill=(120, 150, 170))
    gradient(d, (190, 120, 90), (160, 100, 75), hz, H)
    people(d, rng, H - 60, rng.randint(5, 8), 100, W - 100, 0.8)
    trees(d, rng, hz, 4)


SCENES = [  # (caption keywords, scene) - first match wins
    (("협약",), scene_meeting),
    (("창구", "은행"), lambda d, r: scene_meeting(d, r, banner=False)),
    (("대청호", "호수"), lambda d, r: scene_blossom(d, r, lake=True)),
    (("벚꽃", "벚나무"), scene_blossom),
    (("재배대",), scene_strawberry),
    (("비닐하우스",), scene_greenhouses),
    (("과수원",), scene_orchard),
    (("이글스파크", "시범경기"), lambda d, r: scene_stadium(d, r, baseball=True)),
    (("경기장", "경기에서"), scene_stadium),
    (("공연 모습", "연주", "무대"), scene_stage),
    (("학교", "등교"), scene_school),
    (("주유소",), scene_gas),
]


def render(src, caption):
    rng = random.Random(zlib.crc32(src.encode()))
    img = Image.new("RGB", (W, H))
    d = ImageDraw.Draw(img)
    fn = next((f for keys, f in SCENES if any(k in caption for k in keys)), scene_city)
    fn(d, rng)
    img = img.filter(ImageFilter.GaussianBlur(1.2))
    vignette = Image.radial_gradient("L").resize((W, H)).point(lambda v: 255 - v // 3)
    img = ImageChops.multiply(img, Image.merge("RGB", [vignette] * 3))
    grain = Image.frombytes("L", (W // 2, H // 2), rng.randbytes(W * H // 4)).resize((W, H))
    return Image.blend(img, Image.merge("RGB", [grain] * 3), 0.03)


def main():
    out = HERE / "images"
    out.mkdir(exist_ok=True)
    for line in (HERE / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        for block in json.loads(line)["body"]:
            if block["type"] != "image":
                continue
            path = HERE / block["src"]
            img = render(block["src"], block.get("caption", ""))
            for q in (70, 62, 55, 48):
                img.save(path, "JPEG", quality=q, optimize=True)
                if path.stat().st_size < MAX_BYTES:
                    break
            print(f"{path.name}: {path.stat().st_size // 1024} KB (q={q})")


if __name__ == "__main__":
    main()
