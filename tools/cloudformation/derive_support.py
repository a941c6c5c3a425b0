#!/usr/bin/env python3
"""Derives data/cloudformation/resource-support.tsv from cfn-lint's own region data: for each
JumpStart region, whether CloudFormation offers the resource types our templates create.

    python3 tools/cloudformation/derive_support.py DATA_DIR     (make cloudformation-data)

cfn-lint ships, per region, the list of resource types CloudFormation's registry has there
(cfnlint/data/schemas/providers/<region>.py). A region whose data cfn-lint does not keep current
(its schema manager skips it: me-south-1) is "unknown", never "yes". The output names the cfn-lint
version it came from, so the table says where it came from and as of when.
"""
import importlib
import importlib.metadata
import pathlib
import re
import sys

TYPES = ["AWS::SageMaker::Model", "AWS::SageMaker::EndpointConfig", "AWS::SageMaker::Endpoint",
         "AWS::IAM::Role", "AWS::ApplicationAutoScaling::ScalableTarget"]


def main():
    data = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "data")
    regions = [line.split("\t")[0] for line in (data / "catalog/regions.tsv").read_text().splitlines()
               if line and not line.startswith("#")]
    version = importlib.metadata.version("cfn-lint")
    import cfnlint.schema.manager as manager
    skipped = set(re.findall(r'"([a-z]+-[a-z]+-\d)"', re.search(r"skip_regions\s*=\s*\{([^}]*)\}",
                                                                  pathlib.Path(manager.__file__).read_text()).group(1)))
    lines = ["# Whether CloudFormation offers each resource type in each JumpStart region: yes, no, or unknown.",
             f"# Source: cfn-lint {version}, cfnlint/data/schemas/providers/<region>.py (CloudFormation's registry,",
             "# as cfn-lint ships it). Regions whose data cfn-lint does not keep current are unknown: "
             + (", ".join(sorted(skipped)) or "none") + ".",
             "# Regenerate with `make cloudformation-data` (tools/cloudformation/derive_support.py).",
             "# region\t" + "\t".join(TYPES)]
    for region in regions:
        module = "cfnlint.data.schemas.providers." + region.replace("-", "_")
        try:
            types = importlib.import_module(module).types
        except ModuleNotFoundError:
            types = None
        if types is None or region in skipped:
            cells = ["unknown"] * len(TYPES)
        else:
            cells = ["yes" if t in types else "no" for t in TYPES]
        lines.append(region + "\t" + "\t".join(cells))
    out = data / "cloudformation"
    out.mkdir(exist_ok=True)
    (out / "resource-support.tsv").write_text("\n".join(lines) + "\n")
    print(f"cloudformation: {len(regions)} regions from cfn-lint {version} -> {out / 'resource-support.tsv'}", file=sys.stderr)


if __name__ == "__main__":
    main()
