#!/usr/bin/env python3
"""Writes data/thermal/climate-zones.yaml from the 3CL-DPE tables of Open3CL's src/tv.js.

Python 3 standard library only. Reads the tables dh19, nref19, e (by ilpa, altitude class,
month, zone), tefs (by altitude class, month, zone) and c1 (by zone, month, orientation) of
tv.js, and the lighting hours N_h by zone of src/16_conso_eclairage.js, and writes them as one
YAML file of the 8 zones x 3 altitude classes, every table naming its tv.js path.

Usage:
  git --git-dir=/work/.mirror/Open3CL+engine/repo show bb583ee7:src/tv.js > tv.js
  git --git-dir=/work/.mirror/Open3CL+engine/repo show bb583ee7:src/16_conso_eclairage.js > ecl.js
  python3 tools/thermal/extract_climate.py tv.js ecl.js [--output data/thermal/climate-zones.yaml]
          [--check-h1a OLD.yaml]

--check-h1a compares the H1a, below 400 m tables written with those of a YAML file in the
form of the former data/thermal/climate-h1a.yaml (exit 1 on any difference).
"""
import argparse
import re
import sys

COMMIT = "bb583ee7"
ZONES = ["h1a", "h1b", "h1c", "h2a", "h2b", "h2c", "h2d", "h3"]
# tv.js altitude keys, and the names of the altitude_class vocabulary (include/coron/vocabulary.hpp).
ALTITUDES = [("inférieur à 400m", "below_400m"), ("400-800m", "400_800m"), ("supérieur à 800m", "above_800m")]
MONTHS = ["Janvier", "Février", "Mars", "Avril", "Mai", "Juin", "Juillet", "Aout", "Septembre", "Octobre",
          "Novembre", "Décembre"]
TOKEN = re.compile(r"\s*(?:(\{|\}|\[|\]|:|,)|'([^']*)'|\"([^\"]*)\"|(-?[0-9][0-9.eE+-]*)|([A-Za-z_$][\w$]*))")


def parse_object(text, start):
    """Parses the JS object literal opening at text[start] ('{'): nested dicts of numbers."""
    pos = start

    def token():
        nonlocal pos
        m = TOKEN.match(text, pos)
        if not m:
            raise ValueError(f"tv.js: cannot read at offset {pos}: {text[pos:pos + 40]!r}")
        pos = m.end()
        punct, sq, dq, num, ident = m.groups()
        if punct:
            return ("p", punct)
        if num is not None:
            return ("n", float(num))
        return ("s", sq if sq is not None else dq if dq is not None else ident)

    def value(tok):
        kind, v = tok
        if kind == "p" and v == "{":
            out = {}
            while True:
                t = token()
                if t == ("p", "}"):
                    return out
                if t == ("p", ","):
                    continue
                key = str(v2) if (v2 := t[1]) is not None else None
                if isinstance(t[1], float):
                    key = str(int(t[1])) if t[1].is_integer() else str(t[1])
                if token() != ("p", ":"):
                    raise ValueError(f"tv.js: expected ':' after key {key!r}")
                out[key] = value(token())
        return v

    return value(token())


def table(source, name):
    m = re.search(r"\n  " + re.escape(name) + r": \{", source)
    if not m:
        raise SystemExit(f"tv.js: no table '{name}'")
    return parse_object(source, m.end() - 1)


def lighting_hours(source):
    m = re.search(r"const Nh = \{([^}]*)\}", source)
    if not m:
        raise SystemExit("16_conso_eclairage.js: no table Nh")
    hours = dict(re.findall(r"(h\d[a-d]?):\s*([0-9.]+)", m.group(1)))
    return {z: float(hours[z]) for z in ZONES}


def fmt(x):
    """Shortest text giving the same double, without a needless '.0' on integers."""
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def row(values):
    return "[" + ", ".join(fmt(v) for v in values) + "]"


def build(tv, ecl):
    dh19, nref19, e, tefs, c1 = (table(tv, n) for n in ("dh19", "nref19", "e", "tefs", "c1"))
    hours = lighting_hours(ecl)
    zones = {}
    for z in ZONES:
        zone = {
            "lighting_hours": hours[z],
            "c1_east": [c1[z][mo]["est sup75°"] for mo in MONTHS],
            "c1_west": [c1[z][mo]["ouest sup75°"] for mo in MONTHS],
            "c1_north": [c1[z][mo]["nord sup75°"] for mo in MONTHS],
            "altitudes": {},
        }
        for tv_alt, alt in ALTITUDES:
            a = {"cold_water": [tefs[tv_alt][mo][z] for mo in MONTHS]}
            for ilpa in ("0", "1"):
                a[f"ilpa_{ilpa}"] = {
                    "dh19": [dh19[ilpa][tv_alt][mo][z] for mo in MONTHS],
                    "nref19": [nref19[ilpa][tv_alt][mo][z] for mo in MONTHS],
                    "irradiation_south": [e[ilpa][tv_alt][mo][z] for mo in MONTHS],
                }
            zone["altitudes"][alt] = a
        zones[z] = zone
    return zones


