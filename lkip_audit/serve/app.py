"""`lkip-audit serve`: a local web page for reviewers who do not use a terminal.

Flask 3 (a small, long-maintained WSGI framework with Jinja2 templates; already a
dependency-light install) behind waitress (a pure-Python WSGI server that runs the
same on the Windows office machines reviewers use; no compiler, no C extension).

Security, for a tool that may run on a shared office machine:

- binds 127.0.0.1 unless ``--host``; on a loopback bind without a token only the
  loopback host names are answered (a page elsewhere cannot rebind a DNS name to
  this server and read the reports);
- with a non-loopback host a token is required (``--token`` or generated); the
  printed address carries it once (``?token=``), the browser then keeps it in an
  HttpOnly SameSite=Strict cookie; a request without it gets 401;
- every POST carries a CSRF token (a header from the page's script, or a form
  field) matched against the signed session, and a foreign Origin is refused;
- uploads: a size limit (``--max-upload-mb``), the type decided by content
  (``%PDF-``, or a Word package with word/document.xml), stored under a
  server-generated id in a private directory; no name or path from the browser
  reaches the file system;
- every page is rendered by Jinja2 with autoescape; a Content-Security-Policy
  allows only the app's own script files (``script-src 'self'``); the report
  viewer's own inline script is allowed by the hash its renderer declares, in a
  sandboxed frame.
"""

from __future__ import annotations

import hmac
import ipaddress
import re
import secrets
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

from flask import Flask, abort, jsonify, redirect, render_template, request, send_file, session, url_for
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from lkip_audit import __version__
from lkip_audit.i18n import LANGS, t
from lkip_audit.serve import strings as _strings  # noqa: F401 - registers the page's words
from lkip_audit.serve.jobs import ACCEPTED_KINDS, FAIL_LEVELS, OUTPUTS, Report, Settings, Store, display_name

TOKEN_COOKIE = "lkip_token"
KATEGORI_EXAMPLE = "Sangat Baik=>=91;Baik=76-90;Cukup=66-75;Kurang=51-65;Sangat Kurang=<=50"
LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; frame-src 'self'; frame-ancestors 'self'; base-uri 'none'")


