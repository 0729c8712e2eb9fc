"""Catalog-scale building: check first, feed choices, pages of the index."""

from __future__ import annotations

import pathlib

import pytest

import showfacts as sf
from showfacts import _pages
from showfacts import site as site_module
from showfacts.site import build_site


BASE = "https://example.org/tv/"
EXAMPLES = pathlib.Path(__file__).parent.parent / "examples"


def _catalog(folder: pathlib.Path, count: int) -> pathlib.Path:
    """Made-up shows, one file each: show-000.yaml, show-001.yaml, ..."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"show-{n:03d}.yaml").write_text(
            f"id: show-{n:03d}\n"
            f"title: Harbour Lights {n:03d}\n",
            encoding="utf-8",
        )
    return folder


class TestCheckFirst:
    """Every file is loaded and checked before any page is rendered."""

    @pytest.mark.parametrize("jobs", [1, 2])
    def test_a_bad_last_file_fails_before_rendering(self, tmp_path,
                                                    monkeypatch, jobs):
        """No page is rendered and no version folder is made."""
        data = _catalog(tmp_path / "data", 12)
        (data / "zz-broken.yaml").write_text("id: broken\ntitel: X\n")
        (data / "zz-worse.yaml").write_text("title: No Id\n")
        rendered = []

        def spy(self, *args, **kwargs):
            rendered.append(1)
            raise AssertionError("a page was rendered")

        monkeypatch.setattr(_pages.Pages, "show_pages", spy)
        monkeypatch.setattr(site_module, "_write_show", spy)
        with pytest.raises(sf.InvalidDataError) as info:
            build_site(data, tmp_path / "site", base_url=BASE, jobs=jobs)
        found = {(pathlib.Path(p.file).name, p.path)
                 for p in info.value.problems}
        # every problem of every bad file, not only the first
        assert {"zz-broken.yaml", "zz-worse.yaml"} == {f for f, _ in found}
        assert ("zz-broken.yaml", "$.titel") in found
        assert [] == rendered
        assert ["data"] == sorted(p.name for p in tmp_path.iterdir())

    def test_catalog_problems_fail_before_rendering(self, tmp_path,
                                                    monkeypatch):
        """Two files with one id: refused before any page is written."""
        data = _catalog(tmp_path / "data", 3)
        (data / "zz-again.yaml").write_text(
            "id: show-000\ntitle: Harbour Lights Again\n"
        )
        monkeypatch.setattr(site_module, "_write_show", None)
        with pytest.raises(sf.InvalidDataError) as info:
            build_site(data, tmp_path / "site", base_url=BASE)
        assert any(pathlib.Path(p.file).name == "zz-again.yaml"
                   for p in info.value.problems)
        assert ["data"] == sorted(p.name for p in tmp_path.iterdir())
