"""Reading: bad input is refused with a one-line message; offsets survive normalisation."""

from __future__ import annotations

import hashlib

import pytest

from councilgraph.extract.read import MAX_BYTES, InputError, decode_source, normalise, read_source

BAD_INPUTS = [
    pytest.param(b"", "file is empty", id="empty"),
    pytest.param(b"  \n\r\n\t ", "file is empty", id="whitespace-only"),
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks binary", id="binary-png"),
    pytest.param("8111th Meeting (AM)\nSC/13081\n\nCaf\u00e9".encode("latin-1"), "not valid UTF-8", id="latin-1"),
    pytest.param("SC/1".encode("utf-16"), "UTF-16", id="utf-16"),
    pytest.param(bytes(range(1, 32)) * 20, "control characters", id="control-characters"),
]


@pytest.mark.parametrize(("data", "message"), BAD_INPUTS)
def test_bad_input_is_refused_with_one_line(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as err:
        decode_source(data, "bad.txt")
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_oversized_file_is_refused_before_reading(tmp_path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)
    with pytest.raises(InputError, match="too large"):
        read_source(big)


@pytest.mark.parametrize(("name", "message"), [("missing.txt", "no such file"), (".", "is a directory")])
def test_unreadable_paths(tmp_path, name: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        read_source(tmp_path / name)


def test_normalisation_keeps_length_and_maps_typography() -> None:
    text = "\ufeffSecretary\u2011General \u201cstop\u201d Da\u2019esh\u00a0now\r\n"
    assert normalise(text) == ' Secretary-General "stop" Da\'esh now \n'
    assert len(normalise(text)) == len(text)


def test_bom_and_crlf_offsets_index_the_decoded_file(releases_dir) -> None:
    source = read_source(releases_dir / "sc-crlf-bom.txt")
    raw = (releases_dir / "sc-crlf-bom.txt").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    assert source.text == raw.decode("utf-8")  # nothing translated: offsets are into this text
    assert len(source.matchable) == len(source.text)


def test_seed_is_read_whole(seed) -> None:
    source, _ = seed
    assert len(source.text) == 109_874
    assert source.sha256 == hashlib.sha256(source.text.encode("utf-8")).hexdigest()


def test_old_mac_line_endings_become_newlines() -> None:
    assert normalise("8111th Meeting (AM)\rSC/13081\r\rHeadline") == "8111th Meeting (AM)\nSC/13081\n\nHeadline"


def test_the_control_characters_counted_are_those_below_32_but_tab_newline_form_feed_and_return() -> None:
    from councilgraph.extract.read import _CONTROL

    counted = [code for code in range(0x110000) if _CONTROL.fullmatch(chr(code))]
    assert counted == [code for code in range(32) if chr(code) not in "\t\n\f\r"]
