"""Headless Chromium uploads to the server from a page of another origin.

The page is served from a loopback port of its own, so every request to the
S3 endpoint is cross-origin: the browser sends a CORS preflight for the signed
PUT and lets the script read only the response headers the bucket's CORS rule
exposes.
"""

import shutil
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

HERE = Path(__file__).resolve().parent


class QuietHandler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".mjs": "text/javascript"}

    def log_message(self, *_):
        pass


class Browser:
    def __init__(self, workdir, aws4fetch, chromium, chromedriver):
        self.workdir = Path(workdir)
        self.aws4fetch = aws4fetch
        self.chromium = chromium
        self.chromedriver = chromedriver

    def __enter__(self):
        site = self.workdir / "site"
        site.mkdir()
        shutil.copy(HERE / "page.html", site / "index.html")
        shutil.copy(self.aws4fetch, site / "aws4fetch.esm.mjs")
        self.server = ThreadingHTTPServer(("127.0.0.1", 0),
                                          partial(QuietHandler, directory=str(site)))
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"
        try:
            self.driver = self._start_chromium()
        except BaseException:
            self.server.shutdown()
            raise
        return self

    def __exit__(self, *_):
        try:
            self.driver.quit()
        finally:
            self.server.shutdown()
            self.server.server_close()

    def _start_chromium(self):
        options = webdriver.ChromeOptions()
        options.binary_location = str(self.chromium)
        for flag in ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                     "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync",
                     f"--user-data-dir={self.workdir / 'chromium-profile'}",
                     # The S3 endpoint's certificate is made for this run only.
                     "--ignore-certificate-errors"]:
            options.add_argument(flag)
        options.accept_insecure_certs = True
        service = Service(executable_path=str(self.chromedriver),
                          log_output=str(self.workdir / "chromedriver.log"))
        driver = webdriver.Chrome(options=options, service=service)
        driver.set_script_timeout(30)
        driver.set_page_load_timeout(30)
        return driver

    def upload(self, url, region, access_key_id, secret_access_key, body):
        """Loads the page afresh and has it PUT `body` to `url`; returns what
        the page saw: {status, etag} or {error}."""
        self.driver.get(f"{self.origin}/index.html")
        WebDriverWait(self.driver, 30).until(lambda d: d.title == "ready")
        return self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "window.upload(arguments[0]).then(done);",
            {"url": url, "region": region, "accessKeyId": access_key_id,
             "secretAccessKey": secret_access_key, "body": body},
        )
