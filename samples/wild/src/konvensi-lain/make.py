#!/usr/bin/env python3
"""Write the source data of the konvensi-lain sample (an invented agency) from its figures.

The figures below are invented. Every derived value (sums, percentages, capaian, differences,
labels, the numbers quoted in the text) is computed here with Decimal, ROUND_HALF_UP, so the
data is consistent; errors.yaml then injects the errors. Each table is printed in one of the
conventions seen in published LKIPs (see samples/wild/README.md).

Writes: meta.yaml, tables/*.yaml, document/*.yaml, errors.yaml in this folder and
samples/wild/relations/konvensi-lain.yaml. Run it after changing a figure:

    python samples/wild/src/konvensi-lain/make.py
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal as D
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REL = HERE.parents[1] / "relations" / "konvensi-lain.yaml"
INSTANSI = "Dinas Perindustrian dan Perdagangan Kabupaten Sukamaju"
TAHUN = 2023


# ------------------------------------------------------------------ number printing

def q(x: D, d: int) -> D:
    return x.quantize(D(1).scaleb(-d), rounding=ROUND_HALF_UP)


def _group(i: str, sep: str) -> str:
    out = []
    while len(i) > 3:
        out.insert(0, i[-3:])
        i = i[:-3]
    return sep.join([i] + out)


def idn(x, d: int = 0, suffix: str = "") -> str:
    """Indonesian: 1.234.567,89 (dot thousands, comma decimals)."""
    x = q(D(x), d)
    neg = x < 0
    i, _, f = f"{abs(x):f}".partition(".")
    s = _group(i, ".") + ("," + f if f else "")
    return ("-" if neg else "") + s + suffix


def en(x, d: int = 1, suffix: str = "") -> str:
    """Dot decimal: 48.7 (thousands with commas)."""
    x = q(D(x), d)
    neg = x < 0
    i, _, f = f"{abs(x):f}".partition(".")
    s = _group(i, ",") + ("." + f if f else "")
    return ("-" if neg else "") + s + suffix


def excel(x) -> str:
    """Excel-made money: 624,989,000,00 (comma thousands, comma before the cents)."""
    x = q(D(x), 2)
    i, _, f = f"{x:f}".partition(".")
    return _group(i, ",") + "," + f


def strip(x) -> str:
    """Money with the ',-' suffix: 1.250.000.000,-"""
    return idn(x, 0, ",-")


def pct(a, b) -> D:
    return D(a) / D(b) * 100


# ------------------------------------------------------------------ figures

# IKU: (sasaran no, indikator, satuan, target, realisasi 2021, 2022, 2023, polarity)
SASARAN = [
    ("Meningkatnya kontribusi sektor industri dan perdagangan terhadap perekonomian daerah",
     "Misi 2 : Meningkatkan daya saing ekonomi daerah berbasis potensi lokal"),
    ("Terkendalinya harga barang kebutuhan pokok masyarakat",
     "Misi 2 : Meningkatkan daya saing ekonomi daerah berbasis potensi lokal"),
    ("Meningkatnya akuntabilitas kinerja perangkat daerah",
     "Misi 4 : Mewujudkan tata kelola pemerintahan yang bersih dan akuntabel"),
]
IKU = [
    # sasaran, indikator, satuan, target, r2021, r2022, r2023, lower_is_better
    (0, "Kontribusi sektor industri pengolahan terhadap PDRB", "%", "18,40", "17,10", "17,52", "17,94", False),
    (0, "Pertumbuhan nilai ekspor non migas", "%", "8,00", "4,25", "18,70", "6,20", False),
    (0, "Jumlah IKM yang tersertifikasi halal", "IKM", "40", "21", "33", "46", False),
    (1, "Tingkat fluktuasi harga barang kebutuhan pokok", "%", "5,00", "7,85", "6,10", "4,60", True),
    (1, "Persentase pasar rakyat dalam kondisi baik", "%", "75,00", "62,50", "68,75", "75,00", False),
    (2, "Nilai SAKIP Perangkat Daerah", "Nilai", "70-80", "64,10", "68,25", "72,50", False),
]


def num(s: str) -> D:
    return D(s.replace(".", "").replace(",", "."))


def capaian(target: str, real: str, lower: bool) -> D:
    r = num(real)
    if "-" in target:  # range target: the report divides by the upper bound
        return r / num(target.split("-")[1]) * 100
    t = num(target)
    if lower:  # stated in the text: (2 x target - realisasi) / target x 100
        return (2 * t - r) / t * 100
    return r / t * 100


def tingkat(c: D) -> str:
    return "Tidak Mencapai Target" if c < 100 else ("Sesuai Target" if c == 100 else "Melebihi Target")


def kategori(c: D) -> str:
    if c >= 91:
        return "Sangat Baik"
    if c >= 76:
        return "Baik"
    if c >= 66:
        return "Cukup"
    if c >= 51:
        return "Kurang"
    return "Sangat Kurang"


IKU_CAP = [q(capaian(t, r23, low), 2) for _, _, _, t, _, _, r23, low in IKU]

# program budget: (name, pagu murni, pagu perubahan, realisasi); programs 2-4 come from table 7
SUBS = {
    "Program Perencanaan, Pembinaan dan Pengembangan Industri": [
        ("Pembangunan Industri", [
            ("1. Sub Kegiatan Pembinaan IKM dalam Penerapan Standar Mutu", 624_989_000, 612_450_500),
            ("2. Sub Kegiatan Fasilitasi Sertifikasi Halal bagi IKM", 385_000_000, 379_925_000)]),
        ("Penerbitan Izin Usaha Industri", [
            ("1.Sub Kegiatan Fasilitasi Perizinan Industri Kecil", 148_500_000, 141_075_000)]),
    ],
    "Program Standardisasi dan Perlindungan Konsumen": [
        ("Pelaksanaan Metrologi Legal", [
            ("1.Sub Kegiatan Pelayanan Tera dan Tera Ulang", 412_750_000, 405_322_500),
            ("2.Sub Kegiatan Pengawasan Alat Ukur, Takar, Timbang dan Perlengkapannya", 96_300_000, 88_596_000)]),
    ],
    "Program Stabilisasi Harga Barang Kebutuhan Pokok": [
        ("Penyediaan Bahan Pokok dan Barang Penting", [
            ("1. Sub Kegiatan Pelaksanaan Operasi Pasar Murah", 735_600_000, 706_176_000),
            ("2. Sub Kegiatan Pemantauan Harga dan Stok Bahan Pokok", 184_250_000, 181_485_250)]),
    ],
}


def prog_sum(p):
    a = sum(s[1] for _, subs in SUBS[p] for s in subs)
    r = sum(s[2] for _, subs in SUBS[p] for s in subs)
    return a, r


P = list(SUBS)
PROGRAMS = [
    # name, murni, perubahan, realisasi
    ("Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", 6_792_115_000, 6_842_115_000, 6_512_384_215),
    (P[0], prog_sum(P[0])[0], prog_sum(P[0])[0], prog_sum(P[0])[1]),
    (P[1], 534_050_000, prog_sum(P[1])[0], prog_sum(P[1])[1]),
    (P[2], 869_850_000, prog_sum(P[2])[0], prog_sum(P[2])[1]),
    ("Program Pengembangan Ekspor", 275_000_000, 275_000_000, 133_925_000),
    ("Program Peningkatan Sarana Distribusi Perdagangan", 2_150_000_000, 2_150_000_000, 1_380_300_000),
]
TOT_MURNI = sum(p[1] for p in PROGRAMS)
TOT_ANG = sum(p[2] for p in PROGRAMS)
TOT_REAL = sum(p[3] for p in PROGRAMS)

# jenis belanja (Tabel IV.2): pegawai and modal given, barang dan jasa is the rest
PEGAWAI = (4_215_600_000, 4_102_874_315)
MODAL = (2_350_000_000, 1_548_220_000)
BARANG = (TOT_ANG - PEGAWAI[0] - MODAL[0], TOT_REAL - PEGAWAI[1] - MODAL[1])
OPERASI = (PEGAWAI[0] + BARANG[0], PEGAWAI[1] + BARANG[1])

# pegawai per unit kerja and golongan
SDM = [("Sekretariat", 3, 12, 6, 1), ("Bidang Perindustrian", 2, 9, 3, 0), ("Bidang Perdagangan", 2, 10, 4, 0),
       ("Bidang Metrologi Legal", 1, 8, 5, 1), ("UPTD Pengelolaan Pasar", 1, 6, 9, 4)]
SDM_COL = [sum(r[k] for r in SDM) for k in range(1, 5)]
SDM_TOT = sum(SDM_COL)


# ------------------------------------------------------------------ tables

def t_sdm():
    rows = [[u, str(a), str(b), str(c), str(d), str(a + b + c + d)] for u, a, b, c, d in SDM]
    rows.append({"cells": ["JUMLAH"] + [str(x) for x in SDM_COL] + [str(SDM_TOT)], "bold": True})
    return {"number": None, "title": "Jumlah Pegawai menurut Unit Kerja dan Golongan",
            "col_widths": [34, 12, 12, 12, 12, 14],
            "header": [[{"text": "UNIT KERJA", "rowspan": 2}, {"text": "GOLONGAN", "colspan": 4},
                        {"text": "JUMLAH", "rowspan": 2}], ["IV", "III", "II", "I"]],
            "rows": rows,
            "notes": "Uncaptioned table (the text above introduces it). JUMLAH column and row are sums."}


def t1():
    rows, vm = [], []
    misi_done = set()
    for s, (sas, misi) in enumerate(SASARAN):
        if misi not in misi_done:
            rows.append({"cells": [misi, "", "", "", ""], "bold": True, "span": [[0, 4]]})
            misi_done.add(misi)
        first = len(rows)
        inds = [x for x in IKU if x[0] == s]
        for k, (_, ind, sat, tgt, *_rest) in enumerate(inds):
            rows.append([str(s + 1) if k == 0 else "", sas if k == 0 else "", ind, sat, tgt])
        if len(inds) > 1:
            vm += [[0, first, len(rows) - 1], [1, first, len(rows) - 1]]
    return {"number": "1", "title": f"Perjanjian Kinerja Tahun {TAHUN}",
            "caption_text": f"Tabel 1\nPerjanjian Kinerja Tahun {TAHUN}",
            "col_widths": [6, 32, 40, 9, 13],
            "header": [["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "SATUAN", f"TARGET {TAHUN}"],
                       ["1", "2", "3", "4", "5"]],
            "rows": rows, "vmerge": vm,
            "notes": "Misi rows span the table; the sasaran (and its number) is merged down over its indicators."}


def t2():
    rows = []
    for i, (name, murni, ubah, _) in enumerate(PROGRAMS):
        d = ubah - murni
        rows.append([f"{i + 1}.", name, strip(murni), strip(ubah), strip(d)])
    rows.append({"cells": ["", "JUMLAH", strip(TOT_MURNI), strip(TOT_ANG), strip(TOT_ANG - TOT_MURNI)],
                 "bold": True})
    return {"number": "2", "title": f"Alokasi Anggaran per Program Tahun {TAHUN}",
            "caption_text": f"Tabel 2\nAlokasi Anggaran per Program Tahun {TAHUN}",
            "col_widths": [5, 44, 17, 17, 17],
            "header": [["NO", "PROGRAM", "PAGU MURNI (Rp)", "PAGU PERUBAHAN (Rp)", "BERTAMBAH/ BERKURANG (Rp)"]],
            "rows": rows, "notes": "Money with the ',-' suffix, as typed in Word."}


def t3():
    rows, where = [], {}
    for s, (sas, _) in enumerate(SASARAN):
        rows.append({"cells": [f"Sasaran Strategis {s + 1} : {sas}"] + [""] * 6, "bold": True, "span": [[0, 6]]})
        for k, (ss, ind, sat, tgt, _a, _b, r23, low) in enumerate(IKU):
            if ss != s:
                continue
            c = IKU_CAP[k]
            # a realisation inside a range target met the target (PermenPANRB guidance), whatever
            # the capaian against the upper bound says
            inside = "-" in tgt and num(tgt.split("-")[0]) <= num(r23) <= num(tgt.split("-")[1])
            lab = "Sesuai Target" if inside else tingkat(c)
            where[k] = len(rows)
            rows.append([str(k + 1), ind + (" *)" if low else ""), sat, tgt, r23, idn(c, 2, "%"), lab])
    return {"number": "3", "title": f"Capaian IKU Tahun {TAHUN}",
            "caption_text": f"Tabel 3. Capaian IKU Tahun {TAHUN}",
            "col_widths": [5, 36, 8, 10, 11, 11, 19],
            "header": [["NO", "INDIKATOR KINERJA UTAMA", "SATUAN", "TARGET", "REALISASI", "CAPAIAN",
                        "KETERANGAN"]],
            "rows": rows, "notes": "Capaian printed with a percent sign in every cell; *) lower is better "
                                   "(stated in the text); Nilai SAKIP has a range target 70-80, divided by "
                                   "the upper bound as the report states; its realisation lies inside "
                                   "the range, so the target is met (Sesuai Target)."}, where


def t4():
    rows = []
    for k, (_, ind, sat, _t, a, b, c, _low) in enumerate(IKU):
        if sat != "%":
            continue
        rows.append([str(len(rows) + 1), ind, a + "%", b + "%", c + "%", idn(num(c) - num(b), 2, "%")])
    return {"number": "4", "title": "Perbandingan Realisasi Kinerja Tahun 2021 - 2023",
            "caption_text": "Tabel 4\nPerbandingan Realisasi Kinerja Tahun 2021 - 2023",
            "col_widths": [5, 43, 12, 12, 12, 16],
            "header": [[{"text": "NO", "rowspan": 2}, {"text": "INDIKATOR KINERJA", "rowspan": 2},
                        {"text": "REALISASI", "colspan": 3}, {"text": "PERUBAHAN 2022-2023", "rowspan": 2}],
                       ["2021", "2022", "2023"]],
            "rows": rows, "notes": "Every cell carries a percent sign; negative changes as -12,50%."}


PROG_IND = [
    (P[0], "Persentase IKM yang menerapkan standar mutu", "20 %", "18 %"),
    (P[1], "Persentase alat UTTP yang ditera ulang", "80 %", "84 %"),
    (P[2], "Persentase komoditas bahan pokok dengan stok aman", "100 %", "75 %"),
    ("Program Pengembangan Ekspor", "Jumlah pelaku usaha yang difasilitasi ekspor", "25 Pelaku Usaha",
     "23 Pelaku Usaha"),
    ("Program Peningkatan Sarana Distribusi Perdagangan", "Jumlah pasar rakyat yang direvitalisasi", "4 Pasar",
     "3 Pasar"),
]


def lead(s: str) -> D:
    return num(s.split()[0])


def t5():
    rows = []
    for i, (p, ind, tg, rl) in enumerate(PROG_IND):
        rows.append([str(i + 1), p, ind, tg, rl, idn(pct(lead(rl), lead(tg)), 0, " %")])
    return {"number": "5", "title": f"Capaian Indikator Kinerja Program Tahun {TAHUN}",
            "caption_text": f"Tabel 5\nCapaian Indikator Kinerja Program Tahun {TAHUN}",
            "col_widths": [5, 30, 33, 11, 11, 10],
            "header": [["NO", "PROGRAM", "INDIKATOR KINERJA PROGRAM", "TARGET", "REALISASI", "CAPAIAN"]],
            "rows": rows, "notes": "Spaced percent signs (75 %)."}


KEG_IND = [
    ("Pembangunan Industri", "Jumlah IKM yang mendapat pendampingan", "120 IKM", "126 IKM", 2),
    ("Penerbitan Izin Usaha Industri", "Jumlah fasilitasi izin usaha industri kecil", "2 Kali", "43 Kali", 0),
    ("Pelaksanaan Metrologi Legal", "Jumlah UTTP yang ditera/ditera ulang", "3.200 Unit", "3.488 Unit", 2),
    ("Penyediaan Bahan Pokok dan Barang Penting", "Jumlah operasi pasar murah", "12 Kali", "9 Kali", 2),
    ("Peningkatan Sarana Distribusi Perdagangan", "Jumlah pasar rakyat yang direvitalisasi", "4 Pasar", "3 Pasar", 2),
    ("Penyelenggaraan Promosi Dagang", "Jumlah pameran dagang yang diikuti", "6 Kali", "5 Kali", 2),
]


def t6():
    rows = []
    for i, (k, ind, tg, rl, d) in enumerate(KEG_IND):
        rows.append([str(i + 1), k, ind, tg, rl, idn(pct(lead(rl), lead(tg)), d, "%")])
    return {"number": "6", "title": f"Capaian Indikator Kinerja Kegiatan Tahun {TAHUN}",
            "caption_text": f"Tabel 6\nCapaian Indikator Kinerja Kegiatan Tahun {TAHUN}",
            "col_widths": [5, 28, 33, 11, 11, 12],
            "header": [["NO", "KEGIATAN", "INDIKATOR KINERJA KEGIATAN", "TARGET", "REALISASI", "CAPAIAN"]],
            "rows": rows, "notes": "Percent sign in every cell; 43 / 2 x 100 = 2150%."}


def t7():
    rows, rel = [], {"sum": [], "pct_rows": [], "prog_rows": [], "keg": []}
    prog_rows = []
    for pi, p in enumerate(P):
        pa, pr = prog_sum(p)
        prow = len(rows)
        prog_rows.append(prow)
        rows.append({"cells": [f"{pi + 1}", p, excel(pa), excel(pr), idn(pct(pr, pa), 2), excel(pa - pr)],
                     "bold": True})
        keg_rows = []
        for ki, (k, subs) in enumerate(SUBS[p]):
            ka, kr = sum(s[1] for s in subs), sum(s[2] for s in subs)
            krow = len(rows)
            keg_rows.append(krow)
            rows.append({"cells": [f"{pi + 1}.{ki + 1}", f"Kegiatan {k}", excel(ka), excel(kr),
                                   idn(pct(kr, ka), 2), excel(ka - kr)], "bold": True, "indent": 1})
            for s, a, r in subs:
                rows.append({"cells": ["", s, excel(a), excel(r), idn(pct(r, a), 2), excel(a - r)], "indent": 2})
            rel["keg"].append((krow, list(range(krow + 1, len(rows)))))
        rel["sum"].append((prow, keg_rows))
    ta = sum(prog_sum(p)[0] for p in P)
    tr = sum(prog_sum(p)[1] for p in P)
    rows.append({"cells": ["", "JUMLAH", excel(ta), excel(tr), idn(pct(tr, ta), 2), excel(ta - tr)],
                 "bold": True})
    rel["prog_rows"] = prog_rows
    return {"number": "7", "title": f"Realisasi Anggaran per Sub Kegiatan Tahun {TAHUN}",
            "caption_text": f"Tabel 7\nRealisasi Anggaran per Sub Kegiatan Tahun {TAHUN}",
            "orientation": "landscape",
            "col_widths": [6, 46, 14, 14, 7, 13],
            "header": [["NO", "PROGRAM / KEGIATAN / SUB KEGIATAN", "ANGGARAN (Rp)", "REALISASI (Rp)", "%",
                        "SISA ANGGARAN (Rp)"], ["1", "2", "3", "4", "5 = 4/3", "6 = 3-4"]],
            "rows": rows,
            "notes": "Pasted from Excel: money as 624,989,000,00; sub kegiatan numbered per kegiatan "
                     "('1. Sub Kegiatan', '1.Sub Kegiatan'); a row of column numbers under the header."}, rel


def t8():
    rows = []
    for i, (name, _m, a, r) in enumerate(PROGRAMS):
        rows.append([f"{i + 1}", name, idn(a), idn(r), en(pct(r, a), 1)])
    rows.append({"cells": ["", "JUMLAH", idn(TOT_ANG), idn(TOT_REAL), en(pct(TOT_REAL, TOT_ANG), 1)], "bold": True})
    return {"number": "8", "title": f"Realisasi Anggaran per Program Tahun {TAHUN}",
            "caption_text": f"Tabel 8\nRealisasi Anggaran per Program Tahun {TAHUN}",
            "col_widths": [5, 49, 18, 18, 10],
            "header": [["NO", "PROGRAM", "ANGGARAN (Rp)", "REALISASI (Rp)", "%"]],
            "rows": rows, "notes": "Dot-thousands money beside dot-decimal percentages (48.7)."}


EFF = [  # sasaran index, IKU indices, program index whose serapan is compared
    (0, [0, 1, 2], 1), (1, [3, 4], 3), (2, [5], 0)]


def eff_rows():
    out = []
    for s, iks, p in EFF:
        cap = q(sum(IKU_CAP[k] for k in iks) / len(iks), 1)
        ser = q(pct(PROGRAMS[p][3], PROGRAMS[p][2]), 1)
        out.append((s, cap, ser, cap - ser))
    return out


def t9():
    rows = []
    for s, cap, ser, eff in eff_rows():
        rows.append([f"Sasaran {s + 1}", SASARAN[s][0], en(cap, 1, " %"), en(ser, 1, " %"), en(eff, 1, " %")])
    return {"number": "9", "title": "Efisiensi Penggunaan Sumber Daya per Sasaran",
            "caption_text": "Tabel 9\nEfisiensi Penggunaan Sumber Daya per Sasaran",
            "col_widths": [11, 41, 16, 16, 16],
            "header": [["SASARAN", "URAIAN", "CAPAIAN KINERJA", "REALISASI ANGGARAN", "TINGKAT EFISIENSI"]],
            "rows": rows, "notes": "Dot-decimal percentages with a spaced sign (64.2 %); efisiensi = capaian - "
                                   "realisasi anggaran, negative when the money ran ahead of the results. "
                                   "Capaian kinerja of a sasaran is the mean of its IKU capaian (Tabel 3), "
                                   "rounded to one decimal."}


def tIV1():
    rows = []
    for k, (_, ind, *_r) in enumerate(IKU):
        rows.append([str(k + 1), ind, idn(IKU_CAP[k], 2), kategori(IKU_CAP[k])])
    return {"number": "IV.1", "title": "Rekapitulasi Capaian Indikator Kinerja Utama dan Kategorinya",
            "col_widths": [6, 54, 16, 24],
            "header": [["NO", "INDIKATOR KINERJA UTAMA", "CAPAIAN (%)", "KATEGORI"]],
            "rows": rows, "notes": "Kategori per the scale stated in Bab IV."}


def tIV2():
    rows = [
        {"cells": ["1", "Belanja Operasi", idn(OPERASI[0], 2), idn(OPERASI[1], 2), idn(pct(OPERASI[1], OPERASI[0]), 2)],
         "bold": True},
        {"cells": ["", "a. Belanja Pegawai", idn(PEGAWAI[0], 2), idn(PEGAWAI[1], 2), idn(pct(PEGAWAI[1], PEGAWAI[0]), 2)],
         "indent": 1},
        {"cells": ["", "b. Belanja Barang dan Jasa", idn(BARANG[0], 2), idn(BARANG[1], 2), idn(pct(BARANG[1], BARANG[0]), 2)],
         "indent": 1},
        {"cells": ["2", "Belanja Modal", idn(MODAL[0], 2), idn(MODAL[1], 2), idn(pct(MODAL[1], MODAL[0]), 2)],
         "bold": True},
        {"cells": ["", "TOTAL BELANJA", idn(TOT_ANG, 2), idn(TOT_REAL, 2), idn(pct(TOT_REAL, TOT_ANG), 2)],
         "bold": True, "span": [[0, 1]]},
    ]
    rows[4]["cells"][0], rows[4]["cells"][1] = "TOTAL BELANJA", ""
    return {"number": "IV.2", "title": f"Realisasi Anggaran menurut Jenis Belanja Tahun {TAHUN}",
            "col_widths": [6, 40, 21, 21, 12],
            "header": [[{"text": "NO", "rowspan": 2}, {"text": "JENIS BELANJA", "rowspan": 2},
                        {"text": "ANGGARAN", "colspan": 2}, {"text": "%", "rowspan": 2}],
                       ["PAGU (Rp)", "REALISASI (Rp)"]],
            "rows": rows, "notes": "Belanja Operasi = Pegawai + Barang dan Jasa; total = Operasi + Modal."}


def tL1():
    rows = []
    for k, (ss, ind, sat, tgt, *_r) in enumerate(IKU):
        rows.append([str(k + 1), SASARAN[ss][0] if k == 0 or IKU[k - 1][0] != ss else "", ind,
                     tgt if sat in ("%", "Nilai") else f"{tgt} {sat}"])
    return {"number": None, "title": f"Perjanjian Kinerja Tahun {TAHUN} (lampiran)",
            "col_widths": [6, 38, 40, 16],
            "header": [["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "TARGET"]],
            "rows": rows, "notes": "The signed PK as appended: no caption, targets as in Tabel 1 "
                                   "(the IKM target with its unit word)."}


# ------------------------------------------------------------------ document

def document(t3where):
    cap = {k: idn(IKU_CAP[k], 2) for k in range(len(IKU))}
    tot_pct = idn(pct(TOT_REAL, TOT_ANG), 2)
    front = [
        {"heading": "KATA PENGANTAR"},
        {"paragraph": f"Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa, karena atas rahmat-Nya Laporan "
                      f"Kinerja Instansi Pemerintah {INSTANSI} Tahun {TAHUN} dapat diselesaikan."},
        {"paragraph": "Laporan ini disusun sebagai wujud pertanggungjawaban atas pelaksanaan tugas pokok dan "
                      "fungsi Dinas, dan sebagai bahan evaluasi untuk perbaikan kinerja tahun berikutnya."},
        {"paragraph": "Sukamaju, Februari 2024"},
        {"paragraph": "**KEPALA DINAS PERINDUSTRIAN DAN PERDAGANGAN KABUPATEN SUKAMAJU**"},
        {"heading": "IKHTISAR EKSEKUTIF"},
        {"paragraph": f"Pada tahun {TAHUN} Dinas menetapkan 3 (tiga) sasaran strategis yang diukur dengan "
                      f"6 (enam) Indikator Kinerja Utama."},
        {"paragraph": f"Nilai SAKIP Perangkat Daerah mencapai 72,50 dengan capaian sebesar {cap[5]}% terhadap "
                      f"target 70-80. Realisasi anggaran Dinas mencapai {tot_pct}% dari pagu."},
    ]
    bab1 = [
        {"heading": "BAB I PENDAHULUAN"},
        {"heading": "1.1 Latar Belakang", "level": 2},
        {"paragraph": f"{INSTANSI} merupakan unsur pelaksana urusan pemerintahan bidang perindustrian dan "
                      f"bidang perdagangan yang menjadi kewenangan daerah."},
        {"heading": "1.2 Sumber Daya Manusia", "level": 2},
        {"paragraph": f"Jumlah pegawai Dinas pada akhir tahun {TAHUN} sebanyak {SDM_TOT} orang, dengan rincian "
                      f"menurut unit kerja dan golongan sebagai berikut:"},
        {"table": "u-sdm"},
    ]
    bab2 = [
        {"heading": "BAB II PERENCANAAN KINERJA"},
        {"heading": "2.1 Perjanjian Kinerja", "level": 2},
        {"paragraph": f"Perjanjian Kinerja Tahun {TAHUN} memuat sasaran strategis, indikator kinerja dan "
                      f"target yang akan dicapai, sebagaimana tabel berikut."},
        {"table": "1"},
        {"heading": "2.2 Alokasi Anggaran", "level": 2},
        {"paragraph": "Untuk mencapai sasaran tersebut, Dinas mendapat alokasi anggaran dalam 6 (enam) program "
                      "sebagai berikut."},
        {"table": "2"},
    ]
    bab3 = [
        {"heading": "BAB III AKUNTABILITAS KINERJA"},
        {"heading": "3.1 Capaian Kinerja Organisasi", "level": 2},
        {"paragraph": "Capaian kinerja dihitung dengan membandingkan realisasi terhadap target. Untuk indikator "
                      "yang semakin tinggi semakin baik, capaian = realisasi / target x 100%."},
        {"paragraph": "Indikator Tingkat fluktuasi harga barang kebutuhan pokok merupakan indikator yang "
                      "**semakin rendah semakin baik**, sehingga capaiannya dihitung dengan rumus "
                      "(2 x target - realisasi) / target x 100%."},
        {"paragraph": "Nilai SAKIP ditargetkan dalam rentang 70-80; capaiannya dihitung terhadap batas atas "
                      "rentang, yaitu realisasi / 80 x 100%; realisasi yang berada di dalam rentang dinyatakan "
                      "sesuai target."},
        {"paragraph": f"Capaian Indikator Kinerja Utama Tahun {TAHUN} disajikan dalam tabel berikut; indikator "
                      f"bertanda *) semakin rendah semakin baik."},
        {"table": "3"},
        {"paragraph": "*) semakin rendah semakin baik"},
        {"paragraph": f"Kontribusi sektor industri pengolahan terhadap PDRB mencapai 17,94% dengan capaian "
                      f"sebesar {cap[0]}%, sedangkan pertumbuhan nilai ekspor non migas hanya mencapai 6,20% "
                      f"atau {cap[1]}% dari target."},
        {"heading": "3.2 Perbandingan dengan Tahun Sebelumnya", "level": 2},
        {"table": "4"},
        {"paragraph": "Pertumbuhan nilai ekspor non migas turun tajam dibanding tahun 2022 karena melemahnya "
                      "permintaan pasar tujuan ekspor."},
        {"heading": "3.3 Capaian Kinerja Program dan Kegiatan", "level": 2},
        {"table": "5"},
        {"table": "6"},
        {"paragraph": "Fasilitasi izin usaha industri kecil jauh melampaui target karena dibukanya layanan "
                      "perizinan keliling di setiap kecamatan."},
        {"heading": "3.4 Realisasi Anggaran", "level": 2},
        {"paragraph": "Realisasi anggaran per sub kegiatan disajikan dalam tabel berikut."},
        {"table": "7"},
        {"table": "8"},
        {"paragraph": f"Secara keseluruhan realisasi anggaran Dinas Tahun {TAHUN} sebesar Rp{idn(TOT_REAL)} "
                      f"dari pagu Rp{idn(TOT_ANG)}."},
        {"heading": "3.5 Efisiensi Penggunaan Sumber Daya", "level": 2},
        {"table": "9"},
    ]
    bab4 = [
        {"heading": "BAB IV PENUTUP"},
        {"paragraph": "Kategori capaian kinerja ditetapkan dengan skala: 91 ke atas Sangat Baik; 76 sampai "
                      "kurang dari 91 Baik; 66 sampai kurang dari 76 Cukup; 51 sampai kurang dari 66 Kurang; "
                      "kurang dari 51 Sangat Kurang."},
        {"table": "IV.1"},
        {"table": "IV.2"},
        {"paragraph": f"Dengan realisasi anggaran sebesar {tot_pct}%, Dinas akan terus meningkatkan kinerja "
                      f"pada tahun-tahun mendatang."},
    ]
    lampiran = [
        {"heading": "LAMPIRAN"},
        {"heading": f"Lampiran 1. Perjanjian Kinerja Tahun {TAHUN}", "level": 2},
        {"paragraph": f"Perjanjian Kinerja Tahun {TAHUN} ditandatangani oleh Kepala {INSTANSI} sebagai pihak "
                      f"pertama dan Bupati Sukamaju sebagai pihak kedua, dengan jumlah anggaran "
                      f"Rp{idn(TOT_ANG)}."},
        {"table": "L.1"},
    ]
    return {"00-front.yaml": front, "10-bab1.yaml": bab1, "20-bab2.yaml": bab2, "30-bab3.yaml": bab3,
            "40-bab4.yaml": bab4, "50-lampiran.yaml": lampiran}


# ------------------------------------------------------------------ relations (samples/wild/RELATIONS.md)

def relations(docs, t3where, t7rel, tables):
    n = {k: len(v["rows"]) for k, v in tables.items()}
    iku_rows = [t3where[k] for k in range(len(IKU))]
    lower = [t3where[k] for k in range(len(IKU)) if IKU[k][7]]
    higher = [r for r in iku_rows if r not in lower]
    t1rows = [i for i, r in enumerate(tables["1"]["rows"]) if not isinstance(r, dict)]
    t7 = []
    for krow, subs in t7rel["keg"]:
        t7.append({"rule": "SUM002", "row": krow, "of_rows": subs, "cols": [2, 3, 5]})
    for prow, kegs in t7rel["sum"]:
        t7.append({"rule": "SUM002", "row": prow, "of_rows": kegs, "cols": [2, 3, 5]})
    last7 = n["7"] - 1
    t7.append({"rule": "SUM001", "row": last7, "of_rows": t7rel["prog_rows"], "cols": [2, 3, 5]})
    t7.append({"rule": "PCT001", "out": 4, "num": 3, "den": 2, "rows": "all"})
    t7.append({"rule": "DIF001", "out": 5, "a": 2, "b": 3, "rows": "all"})
    tabs = {
        "u-sdm": {"label": 0, "numeric": [1, 2, 3, 4, 5], "relations": [
            {"rule": "SUM001", "col": 5, "of_cols": [1, 2, 3, 4], "rows": "all"},
            {"rule": "SUM001", "row": n["u-sdm"] - 1, "of_rows": f"0-{n['u-sdm'] - 2}", "cols": [1, 2, 3, 4, 5]}]},
        "1": {"label": 2, "relations": [
            {"rule": "XT002", "cell": [r, 4], "equals": {"table": "3", "cell": [iku_rows[k], 3]}}
            for k, r in enumerate(t1rows)]},
        "2": {"label": 1, "numeric": [2, 3, 4], "relations": [
            {"rule": "DIF001", "out": 4, "a": 3, "b": 2, "rows": "all"},
            {"rule": "SUM001", "row": n["2"] - 1, "of_rows": f"0-{n['2'] - 2}", "cols": [2, 3, 4]}]
            + [{"rule": "XT001", "cell": [i, 3], "equals": {"table": "8", "cell": [i, 2]}} for i in range(n["2"])]},
        "3": {"label": 1, "relations": [
            {"rule": "CAP001", "out": 5, "real": 4, "target": 3, "rows": higher},
            {"rule": "CAP002", "out": 5, "real": 4, "target": 3, "rows": lower},
            {"rule": "LBL001", "out": 6, "value": 5, "rows": [r for r in iku_rows if r != t3where[5]]}]},
        "4": {"label": 1, "relations": [{"rule": "DIF001", "out": 5, "a": 4, "b": 3, "rows": "all"}]
              + [{"rule": "XT001", "cell": [i, 4], "equals": {"table": "3", "cell": [t3where[k], 4]}}
                 for i, k in enumerate([k for k in range(len(IKU)) if IKU[k][2] == "%"])]},
        "5": {"label": 2, "relations": [{"rule": "CAP001", "out": 5, "real": 4, "target": 3, "rows": "all"}]},
        "6": {"label": 2, "relations": [{"rule": "CAP001", "out": 5, "real": 4, "target": 3, "rows": "all"}]},
        "7": {"label": 1, "numbers": {2: "comma", 3: "comma", 5: "comma"}, "numeric": [2, 3, 5], "relations": t7
              + [{"rule": "XT001", "cell": [prow, 2], "equals": {"table": "8", "cell": [pi + 1, 2]}}
                 for pi, prow in enumerate(t7rel["prog_rows"])]},
        "8": {"label": 1, "numbers": {4: "en"}, "numeric": [2, 3, 4], "relations": [
            {"rule": "PCT001", "out": 4, "num": 3, "den": 2, "rows": "all"},
            {"rule": "SUM001", "row": n["8"] - 1, "of_rows": f"0-{n['8'] - 2}", "cols": [2, 3]},
            {"rule": "XT001", "cell": [n["8"] - 1, 2], "equals": {"table": "IV.2", "cell": [4, 2]}},
            {"rule": "XT001", "cell": [n["8"] - 1, 3], "equals": {"table": "IV.2", "cell": [4, 3]}}]},
        "9": {"label": 0, "numbers": {2: "en", 3: "en", 4: "en"}, "relations": [
            {"rule": "DIF001", "out": 4, "a": 2, "b": 3, "rows": "all"}]
            + [{"rule": "XT001", "cell": [i, 3], "equals": {"table": "8", "cell": [p, 4]}}
               for i, (_s, _k, p) in enumerate(EFF)]},
        "IV.1": {"label": 1, "relations": [{"rule": "LBL002", "out": 3, "value": 2, "scale": "kategori", "rows": "all"}]
                 + [{"rule": "XT001", "cell": [k, 2], "equals": {"table": "3", "cell": [t3where[k], 5]}}
                    for k in range(len(IKU))]},
        "L.1": {"label": 2, "relations": [
            {"rule": "XT002", "cell": [k, 3], "equals": {"table": "1", "cell": [r, 4]}}
            for k, r in enumerate(t1rows)]},
        "IV.2": {"label": 1, "numeric": [2, 3, 4], "relations": [
            {"rule": "PCT001", "out": 4, "num": 3, "den": 2, "rows": "all"},
            {"rule": "SUM002", "row": 0, "of_rows": [1, 2], "cols": [2, 3]},
            {"rule": "SUM001", "row": 4, "of_rows": [0, 3], "cols": [2, 3]}]},
    }
    blocks = []
    for f, bl in docs.items():
        for i, b in enumerate(bl):
            if "paragraph" in b or "bullets" in b:
                blocks.append([f, i])
    cap = {k: idn(IKU_CAP[k], 2) for k in range(len(IKU))}
    tot_pct = idn(pct(TOT_REAL, TOT_ANG), 2)

    def find(f, text):
        hits = [i for i, b in enumerate(docs[f]) if "paragraph" in b and text in b["paragraph"]]
        assert len(hits) == 1, (f, text)
        return {"file": f, "index": hits[0]}

    claims = [
        {"rule": "NAR001", "block": find("10-bab1.yaml", f"sebanyak {SDM_TOT} orang"), "text": f"sebanyak {SDM_TOT} orang",
         "value": str(SDM_TOT), "equals": {"table": "u-sdm", "cell": [n["u-sdm"] - 1, 5]}},
        {"rule": "NAR001", "block": find("00-front.yaml", f"sebesar {cap[5]}%"), "text": f"sebesar {cap[5]}%",
         "value": cap[5], "equals": {"table": "3", "cell": [t3where[5], 5]}},
        {"rule": "NAR001", "block": find("00-front.yaml", f"mencapai {tot_pct}%"), "text": f"mencapai {tot_pct}%",
         "value": tot_pct, "equals": {"table": "IV.2", "cell": [4, 4]}},
        {"rule": "NAR001", "block": find("30-bab3.yaml", f"sebesar {cap[0]}%"), "text": f"sebesar {cap[0]}%",
         "value": cap[0], "equals": {"table": "3", "cell": [t3where[0], 5]}},
        {"rule": "NAR001", "block": find("30-bab3.yaml", f"atau {cap[1]}%"), "text": f"atau {cap[1]}%",
         "value": cap[1], "equals": {"table": "3", "cell": [t3where[1], 5]}},
        {"rule": "NAR001", "block": find("30-bab3.yaml", f"Rp{idn(TOT_REAL)}"), "text": f"Rp{idn(TOT_REAL)}",
         "value": idn(TOT_REAL), "equals": {"table": "8", "cell": [n["8"] - 1, 3]}},
        {"rule": "NAR001", "block": find("50-lampiran.yaml", f"Rp{idn(TOT_ANG)}"), "text": f"Rp{idn(TOT_ANG)}",
         "value": idn(TOT_ANG), "equals": {"table": "8", "cell": [n["8"] - 1, 2]}},
        {"rule": "NAR001", "block": find("40-bab4.yaml", f"sebesar {tot_pct}%"), "text": f"sebesar {tot_pct}%",
         "value": tot_pct, "equals": {"table": "IV.2", "cell": [4, 4]}},
    ]
    # an injected narrative error (errors.yaml) replaces a claim's text: the claim as printed
    # with the error is listed too (the oracle skips a claim whose text is not in the block)
    epath = HERE / "errors.yaml"
    for e in (yaml.safe_load(epath.read_text(encoding="utf-8")) or []) if epath.exists() else []:
        if "block" not in e:
            continue
        for c in list(claims):
            if c["block"] == e["block"] and c["text"] == e["find"]:
                import re
                value = re.search(r"\d[\d.,]*\d|\d", e["replace"]).group(0)
                claims.append({**c, "text": e["replace"], "value": value, "error": e["id"]})
    return {
        "source": "samples/wild/src/konvensi-lain",
        "scales": {"kategori": [
            {"label": "Sangat Baik", "min": 91},
            {"label": "Baik", "min": 76, "max": 91, "max_open": True},
            {"label": "Cukup", "min": 66, "max": 76, "max_open": True},
            {"label": "Kurang", "min": 51, "max": 66, "max_open": True},
            {"label": "Sangat Kurang", "max": 51, "max_open": True}]},
        "tables": tabs, "blocks": blocks, "claims": claims,
    }


# ------------------------------------------------------------------ writing

class _Dumper(yaml.SafeDumper):
    pass


def _str(d, s):
    return d.represent_scalar("tag:yaml.org,2002:str", s, style='"' if s[:1].isdigit() or s in ("", "-") or
                              any(ch in s for ch in ":#%*") else None)


_Dumper.add_representer(str, _str)
_Dumper.ignore_aliases = lambda self, data: True


def dump(obj, path: Path, head: str = "") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.dump(obj, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=110,
                     default_flow_style=None)
    path.write_text(head + text, encoding="utf-8")


def main() -> None:
    tab3, t3where = t3()
    tab7, t7rel = t7()
    tables = {"u-sdm": t_sdm(), "1": t1(), "2": t2(), "3": tab3, "4": t4(), "5": t5(), "6": t6(), "7": tab7,
              "8": t8(), "9": t9(), "IV.1": tIV1(), "IV.2": tIV2(), "L.1": tL1()}
    for stem, t in tables.items():
        t["source"] = "invented; computed by make.py"
        dump(t, HERE / "tables" / f"{stem}.yaml", f"# written by make.py (do not edit by hand)\n")
    docs = document(t3where)
    for f, bl in docs.items():
        dump(bl, HERE / "document" / f, "# written by make.py (do not edit by hand)\n")
    meta = {
        "output": "konvensi-lain.pdf", "output_clean": "konvensi-lain-bersih.pdf",
        "instansi": INSTANSI, "tahun": TAHUN,
        "cover": ["LAPORAN KINERJA INSTANSI PEMERINTAH", f"(LKjIP) TAHUN {TAHUN}", INSTANSI,
                  "PEMERINTAH KABUPATEN SUKAMAJU"],
        "running_title": f"LKjIP {INSTANSI} Tahun {TAHUN}",
        "header_running_title": True,
        "page_numbering": {
            "00-front.yaml": {"format": "lowerRoman", "start": 1, "label": "{page}"},
            "10-bab1.yaml": {"format": "decimal", "start": 1, "label": "I - {page}"},
            "20-bab2.yaml": {"format": "decimal", "start": 1, "label": "II - {page}"},
            "30-bab3.yaml": {"format": "decimal", "start": 1, "label": "III - {page}"},
            "40-bab4.yaml": {"format": "decimal", "start": 1, "label": "IV - {page}"},
            "50-lampiran.yaml": {"format": "decimal", "start": 1, "label": "L - {page}"},
        },
    }
    dump(meta, HERE / "meta.yaml", "# Invented agency (samples/wild/README.md); written by make.py\n")
    rel = relations(docs, t3where, t7rel, tables)
    dump(rel, REL, "# Relations of samples/wild/src/konvensi-lain (format: samples/wild/RELATIONS.md).\n"
                   "# Written by samples/wild/src/konvensi-lain/make.py from the same figures as the data.\n")
    print(f"wrote {len(tables)} tables, {len(docs)} document files, {REL.name}")


if __name__ == "__main__":
    main()
