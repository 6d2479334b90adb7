"""The real pages in headless Chromium (playwright driving /usr/bin/chromium, never a
downloaded browser): charts drawn, a click from the network to the events and on to the
article, highlighted spans, hostile text inert, no CSP violation; screenshots are saved and
checked not to be blank. Set ACCORD_WEB_SCREENSHOTS=docs/screenshots to refresh the README's
(the store is then samples/ alone: tests/web/conftest.py).
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from .conftest import REPO

try:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
except ImportError:  # the browser fixture skips; keep the module importable
    PlaywrightTimeout = TimeoutError

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
VIEWPORT = {"width": 1440, "height": 1000}


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


def ensure_assets() -> None:
    from accord.web.app import vendor_ready

    if vendor_ready():
        return
    script = REPO / "scripts" / "build_web_assets.sh"
    if shutil.which("npm") is None or subprocess.run(["sh", str(script)], capture_output=True).returncode != 0:
        pytest.skip("the chart library is not built (scripts/build_web_assets.sh needs npm)")


@pytest.fixture(scope="session")
def server(web_db):
    import uvicorn

    from accord.web import create_app

    ensure_assets()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(web_db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="session")
def browser():
    chromium = find_chromium()
    if chromium is None:
        pytest.skip("no chromium found (apt-get install -y chromium); browser tests need it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport=VIEWPORT)
    pg = ctx.new_page()
    pg.problems = []  # console errors, CSP violations, uncaught exceptions
    pg.on("console", lambda m: pg.problems.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.problems.append(f"uncaught: {e}"))
    pg.on("dialog", lambda d: (pg.problems.append(f"dialog: {d.message}"), d.dismiss()))
    yield pg
    ctx.close()


@pytest.fixture(scope="session")
def shots(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


def snap(page, shots: Path, name: str) -> Path:
    """Save a screenshot, check it is not blank, and copy it where ACCORD_WEB_SCREENSHOTS says."""
    from PIL import Image, ImageStat

    path = shots / f"{name}.png"
    page.screenshot(path=str(path))
    img = Image.open(path).convert("RGB")
    assert img.size == (VIEWPORT["width"], VIEWPORT["height"])
    colours = img.getcolors(maxcolors=1 << 20)
    assert colours is None or len(colours) > 200, f"{name}: screenshot has {len(colours)} colours"
    assert max(ImageStat.Stat(img).stddev) > 20, f"{name}: screenshot looks blank"
    target = os.environ.get("ACCORD_WEB_SCREENSHOTS")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(target) / path.name)
    return path


CANVAS_INK = """sel => {
  const c = document.querySelector(sel + ' canvas');
  if (!c) return 0;
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && (d[i] < 235 || d[i + 1] < 235 || d[i + 2] < 235)) n++;
  return n;
}"""

# global (page) coordinates of the middle of an edge or the centre of a node of the graph series
GRAPH_POINT = """([kind, i]) => {
  const el = document.getElementById('network');
  const chart = echarts.getInstanceByDom(el);
  const series = chart.getModel().getSeriesByIndex(0);
  const box = el.getBoundingClientRect();
  if (kind === 'node') {
    const g = series.getData().getItemGraphicEl(i);
    const [x, y] = g.transformCoordToGlobal(0, 0);
    return [box.left + x, box.top + y];
  }
  const g = series.getEdgeData().getItemGraphicEl(i);
  const line = g.childOfName ? (g.childOfName('line') || g) : g;
  const s = line.shape;
  const mx = s.cpx1 !== undefined && s.cpx1 !== null ? 0.25 * s.x1 + 0.5 * s.cpx1 + 0.25 * s.x2 : (s.x1 + s.x2) / 2;
  const my = s.cpy1 !== undefined && s.cpy1 !== null ? 0.25 * s.y1 + 0.5 * s.cpy1 + 0.25 * s.y2 : (s.y1 + s.y2) / 2;
  const [x, y] = line.transformCoordToGlobal(mx, my);
  return [box.left + x, box.top + y];
}"""


def settle(page, timeout_s: float = 15.0) -> None:
    """Wait until the force layout stops moving the nodes."""
    last, deadline = None, time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        pos = page.evaluate("() => { const c = echarts.getInstanceByDom(document.getElementById('network'));"
                            " const d = c.getModel().getSeriesByIndex(0).getData();"
                            " return [0, 1, 2].map(i => d.getItemLayout(i)).map(p => p && p.map(Math.round)); }")
        if pos == last:
            return
        last = pos
        page.wait_for_timeout(400)


def test_overview_draws_the_network_and_leads_to_an_article(page, server, shots, client):
    net = client.get("/api/network").json()
    page.goto(server + "/")
    page.wait_for_selector("#network[data-ready=true]")
    settle(page)
    option = page.evaluate("() => echarts.getInstanceByDom(document.getElementById('network')).getOption().series[0]")
    assert len(option["data"]) == len(net["nodes"]) and len(option["links"]) == len(net["edges"])
    assert page.evaluate(CANVAS_INK, "#network") > 5000, "the network canvas is empty"
    assert "Who does what to whom" in page.inner_text("main")
    snap(page, shots, "overview")

    # an edge: the events behind it, each one of that dyad and quad class
    for i, edge in enumerate(net["edges"][:8]):
        x, y = page.evaluate(GRAPH_POINT, ["edge", i])
        try:
            with page.expect_navigation(timeout=5000):
                page.mouse.click(x, y)
        except PlaywrightTimeout:
            pass
        if "/events?" in page.url and "b=" in page.url:
            break
        page.goto(server + "/")
        page.wait_for_selector("#network[data-ready=true]")
        settle(page)
    else:
        pytest.fail("no edge of the network could be clicked")
    # the click may land on a neighbouring edge: check against the edge the URL names
    q = parse_qs(urlsplit(page.url).query)
    edge = next(e for e in net["edges"] if (e["source"], e["target"], str(e["quad"])) == (q["a"][0], q["b"][0], q["quad"][0]))
    rows = page.locator("table.events tbody tr")
    assert rows.count() == edge["events"]
    shown = {t.strip() for t in page.locator("table.events tbody td:nth-child(2) .badge").all_inner_texts()}
    assert shown == set(edge["types"])

    # and on to the article, at the event's sentence
    page.locator("table.events tbody tr td a[href^='/article/']").first.click()
    page.wait_for_selector("#article-text")
    assert "#ev-" in page.url
    target = page.url.split("#", 1)[1]
    assert page.locator(f"[id='{target}']").count() == 1
    assert page.locator(".hl-trigger").count() >= 1 and page.locator(".hl-sentence").count() >= 1
    assert not page.problems, page.problems


NODE_LAYOUT = """() => { const d = echarts.getInstanceByDom(document.getElementById('network'))
  .getModel().getSeriesByIndex(0).getData();
  return Array.from({length: d.count()}, (_, i) => d.getItemLayout(i).map(v => Math.round(v))); }"""


def test_the_network_is_drawn_the_same_on_every_load(page, server):
    layouts = []
    for _ in range(2):
        page.goto(server + "/")
        page.wait_for_selector("#network[data-ready=true]")
        page.wait_for_timeout(300)
        layouts.append(page.evaluate(NODE_LAYOUT))
    assert layouts[0] and layouts[0] == layouts[1]
    assert not page.problems, page.problems


def test_clicking_a_node_lists_its_events(page, server, client):
    net = client.get("/api/network").json()
    page.goto(server + "/")
    page.wait_for_selector("#network[data-ready=true]")
    settle(page)
    x, y = page.evaluate(GRAPH_POINT, ["node", 0])
    with page.expect_navigation(timeout=10000):
        page.mouse.click(x, y)
    assert "actor=" in page.url
    total = client.get("/api/events", params={"actor": net["nodes"][0]["id"]}).json()["total"]
    assert f"{total} event" in page.inner_text("main")


def test_article_page_highlights_every_kind_of_span(page, server, shots, con):
    doc_id = con.execute(
        "SELECT d.doc_id FROM documents d JOIN quotes q USING (doc_id) JOIN events e USING (doc_id) "
        "JOIN dates t USING (doc_id) WHERE d.lang = 'en' AND NOT d.source LIKE '%hostile%' "
        "GROUP BY d.doc_id ORDER BY count(*) DESC LIMIT 1").fetchall()[0][0]
    page.goto(f"{server}/article/{doc_id}")
    for layer in ("mention", "quote", "sentence", "trigger", "date"):
        assert page.locator(f"#article-text .hl-{layer}").count() > 0, layer
    text = con.execute("SELECT text FROM documents WHERE doc_id = ?", [doc_id]).fetchall()[0][0]
    assert page.eval_on_selector("#article-text", "e => e.textContent") == text
    first = page.locator("#article-text a.hl-mention").first
    start, end = int(first.get_attribute("data-start")), int(first.get_attribute("data-end"))
    assert first.text_content() == text[start:end]
    if page.locator(".hl-boilerplate").count():
        grey = page.eval_on_selector(".hl-boilerplate", "e => getComputedStyle(e).color")
        assert grey != page.eval_on_selector("#article-text", "e => getComputedStyle(e).color")
    snap(page, shots, "article")
    # a layer switch takes its highlights away
    page.locator("#layers input[data-layer=mention]").uncheck()
    assert "off-mention" in page.get_attribute("#article-text", "class")
    # a record beside the text points at its span
    page.locator(".records a.jump[href^='#q-']").first.click()
    assert page.locator(".hl-quote.flash").count() == 1
    assert not page.problems, page.problems


def test_timeline_draws_stacked_bars(page, server, shots, client):
    actor = client.get("/api/timeline").json()["actors"][0]["id"]
    data = client.get("/api/timeline", params={"actor": actor}).json()
    page.goto(f"{server}/timeline?actor={actor}")
    page.wait_for_selector("#timeline[data-ready=true]")
    page.wait_for_timeout(800)
    option = page.evaluate("() => echarts.getInstanceByDom(document.getElementById('timeline')).getOption()")
    assert [s["name"] for s in option["series"]] == [s["type"] for s in data["series"]]
    assert all(s["stack"] == "events" for s in option["series"])
    assert option["xAxis"][0]["data"] == data["months"]
    assert page.evaluate(CANVAS_INK, "#timeline") > 2000, "the timeline canvas is empty"
    snap(page, shots, "timeline")
    assert not page.problems, page.problems


def test_events_entity_and_search_pages(page, server, shots, client):
    page.goto(server + "/events")
    assert page.locator("table.events tbody tr").count() > 0
    snap(page, shots, "events")
    hit = client.get("/api/search", params={"q": "Vulin"}).json()["entities"][0]
    page.goto(server + "/search?q=Vulin")
    assert page.locator("mark").count() > 0 and "Вулин" in page.inner_text("main")
    snap(page, shots, "search")
    page.locator(f".card a[href='/entity/{hit['id']}']").first.click()
    page.wait_for_url(f"**/entity/{hit['id']}")
    aliases = page.locator("table.compact").first.inner_text()
    assert any("а" <= ch <= "я" for ch in aliases.lower()) and "Vulin" in aliases
    snap(page, shots, "entity")
    assert not page.problems, page.problems


def test_hostile_article_stays_text(page, server, hostile_doc_id):
    page.goto(f"{server}/article/{hostile_doc_id}")
    page.goto(f"{server}/search?q=pwned")
    page.goto(f"{server}/article/{hostile_doc_id}")
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator("#article-text img, #article-text script, main img").count() == 0
    shown = page.inner_text("#article-text")
    assert "<script>window.__pwned" in shown and "onerror=" in shown
    assert not page.problems, page.problems
