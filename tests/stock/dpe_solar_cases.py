#!/usr/bin/env python3
"""Hand case of the sun factors the DPE import gives each facade (sim/stock/dpe_solar.cpp),
recomputed month by month as 3CL §6.2-6.3 writes the south-equivalent area (and Open3CL
6.2_surface_sud_equivalente.js computes it): S_se,j = sum over windows onto the outside of
A . S_w . F_e . C1_j, plus for a veranda T . S_sd,j + b_ver . (S_st,j - T . S_sd,j), S_st,j its
own glazing's A . (0.8 T + 0.024) . F_e . C1_j. A facade's factor is its windows' sum over the
season, sum_j E_j S_se,j, over what its area of unshaded vertical glazing of the mean S_w
collects, A . g . sum_j E_j C1_vertical,j.

Python 3 standard library only. The tables are copied from Open3CL/engine src/tv.js (commit
bb583ee7): zone H1a, altitude below 400 m, ilpa 0, January..December.

Usage:
  python3 tests/stock/dpe_solar_cases.py            prints the factors
  python3 tests/stock/dpe_solar_cases.py --check F  compares them with the constants
                                                    `constexpr double solar_<facade> = <value>;`
                                                    of the C++ test F (relative 1e-12)
"""
import re
import sys

E = [38.36, 37.47, 77.61, 86.79, 53.63, 0, 0, 0, 54.18, 61.45, 43.04, 34.26]  # e[0][<400m][j].h1a
C1 = {  # c1.h1a[j]
    ("south", 3): [1.0] * 12,
    ("south", 2): [1.67, 1.78, 1.99, 2.39, 2.74, 2.98, 2.87, 2.52, 2.14, 1.84, 1.74, 1.59],
    ("east", 3): [0.40, 0.51, 0.63, 0.84, 1.01, 1.16, 1.14, 0.86, 0.66, 0.47, 0.51, 0.35],
    ("west", 3): [0.43, 0.47, 0.58, 0.79, 1.05, 1.25, 1.13, 0.86, 0.76, 0.58, 0.42, 0.38],
    ("north", 3): [0.31, 0.32, 0.37, 0.50, 0.65, 0.75, 0.70, 0.53, 0.41, 0.32, 0.36, 0.25],
    ("horizontal", 4): [0.62, 0.74, 0.98, 1.45, 1.88, 2.19, 2.05, 1.59, 1.15, 0.81, 0.73, 0.51],
}
FACADES = ["south", "east", "west", "north"]

# (facade of the row, orientation and tilt for C1, area, S_w, F_e, adjacency: outside, veranda, other)
WINDOWS = [
    ("south", ("south", 3), 4.0, 0.5, 1.0, "outside"),
    ("south", ("south", 3), 2.0, 0.5, 0.4, "outside"),  # a near mask
    ("south", ("south", 2), 1.0, 0.6, 1.0, "outside"),  # a roof window, 25-75 degrees
    ("north", ("north", 3), 3.0, 0.5, 0.8, "outside"),
    ("east", ("east", 3), 2.0, 0.5, 1.0, "veranda"),
    ("west", ("west", 3), 1.0, 0.5, 1.0, "other"),  # onto a garage: no sun
    ("south", ("horizontal", 4), 0.5, 0.4, 1.0, "outside"),  # horizontal glazing
]
T, B_VER = 0.48, 0.55
VERANDA = [(("east", 3), 6.0, 1.0), (("south", 2), 3.0, 1.0)]  # its glazing: C1 key, area, F_e


def factors():
    area = {f: 0.0 for f in FACADES}
    sun = {f: 0.0 for f in FACADES}  # sum_j E_j S_se,j by facade
    onto_veranda = {f: 0.0 for f in FACADES}
    sw_area = sum(a * sw for _, _, a, sw, _, _ in WINDOWS)
    all_area = sum(a for _, _, a, _, _, _ in WINDOWS)
    direct = 0.0
    for facade, key, a, sw, fe, adj in WINDOWS:
        area[facade] += a
        season = sum(E[j] * a * sw * fe * C1[key][j] for j in range(12))
        if adj == "outside":
            sun[facade] += season
        elif adj == "veranda":
            sun[facade] += T * season
            direct += T * season
            onto_veranda[facade] += a
    st = sum(E[j] * a * (0.8 * T + 0.024) * fe * C1[key][j] for key, a, fe in VERANDA for j in range(12))
    indirect = B_VER * (st - direct)
    for f in FACADES:
        sun[f] += indirect * onto_veranda[f] / sum(onto_veranda.values())
    g = sw_area / all_area
    return {f: sun[f] / (area[f] * g * sum(E[j] * C1[(f, 3)][j] for j in range(12))) for f in FACADES}


def main(argv):
    res = factors()
    if len(argv) >= 3 and argv[1] == "--check":
        found = dict(re.findall(r"constexpr double (solar_\w+) = ([-+0-9.eE]+);", open(argv[2], encoding="utf-8").read()))
        bad = 0
        for f, want in res.items():
            got = found.get(f"solar_{f}")
            if got is None or abs(float(got) - want) > 1e-12 * max(1.0, abs(want)):
                print(f"solar_{f}: C++ test has {got}, script gives {want!r}")
                bad += 1
        print("sun factors:", "mismatch" if bad else "C++ constants match the script")
        return 1 if bad else 0
    for f, v in res.items():
        print(f"constexpr double solar_{f} = {v!r};")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
