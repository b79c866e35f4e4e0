#!/usr/bin/env python3
"""A results file and a sweep file as netCDF-4 readers see them: xarray through h5netcdf opens
every group with named dimensions (no "phony" axis: h5netcdf refuses a dataset whose axes
carry no dimension scale unless told to invent names), each dimension with its coordinate
values and units, and the data equal to what h5py reads from the same datasets.

Usage: test_netcdf_view.py --coron BINARY --source REPOSITORY
"""
import argparse
import pathlib
import re
import subprocess
import sys
import tempfile

import h5py
import numpy as np
import xarray as xr


def short_scenario(source: pathlib.Path, folder: pathlib.Path, name: str, years: int) -> pathlib.Path:
    """A shipped scenario cut to `years` years, its data folder made absolute."""
    text = (source / "scenarios" / f"{name}.yaml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^years: \d+", f"years: {years}", text)
    text = re.sub(r"(?m)^data: .*", f"data: {source / 'data'}", text)
    out = folder / f"{name}.yaml"
    out.write_text(text, encoding="utf-8")
    return out


def run(*args: str) -> None:
    done = subprocess.run(list(args), capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{' '.join(args)} exited {done.returncode}:\n{done.stdout}{done.stderr}")


def check(condition: bool, what: str, failures: list) -> None:
    if not condition:
        failures.append(what)


def check_results(path: pathlib.Path, failures: list) -> None:
    h5 = h5py.File(path, "r")
    years = h5["/years"][...]
    cites = [c.decode() if isinstance(c, bytes) else c for c in h5["/cites/name"][...]]
    funders = [f.decode() if isinstance(f, bytes) else f for f in h5["/aggregate/by_cite/funder"][...]]

    agg = xr.open_dataset(path, engine="h5netcdf", group="aggregate")
    check(agg["final_energy_gwh"].dims == ("replicate", "year"), f"final_energy_gwh dims {agg['final_energy_gwh'].dims}", failures)
    check(agg["label_count"].dims == ("replicate", "year", "label"), f"label_count dims {agg['label_count'].dims}", failures)
    check(agg["spend_by_funder"].dims == ("replicate", "year", "funder"), "spend_by_funder dims", failures)
    check(np.array_equal(agg["year"].values, years), "aggregate year coordinate = /years", failures)
    check(list(agg["label"].values) == list("ABCDEFG"), f"label coordinate {agg['label'].values}", failures)
    check(list(agg["replicate"].values) == [0, 1], "replicate coordinate 0, 1", failures)
    check(agg["final_energy_gwh"].attrs.get("units") == "GWh/yr", "final_energy_gwh units", failures)
    check(agg["year"].attrs.get("units") == "year", "year coordinate units", failures)
    second_year = int(years[1])
    check(float(agg["final_energy_gwh"].sel(replicate=1, year=second_year)) == float(h5["/aggregate/final_energy_gwh"][1, 1]),
          "selected value = h5py value", failures)
    check(int(agg["label_count"].sel(replicate=0, year=second_year, label="C")) == int(h5["/aggregate/label_count"][0, 1, 2]),
          "label C count", failures)

    by_cite = xr.open_dataset(path, engine="h5netcdf", group="aggregate/by_cite")
    check(by_cite["final_energy_gwh"].dims == ("replicate", "year", "cite"), "by_cite dims", failures)
    check(list(by_cite["cite"].values) == cites, "cite coordinate = /cites/name", failures)
    first = cites[0]
    check(float(by_cite["final_energy_gwh"].sel(replicate=0, year=int(years[0]), cite=first)) ==
          float(h5["/aggregate/by_cite/final_energy_gwh"][0, 0, 0]), "by_cite selected by name", failures)
    check(by_cite["spend_by_funder"].dims == ("replicate", "year", "cite", "funder"), "by_cite spend dims", failures)

    quantiles = xr.open_dataset(path, engine="h5netcdf", group="aggregate/quantiles")
    check(list(quantiles["quantile"].values) == [0.1, 0.5, 0.9], "quantile coordinate", failures)
    check(quantiles["ghg_kt"].dims == ("quantile", "year"), "quantile dims", failures)

    dwelling = xr.open_dataset(path, engine="h5netcdf", group="dwelling")
    check(dwelling["label"].dims == ("replicate", "year", "dwelling"), "dwelling dims", failures)
    check(np.array_equal(dwelling["dwelling"].values, h5["/stock/dwelling_id"][...]), "dwelling coordinate = ids", failures)

    stock = xr.open_dataset(path, engine="h5netcdf", group="stock")
    check(stock["floor_area_m2"].dims == ("dwelling",), "stock dims", failures)
    check(stock["floor_area_m2"].attrs.get("units") == "m2", "stock units", failures)

    works = xr.open_dataset(path, engine="h5netcdf", group="works")
    check(works["grant_eur"].dims == ("works", "funder"), f"works dims {works['grant_eur'].dims}", failures)
    check(works.sizes["works"] > 0, "some works", failures)
    check(list(works["funder"].values) == funders, "works funder coordinate", failures)

    for group in ("cites", "allocation"):
        xr.open_dataset(path, engine="h5netcdf", group=group)  # raises on an axis without a scale
    root = xr.open_dataset(path, engine="h5netcdf")
    check(np.array_equal(root["year"].values, years), "root year coordinate", failures)


def check_sweep(path: pathlib.Path, failures: list) -> None:
    h5 = h5py.File(path, "r")
    sweep = xr.open_dataset(path, engine="h5netcdf", group="sweep")
    check(np.array_equal(sweep["budget"].values, h5["/sweep/budget_eur_per_yr"][...]), "budget coordinate", failures)
    check(sweep["budget"].attrs.get("units") == "EUR/yr", "budget units", failures)
    some = [v for v in sweep.data_vars if sweep[v].ndim == 2][0]
    check(sweep[some].dims == ("budget", "quantile"), f"sweep dims {sweep[some].dims}", failures)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--coron", required=True)
    parser.add_argument("--source", required=True, type=pathlib.Path)
    args = parser.parse_args()
    failures: list = []
    with tempfile.TemporaryDirectory() as folder:
        folder = pathlib.Path(folder)
        scenario = short_scenario(args.source, folder, "optimal", 2)
        run(args.coron, "run", "-q", str(scenario), "--replicates", "2", "-o", str(folder / "run.h5"))
        check_results(folder / "run.h5", failures)
        run(args.coron, "sweep", "-q", str(scenario), "--budget", "10000000:20000000:10000000",
            "--replicates", "1", "-o", str(folder / "sweep.h5"))
        check_sweep(folder / "sweep.h5", failures)
    for f in failures:
        print("FAILED:", f)
    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
