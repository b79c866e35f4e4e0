#!/usr/bin/env python3
"""`coron schema` against the scenarios: every shipped and good test scenario passes it, every
bad-input file whose fault is one of shape (wrong type, out of range, unknown key, missing key,
both or neither of two exclusive keys) fails it, and every key the docs list is in it.

Run by CTest with Debian's python3-jsonschema and python3-yaml:
    test_scenario_schema.py --coron build/release/sim/app/coron --source .
"""

import argparse
import json
import pathlib
import re
import subprocess
import sys

import jsonschema
import yaml

# Bad-input files whose fault the schema sees. The others of tests/data are about what a
# schema cannot know: missing files and folders, syntax and encoding, duplicate keys (merged
# by YAML parsers), a second document, a version other than 1 (an integer all the same),
# names checked against data/ (measures, targets, cités), cross-checks between keys (first
# factor year after start_year, set-points, rule and weights, years of the run), non-empty
# strings and lists, and repeated list items.
MUST_FAIL = [
    "bad_both_stock_sources.yaml",       # stock: generate and file
    "bad_dpe_empty.yaml",                # stock.dpe: an empty list
    "bad_demography_key.yaml",           # unknown key mortality_multiplyer
    "bad_demography_value.yaml",         # mortality_multiplier 13 > 10
    "bad_dwelling_replicates.yaml",      # -1 < 0
    "bad_factor_not_finite.yaml",        # nan is not a number
    "bad_factor_range.yaml",             # factor 12 > 5
    "bad_missing_key.yaml",              # seed missing
    "bad_not_a_mapping.yaml",            # a list at the top
    "bad_out_of_range.yaml",             # replicates 5000 > 1000
    "bad_several_errors.yaml",           # seed -5, start_year 1990, sead, compression 12
    "bad_thermal_key.yaml",              # unknown key wether
    "bad_thermal_model.yaml",            # model not monthly or hourly
    "bad_unknown_key.yaml",              # output.compresion
    "bad_wrong_type.yaml",               # years: thirty
    "renovation/bad_allocation_budget.yaml",
    "renovation/bad_allocation_candidates.yaml",
    "renovation/bad_allocation_envelope.yaml",
    "renovation/bad_allocation_no_budget.yaml",
    "renovation/bad_allocation_objective.yaml",
    "renovation/bad_allocation_rule.yaml",
    "renovation/bad_allocation_two_budgets.yaml",
    "renovation/bad_allocation_weight_key.yaml",
    "renovation/bad_objective_key.yaml",
    "renovation/bad_objective_negative.yaml",
    "renovation/bad_objective_sequence.yaml",
    "renovation/bad_objective_several.yaml",
    "renovation/bad_objective_type.yaml",
    "renovation/bad_renovation_both.yaml",
    "renovation/bad_renovation_capacity.yaml",
    "renovation/bad_renovation_heritage.yaml",
    "renovation/bad_renovation_missing_package.yaml",
    "renovation/bad_renovation_neither.yaml",
    "renovation/bad_renovation_ops_both.yaml",
    "renovation/bad_renovation_ops_category.yaml",
    "renovation/bad_renovation_ops_neither.yaml",
    "renovation/bad_renovation_ops_not_list.yaml",
    "renovation/bad_renovation_ops_years.yaml",
    "renovation/bad_renovation_rent.yaml",
    "renovation/bad_renovation_several.yaml",
    "renovation/bad_renovation_tenant.yaml",
    "renovation/bad_renovation_unfit.yaml",
    "renovation/bad_renovation_unknown_key.yaml",
    "renovation/bad_renovation_vacancy_label.yaml",
    "renovation/bad_rental_bans_type.yaml",
    "renovation/bad_stage_gate_action.yaml",
    "renovation/bad_stage_gate_both.yaml",
    "renovation/bad_stage_gate_cut.yaml",
    "renovation/bad_stage_gate_indicator.yaml",
]


def as_json(value):
    """A YAML document in JSON's data model, as editors' language servers see it: keys are names."""
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    return value


def load(path):
    with open(path, encoding="utf-8") as f:
        return as_json(yaml.safe_load(f))


def problems(validator, path):
    return [f"{'.'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}"
            for e in validator.iter_errors(load(path))]


def has_key_path(schema, parts):
    """Whether the schema lists the dotted key path (`[i]` standing for a list's items)."""
    if not parts:
        return True
    branches = [schema] + schema.get("anyOf", [])
    for node in branches:
        head = parts[0]
        if head == "[i]" and "items" in node and has_key_path(node["items"], parts[1:]):
            return True
        if head in node.get("properties", {}) and has_key_path(node["properties"][head], parts[1:]):
            return True
    return False


def documented_keys(docs):
    """The key paths of the docs' key tables (Key | Type | Unit | Range | Default | Example):
    the first cell of each row, `a.b[i].c`, or `a.b.above` / `below` for two siblings."""
    keys = []
    for line in docs.read_text(encoding="utf-8").splitlines():
        cells = line.split("|")
        if not line.startswith("| `") or len(cells) < 8:
            continue
        names = re.findall(r"`([^`]+)`", cells[1])
        keys.append(names[0])
        parent = names[0].rsplit(".", 1)[0]
        keys.extend(f"{parent}.{sibling}" for sibling in names[1:])
    return keys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--coron", required=True)
    parser.add_argument("--source", required=True)
    args = parser.parse_args()
    source = pathlib.Path(args.source)
    data = source / "tests" / "data"

    text = subprocess.run([args.coron, "schema"], check=True, capture_output=True, text=True).stdout
    schema = json.loads(text)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema", schema.get("$schema")
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)

    failures = []
    good = sorted((source / "scenarios").glob("*.yaml")) + sorted(data.glob("good_*.yaml")) + \
        sorted((data / "renovation").glob("good_*.yaml"))
    assert len(good) >= 16, f"expected the shipped and good test scenarios, found {len(good)}"
    for path in good:
        found = problems(validator, path)
        if found:
            failures.append(f"{path}: expected to pass the schema, got {found}")

    for name in MUST_FAIL:
        path = data / name
        if not path.exists():
            failures.append(f"{path}: listed bad file not found")
        elif not problems(validator, path):
            failures.append(f"{path}: expected to fail the schema, passed")

    keys = documented_keys(source / "docs" / "scenarios.md")
    assert len(keys) >= 40, f"expected the docs' key tables, found {len(keys)} keys"
    for key in keys:
        if not has_key_path(schema, re.findall(r"\[i\]|[a-z0-9_]+", key)):
            failures.append(f"docs/scenarios.md: key {key} is not in the schema")

    for f in failures:
        print(f, file=sys.stderr)
    print(f"{len(good)} scenarios pass, {len(MUST_FAIL)} bad files fail, {len(keys)} documented keys found")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
