#pragma once
// What an exercise run records: the injects as they fell due and the decisions taken. The MSEL
// (report/msel) and the after-action report are written from these.
#include <cstdint>
#include <string>
#include <vector>

#include "blackstart/model/exercise.hpp"

namespace blackstart::sim {

//! An inject that fell due in the run (scripted, or drafted from the model), or a decision prompt.
struct InjectRecord {
  enum class Origin : std::uint8_t {
    Scripted,  //!< exercise.injects[inject]
    Model,     //!< drafted from the run (first loss of view, first customers out, milestones)
    Decision,  //!< the prompt of exercise.decisions[decision]
  };
  double time_min = 0.0;
  Origin origin = Origin::Scripted;
  std::uint32_t inject = model::kNoIndex32;    //!< Scripted
  std::uint32_t decision = model::kNoIndex32;  //!< Decision
  std::string id;                              //!< inject or decision id; Model: a generated id
  std::string from, to, channel, message, expected_action, objective;
  model::ElementIndex element = model::kNoElement;  //!< Model: the asset it is about, if any
};

//! A decision taken in the run.
struct DecisionRecord {
  double time_min = 0.0;
  std::uint32_t decision = 0;  //!< index into exercise.decisions
  std::uint32_t option = 0;    //!< index into its options
  bool by_default = false;     //!< nobody chose: the default option was taken
};

}  // namespace blackstart::sim
