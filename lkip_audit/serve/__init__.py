"""`lkip-audit serve`: the local web page (lkip_audit/serve/app.py) on waitress."""

from __future__ import annotations

import os
import secrets
import sys
import threading
from dataclasses import dataclass

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
DEFAULT_MAX_UPLOAD_MB = 100


@dataclass
class Served:
    """A server ready to run: ``server.run()`` serves until ``close()``."""

    server: object  # waitress server
    app: object
    store: object
    url: str  # what to open (with ?token= when a token is required)
    base: str  # the address without the token
    token: str | None
    messages: list[str]

    _loop_thread: threading.Thread | None = None

    def serve_forever(self) -> None:
        """Serve until ``close()`` (from another thread) or Ctrl+C."""
        self._loop_thread = threading.current_thread()
        try:
            self.server.run()
        finally:
            self._loop_thread = None

    def close(self) -> None:
        """Stop serving (waking the loop when it runs in another thread), then stop the
        checks and delete the files unless ``keep``."""
        srv = self.server
        try:
            loop = self._loop_thread
            if loop is not None and loop is not threading.current_thread() and loop.is_alive():
                from waitress import wasyncore

                done = threading.Event()
                sockets = getattr(srv, "_map", None) or getattr(srv, "map", {})

                def close_all() -> None:  # runs in the loop's thread: the loop ends with an empty map
                    wasyncore.close_all(sockets)
                    done.set()

                srv.trigger.pull_trigger(close_all)
                done.wait(10)
                srv.task_dispatcher.shutdown()
            else:
                srv.close()
        finally:
            self.store.close()


def url_host(host: str) -> str:
    if host in ("0.0.0.0", "::", ""):
        return "127.0.0.1" if host != "::" else "[::1]"  # what to type on this machine
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def access_policy(host: str, token: str | None, lang: str = "id") -> tuple[str | None, list[str]]:
    """The token every request must carry (None: none) and what to tell the user.

    A loopback bind needs no token (one may still be given); any other bind requires
    one, generated when not given, and is warned about: the page is plain http."""
    from lkip_audit.i18n import t
    from lkip_audit.serve.app import is_loopback

    messages: list[str] = []
    if is_loopback(host):
        return token or None, messages
    if not token:
        token = secrets.token_urlsafe(24)
        messages.append(t("serve.token_generated", lang, token=token))
    messages.append(t("serve.no_tls", lang))
    return token, messages


def open_reports(config, lang: str, *, jobs: int, keep: bool, store_location: str | None = None,
                 no_store: bool = False, data_dir=None):
    """The server's reports: on the store named by ``store_location`` (else
    $LKIP_AUDIT_STORE, else the config's ``store``, else the default store), or in memory
    only with ``no_store``. Raises StoreError with a message for the page's language when
    the store cannot be opened."""
    from lkip_audit.i18n import t
    from lkip_audit.serve.jobs import Store
    from lkip_audit.store.run import StoreError, store_url
    from lkip_audit.store.where import ENV, location, redact

    if no_store:
        return Store(jobs=jobs, keep=keep, lang=lang)
    given = store_location or os.environ.get(ENV) or \
        (getattr(config, "store_settings", None) or {}).get("store") or "default"
    try:
        db = store_url(store_location, config) or location("default")
        return Store(jobs=jobs, keep=keep, db=db, data_dir=data_dir, lang=lang)
    except (StoreError, OSError) as e:
        detail = str(e)
        if isinstance(e, OSError) and e.strerror:  # a directory that cannot be made
            detail = f"{e.filename}: {e.strerror}" if e.filename else e.strerror
        raise StoreError(t("serve.err.store", lang, store=redact(str(given)), detail=detail)) from e