HEADER = f"""\
# 3CL-DPE 2021 climate of the 8 zones (H1a .. H3) and 3 altitude classes of the method,
# months January..December. Written by tools/thermal/extract_climate.py: do not edit by hand.
# Source of every table: Open3CL/engine src/tv.js (commit {COMMIT}), the tables of the
# "Méthode de calcul 3CL-DPE 2021" annex to the arrêté du 31 mars 2021:
#   dh19, nref19, irradiation_south  tv.js `dh19`, `nref19`, `e` [ilpa][altitude][month][zone]
#                                    (degree-hours base 19 degC in K.h, heating hours in h, irradiation
#                                    on a south vertical plane over heating hours in kWh/m2);
#   cold_water                       tv.js `tefs`[altitude][month][zone] (T_efs, degC);
#   c1_east, c1_west, c1_north       tv.js `c1`[zone][month]['est sup75°' | 'ouest sup75°' |
#                                    'nord sup75°'] (vertical glazing relative to south; the same
#                                    for both ilpa variants and every altitude);
#   lighting_hours                   Open3CL src/16_conso_eclairage.js `Nh`[zone] (N_h of 3CL §16).
# ilpa 0: ordinary buildings; ilpa 1: heavy inertia and walls of old materials (3CL §18.3),
# whose heating season is shorter (method.yaml `ilpa_by_inertia` says which dwellings).
# Altitudes: below_400m = tv.js 'inférieur à 400m', 400_800m = '400-800m',
# above_800m = 'supérieur à 800m'.
# Irradiation on an orientation o is E_j.C1_o,j (3CL §6.2, Open3CL 6.2_surface_sud_equivalente.js).
# H1a, H2a and H2b above 800 m are all zeros in tv.js (no commune of these zones lies above
# 800 m): kept as the source has them, a dwelling there would have no heating need.
# One file for all zones: the loader checks in one place that every zone and altitude is there,
# and the 24 tables are read and regenerated together.
source: "Open3CL/engine src/tv.js (commit {COMMIT}) dh19, nref19, e, tefs, c1; src/16_conso_eclairage.js Nh"

# Days of hot-water draw per month (Open3CL src/utils.js `Njj`): the method counts
# 24 days in December (holidays away), 358 days a year; the same in every zone.
days: [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 24]

zones:
"""


def write_yaml(zones):
    out = [HEADER]
    for z, zone in zones.items():
        out.append(f"  {z}:\n")
        out.append(f"    lighting_hours: {fmt(zone['lighting_hours'])} h\n")
        for k in ("c1_east", "c1_west", "c1_north"):
            out.append(f"    {k}: {row(zone[k])}\n")
        out.append("    altitudes:\n")
        for alt, a in zone["altitudes"].items():
            out.append(f"      {alt}:\n")
            out.append(f"        cold_water: {{unit: degC, values: {row(a['cold_water'])}}}\n")
            for ilpa in ("ilpa_0", "ilpa_1"):
                v = a[ilpa]
                out.append(f"        {ilpa}:\n")
                out.append(f"          dh19: {{unit: K.h, values: {row(v['dh19'])}}}\n")
                out.append(f"          nref19: {{unit: h, values: {row(v['nref19'])}}}\n")
                out.append(f"          irradiation_south: {{unit: kWh/m2, values: {row(v['irradiation_south'])}}}\n")
    return "".join(out)


def check_h1a(zones, old_path):
    """The H1a, below 400 m tables against the former climate-h1a.yaml (its flow lists)."""
    text = open(old_path, encoding="utf-8").read()
    lists = [[float(x) for x in l.split(",")] for l in re.findall(r"\[([-0-9. ]+(?:,[-0-9. ]+)+)\]", text)]
    z = zones["h1a"]
    a = z["altitudes"]["below_400m"]
    expected = [a["ilpa_0"]["dh19"], a["ilpa_0"]["nref19"], a["ilpa_0"]["irradiation_south"],
                a["ilpa_1"]["dh19"], a["ilpa_1"]["nref19"], a["ilpa_1"]["irradiation_south"],
                z["c1_east"], z["c1_west"], z["c1_north"], a["cold_water"]]
    bad = [i for i, (got, want) in enumerate(zip(lists, expected)) if got != want]
    if len(lists) < len(expected) or bad:
        print(f"H1a below 400 m differs from {old_path}: lists {bad}", file=sys.stderr)
        return False
    print(f"H1a below 400 m: the {len(expected)} tables equal those of {old_path}")
    return True


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("tv_js")
    ap.add_argument("eclairage_js")
    ap.add_argument("--output", default="data/thermal/climate-zones.yaml")
    ap.add_argument("--check-h1a")
    args = ap.parse_args()
    zones = build(open(args.tv_js, encoding="utf-8").read(), open(args.eclairage_js, encoding="utf-8").read())
    if args.check_h1a and not check_h1a(zones, args.check_h1a):
        return 1
    with open(args.output, "w", encoding="utf-8") as f:
        f.write(write_yaml(zones))
    return 0


if __name__ == "__main__":
    sys.exit(main())
