"""Photos from a phone or camera, shrunk to what a case needs (not the originals of many MB)."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from reception.cases import PhotoInput

MAX_SIDE = 1600
JPEG_QUALITY = 80
MAX_SOURCE_BYTES = 60 * 1024 * 1024
# Pillow refuses "decompression bombs" above this many pixels; a 100-megapixel camera is fine.
Image.MAX_IMAGE_PIXELS = 120_000_000


class PhotoError(ValueError):
    """Why a photo could not be used, in words for the volunteer."""


def downscale(source: bytes) -> PhotoInput:
    """Re-encode as JPEG, long side at most 1600 px, EXIF orientation applied and EXIF dropped.

    Dropping EXIF also drops the GPS position of the resident's home that phones record.
    """
    if len(source) > MAX_SOURCE_BYTES:
        raise PhotoError("文件太大（超过60MB）")
    try:
        with Image.open(io.BytesIO(source)) as image:
            image = ImageOps.exif_transpose(image)
            image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
            if image.mode not in ("RGB", "L"):
                background = Image.new("RGB", image.size, "white")
                rgba = image.convert("RGBA")
                background.paste(rgba, mask=rgba.getchannel("A"))
                image = background
            out = io.BytesIO()
            image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
            width, height = image.size
    except (UnidentifiedImageError, Image.DecompressionBombError):
        raise PhotoError("不是能识别的图片文件") from None
    except (OSError, ValueError, SyntaxError):
        raise PhotoError("图片文件已损坏") from None
    data = out.getvalue()
    return PhotoInput(
        data=data,
        sha256=hashlib.sha256(data).hexdigest(),
        mime="image/jpeg",
        width=width,
        height=height,
    )


def load(path: str | Path) -> PhotoInput:
    path = Path(path)
    try:
        source = path.read_bytes()
    except FileNotFoundError:
        raise PhotoError("找不到文件") from None
    except IsADirectoryError:
        raise PhotoError("选中的是文件夹，不是图片") from None
    except OSError:
        raise PhotoError("文件无法读取") from None
    except ValueError:
        # A path holding a NUL character (from a hand-written JSON file) cannot name a file.
        raise PhotoError("文件路径无效") from None
    return downscale(source)
