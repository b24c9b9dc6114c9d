"""sync/bundle.py, the envelope both files share: whatever byte changes or however the file is
cut, opening it ends in one of its own refusals (a sentence for a person), never in another
exception and never in a payload; and each key opens only its own kind of file."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sync import bundle

TOKEN_SHA = bundle.token_hash("the laptop's device token")
PAYLOAD = bundle.pack({"format": bundle.VERSION, "kind": "bundle", "cases": [{"key": "k" * 36}]},
                      {"photos/" + "a" * 64: bytes(range(256)) * 8})
SEALED = bundle.seal(bundle.BUNDLE, TOKEN_SHA, PAYLOAD)


def open_bundle(data: bytes, token_sha: str = TOKEN_SHA) -> bytes:
    header = bundle.read_header(data, bundle.BUNDLE)
    if header.key_id != bundle.key_id(token_sha):
        raise bundle.BundleError("另一台笔记本的")
    return bundle.open_sealed(data, header, token_sha)


def test_a_sealed_bundle_opens_with_its_key_to_what_was_packed():
    manifest, files = bundle.unpack(open_bundle(SEALED), bundle.BUNDLE)
    assert manifest["cases"] == [{"key": "k" * 36}] and files == {"photos/" + "a" * 64: bytes(range(256)) * 8}
    assert len(SEALED) == bundle.HEADER_SIZE + len(PAYLOAD) + 16
    assert PAYLOAD[-200:] not in SEALED  # encrypted, not only signed


@settings(max_examples=300, deadline=None)
@given(offset=st.integers(0, len(SEALED) - 1), flip=st.integers(1, 255))
def test_any_changed_byte_is_refused_in_words(offset, flip):
    changed = bytearray(SEALED)
    changed[offset] ^= flip
    with pytest.raises(bundle.BundleError) as refusal:
        open_bundle(bytes(changed))
    assert str(refusal.value)


@settings(max_examples=200, deadline=None)
@given(length=st.integers(0, len(SEALED) - 1))
def test_a_cut_file_is_refused_in_words(length):
    with pytest.raises(bundle.BundleError) as refusal:
        open_bundle(SEALED[:length])
    assert ("不完整" in str(refusal.value)) or length == 0


def test_keys_are_the_laptops_and_each_opens_only_its_kind():
    other = bundle.token_hash("another laptop's token")
    assert bundle.key_id(other) != bundle.key_id(TOKEN_SHA) and len(bundle.key_id(TOKEN_SHA)) == 16
    with pytest.raises(bundle.BundleError):
        open_bundle(SEALED, other)
    receipt = bundle.seal(bundle.RECEIPT, TOKEN_SHA, b"{}")
    with pytest.raises(bundle.WrongKind, match="这是平台回执，不是同步数据包"):
        open_bundle(receipt)
    # A receipt's header relabelled as a bundle's does not open with the bundle key.
    relabelled = receipt[:9] + bundle.BUNDLE + receipt[10:]
    with pytest.raises(bundle.Tampered):
        open_bundle(relabelled)
