#pragma once
// A control room for the attack readers: a workstation, a VPN gateway and an HMI on the cyber
// layer, linked ws - lan - vpn - ot - hmi; the HMI controls substation `sub` (not `sub2`).
#include "io/dependencies_reader.hpp"
#include "io/reader_fixture.hpp"

namespace blackstart::test {

inline const char* kControlRoomLayers =
    "- name: power\n"
    "  assets:\n"
    "    - {id: infeed, type: infeed}\n"
    "    - {id: sub, type: substation, operator: grid}\n"
    "    - {id: sub2, type: substation, operator: grid}\n"
    "  links: [{from: infeed, to: sub}, {from: infeed, to: sub2}]\n"
    "- name: cyber\n"
    "  assets:\n"
    "    - {id: ws, type: workstation}\n"
    "    - {id: vpn, type: vpn_gateway}\n"
    "    - {id: hmi, type: hmi}\n"
    "  links:\n"
    "    - {id: lan, from: ws, to: vpn, type: network_link}\n"
    "    - {id: ot, from: vpn, to: hmi, type: network_link}\n";

//! Reads the control room's layers and the HMI's control of `power/sub` into `f`.
inline void control_room(ReaderFixture& f) {
  f.layers(kControlRoomLayers);
  io::read_dependencies(f.yaml, YAML::Load("- {dependent: power/sub, supplier: cyber/hmi, kind: control}"),
                        f.scenario.network);
}

}  // namespace blackstart::test
