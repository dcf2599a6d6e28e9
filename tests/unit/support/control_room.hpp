#pragma once
// A small world with an attacker in it, shared by the campaign and controls tests.
#include "network_builder.hpp"

namespace blackstart::test {

//! A feeder run from a control room: the attacker phishes a workstation on the corporate LAN, goes
//! through the VPN gateway into the control network, hijacks the HMI and opens the substation the
//! HMI controls through its RTU.
//!   ws --lan-- vpn --ot-- hmi ; sub <-control- rtu <-control- hmi
struct ControlRoom {
  Feeder f{1000, 2};
  model::ElementIndex ws, vpn, hmi, rtu, lan, ot;
  ControlRoom() {
    auto& w = f.world;
    ws = w.asset("cyber/ws", "workstation", {0, 0, 0, 0, "it"});
    vpn = w.asset("cyber/vpn", "vpn_gateway", {0, 0, 0, 0, "it"});
    hmi = w.asset("cyber/hmi", "hmi", {0, 0, 0, 0, "grid"});
    rtu = w.asset("cyber/rtu", "rtu", {0, 0, 0, 0, "grid"});
    lan = w.link("cyber/lan", ws, vpn, "network_link");
    ot = w.link("cyber/ot", vpn, hmi, "network_link");
    w.depend(f.sub, rtu, model::DependencyKind::Control);
    w.depend(rtu, hmi, model::DependencyKind::Control);
    w.crews("grid", 1, 30);
    w.scenario.campaign.entry = {ws};
    w.step("vpn-in", "T1133", model::StepEffect::Foothold, {vpn}, 60);
    w.step("hijack-hmi", "T0823", model::StepEffect::Control, {hmi}, 30).requires_all = {0};
    w.step("open", "T0831", model::StepEffect::OpenBreaker, {f.sub}, 5).requires_all = {1};
    model::Objective blackout;
    blackout.id = "blackout";
    blackout.steps = {2};
    w.scenario.campaign.objectives.push_back(blackout);
  }
  model::Scenario& scenario() { return f.world.scenario; }
};

}  // namespace blackstart::test