def is_loopback(host: str) -> bool:
    host = host.strip("[]")
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def create_app(store: Store, *, config_path: str | None = None, token: str | None = None,
               max_upload_bytes: int = 100 * 1024 * 1024, loopback_only: bool = True,
               default_lang: str | None = None) -> Flask:
    """The WSGI application. ``token``: required on every request when set;
    ``loopback_only``: answer only requests addressed to a loopback host name."""
    from lkip_audit.options import build_config

    base = build_config(config_path)  # raises ValueError for a bad settings file (a usage error)
    lang0 = default_lang or base.lang
    here = Path(__file__).parent
    app = Flask("lkip_audit.serve", template_folder=str(here / "templates"), static_folder=str(here / "static"),
                static_url_path="/static")
    app.jinja_env.autoescape = True  # every template, whatever its name
    app.config.update(
        SECRET_KEY=secrets.token_bytes(32),  # sessions live as long as the server
        MAX_CONTENT_LENGTH=max_upload_bytes + 64 * 1024,  # the file plus the multipart envelope
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Strict",
        SESSION_COOKIE_NAME="lkip_session",
        MAX_FORM_MEMORY_SIZE=64 * 1024,
    )
    app.extensions["lkip_store"] = store
    max_mb = _mb(max_upload_bytes)

    # -- helpers ---------------------------------------------------------------------------------

    def settings() -> Settings:
        s = session.get("settings") or {}
        return Settings(lang=s.get("lang") if s.get("lang") in LANGS else lang0,
                        fail_on=s.get("fail_on") if s.get("fail_on") in FAIL_LEVELS else "error",
                        kategori=str(s.get("kategori") or ""))

    def lang() -> str:
        return settings().lang

    def csrf_token() -> str:
        tok = session.get("csrf")
        if not tok:
            tok = session["csrf"] = secrets.token_urlsafe(32)
        return tok

    def wants_json() -> bool:
        return request.path.startswith("/api/") or request.headers.get("X-Requested-With") == "fetch" or \
            request.accept_mimetypes.best == "application/json"

    def refuse(status: int, message: str):
        if wants_json():
            return jsonify({"error": message}), status
        return render_template("error.html", message=message, status=status), status

    def config_for(s: Settings):
        config = build_config(config_path, lang=s.lang, kategori=s.kategori or None)
        if not store.db:  # as `check` without a store: the cross-year rules have nothing to compare with
            config.ignore = [*config.ignore, "YR"]
        return config

    @app.context_processor
    def _globals():
        return {"t": lambda key, **kw: t(key, lang(), **kw), "lang": lang(), "csrf_token": csrf_token,
                "version": __version__, "max_mb": max_mb, "max_bytes": max_upload_bytes,
                "fail_levels": FAIL_LEVELS, "langs": LANGS, "store_on": bool(store.db)}

    # -- guards ----------------------------------------------------------------------------------

    @app.before_request
    def _guard():
        if loopback_only and not token:
            name = (request.host or "").rsplit(":", 1)[0] if not (request.host or "").startswith("[") \
                else (request.host or "")[1:].split("]", 1)[0]
            if name.lower() not in LOOPBACK_NAMES and not is_loopback(name):
                return refuse(403, t("serve.err.host", lang()))
        if token:
            given = request.args.get("token")
            if given is not None and request.method == "GET" and _same(given, token):
                # the printed address: keep the token in a cookie, drop it from the address bar
                resp = redirect(request.path)
                resp.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="Strict")
                return resp
            auth = request.headers.get("Authorization", "")
            bearer = auth[7:] if auth.startswith("Bearer ") else ""
            if not (_same(request.cookies.get(TOKEN_COOKIE, ""), token) or _same(bearer, token)):
                return refuse(401, t("serve.err.token", lang()))
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            origin = request.headers.get("Origin")
            if origin and origin != "null" and urlsplit(origin).netloc != request.host:
                return refuse(403, t("serve.err.csrf", lang()))
            sent = request.headers.get("X-CSRF-Token")
            if sent is None:
                sent = request.form.get("csrf_token", "")  # a plain form (parses the body: size-limited)
            expected = session.get("csrf")
            if not expected or not _same(sent, expected):
                return refuse(403, t("serve.err.csrf", lang()))
        return None

    @app.after_request
    def _headers(resp):
        resp.headers.setdefault("Content-Security-Policy", CSP)
        resp.headers["X-Content-Type-Options"] = "nosniff"
        resp.headers["Referrer-Policy"] = "no-referrer"
        resp.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        resp.headers.setdefault("Cache-Control", "no-store")
        return resp

    @app.errorhandler(RequestEntityTooLarge)
    def _too_large(_e):
        return refuse(413, t("serve.err.too_large", lang(), mb=max_mb))

    @app.errorhandler(HTTPException)
    def _http(e: HTTPException):
        if e.code == 404:
            return refuse(404, t("serve.err.not_found", lang()))
        return refuse(e.code or 500, e.name)

    @app.errorhandler(Exception)
    def _internal(_e):  # never a traceback on the page
        app.logger.exception("internal error")
        return refuse(500, t("serve.err.internal", lang()))

    # -- pages -----------------------------------------------------------------------------------

    def report_or_404(report_id: str) -> Report:
        r = store.get(report_id)
        if r is None:
            abort(404)
        return r

    @app.get("/")
    def index():
        return render_template("index.html", reports=store.all(), settings=settings(),
                               kategori_example=KATEGORI_EXAMPLE, config_file=config_path,
                               notice=request.args.get("saved") and t("serve.saved", lang()), errors=[])

    @app.post("/settings")
    def save_settings():
        f = request.form
        new = {"lang": f.get("lang") if f.get("lang") in LANGS else lang0,
               "fail_on": f.get("fail_on") if f.get("fail_on") in FAIL_LEVELS else "error",
               "kategori": " ".join((f.get("kategori") or "").split())[:500]}
        try:
            build_config(config_path, lang=new["lang"], kategori=new["kategori"] or None)
        except ValueError as e:
            msg = t("serve.err.kategori", lang(), detail=str(e))
            return render_template("index.html", reports=store.all(), settings=Settings(**new),
                                   kategori_example=KATEGORI_EXAMPLE, config_file=config_path, notice=None,
                                   errors=[msg]), 400
        session["settings"] = new
        return redirect(url_for("index", saved=1))

    @app.post("/upload")
    def upload():
        files = [f for f in request.files.getlist("file") if f is not None]
        s = settings()
        accepted, errors = [], []
        if not files:
            errors.append(t("serve.err.none", s.lang))
        config = config_for(s) if files else None
        for fs in files:
            name = display_name(fs.filename)
            rid, directory = store.new_directory()
            raw = directory / "upload.bin"
            try:
                _save(fs, raw, max_upload_bytes)
            except RequestEntityTooLarge:
                _remove(directory)
                raise
            problem = _kind_problem(raw, name, s.lang)
            if isinstance(problem, str):
                _remove(directory)
                errors.append(problem)
                continue
            kind = problem[0]
            raw.rename(directory / ACCEPTED_KINDS[kind])
            report = store.add(Report(id=rid, name=name, kind=kind, directory=directory, settings=s))
            try:
                store.submit(report, config)
            except Exception:  # noqa: BLE001 - the pool could not start: say so on the report, not a 500
                app.logger.exception("could not start a check")
                store.fail(report.id, t("serve.err.worker", s.lang, name=name))
            accepted.append({"id": rid, "name": name, "url": url_for("view", report_id=rid)})
        status = 200 if accepted else (415 if files else 400)
        if wants_json():
            return jsonify({"reports": accepted, "errors": errors}), status
        if accepted and not errors:
            return redirect(accepted[0]["url"] if len(accepted) == 1 else url_for("index"))
        return render_template("index.html", reports=store.all(), settings=s, kategori_example=KATEGORI_EXAMPLE,
                               config_file=config_path, notice=None, errors=errors), status

    @app.get("/api/reports")
    def api_reports():
        return jsonify({"reports": [r.as_json() for r in store.all()]})

    @app.get("/api/reports/<report_id>")
    def api_report(report_id: str):
        return jsonify(report_or_404(report_id).as_json())

    @app.get("/r/<report_id>")
    def view(report_id: str):
        return render_template("report.html", r=report_or_404(report_id), outputs=list(OUTPUTS))

    @app.get("/r/<report_id>/report.html")
    def report_html(report_id: str):
        r = report_or_404(report_id)
        path = r.output_path("html")
        if r.state != "done" or "html" not in r.outputs or not path.is_file():
            abort(404)
        page = path.read_bytes()
        resp = app.response_class(page, mimetype="text/html")
        resp.headers["Content-Security-Policy"] = viewer_csp(page)
        resp.headers["X-Frame-Options"] = "SAMEORIGIN"
        return resp

    @app.get("/r/<report_id>/download/<fmt>")
    def download(report_id: str, fmt: str):
        r = report_or_404(report_id)
        if fmt not in OUTPUTS or r.state != "done" or fmt not in r.outputs:
            abort(404)
        fname, mime, ext = OUTPUTS[fmt]
        stem = r.name.rsplit(".", 1)[0] if "." in r.name else r.name
        return send_file(r.directory / fname, mimetype=mime, as_attachment=True, download_name=f"{stem}{ext}",
                         max_age=0)

    @app.post("/r/<report_id>/delete")
    def delete(report_id: str):
        if not store.delete(report_id):
            abort(404)
        if wants_json():
            return jsonify({"deleted": report_id})
        return redirect(url_for("index"))

    return app


