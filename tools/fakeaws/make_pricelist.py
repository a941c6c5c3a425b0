#!/usr/bin/env python3
"""Writes a fake AWS Price List tree for AmazonSageMaker, in the published bulk-file format.

    python3 tools/fakeaws/make_pricelist.py --out DIR [--regions all|r1,r2,...]
        [--target-bytes N] [--version 20261120000000] [--publication-date 2026-11-20T00:00:00Z]

Writes
    DIR/offers/v1.0/aws/AmazonSageMaker/current/region_index.json
    DIR/offers/v1.0/aws/AmazonSageMaker/<version>/<region>/index.json   (one per region)

Each offer file holds, per region:
  - one hosting product per instance type in HOSTING_PRICES (productFamily "ML Instance",
    component "Hosting", usagetype "<P>-Host:<instance>", unit "Hrs"); the us-east-1 price is
    the table's, other regions multiply it by REGIONS[region].factor (rounded to 4 decimals);
  - look-alikes that are not hosting prices, for the same instance names: components
    "Training" (<P>-Train:), "Notebook" (<P>-Notebk:), "Processing" (<P>-Processing:),
    "Batch Transform" (<P>-Tsform:), each priced differently from hosting; a serverless
    inference product ("ML Serverless", component "Hosting", <P>-Serverless-Infr-Mem-GBs,
    unit "GB-Second"); storage products ("Storage", unit "GB-Mo", one with component "Hosting");
  - padding up to --target-bytes (default 4000000, within 10%) made of more non-hosting rows
    (training, processing, Studio, Data Wrangler, HyperPod, Feature Store, ... over many more
    instance names). Never more hosting rows.
Every product has one OnDemand term. Output is deterministic for the same arguments.

Limits: the required rows alone make an offer file of about 296 KB, and the padding runs out at
about 9.8 MB; a target outside that range gives a file at the limit and a warning on stderr.
Products (and their terms) are ordered by SKU, so hosting rows are scattered among the others.
"""

import argparse
import hashlib
import json
import os
import sys
import time

OFFER_CODE = "AmazonSageMaker"
DISCLAIMER = (
    "This pricing list is for informational purposes only. All prices are subject to the additional "
    "terms included in the pricing pages on http://aws.amazon.com. All Free Tier prices are also subject "
    "to the terms included at https://aws.amazon.com/free/"
)
ON_DEMAND_CODE = "JRTCKXETXF"
RATE_CODE = "6YS6EN2CT7"

# region -> (location, usage-type prefix, price factor relative to us-east-1)
# Prefixes follow AWS's usage types, except eu-west-1 (AWS writes plain "EU").
REGIONS = {
    "af-south-1": ("Africa (Cape Town)", "AFS1", 1.33),
    "ap-east-1": ("Asia Pacific (Hong Kong)", "APE1", 1.38),
    "ap-northeast-1": ("Asia Pacific (Tokyo)", "APN1", 1.29),
    "ap-northeast-2": ("Asia Pacific (Seoul)", "APN2", 1.24),
    "ap-northeast-3": ("Asia Pacific (Osaka)", "APN3", 1.29),
    "ap-south-1": ("Asia Pacific (Mumbai)", "APS3", 1.12),
    "ap-southeast-1": ("Asia Pacific (Singapore)", "APS1", 1.23),
    "ap-southeast-2": ("Asia Pacific (Sydney)", "APS2", 1.26),
    "ap-southeast-3": ("Asia Pacific (Jakarta)", "APS4", 1.25),
    "ca-central-1": ("Canada (Central)", "CAN1", 1.11),
    "eu-central-1": ("EU (Frankfurt)", "EUC1", 1.2),
    "eu-north-1": ("EU (Stockholm)", "EUN1", 1.06),
    "eu-south-1": ("EU (Milan)", "EUS1", 1.17),
    "eu-west-1": ("EU (Ireland)", "EUW1", 1.12),
    "eu-west-2": ("EU (London)", "EUW2", 1.17),
    "eu-west-3": ("EU (Paris)", "EUW3", 1.17),
    "il-central-1": ("Israel (Tel Aviv)", "ILC1", 1.22),
    "me-central-1": ("Middle East (UAE)", "MEC1", 1.23),
    "me-south-1": ("Middle East (Bahrain)", "MES1", 1.23),
    "sa-east-1": ("South America (Sao Paulo)", "SAE1", 1.4),
    "us-east-1": ("US East (N. Virginia)", "USE1", 1.0),
    "us-east-2": ("US East (Ohio)", "USE2", 1.0),
    "us-gov-east-1": ("AWS GovCloud (US-East)", "UGE1", 1.26),
    "us-gov-west-1": ("AWS GovCloud (US-West)", "UGW1", 1.26),
    "us-west-1": ("US West (N. California)", "USW1", 1.17),
    "us-west-2": ("US West (Oregon)", "USW2", 1.0),
}

