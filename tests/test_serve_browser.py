"""kg serve in a real Chromium (Debian's chromium and chromium-driver, through Selenium).

The store is built from the examples by ``kg build --store`` and served by
``kg serve`` on a random port. Screenshots go to the test's temporary folder;
with ``KG_SCREENSHOT_DIR`` set, the entity page and the graph are also saved
there (that is how the README's pictures are made).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import require_server
from factory import EXAMPLES
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ready
from selenium.webdriver.support.wait import WebDriverWait

TRUMP = "entity/wd/Q22686"


@pytest.fixture(scope="module")
def browser():
    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    require_server(
        chromium is not None and driver is not None,
        "chromium or chromedriver is not installed (make test installs them)",
    )
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    session = webdriver.Chrome(options=options, service=webdriver.ChromeService(driver))
    yield session
    session.quit()


@pytest.fixture(scope="module")
def example_store(tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("browser") / "store"
    kg = str(Path(sys.executable).parent / "kg")
    files = [str(EXAMPLES / "sommet-helsinki.txt"), str(EXAMPLES / "articles.jsonl")]
    subprocess.run([kg, "build", *files, "--store", str(store), "-j", "1"], check=True)
    return store


def _shoot(browser, tmp_path: Path, name: str) -> None:
    browser.save_screenshot(str(tmp_path / f"{name}.png"))
    assert (tmp_path / f"{name}.png").stat().st_size > 10_000
    keep = os.environ.get("KG_SCREENSHOT_DIR")
    if keep:
        shutil.copy(tmp_path / f"{name}.png", Path(keep) / f"serve-{name}.png")


def _no_csp_violations(browser) -> None:
    problems = [e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert not problems, problems


def test_serve_browser_search_entity_graph_article(browser, example_store, kg_serve, tmp_path):
    wait = WebDriverWait(browser, 20)
    with kg_serve(example_store) as url:
        browser.get(url + "/")
        assert "articles" in browser.find_element(By.CSS_SELECTOR, "p.lead").text
        browser.find_element(By.ID, "search").send_keys("trum")
        suggestion = wait.until(ready.element_to_be_clickable((By.CSS_SELECTOR, "#suggestions a")))
        assert suggestion.text == "Donald Trump"
        suggestion.click()
        wait.until(ready.url_contains(TRUMP))
        assert browser.find_element(By.ID, "entity-label").text.startswith("Donald Trump")
        assert browser.find_elements(By.CSS_SELECTOR, "#facts li.fact")
        _shoot(browser, tmp_path, "entity")
        article_link = browser.find_element(By.CSS_SELECTOR, "#facts a.source-article")
        article_url = article_link.get_attribute("href")

        browser.find_element(By.ID, "graph-link").click()
        wait.until(lambda b: b.find_element(By.ID, "graph").get_attribute("data-nodes"))
        graph = browser.find_element(By.ID, "graph")
        nodes, edges = (
            int(graph.get_attribute("data-nodes")),
            int(graph.get_attribute("data-edges")),
        )
        assert nodes >= 3 and edges >= 2
        drawn = browser.execute_script(
            "const cy = window.kgGraph; return [cy.nodes().length, cy.edges().length,"
            " cy.nodes().filter(n => n.renderedPosition().x > 0).length]"
        )
        assert drawn == [nodes, edges, nodes]
        assert browser.find_elements(By.CSS_SELECTOR, "#graph canvas")
        browser.execute_script("window.kgGraph.edges()[0].emit('tap')")
        wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "#edge-info blockquote"))
        _shoot(browser, tmp_path, "graph")
        _no_csp_violations(browser)

        browser.get(article_url)
        assert browser.find_elements(By.CSS_SELECTOR, "#text .sentence.full")
        assert not browser.find_elements(By.CSS_SELECTOR, "#text .gap")
        marks = browser.find_elements(By.CSS_SELECTOR, "#text mark.mention")
        assert marks and any("type-Person" in m.get_attribute("class") for m in marks)
        fact = browser.find_element(By.CSS_SELECTOR, "#article-facts li.fact")
        fact.find_element(By.TAG_NAME, "button").click()
        evidence = browser.find_elements(By.CSS_SELECTOR, "#text .evidence")
        start, end = int(fact.get_attribute("data-start")), int(fact.get_attribute("data-end"))
        assert evidence
        for seg in evidence:
            assert (
                start
                <= int(seg.get_attribute("data-start"))
                < int(seg.get_attribute("data-end"))
                <= end
            )
        assert "selected" in fact.get_attribute("class")
        _shoot(browser, tmp_path, "article")
        _no_csp_violations(browser)


def test_serve_browser_query_page_runs_a_query(browser, example_store, kg_serve, tmp_path):
    wait = WebDriverWait(browser, 20)
    with kg_serve(example_store) as url:
        browser.get(url + "/query")
        wait.until(lambda b: b.execute_script("return !!window.kgYasgui"))
        browser.execute_script(
            "window.kgYasgui.getTab().setQuery('SELECT DISTINCT ?l WHERE { "
            "?e a <https://w3id.org/newskg/ontology#Person> ; "
            "<http://www.w3.org/2000/01/rdf-schema#label> ?l } ORDER BY ?l');"
            "window.kgYasgui.getTab().query();"
        )
        wait.until(lambda b: "Donald Trump" in b.find_element(By.ID, "yasgui").text)
        _shoot(browser, tmp_path, "query")
        _no_csp_violations(browser)
