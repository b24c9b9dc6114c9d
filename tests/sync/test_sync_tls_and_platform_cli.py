"""TLS is verified, always; and the platform's own command line (serve, devices, staff)."""

from __future__ import annotations

import datetime as dt
import ipaddress
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from sync.client import Open311Client, SyncError, Transient, check_server_url
from sync_support import FAST_RETRY, PlatformServer

PLATFORM = str(Path(sys.executable).with_name("xinan-platform"))


def _self_signed(directory: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "xinan test platform")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "platform.pem", directory / "platform.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


def test_an_unknown_certificate_is_refused_and_the_streets_ca_is_accepted(tmp_path):
    cert, key = _self_signed(tmp_path)
    server = PlatformServer(tmp_path / "platform", tls=(cert, key)).start()
    try:
        assert server.url.startswith("https://")
        stranger = Open311Client(server.url, retry=FAST_RETRY, sleep=lambda s: None)
        with pytest.raises(Transient, match="安全证书"):
            stranger.services()
        stranger.close()
        trusting = Open311Client(server.url, retry=FAST_RETRY, ca_bundle=str(cert))
        assert any(s["service_code"] == "ENV03" for s in trusting.services())
        assert trusting.session.verify == str(cert)
        trusting.close()
    finally:
        server.stop()


def test_plain_http_is_only_for_loopback():
    assert check_server_url("http://127.0.0.1:8311") == "http://127.0.0.1:8311/open311/v2/"
    assert check_server_url("https://xinan.example.gov.cn/") == "https://xinan.example.gov.cn/open311/v2/"
    with pytest.raises(SyncError, match="https"):
        check_server_url("http://xinan.example.gov.cn/")
    with pytest.raises(SyncError):
        check_server_url("ftp://xinan.example.gov.cn/")


def _platform(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([PLATFORM, *args], input=stdin, capture_output=True, text=True, timeout=60)


def test_the_platform_command_line(tmp_path):
    data = str(tmp_path / "platform")
    added = _platform("--data-dir", data, "device", "add", "--name", "新安一号", "--prefix", "k7q")
    assert added.returncode == 0 and len(added.stdout.strip()) >= 16
    assert _platform("--data-dir", data, "device", "add", "--name", "x", "--prefix", "I0").returncode == 2
    listed = _platform("--data-dir", data, "device", "list")
    assert "新安一号\tK7Q\t待登记" in listed.stdout
    assert _platform("--data-dir", data, "device", "revoke", "1").returncode == 0
    assert "已吊销" in _platform("--data-dir", data, "device", "list").stdout
    assert _platform("--data-dir", data, "device", "revoke", "1").returncode == 2
    assert _platform("--data-dir", data, "staff", "add", "--username", "li", stdin="short\n").returncode == 2
    assert _platform("--data-dir", data, "staff", "add", "--username", "li", stdin="long enough pw\n").returncode == 0


def test_the_platform_serves_from_its_command_line(tmp_path):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen([PLATFORM, "--data-dir", str(tmp_path / "p"), "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                answer = requests.get(f"http://127.0.0.1:{port}/open311/v2/services.json", timeout=2)
                break
            except requests.ConnectionError:
                assert time.monotonic() < deadline and process.poll() is None
                time.sleep(0.1)
        assert answer.status_code == 200 and answer.json()[0]["service_code"]
    finally:
        process.terminate()
        process.wait(timeout=30)