# instance -> (us-east-1 hosting USD/hour, vCPU, memory GiB, accelerators)
HOSTING_PRICES = {
    "ml.c5.xlarge": (0.204, 4, 8, 0),
    "ml.c5.2xlarge": (0.408, 8, 16, 0),
    "ml.c6i.xlarge": (0.204, 4, 8, 0),
    "ml.g4dn.xlarge": (0.7364, 4, 16, 1),
    "ml.g4dn.2xlarge": (0.94, 8, 32, 1),
    "ml.g4dn.4xlarge": (1.505, 16, 64, 1),
    "ml.g4dn.8xlarge": (2.72, 32, 128, 1),
    "ml.g4dn.12xlarge": (4.89, 48, 192, 4),
    "ml.g4dn.16xlarge": (5.44, 64, 256, 1),
    "ml.g5.xlarge": (1.4084, 4, 16, 1),
    "ml.g5.2xlarge": (1.515, 8, 32, 1),
    "ml.g5.4xlarge": (2.03, 16, 64, 1),
    "ml.g5.8xlarge": (3.06, 32, 128, 1),
    "ml.g5.12xlarge": (7.09, 48, 192, 4),
    "ml.g5.16xlarge": (5.12, 64, 256, 1),
    "ml.g5.24xlarge": (10.18, 96, 384, 4),
    "ml.g5.48xlarge": (20.36, 192, 768, 8),
    "ml.g6.xlarge": (1.0056, 4, 16, 1),
    "ml.g6.2xlarge": (1.222, 8, 32, 1),
    "ml.g6.4xlarge": (1.6441, 16, 64, 1),
    "ml.g6.8xlarge": (2.4966, 32, 128, 1),
    "ml.g6.12xlarge": (5.752, 48, 192, 4),
    "ml.g6.16xlarge": (4.246, 64, 256, 1),
    "ml.g6.24xlarge": (8.344, 96, 384, 4),
    "ml.g6.48xlarge": (16.688, 192, 768, 8),
    "ml.g6e.xlarge": (2.3345, 4, 32, 1),
    "ml.g6e.2xlarge": (2.8026, 8, 64, 1),
    "ml.g6e.4xlarge": (3.7789, 16, 128, 1),
    "ml.inf2.xlarge": (0.99, 4, 16, 1),
    "ml.inf2.8xlarge": (2.36, 32, 128, 1),
    "ml.inf2.24xlarge": (7.79, 96, 384, 6),
    "ml.inf2.48xlarge": (15.58, 192, 768, 12),
    "ml.m5.large": (0.115, 2, 8, 0),
    "ml.m5.xlarge": (0.23, 4, 16, 0),
    "ml.m5.2xlarge": (0.461, 8, 32, 0),
    "ml.p3.2xlarge": (3.825, 8, 61, 1),
    "ml.p3.8xlarge": (14.688, 32, 244, 4),
    "ml.p3.16xlarge": (28.152, 64, 488, 8),
    "ml.p4d.24xlarge": (37.688, 96, 1152, 8),
    "ml.p4de.24xlarge": (47.11, 96, 1152, 8),
    "ml.p5.48xlarge": (113.068, 192, 2048, 8),
    "ml.trn1.32xlarge": (28.497, 128, 512, 16),
}

