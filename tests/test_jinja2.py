"""Tests of the Jinja2 filters."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import showfacts
from showfacts.exceptions import InputError, RenderError
from showfacts.jsonld import to_jsonld
from showfacts.markup import fact_card, script_tag
from tests.conftest import EXAMPLES, ROOT
from tests.test_markup import (
    PAYLOADS,
    expect_page,
    inspect_html5lib,
    page,
    with_text,
    wrapped,
)


jinja2 = pytest.importorskip("jinja2")

from showfacts.jinja2 import install  # noqa: E402 - needs jinja2


BASE = "https://example.org/tv/"


@pytest.fixture
def env():
    """An autoescaping environment with the filters installed."""
    environment = jinja2.Environment(autoescape=True)
    install(environment, base_url=BASE)
    return environment


@pytest.fixture
def ballard():
    """The Ballard example."""
    return showfacts.load(EXAMPLES / "ballard.yaml")


def test_filters_give_the_same_html_as_the_functions(env, ballard):
    """The filters render exactly what script_tag and fact_card do."""
    template = env.from_string(
        "{{ show | jsonld_script(claims=True) }}"
        "{{ show | fact_card(2, claims=True) }}"
    )
    expected = (script_tag(to_jsonld(ballard, BASE, claims=True))
                + fact_card(ballard, 2, BASE, claims=True))
    assert expected == template.render(show=ballard)


def test_a_graph_can_be_passed_through(env, ballard):
    """`jsonld` gives the graph; `jsonld_script` embeds any graph."""
    template = env.from_string(
        "{% set graph = show | jsonld(claims=True) %}"
        "{{ graph['@context'] }}|{{ graph | jsonld_script(nonce=n) }}"
    )
    html = template.render(show=ballard, n="abc")
    context, tag = html.split("|", 1)
    assert "https://schema.org" == context
    assert script_tag(to_jsonld(ballard, BASE, claims=True),
                      nonce="abc") == tag


def test_seasons_and_other_base_urls(env, ballard):
    """A (show, season) pair and a per-call base URL."""
    html = env.from_string(
        "{{ (show, 1) | jsonld_script('https://other.example/') }}"
    ).render(show=ballard)
    assert html == script_tag(to_jsonld((ballard, 1),
                                        "https://other.example/"))


@pytest.mark.parametrize("payload", PAYLOADS, ids=repr)
def test_autoescaping_neither_doubles_nor_skips_escaping(env, ballard,
                                                         payload):
    """Payload text in a template page stays data, escaped once."""
    show = with_text(ballard, wrapped(payload))
    html = env.from_string(
        "<!DOCTYPE html><html><head><title>{{ show.title }}</title>"
        "{{ show | jsonld_script(claims=True) }}</head><body><main>"
        "{{ show | fact_card(claims=True) }}</main></body></html>"
    ).render(show=show)
    expect_page(inspect_html5lib(html), to_jsonld(show, BASE, claims=True),
                show)


def test_a_bad_nonce_is_refused(env, ballard):
    """The filter cannot be talked into an unescaped attribute."""
    with pytest.raises(RenderError, match="nonce"):
        env.from_string("{{ show | jsonld_script(nonce=n) }}").render(
            show=ballard, n='"><script>alert(1)</script>'
        )


def test_the_default_base_url_is_checked():
    """A relative base URL is refused when the filters are installed."""
    with pytest.raises(InputError, match="absolute"):
        install(jinja2.Environment(), base_url="/tv/")


def test_page_helper_matches(env, ballard):
    """The test page helper and a template give the same parse."""
    graph = to_jsonld(ballard, BASE)
    html = page(env.from_string("{{ g | jsonld_script }}").render(g=graph),
                fact_card(ballard, None, BASE))
    assert graph == json.loads(inspect_html5lib(html)["scripts"][0])


def test_importing_showfacts_does_not_import_jinja2():
    """`import showfacts` works without Jinja2 and does not load it."""
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, *args):\n"
        "        if name.split('.')[0] in ('jinja2', 'markupsafe'):\n"
        "            raise ImportError('blocked: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "import showfacts, showfacts.jsonld, showfacts.markup\n"
        "import showfacts.cli\n"
        "assert 'jinja2' not in sys.modules\n"
        "try:\n"
        "    import showfacts.jinja2\n"
        "except ImportError as exc:\n"
        "    print(exc)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT,
                            capture_output=True, text=True, check=True)
    assert "pip install 'showfacts[jinja2]'" in result.stdout


def test_without_a_base_url_the_filters_refuse(ballard):
    """No guessed address: a filter without any base URL says what to do."""
    from showfacts.exceptions import RenderError

    environment = jinja2.Environment(autoescape=True)
    install(environment)
    with pytest.raises(RenderError, match="base URL"):
        environment.from_string("{{ show | jsonld_script }}").render(
            show=ballard
        )
    with pytest.raises(RenderError, match="base URL"):
        environment.from_string("{{ show | fact_card }}").render(
            show=ballard
        )
    page = environment.from_string(
        "{{ show | fact_card(base_url=b) }}"
    ).render(show=ballard, b="https://example.org/tv/")
    assert "https://example.org/tv/shows/ballard/#series" in page
    assert "localhost" not in page
