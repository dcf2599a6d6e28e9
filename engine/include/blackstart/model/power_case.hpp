#pragma once
#include <string>
#include <unordered_map>
#include <vector>

namespace blackstart::model {

//! Bus types as MATPOWER numbers them.
enum class BusType { PQ = 1, PV = 2, Ref = 3, Isolated = 4 };

//! One row of a MATPOWER bus table (MW, MVAr, p.u., degrees, kV as in the case file).
struct PowerBus {
  int number = 0;
  BusType type = BusType::PQ;
  double pd_mw = 0, qd_mvar = 0;
  double gs_mw = 0, bs_mvar = 0;  //!< shunt at V = 1 p.u.
  int area = 1;
  double vm_pu = 1, va_deg = 0;
  double base_kv = 0;
  int zone = 1;
  double vmax_pu = 1.1, vmin_pu = 0.9;
  int line = 0;  //!< line in the source file, for messages
};

struct PowerGen {
  int bus = 0;  //!< bus number (not index)
  double pg_mw = 0, qg_mvar = 0;
  double qmax_mvar = 0, qmin_mvar = 0;
  double vg_pu = 1;
  double mbase_mva = 100;
  bool in_service = true;
  double pmax_mw = 0, pmin_mw = 0;
  int line = 0;
};

struct PowerBranch {
  int from = 0, to = 0;  //!< bus numbers
  double r_pu = 0, x_pu = 0, b_pu = 0;
  double rate_a_mva = 0, rate_b_mva = 0, rate_c_mva = 0;  //!< 0 = unlimited
  double ratio = 0;                                       //!< off-nominal tap ratio; 0 means a line (1)
  double shift_deg = 0;                                   //!< phase shift
  bool in_service = true;
  double angmin_deg = -360, angmax_deg = 360;
  int line = 0;
};

//! A power-flow case: MATPOWER's version-2 tables. Branches are addressed by row (0-based here,
//! 1-based in every output), never by bus pair: parallel branches are common.
struct PowerCase {
  std::string name;
  std::string file;
  double base_mva = 100;
  std::vector<PowerBus> buses;
  std::vector<PowerGen> gens;
  std::vector<PowerBranch> branches;
  std::unordered_map<int, int> bus_index;  //!< bus number -> row

  //! Fills `bus_index`; returns false if two buses share a number.
  bool index_buses();
};

}  // namespace blackstart::model