# Look-alikes required for every hosting instance: (component, usage-type middle, price factor).
LOOKALIKES = [
    ("Training", "Train", 0.9),
    ("Notebook", "Notebk", 0.85),
    ("Processing", "Processing", 0.95),
    ("Batch Transform", "Tsform", 1.05),
]

# Padding, instance rows: (component, usage-type middle, price factor, operation).
PADDING_COMPONENTS = [
    ("Training", "Train", 0.9, "RunInstance"),
    ("Processing", "Processing", 0.95, "RunInstance"),
    ("Notebook", "Notebk", 0.85, "RunInstance"),
    ("Batch Transform", "Tsform", 1.05, "RunInstance"),
    ("Studio-Notebook", "Studio", 0.88, "RunInstance"),
    ("Studio-JupyterLab", "JupyterLab", 0.88, "RunInstance"),
    ("Studio-CodeEditor", "CodeEditor", 0.88, "RunInstance"),
    ("RStudio", "RStudio", 0.89, "RunInstance"),
    ("Data Wrangler", "DW", 1.1, "RunInstance"),
    ("HyperPod", "Cluster", 0.98, "RunInstance"),
    ("Processing-Geospatial", "Geo-Processing", 1.15, "RunInstance"),
    ("Training-WarmPool", "Train-WarmPool", 0.9, "RunInstance"),
    ("Inference-Recommender", "InfRec", 1.02, "RunInstance"),
    ("Clarify", "Clarify", 0.96, "RunInstance"),
    ("Studio-KernelGateway", "Studio-KG", 0.88, "RunInstance"),
    ("AutoML", "AutoML", 0.9, "RunInstance"),
    ("Model-Monitor", "Monitoring", 0.95, "RunInstance"),
    ("Edge-Packaging", "EdgePkg", 0.93, "RunInstance"),
]

