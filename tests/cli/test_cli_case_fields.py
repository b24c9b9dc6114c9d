"""The command line writes a case with the keys of the one description of its fields."""

from __future__ import annotations

from reception import case_fields

from cli_runner import cli  # noqa: F401  (the fixture)


def test_case_show_and_list_write_the_descriptions_keys_and_values(cli):
    code = cli.add(cli.json("case", "template"))
    shown = cli.json("case", "show", code, "--json")
    [listed] = cli.json("case", "list", "--json")
    keys = {f.json_key for f in case_fields.JSON_FIELDS}
    for output in (shown, listed):
        assert keys <= set(output)
        # Fields the description keeps out of the command line's output stay out (id_number...).
        hidden = {f.name for f in case_fields.FIELDS if not f.json_key} - keys
        assert not hidden & set(output), hidden & set(output)
    assert {k: listed[k] for k in keys} == {k: shown[k] for k in keys}
    assert shown["tracking_code"] == code and shown["major_category"] and shown["category"]
    assert shown["closed_at"] is None and isinstance(shown["anonymous"], bool)
