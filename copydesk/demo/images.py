"""Deterministic, generated illustrations for the demo newsroom: author portraits and story images.

Everything is drawn with Pillow from a seed string: no network, no photographs, no fonts. Shapes are
drawn at twice the target size and then reduced, which gives smooth edges cheaply.
"""

import colorsys
import hashlib
import io
import math
import random

from PIL import Image, ImageDraw, ImageFilter

SS = 2  # supersampling factor

Color = tuple[int, int, int]

SKIN_TONES = [
    (255, 219, 189),
    (241, 194, 160),
    (224, 172, 130),
    (198, 134, 94),
    (161, 102, 66),
    (112, 70, 46),
]
HAIR_COLOURS = [(34, 27, 25), (66, 44, 32), (110, 72, 44), (160, 92, 52), (214, 178, 120), (176, 176, 180)]


def _rng(seed: str) -> random.Random:
    """Return a random generator seeded from the sha256 of the seed string."""
    return random.Random(int.from_bytes(hashlib.sha256(seed.encode()).digest()[:8], "big"))


def _hls(h: float, lightness: float, saturation: float) -> Color:
    """Convert hue/lightness/saturation (0-1) into an RGB tuple."""
    r, g, b = colorsys.hls_to_rgb(h % 1.0, min(max(lightness, 0), 1), min(max(saturation, 0), 1))
    return int(r * 255), int(g * 255), int(b * 255)


def _mix(a: Color, b: Color, t: float) -> Color:
    """Blend two colours; t=0 gives a, t=1 gives b."""
    return tuple(int(a[i] + (b[i] - a[i]) * t) for i in range(3))


