#!/usr/bin/env python3
"""Regenerates analyzers/src/main/resources/netlab/analyzers/oui/oui.tsv.gz from Debian's ieee-data.

Usage: scripts/gen-oui.py [IEEE_DATA_DIR]   (default /usr/share/ieee-data; `apt-get install ieee-data`)

Reads the IEEE registry CSVs (oui.csv = MA-L 24-bit, mam.csv = MA-M 28-bit, oui36.csv = MA-S 36-bit,
iab.csv = IAB 36-bit) and writes one sorted line per assignment: prefix hex (6/7/9 digits = 24/28/36 bits), organization name
(whitespace collapsed, at most 64 characters) as "HEX<TAB>Name", the hex digit count giving the prefix
length (6 = 24 bits, 7 = 28, 9 = 36): the same line format as arp-scan's ieee-oui.txt. The output is deterministic (sorted, gzip mtime 0) so a
regeneration from the same package version gives the same bytes.
"""
import csv
import datetime
import gzip
import io
import os
import subprocess
import sys

REGISTRIES = [("oui.csv", "MA-L", 24), ("mam.csv", "MA-M", 28), ("oui36.csv", "MA-S", 36), ("iab.csv", "IAB", 36)]
MAX_NAME = 64
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "analyzers/src/main/resources/netlab/analyzers/oui/oui.tsv.gz")


def package_version():
    try:
        return subprocess.run(["dpkg-query", "-W", "-f=${Version}", "ieee-data"], capture_output=True,
                              text=True, check=True).stdout.strip() or "unknown"
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/ieee-data"
    rows = {}
    for name, registry, bits in REGISTRIES:
        with open(os.path.join(src, name), newline="", encoding="utf-8") as f:
            for rec in csv.reader(f):
                if len(rec) < 3 or rec[0] != registry:
                    continue
                prefix = rec[1].strip().upper()
                if len(prefix) * 4 != bits or any(c not in "0123456789ABCDEF" for c in prefix):
                    continue
                vendor = " ".join(rec[2].split())[:MAX_NAME].strip()
                if vendor:
                    rows[(bits, prefix)] = vendor
    with open(os.path.join(src, ".lastupdate")) as f:
        stamp = int(f.read().strip())
    snapshot = datetime.datetime.fromtimestamp(stamp, datetime.timezone.utc).strftime("%Y-%m-%d")
    body = io.StringIO()
    body.write("# netlab OUI table: IEEE MA-L/MA-M/MA-S/IAB assignments from Debian ieee-data %s "
               "(IEEE registry snapshot of %s)\n" % (package_version(), snapshot))
    body.write("# regenerate with scripts/gen-oui.py; columns: prefix hex (6/7/9 digits = 24/28/36 bits), organization name\n")
    for (bits, prefix), vendor in sorted(rows.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        body.write("%s\t%s\n" % (prefix, vendor))
    raw = body.getvalue().encode("utf-8")
    with open(OUT, "wb") as out:
        with gzip.GzipFile(filename="", mode="wb", fileobj=out, compresslevel=9, mtime=0) as gz:
            gz.write(raw)
    print("%s: %d prefixes, %d bytes raw, %d bytes gzip" % (OUT, len(rows), len(raw), os.path.getsize(OUT)))


if __name__ == "__main__":
    main()
