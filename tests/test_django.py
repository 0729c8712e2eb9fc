"""
Tests of the Django template tag library, with real Django templates.

Django is configured once for the test process, with ``showfacts.django``
as an installed app: the tags are found the way a project finds them
(``{% load showfacts %}``), in templates loaded by Django's template
loaders, and the pages are parsed with html5lib.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import showfacts
from showfacts.exceptions import InputError, RenderError, ShowfactsError
from showfacts.jsonld import to_jsonld
from showfacts.markup import fact_card, page_fragment, script_tag
from tests import strategies
from tests.conftest import EXAMPLES, ROOT
from tests.test_markup import (
    PAYLOADS,
    expect_page,
    inspect_html5lib,
    with_text,
    wrapped,
)


django = pytest.importorskip("django")

from django.conf import settings as django_settings  # noqa: E402
from django.core.exceptions import ImproperlyConfigured  # noqa: E402
from django.template import TemplateSyntaxError, engines  # noqa: E402
from django.template.loader import get_template  # noqa: E402
from django.test import override_settings  # noqa: E402


BASE = "https://example.org/tv/"

#: The project's templates, as a Django template loader serves them.
TEMPLATES = {
    "base.html": (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        "<title>{% block title %}{% endblock %}</title>\n"
        "{% block head %}{% endblock %}\n</head>\n<body>\n<main>"
        "{% block main %}{% endblock %}</main>\n</body></html>\n"
    ),
    "show.html": (
        "{% extends 'base.html' %}{% load showfacts %}"
        "{% block title %}{{ show.title }}{% endblock %}"
        "{% block head %}{% showfacts_jsonld show claims=True %}"
        "{% endblock %}"
        "{% block main %}{% showfacts_card show claims=True %}"
        "{% endblock %}"
    ),
    "season.html": (
        "{% extends 'base.html' %}{% load showfacts %}"
        "{% block title %}{{ show.title }}, season {{ n }}{% endblock %}"
        "{% block head %}{{ show|showfacts_script:n }}{% endblock %}"
        "{% block main %}{{ show|showfacts_card:n }}{% endblock %}"
    ),
}


def _configure() -> None:
    if django_settings.configured:
        return
    django_settings.configure(
        INSTALLED_APPS=["showfacts.django"],
        SHOWFACTS_BASE_URL=BASE,
        TEMPLATES=[{
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "APP_DIRS": False,
            "OPTIONS": {
                "loaders": [
                    ("django.template.loaders.locmem.Loader", TEMPLATES),
                ],
            },
        }],
        USE_TZ=True,
    )
    django.setup()


@pytest.fixture(scope="module", autouse=True)
def configured():
    """Django, set up once, with the app installed."""
    _configure()


def render(source: str, **context) -> str:
    """Render a template given as text, with the project's engine."""
    return engines["django"].from_string(source).render(context)


@pytest.fixture
def ballard():
    """The Ballard example."""
    return showfacts.load(EXAMPLES / "ballard.yaml")


# -- the app ------------------------------------------------------------------


def test_the_app_provides_the_library():
    """Installing the app is all `{% load showfacts %}` needs."""
    from django.apps import apps

    assert "showfacts.django" == apps.get_app_config("showfacts").name
    libraries = engines["django"].engine.template_libraries
    assert "showfacts.django.templatetags.showfacts" == (
        libraries["showfacts"].filters["showfacts_card"].__module__
    )


# -- what the tags render -----------------------------------------------------


def test_a_page_holds_one_script_equal_to_the_graph(ballard):
    """A real page template: one ld+json script, the graph, one card."""
    html = get_template("show.html").render({"show": ballard})
    found = inspect_html5lib(html)
    graph = to_jsonld(ballard, BASE, claims=True)
    expect_page(found, graph, ballard)
    assert ["Ballard"] == found["titles"]


def test_a_season_page_with_the_filters(ballard):
    """The filters take a season number from the context."""
    html = get_template("season.html").render({"show": ballard, "n": 1})
    found = inspect_html5lib(html)
    assert [to_jsonld((ballard, 1), BASE)] == [
        json.loads(s) for s in found["scripts"]
    ]
    assert 1 == found["cards"]
    assert fact_card(ballard, 1, BASE) in html


def test_tags_give_the_same_html_as_the_functions(ballard):
    """Every tag renders exactly what the markup functions return."""
    html = render(
        "{% load showfacts %}"
        "{% showfacts_jsonld show 2 claims=True spoilers=False %}|"
        "{% showfacts_card show season=2 claims=True heading=3 %}|"
        "{% showfacts_page show pending=True nonce='abc' %}|"
        "{% showfacts_jsonld show pretty=True %}",
        show=ballard,
    )
    assert [
        script_tag(to_jsonld((ballard, 2), BASE, claims=True,
                             spoilers=False)),
        fact_card(ballard, 2, BASE, claims=True, heading=3),
        page_fragment(ballard, BASE, pending=True, nonce="abc"),
        script_tag(to_jsonld(ballard, BASE), pretty=True),
    ] == html.split("|")


def test_a_graph_can_be_built_then_embedded(ballard):
    """`showfacts_graph ... as g` gives the graph; the script embeds it."""
    html = render(
        "{% load showfacts %}"
        "{% showfacts_graph show season=2 claims=True as g %}"
        "{{ g.items|length }}|{% showfacts_jsonld g %}|"
        "{{ g|showfacts_script }}",
        show=ballard,
    )
    count, tag, filtered = html.split("|")
    graph = to_jsonld((ballard, 2), BASE, claims=True)
    assert "2" == count
    assert script_tag(graph) == tag == filtered