class _Pen:
    """Wraps ImageDraw so callers use target-size coordinates on the supersampled canvas."""

    def __init__(self, size: tuple[int, int], top: Color, bottom: Color) -> None:
        """Start a canvas of the target size filled with a vertical two-colour gradient."""
        big = (size[0] * SS, size[1] * SS)
        mask = Image.linear_gradient("L").resize(big)
        self.img = Image.composite(Image.new("RGB", big, bottom), Image.new("RGB", big, top), mask)
        self.d = ImageDraw.Draw(self.img, "RGBA")

    def __getattr__(self, name: str):
        """Proxy an ImageDraw method, scaling coordinates, widths and radii by the supersampling factor."""
        method = getattr(self.d, name)

        def call(xy, *args, **kw):
            flat = [v for p in xy for v in (p if isinstance(p, tuple) else (p,))]
            for key in ("width", "radius"):
                if key in kw:
                    kw[key] = int(kw[key] * SS)
            return method([v * SS for v in flat], *args, **kw)

        return call

    def circle(self, x: float, y: float, rx: float, ry: float | None = None, **kw) -> None:
        """Draw an ellipse centred on (x, y)."""
        self.ellipse((x - rx, y - (ry or rx), x + rx, y + (ry or rx)), **kw)

    def glow(self, x: float, y: float, radius: float, colour: Color, strength: int) -> None:
        """Add a soft blurred glow, computed at low resolution for speed."""
        k = 8 / SS
        mask = Image.new("L", (self.img.width // 8, self.img.height // 8), 0)
        x, y, r = x / k, y / k, radius / k
        ImageDraw.Draw(mask).ellipse((x - r, y - r, x + r, y + r), fill=strength)
        mask = mask.filter(ImageFilter.GaussianBlur(r * 0.6)).resize(self.img.size, Image.Resampling.BILINEAR)
        self.img.paste(Image.new("RGB", self.img.size, colour), (0, 0), mask)

    def result(self) -> Image.Image:
        """The finished image at target size."""
        return self.img.reduce(SS)


def _palette(rng: random.Random) -> dict[str, Color]:
    """A harmonious palette: sky gradient, three depth layers fading into the haze, and accents."""
    h = rng.random()
    bottom = _hls(h + rng.uniform(0.06, 0.16), rng.uniform(0.76, 0.86), rng.uniform(0.45, 0.7))
    dark = _hls(h + rng.uniform(0.45, 0.6), 0.17, 0.3)
    pal = {"top": _hls(h, rng.uniform(0.28, 0.42), rng.uniform(0.35, 0.55)), "bottom": bottom}
    pal.update({f"l{i}": _mix(bottom, dark, t) for i, t in enumerate((0.3, 0.55, 0.8))})
    pal.update(accent=_hls(h + 0.1, 0.68, 0.75), light=_mix(bottom, (255, 255, 255), 0.6))
    pal.update(contrast=_hls(h + 0.5, 0.4, 0.45), curtain=_hls(h + rng.choice([0.0, 0.5, 0.95]), 0.32, 0.55))
    return pal


def _hills(pen: _Pen, rng: random.Random, w: float, h: float, colour: Color, base: float) -> None:
    """Fill a rolling hill layer from a smooth ridge line down to the bottom edge."""
    waves = [(rng.uniform(0.5, 3.0), rng.uniform(0, 6.3), rng.uniform(0.3, 1.0)) for _ in range(3)]
    amp = h * rng.uniform(0.04, 0.09) / sum(a for _, _, a in waves)
    ys = [
        base * h + amp * sum(a * math.sin(f * math.pi * i / 24 + p) for f, p, a in waves) for i in range(49)
    ]
    pts = [(w * i / 48, y) for i, y in enumerate(ys)]
    pen.polygon([*pts, (w, h), (0, h)], fill=colour)


def _sun(pen: _Pen, rng: random.Random, pal: dict, w: float, h: float, y_max: float) -> None:
    """A glowing sun or moon disc somewhere in the sky."""
    cx, cy, r = rng.uniform(0.15, 0.85) * w, rng.uniform(0.15, y_max) * h, rng.uniform(0.05, 0.08) * h
    pen.glow(cx, cy, r * 3.2, pal["accent"], 120)
    pen.circle(cx, cy, r, fill=pal["light"])


def _landscape(pen, rng, pal, w, h):
    """Sun and three layers of rolling hills; the fallback motif and the inline images."""
    _sun(pen, rng, pal, w, h, 0.45)
    start = rng.uniform(0.45, 0.6)
    for i in range(3):
        _hills(pen, rng, w, h, pal[f"l{i}"], start + i * 0.14)


def _local(pen, rng, pal, w, h):
    """Skyline over a river."""
    _sun(pen, rng, pal, w, h, 0.35)
    horizon = h * rng.uniform(0.6, 0.66)
    for layer, scale in (("l0", 1.0), ("l1", 0.6)):
        x = -rng.uniform(0, 80)
        while x < w:
            bw, top = rng.uniform(70, 190), horizon - h * rng.uniform(0.06, 0.36) * scale
            pen.rectangle((x, top, x + bw, horizon), fill=pal[layer])
            if rng.random() < 0.25:  # pitched roof or spire
                pen.polygon(
                    [(x, top), (x + bw / 2, top - rng.uniform(20, 70)), (x + bw, top)], fill=pal[layer]
                )
            for wy in range(int(top + 16), int(horizon - 10), 26) if layer == "l1" else ():
                for wx in range(int(x + 12), int(x + bw - 16), 24):
                    if rng.random() < 0.35:
                        pen.rectangle((wx, wy, wx + 8, wy + 11), fill=(*pal["accent"], 170))
            x += bw + rng.uniform(0, 14)
    pen.rectangle((0, horizon, w, h), fill=_mix(pal["l1"], pal["top"], 0.45))
    for _ in range(60):
        x, y = rng.uniform(0, w), rng.uniform(horizon + 8, h)
        pen.line([(x, y), (x + rng.uniform(40, 220) * y / h, y)], fill=(*pal["light"], 90), width=3)


def _politics(pen, rng, pal, w, h):
    """A domed civic building with columns and steps."""
    _sun(pen, rng, pal, w, h, 0.3)
    _hills(pen, rng, w, h, pal["l0"], 0.68)
    cx, ground, half = w * rng.uniform(0.4, 0.6), h * 0.82, w * 0.21
    colour, pale = pal["l1"], _mix(pal["l1"], pal["light"], 0.35)
    for i in range(3):  # steps
        wide = half + (3 - i) * 18
        pen.rectangle((cx - wide, ground - (i + 1) * 14, cx + wide, ground - i * 14), fill=pale)
    base, n = ground - 42, rng.choice([6, 8, 10])
    top, step = base - h * 0.26, 2 * half / n
    for i in range(n):
        pen.rectangle((cx - half + step * (i + 0.25), top, cx - half + step * (i + 0.75), base), fill=pale)
    pen.rectangle((cx - half, base - 10, cx + half, base), fill=colour)
    pen.rectangle((cx - half - 10, top - 34, cx + half + 10, top), fill=colour)
    roof = top - 34
    if rng.random() < 0.8:  # drum and dome behind the pediment
        r, drum = half * 0.4, roof - h * 0.14
        pen.rectangle((cx - r, drum, cx + r, roof - h * 0.05), fill=pal["l0"])
        pen.pieslice((cx - r, drum - r * 0.9, cx + r, drum + r * 0.9), 180, 360, fill=pal["l0"])
        pen.rectangle((cx - 8, drum - r * 0.9 - 40, cx + 8, drum - r * 0.9), fill=pal["l0"])
    pen.polygon([(cx - half - 14, roof), (cx, roof - h * 0.1), (cx + half + 14, roof)], fill=colour)
    pen.rectangle((0, ground, w, h), fill=pal["l2"])


def _business(pen, rng, pal, w, h):
    """Towers rising like a bar chart, with a trend line."""
    for i in range(1, 6):
        pen.line([(0, h * i / 6), (w, h * i / 6)], fill=(*pal["light"], 40), width=2)
    ground, n = h * 0.86, rng.randint(7, 10)
    slot, level, tops = w / (n + 1), rng.uniform(0.18, 0.3), []
    for i in range(n):
        level = min(0.6, max(0.12, level + rng.uniform(-0.04, 0.09)))
        x, top = slot * (i + 0.6), ground - h * level
        pen.rectangle((x, top, x + slot * 0.7, ground), fill=_mix(pal["l1"], pal["l0"], 0.5 * (i % 2)))
        for wy in range(int(top + 20), int(ground - 20), 34):
            pen.line([(x + 14, wy), (x + slot * 0.7 - 14, wy)], fill=(*pal["light"], 60), width=3)
        tops.append((x + slot * 0.35, top - 40))
    pen.line(tops, fill=pal["accent"], width=7, joint="curve")
    for x, y in tops:
        pen.circle(x, y, 11, fill=pal["accent"])
    pen.rectangle((0, ground, w, h), fill=pal["l2"])


def _world(pen, rng, pal, w, h):
    """A globe with meridians and flight arcs under a starry sky."""
    for _ in range(90):
        x, y, alpha = rng.uniform(0, w), rng.uniform(0, h * 0.6), rng.randint(80, 200)
        pen.circle(x, y, rng.uniform(1.5, 4), fill=(*pal["light"], alpha))
    cx, cy, r = w * rng.uniform(0.35, 0.65), h * rng.uniform(1.0, 1.15), h * rng.uniform(0.72, 0.85)
    pen.glow(cx, cy, r * 1.15, pal["accent"], 110)
    pen.circle(cx, cy, r, fill=_mix(pal["l1"], pal["contrast"], 0.45))
    line = (*pal["light"], 90)
    for k in range(1, 6):
        pen.circle(cx, cy, r * math.cos(math.pi * k / 12), r, outline=line, width=3)
    for k in range(1, 7):
        y = cy - r * k / 7
        half = math.sqrt(max(r * r - (y - cy) ** 2, 0))
        pen.line([(cx - half, y), (cx + half, y)], fill=line, width=3)
    for _ in range(3):
        x0, top = rng.uniform(0.05, 0.4) * w, rng.uniform(0.12, 0.3) * h
        x1 = x0 + rng.uniform(0.3, 0.5) * w
        pen.arc((x0, top, x1, top + (x1 - x0) * 0.6), 190, 350, fill=(*pal["accent"], 220), width=5)


def _science(pen, rng, pal, w, h):
    """Layered waves below floating molecules."""
    _sun(pen, rng, pal, w, h, 0.3)
    for _ in range(rng.randint(3, 5)):
        atoms = [(rng.uniform(0.05, 0.95) * w, rng.uniform(0.08, 0.5) * h)]
        for _ in range(rng.randint(2, 5)):
            (px, py), ang = rng.choice(atoms), rng.uniform(0, 6.3)
            atoms.append((px + math.cos(ang) * 90, py + math.sin(ang) * 90))
            pen.line([(px, py), atoms[-1]], fill=(*pal["light"], 160), width=5)
        for x, y in atoms:
            pen.circle(x, y, rng.uniform(14, 26), fill=rng.choice([pal["accent"], pal["light"], pal["l0"]]))
    for i, layer in enumerate(("l0", "l1", "l2")):
        base, f, p, amp = (
            h * (0.6 + i * 0.12),
            rng.uniform(2, 4),
            rng.uniform(0, 6.3),
            rng.uniform(0.025, 0.05),
        )
        pts = [(w * k / 80, base + h * amp * math.sin(f * math.pi * k / 40 + p)) for k in range(81)]
        pen.polygon([*pts, (w, h), (0, h)], fill=pal[layer])


def _culture(pen, rng, pal, w, h):
    """A stage with spotlights, curtains and a scalloped valance."""
    curtain = pal["curtain"]
    fold, floor = _mix(curtain, (0, 0, 0), 0.3), h * 0.74
    pen.rectangle((0, floor, w, h), fill=_mix(pal["l1"], curtain, 0.25))
    pen.rectangle((0, floor, w, floor + 8), fill=pal["l2"])
    for _ in range(rng.randint(2, 3)):
        x, spread = rng.uniform(0.3, 0.7) * w, rng.uniform(0.1, 0.18) * w
        beam = [(x - 20, 0), (x + 20, 0), (x + spread, floor + 20), (x - spread, floor + 20)]
        pen.polygon(beam, fill=(*pal["light"], 50))
        pen.circle(x, floor + 20, spread, 30, fill=(*pal["light"], 70))
    band = w * rng.uniform(0.16, 0.22) / 7
    for i in range(7):
        for x0 in (i * band, w - (i + 1) * band):
            pen.rectangle((x0, 0, x0 + band, h), fill=curtain if i % 2 else fold)
    pen.rectangle((0, 0, w, h * 0.08), fill=curtain)
    for i in range(10):  # scalloped valance
        pen.circle((i + 0.5) * w / 10, h * 0.08, w / 20, w * 0.035, fill=curtain)


def _sport(pen, rng, pal, w, h):
    """A pitch in perspective with mown stripes, field lines and floodlights."""
    horizon = h * rng.uniform(0.36, 0.44)
    pen.rectangle((0, horizon - h * 0.1, w, horizon), fill=pal["l1"])
    for x in (w * 0.12, w * 0.88):
        pen.rectangle((x - 5, horizon - h * 0.3, x + 5, horizon), fill=pal["l1"])
        pen.rectangle((x - 40, horizon - h * 0.33, x + 40, horizon - h * 0.29), fill=pal["light"])
        pen.glow(x, horizon - h * 0.31, h * 0.12, pal["light"], 90)
    grass = _hls(rng.uniform(0.25, 0.36), rng.uniform(0.34, 0.42), rng.uniform(0.35, 0.5))
    stripe, vx, n = _mix(grass, (255, 255, 255), 0.08), w / 2, 12
    for i in range(n):
        xb0, xb1 = -w + 3 * w * i / n, -w + 3 * w * (i + 1) / n
        top0, top1 = vx + (xb0 - vx) * 0.25, vx + (xb1 - vx) * 0.25
        pen.polygon([(top0, horizon), (top1, horizon), (xb1, h), (xb0, h)], fill=stripe if i % 2 else grass)
    white = (245, 245, 240, 230)
    pen.line([(0.1 * w, horizon + 6), (0.9 * w, horizon + 6)], fill=white, width=4)
    pen.line([(vx, horizon + 6), (vx, h)], fill=white, width=5)
    cy = horizon + (h - horizon) * 0.55
    pen.circle(vx, cy, w * 0.16, (h - horizon) * 0.2, outline=white, width=5)
    pen.circle(vx, cy, 9, 6, fill=white)


PAINTERS = {"local": _local, "politics": _politics, "business": _business, "world": _world,
            "science": _science, "culture": _culture, "sport": _sport}  # fmt: skip


def _jpeg(img: Image.Image, quality: int = 82) -> bytes:
    """Encode an image as an optimised progressive JPEG."""
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality, optimize=True, progressive=True)
    return buf.getvalue()


def lead_image_jpeg(seed: str, section: str) -> bytes:
    """A 1600x900 JPEG illustration whose motif follows the section and whose palette follows the seed."""
    rng = _rng(f"lead:{seed}")
    pal, w, h = _palette(rng), 1600, 900
    pen = _Pen((w, h), pal["top"], pal["bottom"])
    PAINTERS.get(section, _landscape)(pen, rng, pal, w, h)
    return _jpeg(pen.result())


def inline_image_jpeg(seed: str) -> bytes:
    """A 1200x800 JPEG: a simple landscape of sky, sun and layered hills."""
    rng = _rng(f"inline:{seed}")
    pal, w, h = _palette(rng), 1200, 800
    pen = _Pen((w, h), pal["top"], pal["bottom"])
    _landscape(pen, rng, pal, w, h)
    return _jpeg(pen.result())


def _hair(pen: _Pen, rng: random.Random, style: int, colour: Color, head: tuple[float, ...]) -> None:
    """Hair over the crown down to an arched hairline; styles vary its height, parting, bun and swoop."""
    x, y, rx, ry = head
    grow = 3 if style == 3 else 7  # a close crop hugs the skull
    crown = [(x + (rx + grow) * math.cos(a), y - 4 + (ry + grow + 2) * math.sin(a))
             for a in (math.radians(165 + 210 * i / 40) for i in range(41))]  # fmt: skip
    (xl, yl), (xr, yr) = crown[0], crown[-1]
    peak, part = y - ry * rng.uniform(0.35, 0.6 if style == 3 else 0.5), rng.uniform(0.7, 1.4)
    line = []
    for i in range(41):
        t = i / 40
        base = yr + (yl - yr) * t
        line.append((xr + (xl - xr) * t, base - (base - peak) * math.sin(math.pi * t**part) ** 0.6))
    pen.polygon(crown + line, fill=colour)
    if style == 2:  # bun
        pen.circle(x, y - ry - 20, 40, 36, fill=colour)
    if style == 5:  # side swoop
        pen.circle(x - rx * 0.3, peak + 6, rx * 0.72, ry * 0.24, fill=colour)


def portrait_png(name: str) -> bytes:
    """A 600x600 PNG avatar illustration: head and shoulders on a soft background, varied by name."""
    rng = _rng(f"portrait:{name}")
    h0 = rng.random()
    pen = _Pen((600, 600), _hls(h0, 0.86, 0.45), _hls(h0 + rng.uniform(0.08, 0.2), 0.72, 0.4))
    pen.glow(300, 260, 230, _hls(h0 + 0.04, 0.93, 0.5), 150)
    skin = rng.choice(SKIN_TONES)
    shade, ink = _mix(skin, (60, 30, 20), 0.18), _mix(skin, (30, 20, 20), 0.8)
    style = rng.randrange(6)
    hair = rng.choice(HAIR_COLOURS) if style == 2 or rng.random() > 0.08 else _hls(h0 + 0.5, 0.4, 0.5)
    cloth = _hls(h0 + rng.choice([0.5, 0.55, 0.6, 0.0]), rng.uniform(0.3, 0.5), rng.uniform(0.3, 0.55))
    x, y, rx, ry = 300, rng.uniform(262, 276), rng.uniform(84, 94), rng.uniform(104, 114)
    if style == 1:  # long hair falls behind the shoulders
        pen.rounded_rectangle((x - rx - 26, y - 80, x + rx + 26, y + 200), radius=90, fill=hair)
    if style == 4:  # curls: a cloud of circles behind the head
        for k in range(14):
            a = math.pi * (0.9 + 1.2 * k / 13)
            pen.circle(x + math.cos(a) * rx, y - 10 + math.sin(a) * ry * 0.9, 42, fill=hair)
    neck = y + ry - 40
    top, half = rng.uniform(425, 440), rng.uniform(185, 215)
    pen.rounded_rectangle((x - 38, neck, x + 38, top + 30), radius=20, fill=shade)
    pen.rounded_rectangle((x - half, top, x + half, 720), radius=half * 0.62, fill=cloth)  # shoulders
    collar, trim = rng.randrange(3), _mix(cloth, (255, 255, 255), 0.4)
    if collar == 0:  # v-neck
        pen.polygon([(x - 38, top - 1), (x, top + 66), (x + 38, top - 1)], fill=shade)
    elif collar == 1:  # crew neck
        pen.pieslice((x - 48, top - 34, x + 48, top + 30), 0, 180, fill=shade)
        pen.arc((x - 54, top - 38, x + 54, top + 38), 0, 180, fill=trim, width=8)
    else:  # open collar
        for s in (-1, 1):
            pen.polygon([(x + s * 72, top - 1), (x, top + 86), (x + s * 22, top - 1)], fill=trim)
    for s in (-1, 1):  # ears
        pen.circle(x + s * rx, y + 8, 16, 24, fill=shade)
    pen.circle(x, y, rx, ry, fill=skin)
    _hair(pen, rng, style, hair, (x, y, rx, ry))
    gap, brow = rng.uniform(30, 36), _mix(hair, skin, 0.2)
    for s in (-1, 1):  # eyes and brows
        pen.circle(x + s * gap, y + 14, 7, 8, fill=ink)
        pen.arc((x + s * gap - 16, y - 16, x + s * gap + 16, y), 200, 340, fill=brow, width=4)
    if rng.random() < 0.3:  # glasses
        frame = (40, 40, 48, 220)
        for s in (-1, 1):
            lens = (x + s * gap - 24, y - 4, x + s * gap + 24, y + 32)
            pen.rounded_rectangle(lens, radius=8, outline=frame, width=4)
        pen.line([(x - gap + 24, y + 14), (x + gap - 24, y + 14)], fill=frame, width=4)
    if style == 3 and rng.random() < 0.6:  # beard
        pen.chord((x - rx + 6, y + 46 - ry * 0.6, x + rx - 6, y + 46 + ry * 0.6), 0, 180, fill=(*hair, 235))
    pen.arc((x - 22, y + 38, x + 22, y + 66), 20, 160, fill=_mix(skin, (120, 40, 40), 0.45), width=5)
    buf = io.BytesIO()
    pen.result().save(buf, "PNG", optimize=True)
    return buf.getvalue()
