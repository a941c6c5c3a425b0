#!/usr/bin/env python3
"""Writes a JumpStart content-bucket tree for tools/fakeaws/serve.py: models_manifest.json plus one
spec file per version at its spec_key, in the published shapes.

    python3 tools/fakeaws/make_specs.py --out DIR [--fixtures DIR] [--versions N]

Always copies the real spec files in Tests/Fixtures/jumpstart-specs/ (or --fixtures) at
the spec keys their manifest names. With --versions N it adds N more versions, made from the
fixtures: model ids `bench-<fixture>-<i // 10>` with versions 1.0.<i % 10> (new models, so a
default update fetches only each model's newest; --all-versions fetches all N). Prints the number
of manifest entries.
"""

import argparse
import json
import os
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--fixtures", default=str(ROOT / "Tests/Fixtures/jumpstart-specs"))
    parser.add_argument("--versions", type=int, default=0)
    args = parser.parse_args()
    out = pathlib.Path(args.out)
    fixtures = pathlib.Path(args.fixtures)
    manifest = json.loads((fixtures / "manifest.json").read_text())
    specs = {}
    for entry in manifest:
        spec = json.loads((fixtures / (entry["model_id"] + ".json")).read_text())
        specs[entry["model_id"]] = spec
        write(out / entry["spec_key"], spec)
    names = sorted(specs)
    for i in range(args.versions):
        base = names[i % len(names)]
        model_id = f"bench-{base}-{i // 10}"
        version = f"1.0.{i % 10}"
        spec = dict(specs[base])
        spec["model_id"] = model_id
        spec["version"] = version
        key = f"community_models/{model_id}/specs_v{version}.json"
        write(out / key, spec)
        manifest.append({"model_id": model_id, "version": version, "min_version": "2.200.0", "spec_key": key,
                         "deprecated": False, "provider": "bench", "search_keywords": []})
    write(out / "models_manifest.json", manifest)
    print(len(manifest))


def write(path, value):
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(value, indent=1))
    os.replace(tmp, path)


if __name__ == "__main__":
    sys.exit(main())