def make_server(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, *, jobs: int | None = None,
                token: str | None = None, keep: bool = False, max_upload_mb: float = DEFAULT_MAX_UPLOAD_MB,
                config_path: str | None = None, lang: str | None = None, threads: int = 8,
                store_location: str | None = None, no_store: bool = False, data_dir=None) -> Served:
    """Build the store, the app and a bound waitress server (``port=0``: a free port).

    A non-loopback ``host`` without ``token`` gets a generated one. The list of reports
    lives in the store (``store_location``, else $LKIP_AUDIT_STORE, the config's
    ``store``, the default store) unless ``no_store``. Raises ValueError for bad
    settings, StoreError when the store cannot be opened, OSError when the address
    cannot be bound."""
    from waitress.server import create_server

    from lkip_audit.batch import default_jobs
    from lkip_audit.i18n import t
    from lkip_audit.options import build_config
    from lkip_audit.serve.app import create_app, is_loopback

    config = build_config(config_path)
    lang = lang or config.lang
    loopback = is_loopback(host)
    token, messages = access_policy(host, token, lang)
    max_bytes = int(max_upload_mb * 1024 * 1024)
    store = open_reports(config, lang, jobs=jobs or default_jobs(), keep=keep, store_location=store_location,
                         no_store=no_store, data_dir=data_dir)
    try:
        app = create_app(store, config_path=config_path, token=token, max_upload_bytes=max_bytes,
                         loopback_only=loopback, default_lang=lang)
        # waitress buffers a body up to its own limit before the app sees it; above the app's
        # limit (and below this one) the app answers with the page's message
        server = create_server(app, host=host, port=port, threads=threads, ident="lkip-audit",
                               max_request_body_size=2 * max_bytes + 1024 * 1024, clear_untrusted_proxy_headers=True)
    except BaseException:
        store.close()
        raise
    eff_port = getattr(server, "effective_port", port)
    base = f"http://{url_host(host)}:{eff_port}/"
    url = base + (f"?token={token}" if token else "")
    messages.insert(0, t("serve.started", lang, url=url))
    if host in ("0.0.0.0", "::", ""):  # every interface: what the other machines type
        import socket

        messages.insert(1, t("serve.elsewhere", lang, url=f"http://{socket.gethostname()}:{eff_port}/"
                             + (f"?token={token}" if token else "")))
    if store.db:
        from lkip_audit.store.where import redact

        messages.append(t("serve.store_used", lang, store=redact(store.db), n=len(store.all()), dir=store.data_dir))
    else:
        messages.append(t("serve.no_store", lang))
    messages.append(t("serve.files_kept" if keep else "serve.files_dir", lang, dir=store.root,
                      keep=t("serve.keep_note", lang)))
    return Served(server=server, app=app, store=store, url=url, base=base, token=token, messages=messages)


def run(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, *, open_browser: bool = False, echo=None,
        **kwargs) -> None:
    """Serve until Ctrl+C; then stop the checks and delete the files (unless ``keep``)."""
    echo = echo or (lambda line: print(line, file=sys.stderr, flush=True))
    served = make_server(host, port, **kwargs)
    for line in served.messages:
        echo(line)
    previous = _stop_on_sigterm()
    if open_browser:
        import webbrowser

        threading.Timer(0.5, webbrowser.open, (served.url,)).start()
    try:
        served.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        served.close()
        if previous is not None:
            import signal

            signal.signal(signal.SIGTERM, previous)
        if served.store.keep:
            echo(served.messages[-1])  # where the files were kept


def _stop_on_sigterm():
    """SIGTERM (a service manager, `kill`) stops the server as Ctrl+C does, so the
    files are deleted; only possible from the main thread. Returns the handler it
    replaced (None when it installed none)."""
    import signal

    if threading.current_thread() is not threading.main_thread():
        return None

    def stop(_signum, _frame):
        raise KeyboardInterrupt

    try:
        return signal.signal(signal.SIGTERM, stop)
    except (ValueError, OSError):  # pragma: no cover - not the main thread after all
        return None


__all__ = ["access_policy", "make_server", "open_reports", "run", "Served", "DEFAULT_HOST", "DEFAULT_PORT",
           "DEFAULT_MAX_UPLOAD_MB"]
