"""Photos are downscaled to what a case needs, oriented, and stripped of their EXIF (GPS)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from reception import photos
from reception.photos import MAX_SIDE, PhotoError


def jpeg_bytes(size: tuple[int, int], exif: Image.Exif | None = None, colour="orange") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "JPEG", quality=95, exif=exif or Image.Exif())
    return out.getvalue()


def opened(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


@pytest.mark.parametrize("size", [(4000, 3000), (3000, 4000), (1601, 10), (6000, 6000)])
def test_large_photos_are_shrunk_to_a_long_side_of_1600(size):
    photo = photos.downscale(jpeg_bytes(size))
    image = opened(photo.data)
    assert max(image.size) == MAX_SIDE == 1600
    assert (photo.width, photo.height) == image.size
    ratio_before, ratio_after = size[0] / size[1], image.size[0] / image.size[1]
    assert abs(ratio_before - ratio_after) / ratio_before < 0.2
    assert image.format == "JPEG" and photo.mime == "image/jpeg"


def test_small_photos_are_not_enlarged():
    photo = photos.downscale(jpeg_bytes((640, 480)))
    assert (photo.width, photo.height) == (640, 480)


def test_the_stored_copy_is_much_smaller_than_a_camera_original():
    noisy = Image.effect_noise((4000, 3000), 80).convert("RGB")
    out = io.BytesIO()
    noisy.save(out, "JPEG", quality=98)
    original = out.getvalue()
    photo = photos.downscale(original)
    assert len(photo.data) < len(original) / 3


def test_exif_orientation_is_applied_and_gps_dropped():
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise on display
    exif[0x8825] = {1: "N", 2: (22.0, 33.0, 44.0)}  # GPS position of the resident's home
    photo = photos.downscale(jpeg_bytes((3200, 2400), exif))
    image = opened(photo.data)
    assert image.size == (1200, 1600)  # portrait, as the phone showed it
    assert len(image.getexif()) == 0


def test_transparent_png_gets_a_white_background():
    image = Image.new("RGBA", (100, 100), (255, 0, 0, 0))
    out = io.BytesIO()
    image.save(out, "PNG")
    photo = photos.downscale(out.getvalue())
    pixel = opened(photo.data).convert("RGB").getpixel((50, 50))
    assert all(channel > 240 for channel in pixel)


def test_sha256_names_the_stored_bytes():
    import hashlib

    photo = photos.downscale(jpeg_bytes((50, 50)))
    assert photo.sha256 == hashlib.sha256(photo.data).hexdigest()


@pytest.mark.parametrize(
    "data, words",
    [
        (b"not an image at all", "不是能识别的图片文件"),
        (b"", "不是能识别的图片文件"),
    ],
)
def test_non_images_are_refused(data, words):
    with pytest.raises(PhotoError, match=words):
        photos.downscale(data)


def test_a_truncated_photo_is_called_damaged():
    with pytest.raises(PhotoError, match="损坏"):
        photos.downscale(jpeg_bytes((800, 600))[:600])


def test_load_from_files(tmp_path: Path):
    good = tmp_path / "楼道 照片.jpg"
    good.write_bytes(jpeg_bytes((2000, 1000)))
    assert photos.load(good).width == 1600
    with pytest.raises(PhotoError, match="找不到文件"):
        photos.load(tmp_path / "missing.jpg")
    with pytest.raises(PhotoError, match="文件夹"):
        photos.load(tmp_path)
    with pytest.raises(PhotoError, match="路径无效"):
        photos.load("photo\x00.jpg")
