"""
Fetch a record from TMDb, TVmaze, Wikidata or a web page, politely.

Every request has a timeout; a ``429 Too Many Requests`` waits as long as
its ``Retry-After`` says (at most a minute); a ``5xx`` answer, a timeout or
a dropped connection is tried again after a growing pause (1, 2, 4
seconds), three times at most.  Each service's address can be changed
(``base_url``), which the tests use to serve recorded responses from
127.0.0.1.

TMDb needs an API key: ``TMDB_API_KEY`` holds either a v3 key (sent as
``api_key``) or a v4 read access token (sent as a bearer token).

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping
from typing import Any

from showfacts.exceptions import InputError


__all__ = ["BASE_URLS", "FetchError", "fetch"]

#: The services' addresses.
BASE_URLS = {
    "tmdb": "https://api.themoviedb.org",
    "tvmaze": "https://api.tvmaze.com",
    "wikidata": "https://www.wikidata.org",
}
_TVMAZE_EMBEDS = ("cast", "crew", "seasons", "episodes", "nextepisode",
                  "previousepisode")
_TMDB_PARTS = "external_ids,aggregate_credits"
_ATTEMPTS = 4
_MOST_WAIT = 60.0
#: Wikidata's wbgetentities takes at most 50 ids per request.
_BATCH = 50


#: How the pauses between attempts are slept (the tests replace it).
_sleep = time.sleep


class FetchError(InputError):
    """A record that could not be fetched (exit status 2)."""


def _user_agent() -> str:
    from importlib.metadata import version  # noqa: PLC0415

    return (f"showfacts/{version('showfacts')} "
            "(https://pypi.org/project/showfacts/)")


class _Client:
    def __init__(self, *, timeout: float,
                 sleep: Callable[[float], None]) -> None:
        try:
            import httpx  # noqa: PLC0415 - only fetching needs it
        except ImportError:
            msg = "--fetch needs httpx: pip install 'showfacts[import]'"
            raise FetchError(msg) from None

        self.httpx = httpx
        self.client = httpx.Client(
            timeout=timeout, follow_redirects=True,
            headers={"User-Agent": _user_agent()},
        )
        self.sleep = sleep

    def get(self, url: str, *, params: Mapping[str, str] | None = None,
            headers: Mapping[str, str] | None = None,
            shown: str | None = None) -> Any:
        shown = shown or url
        problem = ""
        for attempt in range(_ATTEMPTS):
            wait = float(2 ** attempt)
            try:
                response = self.client.get(url, params=params,
                                           headers=headers)
            except self.httpx.TimeoutException:
                problem = "timed out"
            except self.httpx.TransportError as exc:
                problem = f"could not connect ({type(exc).__name__})"
            else:
                status = response.status_code
                if status == 429:
                    problem = "429 Too Many Requests"
                    wait = _retry_after(response.headers.get("Retry-After"),
                                        wait)
                elif status >= 500:
                    problem = f"{status} {response.reason_phrase}"
                elif status >= 400:
                    msg = f"{shown}: {status} {response.reason_phrase}"
                    if status == 401:
                        msg += " (is TMDB_API_KEY set to a valid key?)"
                    raise FetchError(msg)
                else:
                    return response
            if attempt + 1 < _ATTEMPTS:
                self.sleep(wait)
        msg = f"{shown}: {problem}, {_ATTEMPTS} times; try again later"
        raise FetchError(msg)

    def json(self, url: str, **kwargs: Any) -> Any:
        response = self.get(url, **kwargs)
        try:
            return response.json()
        except ValueError:
            msg = f"{kwargs.get('shown') or url}: the answer is not JSON"
            raise FetchError(msg) from None

    def close(self) -> None:
        self.client.close()


def _retry_after(value: str | None, default: float) -> float:
    if value is not None and value.strip().isdigit():
        return min(float(value.strip()), _MOST_WAIT)
    return default


def fetch(service: str, record: str, *, base_url: str | None = None,
          timeout: float = 10.0,
          sleep: Callable[[float], None] | None = None,
          environ: Mapping[str, str] | None = None) -> tuple[Any, str]:
    """
    The record's response, and the address it was read from.

    For ``jsonld``, ``record`` is the page's address and the response is
    the page's text.

    Raises:
        FetchError: For a missing key, an HTTP error, or a service that
            does not answer.

    .. versionadded:: 0.1.0
    """
    environ = os.environ if environ is None else environ
    client = _Client(timeout=timeout, sleep=sleep or _sleep)
    try:
        if service == "jsonld":
            response = client.get(record)
            return response.text, str(response.url)
        base = (base_url or BASE_URLS[service]).rstrip("/")
        if service == "tmdb":
            return _tmdb(client, base, record, environ), base
        if service == "tvmaze":
            url = f"{base}/shows/{_number(record, 'TVmaze')}"
            params = [("embed[]", e) for e in _TVMAZE_EMBEDS]
            return client.json(url, params=params), url
        return _wikidata(client, base, record), base
    finally:
        client.close()


def _number(record: str, service: str) -> str:
    if not record.isdigit():
        msg = f"{record!r} is not a {service} id: it is a number"
        raise FetchError(msg)
    return record


def _tmdb(client: _Client, base: str, record: str,
          environ: Mapping[str, str]) -> Any:
    key = environ.get("TMDB_API_KEY", "").strip()
    if not key:
        msg = ("TMDb needs an API key: set TMDB_API_KEY (a v3 key or a v4 "
               "read access token from themoviedb.org/settings/api)")
        raise FetchError(msg)
    url = f"{base}/3/tv/{_number(record, 'TMDb')}"
    params = {"append_to_response": _TMDB_PARTS}
    headers = {}
    if key.startswith("eyJ"):
        headers["Authorization"] = f"Bearer {key}"
    else:
        params["api_key"] = key
    return client.json(url, params=params, headers=headers, shown=url)


def _wikidata(client: _Client, base: str, record: str) -> Any:
    qid = record.strip().upper()
    if not qid.startswith("Q") or not qid[1:].isdigit():
        msg = f"{record!r} is not a Wikidata item id such as Q1079"
        raise FetchError(msg)
    data = client.json(f"{base}/wiki/Special:EntityData/{qid}.json")
    entities = data.get("entities") if isinstance(data, dict) else None
    if not isinstance(entities, dict):
        return data
    wanted = sorted(_referenced(entities) - set(entities))
    for start in range(0, len(wanted), _BATCH):
        more = client.json(f"{base}/w/api.php", params={
            "action": "wbgetentities", "format": "json",
            "ids": "|".join(wanted[start:start + _BATCH]),
            "props": "labels|descriptions|claims", "languages": "en",
        })
        if isinstance(more, dict) and isinstance(more.get("entities"), dict):
            entities.update(more["entities"])
    return data


def _referenced(value: Any) -> set[str]:
    found: set[str] = set()
    todo = [value]
    while todo:
        item = todo.pop()
        if isinstance(item, dict):
            if item.get("entity-type") == "item" and isinstance(
                item.get("id"), str
            ):
                found.add(item["id"])
            todo.extend(item.values())
        elif isinstance(item, list):
            todo.extend(item)
    return found
