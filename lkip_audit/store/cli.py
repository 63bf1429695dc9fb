"""Commands on the store: ``store forget``, ``store list``, ``history``, ``register``.

The store is --store PATH_OR_URL, else $LKIP_AUDIT_STORE, else ``store =`` in the
config file, else the default ($XDG_DATA_HOME/lkip-audit/store.sqlite).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from decimal import Decimal

import click

from lkip_audit.i18n import LANGS

FIELD_ORDER = ("target", "realisasi", "capaian", "anggaran", "realisasi_anggaran")
_T = {
    "forgot": {"id": "dihapus dari penyimpanan: {file} (sha256 {sha}, {instansi}, {tahun})",
               "en": "deleted from the store: {file} (sha256 {sha}, {instansi}, {tahun})"},
    "none": {"id": "tidak ada laporan seperti itu di penyimpanan: {what}",
             "en": "no such report in the store: {what}"},
    "no_history": {"id": "tidak ada nilai tersimpan untuk {item!r}", "en": "no stored values for {item!r}"},
    "plot": {"id": "grafik ditulis: {path}", "en": "plot written: {path}"},
    "written": {"id": "ditulis: {path}", "en": "written: {path}"},
}


def _t(key, lang, **kw):
    d = _T[key]
    return d.get(lang, d["id"]).format(**kw)


def _open(store_opt: str | None, config_path: str | None = None):
    from lkip_audit.options import build_config
    from lkip_audit.store import Store, StoreError
    from lkip_audit.store.run import store_url

    try:
        config = build_config(config_path)
        url = store_url(store_opt, config) or store_url("default", config)
        return Store(url), config
    except (ValueError, OSError, StoreError) as e:
        raise click.UsageError(str(e)) from e


def _store_option(f):
    return click.option("--store", "store_opt", default=None, metavar="PATH_OR_URL",
                        help="The store (default: $LKIP_AUDIT_STORE, the config's store, else "
                             "$XDG_DATA_HOME/lkip-audit/store.sqlite).")(f)


def _config_option(f):
    return click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False), default=None,
                        help="lkip-audit.toml or pyproject.toml (store, [instansi] aliases).")(f)


def _lang_option(f):
    return click.option("--lang", type=click.Choice(LANGS), default="id", show_default=True)(f)


@click.group(name="store")
def store_group() -> None:
    """The store of checked reports (check --store): list, forget."""


@store_group.command(name="forget")
@click.argument("what", metavar="SHA256|FILE")
@_store_option
@_config_option
@_lang_option
def forget(what, store_opt, config_path, lang):
    """Delete a report (its facts and findings) from the store, by sha256 (or 8+ first hex
    digits), by the file itself, or by its file name. An earlier version it superseded becomes
    current again."""
    st, _ = _open(store_opt, config_path)
    rows = st.forget(what)
    if not rows:
        click.echo(_t("none", lang, what=what), err=True)
        sys.exit(1)
    for r in rows:
        click.echo(_t("forgot", lang, file=r["file_name"], sha=r["sha256"][:12], instansi=r["instansi"] or "-",
                      tahun=r["tahun"] or "-"))


@store_group.command(name="list")
@_store_option
@_config_option
def list_cmd(store_opt, config_path):
    """Every stored report: id, sha256, instansi, tahun, file, superseded by."""
    st, _ = _open(store_opt, config_path)
    for d in st.documents():
        sup = f"  (superseded by #{d['superseded_by']})" if d["superseded_by"] else ""
        click.echo(f"#{d['id']}\t{d['sha256'][:12]}\t{d['instansi'] or '-'}\t{d['tahun'] or '-'}\t{d['file_name']}{sup}")


def _num(text):
    try:
        return Decimal(text) if text is not None else None
    except Exception:  # noqa: BLE001
        return None


@click.command(name="history")
@click.argument("item")
@click.option("--instansi", default=None, help="Only this instansi (matched by normalised name).")
@click.option("--plot", "plot_path", type=click.Path(dir_okay=False), default=None,
              help="Draw target, realisasi and capaian across the years to this PNG (matplotlib).")
@_store_option
@_config_option
@_lang_option
def history(item, instansi, plot_path, store_opt, config_path, lang):
    """The stored target, realisasi and capaian across the
    years, with the document and page of each value."""
    from lkip_audit.store.run import aliases

    st, config = _open(store_opt, config_path)
    rows = [r for r in st.history(item, instansi, aliases(config)) if r["stage"] is None and r["year"] is not None]
    if not rows:
        click.echo(_t("no_history", lang, item=item), err=True)
        sys.exit(1)
    # one value per (instansi, year, field, reporting year): the first cell (page order)
    seen = {}
    for r in sorted(rows, key=lambda r: (r["instansi"] or "", r["year"], FIELD_ORDER.index(r["field"])
                                         if r["field"] in FIELD_ORDER else 9, r["tahun"] or 0, r["page"] or 0)):
        seen.setdefault((r["instansi"], r["item_name"], r["year"], r["field"], r["tahun"]), r)
    # the same year's value printed differently by two reports (a restatement, or a misquote: YR001)
    values: dict[tuple, set] = {}
    for (ins, name, year, fld, _tahun), r in seen.items():
        v = _num(r["value"])
        values.setdefault((ins, name, year, fld), set()).add(v.normalize() if v is not None else r["printed"])
    hdr = ("instansi", "item", "tahun nilai" if lang == "id" else "year", "field", "value", "LKIP", "file", "page",
           "beda antarlaporan" if lang == "id" else "differs between reports")
    click.echo("\t".join(hdr))
    for (ins, name, year, fld, tahun), r in seen.items():
        differs = "BEDA" if lang == "id" else "DIFFERS"
        mark = differs if len(values[(ins, name, year, fld)]) > 1 else ""
        click.echo("\t".join(str(x) for x in (ins or "-", name, year, fld, r["printed"], tahun or "-",
                                               r["file_name"], r["page"] or "-", mark)).rstrip("\t"))
    if plot_path:
        _plot(seen, item, plot_path)
        click.echo(_t("plot", lang, path=plot_path), err=True)


def _plot(seen: dict, item: str, path: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    series: dict[str, dict[int, float]] = {}
    for (ins, _name, year, fld, tahun), r in seen.items():
        if fld not in ("target", "realisasi", "capaian"):
            continue
        v = _num(r["value"]) if r["value"] is not None else _num(r["high"])
        if v is None:
            continue
        # the value its own year's report prints wins over a later report's quote
        s = series.setdefault(fld if len({k[0] for k in seen}) == 1 else f"{fld} ({ins})", {})
        if year not in s or tahun == year:
            s[year] = float(v)
    fig, ax = plt.subplots(figsize=(7, 4), dpi=100)
    for name, pts in sorted(series.items()):
        xs = sorted(pts)
        ax.plot(xs, [pts[x] for x in xs], marker="o", label=name)
    ax.set_title(item)
    ax.set_xlabel("tahun")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend()
    ax.grid(True, alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, metadata={"Software": None})
    plt.close(fig)


def register_rows(st, tahun: int | None) -> list[dict]:
    """Every current stored report, with counts by severity and the rules that fire most."""
    out = []
    for d in st.documents(tahun=tahun, current_only=True):
        rules = Counter(f["rule"] for f in st.findings_of(d["id"]))
        out.append({
            "instansi": d["instansi"], "tahun": d["tahun"], "file": d["file_name"], "sha256": d["sha256"],
            "pages": d["pages"], "checked_at": d["checked_at"].isoformat() if d["checked_at"] else None,
            "tool_version": d["tool_version"],
            "error": d["errors"], "warning": d["warnings"], "info": d["infos"],
            "top_rules": [f"{r} ({n})" for r, n in sorted(rules.items(), key=lambda x: (-x[1], x[0]))[:5]],
        })
    return out


@click.command(name="register")
@click.option("--tahun", type=int, default=None, help="Only the reports of this year.")
@click.option("--format", "fmt", type=click.Choice(("text", "xlsx", "json")), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write to this file (needed for xlsx).")
@_store_option
@_config_option
@_lang_option
def register(tahun, fmt, output, store_opt, config_path, lang):
    """Every stored report (the current version of each): instansi, tahun, findings by
    severity and the rules that fire most. The xlsx is the Inspektorat's annual register."""
    st, _ = _open(store_opt, config_path)
    rows = register_rows(st, tahun)
    cols = ["instansi", "tahun", "file", "error", "warning", "info", "top_rules", "checked_at", "sha256"]
    if fmt == "json":
        text = json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    elif fmt == "text":
        lines = ["\t".join(cols)]
        for r in rows:
            lines.append("\t".join(", ".join(r[c]) if c == "top_rules" else str(r[c] if r[c] is not None else "-")
                                   for c in cols))
        text = "\n".join(lines) + "\n"
    else:
        if not output:
            raise click.UsageError("--format xlsx needs -o FILE.xlsx")
        _xlsx(rows, output, lang, tahun)
        click.echo(_t("written", lang, path=output), err=True)
        return
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(text)
        click.echo(_t("written", lang, path=output), err=True)
    else:
        click.echo(text, nl=False)


def _xlsx(rows: list[dict], path: str, lang: str, tahun: int | None) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    heads = {"id": ["No", "Instansi", "Tahun", "Berkas", "Galat", "Peringatan", "Info", "Aturan terbanyak",
                    "Diperiksa", "SHA-256"],
             "en": ["No", "Instansi", "Year", "File", "Errors", "Warnings", "Info", "Most frequent rules",
                    "Checked", "SHA-256"]}[lang if lang in ("id", "en") else "id"]
    wb = Workbook()
    ws = wb.active
    ws.title = "Register"
    ws.append(heads)
    for c in ws[1]:
        c.font = Font(bold=True)
    for k, r in enumerate(rows, 1):
        ws.append([k, r["instansi"], r["tahun"], r["file"], r["error"], r["warning"], r["info"],
                   ", ".join(r["top_rules"]), r["checked_at"], r["sha256"]])
    for col, width in zip("ABCDEFGHIJ", (5, 45, 8, 32, 8, 11, 8, 36, 26, 66)):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A2"
    wb.save(path)


def register_commands(main: click.Group) -> None:
    main.add_command(store_group)
    main.add_command(history)
    main.add_command(register)
