"""A small Chrome DevTools Protocol client for the browser tests: Debian's headless
chromium, one page, driven over its websocket (websocket-client from PyPI)."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# Waits end as soon as what they wait for is there; this bound is only against a browser
# that stopped answering (one busy core makes chromium's start and exit slow, not wrong).
HANG_GUARD_S = 300


class BrowserError(AssertionError):
    pass


class Chromium:
    """``with Chromium(tmp) as b: b.goto(url); b.wait_for("expr")``; exit closes the
    browser and records its exit status in ``returncode``."""

    def __init__(self, tmp: Path, width: int = 1280, height: int = 900):
        self.tmp = Path(tmp)
        self.size = (width, height)
        self.proc: subprocess.Popen | None = None
        self.ws = None
        self._id = 0
        self.events: list[dict] = []
        self.returncode: int | None = None

    def __enter__(self) -> "Chromium":
        profile = self.tmp / "profile"
        profile.mkdir(parents=True, exist_ok=True)
        (profile / "DevToolsActivePort").unlink(missing_ok=True)  # a reused profile's port is stale
        args = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--disable-features=Translate,MediaRouter", f"--user-data-dir={profile}",
                f"--window-size={self.size[0]},{self.size[1]}", "--remote-debugging-port=0", "about:blank"]
        self.stderr = open(self.tmp / "chromium.log", "w+b")
        self.proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=self.stderr)
        try:
            self._connect(profile)
        except BaseException:  # __exit__ does not run when __enter__ fails: end the browser here
            self.proc.kill()
            self.proc.wait()
            self.stderr.close()
            raise
        return self

    def _connect(self, profile: Path) -> None:
        import websocket

        port = self._port(profile)
        deadline = time.monotonic() + HANG_GUARD_S
        pages = []
        while not pages:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=HANG_GUARD_S) as r:
                pages = [p for p in json.load(r) if p.get("type") == "page"]
            if not pages:
                if time.monotonic() > deadline:
                    raise BrowserError("chromium opened no page")
                time.sleep(0.2)
        self.ws = websocket.create_connection(pages[0]["webSocketDebuggerUrl"], timeout=HANG_GUARD_S, suppress_origin=True)
        for domain in ("Page", "Runtime", "DOM"):
            self.call(f"{domain}.enable")

    def _port(self, profile: Path) -> int:
        """Chromium writes its DevTools port to DevToolsActivePort in the profile."""
        f = profile / "DevToolsActivePort"
        deadline = time.monotonic() + HANG_GUARD_S
        while True:
            if f.is_file():
                text = f.read_text().split()
                if text:
                    return int(text[0])
            if self.proc.poll() is not None:
                self.stderr.seek(0)
                raise BrowserError(f"chromium exited with {self.proc.returncode}: {self.stderr.read()[-2000:]!r}")
            if time.monotonic() > deadline:
                raise BrowserError("chromium did not start its DevTools server")
            time.sleep(0.1)

    def __exit__(self, *exc) -> None:
        try:
            if self.ws is not None:
                try:
                    self.call("Browser.close")
                except Exception:  # noqa: BLE001 - the browser may close the socket first
                    pass
                self.ws.close()
        finally:
            if self.proc is not None:
                try:
                    self.returncode = self.proc.wait(timeout=HANG_GUARD_S)
                except subprocess.TimeoutExpired:
                    self.proc.kill()
                    self.returncode = self.proc.wait()
            self.stderr.close()

    # -- protocol -------------------------------------------------------------------------
    def call(self, method: str, **params) -> dict:
        self._id += 1
        my = self._id
        self.ws.send(json.dumps({"id": my, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == my:
                if "error" in msg:
                    raise BrowserError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            if "method" in msg:
                self.events.append(msg)

    def evaluate(self, expression: str):
        r = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in r:
            raise BrowserError(f"{expression}: {r['exceptionDetails'].get('text')} "
                               f"{r['exceptionDetails'].get('exception', {}).get('description', '')}")
        return r.get("result", {}).get("value")

    def wait_for(self, expression: str, what: str, limit_s: float = 300):
        """Evaluate ``expression`` until it is truthy; fail (saying ``what``) after ``limit_s``."""
        end = time.monotonic() + limit_s
        while True:
            try:
                v = self.evaluate(expression)
            except BrowserError:
                v = None  # the page is navigating
            if v:
                return v
            if time.monotonic() > end:
                shot = self.screenshot(self.tmp / "timeout.png")
                raise BrowserError(f"waited {limit_s:.0f} s for {what}; page: {self.evaluate('location.href')}; "
                                   f"screenshot {shot}")
            time.sleep(0.25)

    def goto(self, url: str) -> None:
        """Navigate and wait until the new document has loaded (not the old one still there)."""
        self.evaluate("window.__lkipOld = true")
        self.call("Page.navigate", url=url)
        self.wait_for("!window.__lkipOld && document.readyState === 'complete'", f"{url} to load", 120)

    def set_files(self, selector: str, files: list[Path]) -> None:
        root = self.call("DOM.getDocument", depth=1)["root"]["nodeId"]
        node = self.call("DOM.querySelector", nodeId=root, selector=selector)["nodeId"]
        if not node:
            raise BrowserError(f"no element {selector}")
        self.call("DOM.setFileInputFiles", nodeId=node, files=[str(f) for f in files])

    def allow_downloads(self, directory: Path) -> None:
        self.call("Browser.setDownloadBehavior", behavior="allow", downloadPath=str(directory), eventsEnabled=True)

    def frames(self) -> list[str]:
        tree = self.call("Page.getFrameTree")["frameTree"]
        out, todo = [], [tree]
        while todo:
            t = todo.pop()
            out.append(t["frame"]["url"])
            todo += t.get("childFrames", [])
        return out

    def screenshot(self, path: Path) -> Path:
        import base64

        data = self.call("Page.captureScreenshot", format="png")["data"]
        path.write_bytes(base64.b64decode(data))
        return path


def js_string(s: str) -> str:
    """A Python string as a JavaScript string literal."""
    return json.dumps(s)
