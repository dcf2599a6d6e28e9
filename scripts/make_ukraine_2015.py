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
"""

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
         crews=10, travel=("30min", "1h", "2h30min")),  # mountain districts far: ASSUMPTION
    dict(key="kyiv", name="Kyivoblenergo", region="Kyiv oblast", customers=80_000,
         districts=None, n110=7, radial=6, other=8, meshed=9, behind=3, unaffected=4, launch_min=5,
         crews=18, travel=("20min", "35min", "1h15min")),
    dict(key="che", name="Chernivtsioblenergo", region="Chernivtsi", customers=42_000,
         districts=None, n110=2, radial=1, other=2, meshed=3, behind=1, unaffected=2, launch_min=25,
         crews=6, travel=("10min", "20min", "40min")),
]
# crews, travel: field crews per company and their travel times, ASSUMPTION (Prykarpattya's mountain
# districts - Kosiv, Yaremche, Nadvirna - are far from the depots; Chernivtsi's area is small).
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
    w("  - title: Blackstart assumptions")
    w("    note: >-")
    w("      Split of 145,000 customers between Prykarpattya (103,000) and Chernivtsi (42,000); 22 and 8")
    w("      substations; how the 35 kV substations are fed (radial, from substations not attacked, meshed);")
    w("      substation sizes; 1.2 kW per customer; crews and their travel times; detection delays (with and")
    w("      without customer calls); the dwell (phishing 270 days before, phase times); the length of the")
    w("      telephone flood; controls' efficacies where the scenario overrides the library; unaffected")
    w(f"      substations ({UNAFFECTED_CUSTOMERS} customers each) and the city transport assets are illustrative.")
    w("")
    w("layers:")
    w("  - name: power")
    w("    assets:")
    links = []
    grids = {}
    for u in UTILITIES:
        k = u["key"]
        op = k
        subs110, unaffected, subs35, behind, feeds = grid(u)
        grids[k] = (subs110, unaffected, subs35, behind, feeds)
        w(f"      # {u['name']} ({u['region']})")
        w(f"      - {{id: {k}-infeed, type: infeed, name: {u['name']} 330/110 kV supply, operator: {op}}}")
        districts = u["districts"]
        for i, s in enumerate(subs110):
            label = f", name: {districts[i].title()} 110 kV" if districts else ""
            w(f"      - {{id: {s}, type: substation, voltage_kv: 110, operator: {op}, priority: 2{label}}}")
            links.append(f"{{id: {k}-l-{s}, from: {k}-infeed, to: {s}}}")
        for s in unaffected:
            w(f"      - {{id: {s}, type: substation, voltage_kv: 110, operator: {op}, name: not attacked}}")
            links.append(f"{{id: {k}-l-{s}, from: {k}-infeed, to: {s}}}")
        for s in subs35:
            w(f"      - {{id: {s}, type: substation, voltage_kv: 35, operator: {op}, priority: 1}}")
        for s in behind:
            w(f"      - {{id: {s}, type: substation, voltage_kv: 35, operator: {op}, name: not attacked}}")
        for s in subs35 + behind:
            for n, parent in enumerate(feeds[s]):
                links.append(f"{{id: {k}-l-{s}{'' if n == 0 else '-b'}, from: {parent}, to: {s}, voltage_kv: 35}}")
        # Customers behind the attacked substations add up to the company's figure.
        dark = subs110 + subs35 + behind
        shares = split(u["customers"], [SIZE_WEIGHTS[i % len(SIZE_WEIGHTS)] for i in range(len(dark))])
        for s, customers in zip(dark, shares):
            mw = round(customers * KW_PER_CUSTOMER / 1000, 3)
            w(f"      - {{id: {s}-load, type: load, load_mw: {mw}, customers: {customers}, operator: {op}}}")
            links.append(f"{{id: {k}-f-{s}, type: transformer, from: {s}, to: {s}-load}}")
        for s in unaffected:
            mw = round(UNAFFECTED_CUSTOMERS * KW_PER_CUSTOMER / 1000, 3)
            w(f"      - {{id: {s}-load, type: load, load_mw: {mw}, customers: {UNAFFECTED_CUSTOMERS}, operator: {op}}}")
            links.append(f"{{id: {k}-f-{s}, type: transformer, from: {s}, to: {s}-load}}")
    # Traction supplies.
    w("      # supplies for city transport (illustrative)")
    w("      - {id: pry-traction-if, type: load, load_mw: 4, customers: 0, operator: pry, name: Ivano-Frankivsk trolleybus traction}")
    links.append("{id: pry-f-traction-if, type: transformer, from: pry-35-01, to: pry-traction-if}")
    w("      - {id: kyiv-traction-rail, type: load, load_mw: 6, customers: 0, operator: kyiv, name: suburban rail traction}")
    links.append("{id: kyiv-f-traction-rail, type: transformer, from: kyiv-110-01, to: kyiv-traction-rail}")
    w("    links:")
    for l in links:
        w(f"      - {l}")

    w("")
    w("  - name: transport")
    w("    assets:   # illustrative city effects: electric transport stops, signals go dark")
    w("      - {id: trolleybus-if-1, type: trolleybus_line, passengers_per_hour: 1200, name: Ivano-Frankivsk trolleybus line 1}")
    w("      - {id: trolleybus-if-2, type: trolleybus_line, passengers_per_hour: 900}")
    w("      - {id: trolleybus-if-3, type: trolleybus_line, passengers_per_hour: 800}")
    w("      - {id: signals-if-centre, type: traffic_signal_zone, name: Ivano-Frankivsk centre signals}")
    w("      - {id: signals-kalush, type: traffic_signal_zone}")
    w("      - {id: road-if-centre, type: road_segment, passengers_per_hour: 6000}")
    w("      - {id: road-kalush, type: road_segment, passengers_per_hour: 2500}")
    w("      - {id: rail-kyiv-suburban, type: electric_rail_line, passengers_per_hour: 3000, name: suburban electric rail}")
    w("      - {id: road-kyiv-ring, type: road_segment, passengers_per_hour: 8000}")
    w("    links:")
    w("      - {id: r1, from: road-if-centre, to: road-kalush, type: road}")

    w("")
    w("  - name: cyber")
    w("    assets:")
    w("      - {id: pstn, type: telephony, name: public telephone network (the attacker's call generators)}")
    for u in UTILITIES:
        k = u["key"]
        it = f"{k}-it"
        w(f"      # {u['name']}: corporate network")
        for i in range(3):
            label = ", name: phished workstation" if i == 0 else ""
            w(f"      - {{id: {k}-ws-{i + 1:02d}, type: workstation, operator: {it}{label}}}")
        w(f"      - {{id: {k}-dc, type: domain_controller, operator: {it}}}")
        w(f"      - {{id: {k}-it-lan, type: network_node, operator: {it}, name: corporate LAN}}")
        w(f"      - {{id: {k}-vpn, type: vpn_gateway, operator: {it}, name: VPN into the control network}}")
        w(f"      # {u['name']}: control centre and control network")
        w(f"      - {{id: {k}-ot-lan, type: network_node, operator: {it}, name: control network}}")
        w(f"      - {{id: {k}-hmi, type: hmi, operator: {it}, name: dispatcher HMI workstations}}")
        w(f"      - {{id: {k}-dms, type: dms, operator: {it}, name: SCADA/DMS servers}}")
        w(f"      - {{id: {k}-ups, type: ups, operator: {it}, name: UPS with a network management interface}}")
        w(f"      - {{id: {k}-phones, type: telephony, operator: {it}}}")
        w(f"      - {{id: {k}-callcentre, type: call_centre, operator: {it}, name: customer call centre}}")
        for i in range(u["n110"]):
            w(f"      - {{id: {k}-gw-{i + 1:02d}, type: serial_gateway, operator: {it}}}")
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
        lo, mode, hi = u["travel"]
        w(f"  - {{operator: {u['key']}, count: {u['crews']}, travel: {{dist: triangular, min: {lo}, mode: {mode}, max: {hi}}}}}")
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
    w("    description: crews pre-positioned at key substations and on standby, as after the attack")
    w("    crews:")
    for u in UTILITIES:
        w(f"      - {{operator: {u['key']}, count: {u['crews'] * 2}, travel: {{dist: uniform, min: 5min, max: 20min}}}}")
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