def test_pairs_and_catalogs(ballard):
    """A (show, season) pair and a catalog are subjects too."""
    catalog = showfacts.load_catalog(EXAMPLES)
    html = render(
        "{% load showfacts %}{% showfacts_jsonld pair %}|"
        "{% showfacts_jsonld catalog %}|{{ pair|showfacts_script }}",
        pair=(ballard, 1), catalog=catalog,
    )
    pair_tag = script_tag(to_jsonld((ballard, 1), BASE))
    assert [pair_tag, script_tag(to_jsonld(catalog, BASE)), pair_tag] == (
        html.split("|")
    )


def test_base_url_argument_overrides_the_setting(ballard):
    """`base_url=` wins over SHOWFACTS_BASE_URL."""
    other = "https://other.example/shows/"
    html = render(
        "{% load showfacts %}{% showfacts_jsonld show base_url=url %}"
        "{% showfacts_card show base_url=url %}",
        show=ballard, url=other,
    )
    assert script_tag(to_jsonld(ballard, other)) + fact_card(
        ballard, None, other
    ) == html


def test_autoescape_off_changes_nothing(ballard):
    """The escaping is done by showfacts, whatever Django's autoescape."""
    source = ("{% load showfacts %}{% showfacts_jsonld show %}"
              "{{ show|showfacts_card }}")
    off = render("{% autoescape off %}" + source + "{% endautoescape %}",
                 show=ballard)
    assert render(source, show=ballard) == off


# -- breakout payloads --------------------------------------------------------


@pytest.mark.parametrize("payload", PAYLOADS, ids=repr)
def test_payloads_stay_data(ballard, payload):
    """A payload in every text field stays inside, escaped once."""
    show = with_text(ballard, wrapped(payload))
    html = get_template("show.html").render({"show": show})
    expect_page(inspect_html5lib(html), to_jsonld(show, BASE, claims=True),
                show)


@settings(max_examples=50)
@given(show=strategies.shows(),
       payload=st.sampled_from(PAYLOADS) | strategies.text)
def test_generated_shows_stay_data(show, payload):
    """Hypothesis shows with payloads in their text render safely."""
    _configure()
    show = with_text(show, wrapped(payload))
    html = get_template("show.html").render({"show": show})
    expect_page(inspect_html5lib(html), to_jsonld(show, BASE, claims=True),
                show)


# -- errors -------------------------------------------------------------------


def test_a_missing_base_url_is_a_clear_error(ballard):
    """Without the setting or base_url=, rendering says what to set."""
    from showfacts.django import ConfigurationError

    with override_settings():
        del django_settings.SHOWFACTS_BASE_URL
        with pytest.raises(ConfigurationError,
                           match="set SHOWFACTS_BASE_URL") as caught:
            render("{% load showfacts %}{% showfacts_jsonld show %}",
                   show=ballard)
    assert isinstance(caught.value, ShowfactsError)
    assert isinstance(caught.value, ImproperlyConfigured)


@pytest.mark.parametrize("value", [None, "", 42])
def test_an_empty_or_odd_setting_is_refused(ballard, value):
    """An empty or non-text setting is a configuration error too."""
    from showfacts.django import ConfigurationError

    with (override_settings(SHOWFACTS_BASE_URL=value),
          pytest.raises(ConfigurationError, match="SHOWFACTS_BASE_URL")):
        render("{% load showfacts %}{{ show|showfacts_card }}",
               show=ballard)


def test_a_relative_base_url_is_refused(ballard):
    """The base URL must be absolute, as everywhere in showfacts."""
    with (override_settings(SHOWFACTS_BASE_URL="/tv/"),
          pytest.raises(InputError, match="absolute")):
        render("{% load showfacts %}{% showfacts_jsonld show %}",
               show=ballard)


@pytest.mark.parametrize(("source", "message"), [
    ("{% showfacts_card missing %}",
     "takes a show, not nothing"),
    ("{% showfacts_jsonld 'text' %}",
     r"takes a show, a \(show, season number\) pair or a catalog, not "
     "the text 'text'"),
    ("{{ show|showfacts_card:'2' }}",
     "a season number is a whole number, not '2'"),
    ("{% showfacts_jsonld catalog season=1 %}",
     "season= needs a show, not Catalog"),
    ("{% showfacts_graph show season=1 as g %}{% showfacts_jsonld g 1 %}",
     "season= needs a show, not a graph"),
    ("{% showfacts_page show season=9 %}",
     "no season 9|season 9"),
    ("{% showfacts_card show heading=7 %}",
     "heading level is 1 to 4"),
    ("{% showfacts_jsonld show nonce=n %}",
     "nonce"),
])
def test_bad_arguments_raise_showfacts_errors(ballard, source, message):
    """Wrong subjects, seasons, headings and nonces: a RenderError."""
    with pytest.raises(RenderError, match=message):
        render("{% load showfacts %}" + source, show=ballard,
               catalog=showfacts.load_catalog(EXAMPLES),
               n='"><script>alert(1)</script>')


def test_unknown_options_fail_when_the_template_compiles():
    """A misspelt option is a template syntax error, not ignored."""
    with pytest.raises(TemplateSyntaxError, match="claim"):
        render("{% load showfacts %}{% showfacts_jsonld show claim=True %}")


def test_importing_showfacts_does_not_import_django():
    """`import showfacts` works without Django and does not load it."""
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, *args):\n"
        "        if name.split('.')[0] == 'django':\n"
        "            raise ImportError('blocked: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "import showfacts, showfacts.jsonld, showfacts.markup\n"
        "import showfacts.cli, showfacts.site\n"
        "assert 'django' not in sys.modules\n"
        "try:\n"
        "    import showfacts.django\n"
        "except ImportError as exc:\n"
        "    print(exc)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT,
                            capture_output=True, text=True, check=True)
    assert "pip install 'showfacts[django]'" in result.stdout
