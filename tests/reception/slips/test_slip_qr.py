"""The QR symbol: level M at least, raised when it costs no extra size; whole dots per module."""

from __future__ import annotations

from reception.slips import qr

URL = "HTTPS://XINAN.EXAMPLE.GOV.CN/T/K7Q00A37/7G2M9QX4ZP"


def test_a_short_payload_gets_level_h_for_free():
    matrix = qr.qr_matrix("K7Q00A37")
    assert (matrix.version, matrix.level) == (1, "H")


def test_the_tracking_url_is_version_3_at_level_m_or_better():
    matrix = qr.qr_matrix(URL)
    assert matrix.version == 3 and matrix.size == 29
    assert matrix.level in ("M", "Q", "H")
    assert matrix.size_with_quiet_zone == 29 + 8


def test_module_size_is_whole_dots_near_the_target_and_never_too_wide():
    matrix = qr.qr_matrix(URL)
    dots = qr.module_dots(matrix, target_mm=33, max_width_pt=72 / 25.4 * 72)
    assert dots == 7  # 37 modules x 7 dots = 259 dots = 32.4 mm
    narrow = qr.module_dots(matrix, target_mm=33, max_width_pt=20 / 25.4 * 72)
    assert narrow * matrix.size_with_quiet_zone * qr.DOT <= 20 / 25.4 * 72 or narrow == 3


def test_snap_rounds_up_to_the_dot_grid():
    assert qr.snap(0) == 0
    assert qr.snap(qr.DOT * 5) == qr.DOT * 5
    assert qr.snap(qr.DOT * 5.2) == qr.DOT * 6
