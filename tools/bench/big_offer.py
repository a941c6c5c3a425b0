#!/usr/bin/env python3
"""Writes one AWS Price List offer file for AmazonSageMaker of about SIZE bytes, in the published
format (products keyed by SKU, then terms.OnDemand keyed by SKU), streamed so writing it takes
little memory: what `pricing import` must read without holding it (the real all-region file is
about 275 MB). Most products are training, processing, notebook and storage rows over every
region; each region also has real-time hosting rows.

    python3 tools/bench/big_offer.py OUT.json [SIZE_MB (default 275)]
"""
import hashlib
import sys

REGIONS = ["af-south-1", "ap-east-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1",
           "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ca-central-1", "eu-central-1", "eu-north-1",
           "eu-south-1", "eu-west-1", "eu-west-2", "eu-west-3", "il-central-1", "me-central-1", "me-south-1",
           "sa-east-1", "us-east-1", "us-east-2", "us-gov-east-1", "us-gov-west-1", "us-west-1", "us-west-2"]
HOSTING = ["ml.g5.xlarge", "ml.g5.2xlarge", "ml.g5.12xlarge", "ml.g6.2xlarge", "ml.p4d.24xlarge", "ml.m5.xlarge"]
FAMILIES = [("ML Instance", "Training", "Train"), ("ML Instance", "Processing", "Processing"),
            ("ML Instance", "Notebook", "Notebk"), ("ML Instance", "Batch Transform", "Tsform")]


def sku(*parts):
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16].upper()


def product(s, family, component, usage, instance, region):
    return (f'    "{s}" : {{\n      "sku" : "{s}",\n      "productFamily" : "{family}",\n      "attributes" : {{\n'
            f'        "servicecode" : "AmazonSageMaker",\n        "location" : "Somewhere",\n        "locationType" : "AWS Region",\n'
            f'        "instanceName" : "{instance}",\n        "usagetype" : "{usage}",\n        "operation" : "RunInstance",\n'
            f'        "component" : "{component}",\n        "regionCode" : "{region}",\n        "servicename" : "Amazon SageMaker"\n      }}\n    }}')


def term(s, price):
    return (f'      "{s}" : {{\n        "{s}.JRTCKXETXF" : {{\n          "offerTermCode" : "JRTCKXETXF",\n          "sku" : "{s}",\n'
            f'          "effectiveDate" : "2026-11-01T00:00:00Z",\n          "priceDimensions" : {{\n'
            f'            "{s}.JRTCKXETXF.6YS6EN2CT7" : {{\n              "rateCode" : "{s}.JRTCKXETXF.6YS6EN2CT7",\n'
            f'              "description" : "${price} per hour",\n              "beginRange" : "0",\n              "endRange" : "Inf",\n'
            f'              "unit" : "Hrs",\n              "pricePerUnit" : {{\n                "USD" : "{price}"\n              }},\n'
            f'              "appliesTo" : [ ]\n            }}\n          }},\n          "termAttributes" : {{ }}\n        }}\n      }}')


def main():
    out = sys.argv[1]
    target = int(float(sys.argv[2]) * 1_000_000) if len(sys.argv) > 2 else 275_000_000
    rows = []  # (sku, price) for the terms, kept small: strings are regenerated
    with open(out, "w") as f:
        f.write('{\n  "formatVersion" : "v1.0",\n  "disclaimer" : "Generated for a benchmark.",\n'
                '  "offerCode" : "AmazonSageMaker",\n  "version" : "20261120000000",\n'
                '  "publicationDate" : "2026-11-20T00:00:00Z",\n  "products" : {\n')
        written, first, n = 0, True, 0
        for region in REGIONS:
            for i, t in enumerate(HOSTING):
                s = sku(region, "host", t)
                text = product(s, "ML Instance", "Hosting", f"XX-Host:{t}", t, region)
                f.write(("" if first else ",\n") + text)
                first = False
                written += len(text)
                rows.append((s, f"{1.0 + i:.10f}"))
        # Half the bytes in products, half in their terms (roughly as in AWS's file).
        while written < target * 45 // 100:
            region = REGIONS[n % len(REGIONS)]
            family, component, code = FAMILIES[n % len(FAMILIES)]
            instance = f"ml.x{n % 97}.{(n // 97) % 50 + 1}xlarge"
            s = sku(region, code, instance, str(n))
            text = product(s, family, component, f"XX-{code}:{instance}", instance, region)
            f.write(",\n" + text)
            written += len(text)
            rows.append((s, "0.1000000000"))
            n += 1
        f.write('\n  },\n  "terms" : {\n    "OnDemand" : {\n')
        for i, (s, price) in enumerate(rows):
            f.write(("" if i == 0 else ",\n") + term(s, price))
        f.write('\n    }\n  }\n}\n')


if __name__ == "__main__":
    main()