def viewer_csp(page: bytes) -> str:
    """The served report's policy: the one its renderer declared in its own <meta> (in
    <head>, before any document text: only the viewer's inline script and style by hash,
    images from data:), fetch directives only, plus a sandboxed origin and no framing by
    others. Without a declared policy nothing runs."""
    head = page[: page.find(b"</head>")] if b"</head>" in page else b""
    m = re.search(rb'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', head)
    declared = unescape(m.group(1).decode("utf-8", "replace")) if m else ""
    keep = []
    for part in declared.split(";"):
        words = part.split()
        if words and words[0] in _FETCH_DIRECTIVES and not any(w in ("*", "'unsafe-eval'") for w in words[1:]):
            keep.append(" ".join(words))
    if not any(k.startswith("default-src ") for k in keep):
        keep.insert(0, "default-src 'none'")
    return "; ".join(keep + ["frame-ancestors 'self'", "base-uri 'none'", "form-action 'none'",
                             "sandbox allow-scripts allow-popups allow-downloads"])


_FETCH_DIRECTIVES = {"default-src", "script-src", "style-src", "img-src", "font-src", "connect-src", "media-src"}


def _same(a: str, b: str) -> bool:
    return hmac.compare_digest(str(a).encode("utf-8"), str(b).encode("utf-8"))


def _mb(n: int) -> str:
    v = n / (1024 * 1024)
    return f"{v:g}" if v >= 1 else f"{v:.2f}"


def _save(fs, target: Path, limit: int) -> None:
    """Copy an uploaded file to ``target`` (mode 0600), refusing one over ``limit`` bytes."""
    import os

    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    size = 0
    with os.fdopen(fd, "wb") as out:
        while True:
            chunk = fs.stream.read(1024 * 1024)
            if not chunk:
                break
            size += len(chunk)
            if size > limit:
                raise RequestEntityTooLarge()
            out.write(chunk)


def _kind_problem(path: Path, name: str, lang: str):
    """("pdf",) or ("docx",) when the content is one, else the message for the page."""
    from lkip_audit.extract.docx import SPREADSHEET_KINDS, sniff

    if path.stat().st_size == 0:
        return t("serve.err.empty", lang, name=name)
    kind = sniff(path)  # "%PDF-" in the first KiB, as the reader accepts; a zip with word/document.xml
    if kind == "pdf":
        return ("pdf",)
    if kind == "docx":
        return ("docx",)
    if kind == "docm":
        return t("serve.err.docm", lang, name=name)
    if kind in SPREADSHEET_KINDS:
        return t("serve.err.spreadsheet", lang, name=name)
    return t("serve.err.type", lang, name=name)


def _remove(directory: Path) -> None:
    import shutil

    shutil.rmtree(directory, ignore_errors=True)
