#pragma once
// Where the attack view draws each campaign step: in columns by prerequisite depth (the longest
// chain of steps it needs), so that an arrow always points right, and within a column in an order
// that keeps steps near the ones they need. Deterministic: the same campaign, the same picture.
#include <vector>

#include "blackstart/model/campaign.hpp"

namespace blackstart::gui {

struct AttackGraphLayout {
  std::vector<int> column;  //!< per step: 0 for steps that need nothing, else 1 + deepest prerequisite
  //! per step: place in its column, centred on 0 (a column of three: -1, 0, 1; of two: -0.5, 0.5)
  std::vector<double> row;
  std::vector<double> objective_row;  //!< per objective, in the column after the last step column
  int columns = 0;                    //!< step columns (the entry sits left of column 0)
  int tallest = 0;                    //!< most nodes in one column (steps or objectives)
};

//! Layers the steps by longest path over requires_all and requires_any. A cycle (the loader rejects
//! them) does not hang it: depths stop growing after as many rounds as there are steps.
AttackGraphLayout layout_attack_graph(const model::Campaign& campaign);

}  // namespace blackstart::gui