# Padding instance names: family -> (sizes, base price per vCPU-hour, GiB per vCPU, accelerators per 4 vCPU)
PADDING_FAMILIES = {
    "t2": (["medium", "large", "xlarge", "2xlarge"], 0.0464, 2, 0),
    "t3": (["medium", "large", "xlarge", "2xlarge"], 0.0416, 2, 0),
    "m4": (["xlarge", "2xlarge", "4xlarge", "10xlarge", "16xlarge"], 0.056, 4, 0),
    "m5": (["large", "xlarge", "2xlarge", "4xlarge", "12xlarge", "24xlarge"], 0.0576, 4, 0),
    "m5d": (["large", "xlarge", "2xlarge", "4xlarge", "12xlarge", "24xlarge"], 0.0678, 4, 0),
    "m6i": (["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "32xlarge"], 0.0576, 4, 0),
    "m7i": (["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "48xlarge"], 0.0605, 4, 0),
    "c4": (["xlarge", "2xlarge", "4xlarge", "8xlarge"], 0.0598, 1.875, 0),
    "c5": (["large", "xlarge", "2xlarge", "4xlarge", "9xlarge", "18xlarge"], 0.051, 2, 0),
    "c5n": (["xlarge", "2xlarge", "4xlarge", "9xlarge", "18xlarge"], 0.0648, 2.625, 0),
    "c6i": (["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "32xlarge"], 0.051, 2, 0),
    "c7i": (["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "48xlarge"], 0.0536, 2, 0),
    "r5": (["large", "xlarge", "2xlarge", "4xlarge", "12xlarge", "24xlarge"], 0.0756, 8, 0),
    "r5d": (["large", "xlarge", "2xlarge", "4xlarge", "12xlarge", "24xlarge"], 0.0864, 8, 0),
    "r6i": (["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "32xlarge"], 0.0756, 8, 0),
    "r7i": (["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "48xlarge"], 0.0794, 8, 0),
    "g4dn": (["xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"], 0.184, 4, 0.25),
    "g5": (["xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "48xlarge"], 0.352, 4, 0.25),
    "g6": (["xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "48xlarge"], 0.2514, 4, 0.25),
    "g6e": (["xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "48xlarge"], 0.5836, 8, 0.25),
    "p2": (["xlarge", "8xlarge", "16xlarge"], 0.3375, 15.25, 0.25),
    "p3": (["2xlarge", "8xlarge", "16xlarge"], 0.4781, 7.625, 0.5),
    "p3dn": (["24xlarge"], 0.4388, 8, 0.33),
    "p4d": (["24xlarge"], 0.3926, 12, 0.33),
    "p4de": (["24xlarge"], 0.4907, 12, 0.33),
    "p5": (["48xlarge"], 0.5889, 10.67, 0.17),
    "p5e": (["48xlarge"], 0.6230, 10.67, 0.17),
    "inf1": (["xlarge", "2xlarge", "6xlarge", "24xlarge"], 0.0739, 2, 0.25),
    "inf2": (["xlarge", "8xlarge", "24xlarge", "48xlarge"], 0.2475, 4, 0.25),
    "trn1": (["2xlarge", "32xlarge"], 0.2226, 4, 0.125),
    "trn1n": (["32xlarge"], 0.2604, 4, 0.125),
    "trn2": (["48xlarge"], 0.3116, 10.67, 0.083),
}
_GEN = ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"]
for _family, _per_vcpu, _gib in [
    ("c5d", 0.0576, 2), ("c6a", 0.0459, 2), ("c6g", 0.0408, 2), ("c6gn", 0.0518, 2), ("c6id", 0.0605, 2),
    ("c6in", 0.0680, 2), ("c7a", 0.0615, 2), ("c7g", 0.0435, 2), ("c7gn", 0.0624, 2),
    ("m5n", 0.0714, 4), ("m5dn", 0.0816, 4), ("m6a", 0.0518, 4), ("m6g", 0.0462, 4), ("m6gd", 0.0543, 4),
    ("m6id", 0.0712, 4), ("m6in", 0.0836, 4), ("m7a", 0.0696, 4), ("m7g", 0.0490, 4), ("m7gd", 0.0640, 4),
    ("r5n", 0.0894, 8), ("r6a", 0.0680, 8), ("r6g", 0.0605, 8), ("r6gd", 0.0691, 8), ("r6id", 0.0908, 8),
    ("r6in", 0.1046, 8), ("r7a", 0.0913, 8), ("r7g", 0.0643, 8), ("r7gd", 0.0816, 8),
    ("x2idn", 0.2084, 16), ("x2iedn", 0.4168, 32), ("z1d", 0.0930, 8),
]:
    PADDING_FAMILIES[_family] = (_GEN, _per_vcpu, _gib, 0)
for _family, _sizes, _per_vcpu, _gib, _acc in [
    ("g4ad", ["xlarge", "2xlarge", "4xlarge", "8xlarge", "16xlarge"], 0.1264, 4, 0.25),
    ("g5g", ["xlarge", "2xlarge", "4xlarge", "8xlarge", "16xlarge"], 0.1470, 2, 0.25),
    ("dl1", ["24xlarge"], 0.1365, 8, 0.33),
]:
    PADDING_FAMILIES[_family] = (_sizes, _per_vcpu, _gib, _acc)

SIZE_VCPUS = {
    "medium": 2, "large": 2, "xlarge": 4, "2xlarge": 8, "4xlarge": 16, "6xlarge": 24, "8xlarge": 32,
    "9xlarge": 36, "10xlarge": 40, "12xlarge": 48, "16xlarge": 64, "18xlarge": 72, "24xlarge": 96,
    "32xlarge": 128, "48xlarge": 192,
}

# Padding, rows without an instance: (productFamily, component, usage-type middle, operation,
# unit, USD, description text after "per").
PADDING_OTHER = [
    ("Storage", "Training", "Train:VolumeUsage.gp2", "RunInstance", "GB-Mo", 0.14, "GB-Mo of ML storage for Training"),
    ("Storage", "Notebook", "Notebk:VolumeUsage.gp2", "RunInstance", "GB-Mo", 0.14, "GB-Mo of ML storage for Notebook"),
    ("Storage", "Processing", "Processing:VolumeUsage.gp2", "RunInstance", "GB-Mo", 0.14, "GB-Mo of ML storage for Processing"),
    ("Storage", "Studio-Notebook", "Studio:VolumeUsage.gp3", "RunInstance", "GB-Mo", 0.112, "GB-Mo of ML storage for Studio"),
    ("ML Feature Store", "Feature Store", "FS-Online-WriteRequestUnits", "WriteRequest", "WriteRequestUnits", 0.00000125, "write request unit for Feature Store online store"),
    ("ML Feature Store", "Feature Store", "FS-Online-ReadRequestUnits", "ReadRequest", "ReadRequestUnits", 0.00000025, "read request unit for Feature Store online store"),
    ("ML Feature Store", "Feature Store", "FS-Online-Storage", "Storage", "GB-Mo", 0.45, "GB-Mo of Feature Store online storage"),
    ("Canvas", "Canvas", "Canvas-Session-Hrs", "Session", "Hrs", 1.9, "Canvas session hour"),
    ("Ground Truth", "Ground Truth", "GT-LabeledObjects", "Label", "Objects", 0.08, "labeled object"),
    ("Data Transfer", "Data Transfer", "DataTransfer-Out-Bytes", "DataTransfer", "GB", 0.09, "GB data transfer out"),
]

HOSTING_STORAGE = ("Storage", "Hosting", "Host:VolumeUsage.gp2", "RunInstance", "GB-Mo", 0.14, "GB-Mo of ML storage for Hosting")
SERVERLESS = ("ML Serverless", "Hosting", "Serverless-Infr-Mem-GBs", "RunInstance", "GB-Second", 0.00002, "GB-Second of Serverless Inference")

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
Q = json.encoder.encode_basestring_ascii


def make_sku(*key):
    n = int.from_bytes(hashlib.sha256("|".join(key).encode()).digest(), "big")
    out = []
    for _ in range(16):
        n, r = divmod(n, 36)
        out.append(ALPHABET[r])
    return "".join(out)


def fmt_price(usd):
    return f"{usd:.10f}"


def fmt_desc_price(usd):
    # 4 decimals, as AWS writes hosting prices; more only for sub-cent unit prices.
    text = f"{usd:.4f}"
    if usd and float(text) == 0.0:
        text = f"{usd:.10f}".rstrip("0")
    return text


def product_text(sku, family, attrs):
    attr_lines = ",\n".join(f"        {Q(k)} : {Q(v)}" for k, v in attrs)
    return (
        f'    "{sku}" : {{\n'
        f'      "sku" : "{sku}",\n'
        f'      "productFamily" : {Q(family)},\n'
        f'      "attributes" : {{\n{attr_lines}\n      }}\n'
        f"    }}"
    )


def term_text(sku, effective, description, unit, usd):
    term = f"{sku}.{ON_DEMAND_CODE}"
    rate = f"{term}.{RATE_CODE}"
    return (
        f'      "{sku}" : {{\n'
        f'        "{term}" : {{\n'
        f'          "offerTermCode" : "{ON_DEMAND_CODE}",\n'
        f'          "sku" : "{sku}",\n'
        f'          "effectiveDate" : {Q(effective)},\n'
        f'          "priceDimensions" : {{\n'
        f'            "{rate}" : {{\n'
        f'              "rateCode" : "{rate}",\n'
        f'              "description" : {Q(description)},\n'
        f'              "beginRange" : "0",\n'
        f'              "endRange" : "Inf",\n'
        f'              "unit" : {Q(unit)},\n'
        f'              "pricePerUnit" : {{\n'
        f'                "USD" : "{fmt_price(usd)}"\n'
        f"              }},\n"
        f'              "appliesTo" : [ ]\n'
        f"            }}\n"
        f"          }},\n"
        f'          "termAttributes" : {{ }}\n'
        f"        }}\n"
        f"      }}"
    )


class OfferBuilder:
    def __init__(self, region, effective):
        self.region = region
        self.location, self.prefix, self.factor = REGIONS[region]
        self.effective = effective
        self.items = {}  # sku -> (product text, term text)
        self.usagetypes = set()
        self.size = 0

    def add(self, family, attrs, unit, usd, description):
        """attrs: list of (key, value); must contain usagetype. Returns False if already present."""
        usagetype = dict(attrs)["usagetype"]
        key = (family, usagetype)
        if key in self.usagetypes:
            return False
        self.usagetypes.add(key)
        salt = 0
        sku = make_sku(OFFER_CODE, self.region, family, usagetype)
        while sku in self.items:  # never in practice; keeps SKUs unique regardless
            salt += 1
            sku = make_sku(OFFER_CODE, self.region, family, usagetype, str(salt))
        p = product_text(sku, family, attrs)
        t = term_text(sku, self.effective, description, unit, usd)
        self.items[sku] = (p, t)
        self.size += len(p) + len(t) + 4  # ",\n" after each
        return True

    def instance_row(self, instance, component, middle, usd, vcpu, mem, gpu, operation="RunInstance"):
        attrs = [
            ("servicecode", OFFER_CODE),
            ("location", self.location),
            ("locationType", "AWS Region"),
            ("instanceType", instance),
            ("vCpu", str(vcpu)),
            ("memory", f"{mem:g} GiB"),
            ("gpu", str(gpu)),
            ("usagetype", f"{self.prefix}-{middle}:{instance}"),
            ("operation", operation),
            ("component", component),
            ("instanceName", instance),
            ("regionCode", self.region),
            ("servicename", "Amazon SageMaker"),
        ]
        usd = round(usd, 4)
        desc = f"${fmt_desc_price(usd)} per {component} {instance} hour in {self.location}"
        return self.add("ML Instance", attrs, "Hrs", usd, desc)

    def other_row(self, spec, usd=None):
        family, component, middle, operation, unit, base, text = spec
        usd = base * self.factor if usd is None else usd
        usd = float(f"{usd:.10f}")
        attrs = [
            ("servicecode", OFFER_CODE),
            ("location", self.location),
            ("locationType", "AWS Region"),
            ("usagetype", f"{self.prefix}-{middle}"),
            ("operation", operation),
            ("component", component),
            ("regionCode", self.region),
            ("servicename", "Amazon SageMaker"),
        ]
        if family == "Storage":
            attrs.insert(3, ("volumeType", "General Purpose"))
        desc = f"${fmt_desc_price(usd)} per {text} in {self.location}"
        return self.add(family, attrs, unit, usd, desc)

    def head(self, version, publication_date):
        return (
            "{\n"
            f'  "formatVersion" : "v1.0",\n'
            f'  "disclaimer" : {Q(DISCLAIMER)},\n'
            f'  "offerCode" : "{OFFER_CODE}",\n'
            f'  "version" : {Q(version)},\n'
            f'  "publicationDate" : {Q(publication_date)},\n'
            '  "products" : {\n'
        )

    MIDDLE = '\n  },\n  "terms" : {\n    "OnDemand" : {\n'
    TAIL = "\n    }\n  }\n}\n"

    def overhead(self, version, publication_date):
        return len(self.head(version, publication_date)) + len(self.MIDDLE) + len(self.TAIL) - 4

    def text(self, version, publication_date):
        skus = sorted(self.items)
        products = ",\n".join(self.items[s][0] for s in skus)
        terms = ",\n".join(self.items[s][1] for s in skus)
        return self.head(version, publication_date) + products + self.MIDDLE + terms + self.TAIL


def padding_instances():
    for family, (sizes, per_vcpu, gib_per_vcpu, acc_per_4) in PADDING_FAMILIES.items():
        for size in sizes:
            vcpu = SIZE_VCPUS[size]
            mem = round(vcpu * gib_per_vcpu)
            acc = int(round(vcpu * acc_per_4 / 4)) if acc_per_4 else 0
            if acc_per_4 and acc == 0:
                acc = 1
            yield f"ml.{family}.{size}", per_vcpu * vcpu, vcpu, mem, acc


def padding_rows(builder):
    """Yields callables adding one padding row each, in a fixed order."""
    for spec in PADDING_OTHER:
        yield lambda spec=spec: builder.other_row(spec)
    for instance, base, vcpu, mem, acc in padding_instances():
        for component, middle, factor, operation in PADDING_COMPONENTS:
            yield (lambda i=instance, c=component, m=middle, f=factor, o=operation, b=base, v=vcpu, g=mem, a=acc:
                   builder.instance_row(i, c, m, b * f * builder.factor, v, g, a, o))


def build_offer(region, target, version, publication_date, effective):
    b = OfferBuilder(region, effective)
    for instance, (usd, vcpu, mem, gpu) in HOSTING_PRICES.items():
        price = round(usd * b.factor, 4)
        b.instance_row(instance, "Hosting", "Host", price, vcpu, mem, gpu)
        for component, middle, factor in LOOKALIKES:
            b.instance_row(instance, component, middle, price * factor, vcpu, mem, gpu)
    b.other_row(SERVERLESS)
    b.other_row(HOSTING_STORAGE)
    b.other_row(PADDING_OTHER[0])  # training storage
    overhead = b.overhead(version, publication_date)
    short = False
    if b.size + overhead < target:
        short = True
        for add in padding_rows(b):
            add()
            if b.size + overhead >= target:
                short = False
                break
    return b, short


def main(argv=None):
    parser = argparse.ArgumentParser(description="Write a fake AWS Price List tree for AmazonSageMaker.")
    parser.add_argument("--out", required=True, help="directory to write the tree into")
    parser.add_argument("--regions", default="all", help="'all' (26 regions) or a comma-separated list")
    parser.add_argument("--target-bytes", type=int, default=4_000_000, help="approximate size of each offer file")
    parser.add_argument("--version", default="20261120000000", help="offer version (path component)")
    parser.add_argument("--publication-date", default="2026-11-20T00:00:00Z")
    args = parser.parse_args(argv)

    if args.regions == "all":
        regions = list(REGIONS)
    else:
        regions = [r.strip() for r in args.regions.split(",") if r.strip()]
        unknown = [r for r in regions if r not in REGIONS]
        if unknown:
            parser.error(f"unknown region(s): {', '.join(unknown)}; known: {', '.join(REGIONS)}")
    effective = args.publication_date[:8] + "01T00:00:00Z"

    started = time.monotonic()
    base = os.path.join(args.out, "offers", "v1.0", "aws", OFFER_CODE)
    total = 0
    files = 0
    for region in regions:
        b, short = build_offer(region, args.target_bytes, args.version, args.publication_date, effective)
        text = b.text(args.version, args.publication_date)
        if short:
            print(f"make_pricelist: {region}: ran out of padding rows at {len(text)} bytes "
                  f"(target {args.target_bytes})", file=sys.stderr)
        elif len(text) > args.target_bytes * 1.1:
            print(f"make_pricelist: {region}: the required rows alone take {len(text)} bytes "
                  f"(target {args.target_bytes})", file=sys.stderr)
        path = os.path.join(base, args.version, region, "index.json")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        data = text.encode("ascii")
        with open(path, "wb") as f:
            f.write(data)
        total += len(data)
        files += 1

    index = {
        "formatVersion": "v1.0",
        "disclaimer": DISCLAIMER,
        "publicationDate": args.publication_date,
        "regions": {
            r: {
                "regionCode": r,
                "currentVersionUrl": f"/offers/v1.0/aws/{OFFER_CODE}/{args.version}/{r}/index.json",
            }
            for r in regions
        },
    }
    index_path = os.path.join(base, "current", "region_index.json")
    os.makedirs(os.path.dirname(index_path), exist_ok=True)
    data = (json.dumps(index, indent=2, separators=(",", " : ")) + "\n").encode("ascii")
    with open(index_path, "wb") as f:
        f.write(data)
    total += len(data)
    files += 1

    print(f"make_pricelist: {len(regions)} regions, {files} files, {total} bytes, "
          f"version {args.version}, in {time.monotonic() - started:.2f}s -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
