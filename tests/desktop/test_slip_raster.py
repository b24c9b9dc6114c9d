"""The slip as printer dots: the archived PDF drawn at a printer's resolution, QR on whole dots."""

from __future__ import annotations

import pytest
from desktop_driving import fresh_desk
from slip_tools import assert_whole_dot_modules, decode_qr

from desktop import slip_raster
from reception.slips.service import SlipService


# Slips as an enrolled laptop prints them: with the tracking page's address, so with a QR code.
pytestmark = pytest.mark.usefixtures("tracking_base")


@pytest.fixture
def slip(data_dir):
    with fresh_desk(data_dir) as desk:
        case = desk.record_case(desk.template())
        service = SlipService(desk)
        return service.prepare(case.id, "80mm"), service.case_url(case)


@pytest.mark.parametrize("dpi", [203, 300, 600])
def test_at_any_resolution_every_module_is_whole_dots_and_the_code_decodes(tmp_path, slip, dpi):
    prepared, url = slip
    picture = slip_raster.rasterise(prepared.rendered, dpi)
    assert picture.mode == "1"
    assert picture.size == slip_raster.page_pixels(prepared.rendered, dpi)
    path = tmp_path / f"slip-{dpi}.png"
    picture.save(path)
    left, top, module = slip_raster.qr_box(prepared.rendered, dpi)
    # The module keeps its size in millimetres within half a dot of the PDF's.
    assert abs(module - prepared.rendered.qr.module_dots * dpi / 203) <= 0.5
    assert_whole_dot_modules(path, left, top, module, prepared.rendered.qr.matrix.modules)
    assert decode_qr(path) == [url]


def test_a_fine_printer_gets_a_picture_at_a_whole_fraction_of_its_resolution():
    assert slip_raster.raster_dpi(203) == (203, 1)
    assert slip_raster.raster_dpi(600) == (600, 1)
    assert slip_raster.raster_dpi(1200) == (600, 2)
    assert slip_raster.raster_dpi(2400) == (600, 4)
