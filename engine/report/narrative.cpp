// The story of a run. One sweep over the change log in time order: each record inherits the root
// of the record its cause points at (the latest record of that element at or before its time, as
// sim::explain reads it), and a record whose cause is an event, an attack step, a response or
// restoration work is a root itself. Records are grouped by root and time.
#include "blackstart/report/narrative.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <tuple>
#include <unordered_map>

namespace blackstart::report {

using model::ElementIndex;
using model::kNoElement;
using sim::CauseKind;
using sim::ChangeKind;
using sim::StateChange;

namespace {

struct RootKey {
  NarrativeGroup::Root root = NarrativeGroup::Root::Physics;
  std::uint32_t index = sim::kNoEvent;
  sim::Agent agent = sim::Agent::None;
  sim::Reason reason = sim::Reason::None;
  double root_time = 0.0;
  bool looped = false;  //!< the chain went round in a loop of same-time records (not part of the order)
  auto tie() const { return std::tie(root, index, agent, reason, root_time); }
  friend bool operator<(const RootKey& a, const RootKey& b) { return a.tie() < b.tie(); }
};

//! The log's records (changes and cause updates) in time order; at equal times cause updates
//! come after changes, so they are the latest record, as sim::explain reads them.
std::vector<const StateChange*> records_in_time_order(const sim::RunResult& result) {
  std::vector<const StateChange*> records;
  records.reserve(result.changes.size() + result.cause_updates.size());
  std::size_t c = 0;
  std::size_t u = 0;
  while (c < result.changes.size() || u < result.cause_updates.size()) {
    const bool take_change =
        u == result.cause_updates.size() ||
        (c < result.changes.size() && result.changes[c].time_min <= result.cause_updates[u].time_min);
    records.push_back(take_change ? &result.changes[c++] : &result.cause_updates[u++]);
  }
  return records;
}

std::optional<RootKey> own_root(const StateChange& record) {
  const auto& cause = record.cause;
  RootKey key;
  key.root_time = record.time_min;
  switch (cause.kind) {
    case CauseKind::Event:
      key.root = NarrativeGroup::Root::Event;
      key.index = cause.event;
      return key;
    case CauseKind::Attack:
      key.root = NarrativeGroup::Root::AttackStep;
      key.index = cause.event;
      return key;
    case CauseKind::Response:
      key.root = NarrativeGroup::Root::Response;
      key.index = cause.event;
      return key;
    case CauseKind::Restoration:
      key.root = NarrativeGroup::Root::Restoration;
      key.agent = cause.agent;
      key.reason = cause.reason;
      return key;
    case CauseKind::Dependency:
    case CauseKind::Physics:
      if (cause.element == kNoElement) return key;  // Root::Physics
      return std::nullopt;
  }
  return key;
}

//! Resolves the roots of one batch of records logged at the same time.
class BatchResolver {
 public:
  BatchResolver(const std::vector<const StateChange*>& records, std::size_t begin, std::size_t end,
                const std::unordered_map<ElementIndex, RootKey>& state_root,
                const std::unordered_map<ElementIndex, RootKey>& any_root)
      : records_(records), begin_(begin), state_root_(state_root), any_root_(any_root) {
    memo_.resize(end - begin);
    busy_.resize(end - begin, false);
    for (std::size_t i = begin; i < end; ++i) {
      const auto* r = records[i];
      if (r->change == ChangeKind::State) batch_state_[r->element] = i;  // cause updates too
      batch_any_[r->element] = i;
    }
  }

  RootKey root(std::size_t i) {
    auto& slot = memo_[i - begin_];
    if (slot) return *slot;
    const auto* record = records_[i];
    if (auto own = own_root(*record)) return *(slot = own);
    if (busy_[i - begin_]) {  // a loop in the causes (a line back because its end is back, and back)
      RootKey loop = physics(*record);
      loop.looped = true;
      return loop;
    }
    busy_[i - begin_] = true;
    const ElementIndex supplier = record->cause.element;
    RootKey key = physics(*record);
    if (const auto it = batch_state_.find(supplier); it != batch_state_.end() && it->second != i)
      key = root(it->second);
    else if (const auto found = state_root_.find(supplier); found != state_root_.end())
      key = found->second;
    else if (const auto any = batch_any_.find(supplier); any != batch_any_.end() && any->second != i)
      key = root(any->second);
    else if (const auto found_any = any_root_.find(supplier); found_any != any_root_.end())
      key = found_any->second;
    busy_[i - begin_] = false;
    return *(slot = key);
  }

 private:
  static RootKey physics(const StateChange& record) {
    RootKey key;
    key.root_time = record.time_min;
    return key;
  }

  const std::vector<const StateChange*>& records_;
  std::size_t begin_;
  const std::unordered_map<ElementIndex, RootKey>& state_root_;
  const std::unordered_map<ElementIndex, RootKey>& any_root_;
  std::unordered_map<ElementIndex, std::size_t> batch_state_;
  std::unordered_map<ElementIndex, std::size_t> batch_any_;
  std::vector<std::optional<RootKey>> memo_;
  std::vector<bool> busy_;
};

void add_unique(std::vector<ElementIndex>& list, ElementIndex x) {
  if (std::find(list.begin(), list.end(), x) == list.end()) list.push_back(x);
}

void count_consequence(const model::Network& network, const StateChange& record, bool is_update,
                       NarrativeGroup& group) {
  ++group.changes;
  if (is_update) return;  // same state, new reason: nothing new for the figures
  if (record.change == ChangeKind::Control) {
    ++(record.lost ? group.control_lost : group.control_back);
    return;
  }
  if (record.change == ChangeKind::View) {
    ++(record.lost ? group.view_lost : group.view_back);
    return;
  }
  const bool was = sim::is_operational(record.from);
  const bool is = sim::is_operational(record.to);
  if (was == is) return;
  const auto& e = network.element(record.element);
  const bool powered_load = e.has_demand() && network.layers()[e.layer].kind == model::LayerKind::Power;
  if (was) {
    ++group.failed;
    if (powered_load) {
      group.customers_lost += e.customers;
      group.mw_lost += std::max(0.0, e.load_mw);
    }
    if (e.passengers_per_hour > 0) {
      add_unique(group.stopped, record.element);
      group.passengers_lost += e.passengers_per_hour;
    }
  } else {
    ++group.back;
    if (powered_load) {
      group.customers_back += e.customers;
      group.mw_back += std::max(0.0, e.load_mw);
    }
    if (e.passengers_per_hour > 0) add_unique(group.resumed, record.element);
  }
}

bool has_figures(const NarrativeGroup& g) {
  return g.failed > 0 || g.back > 0 || g.control_lost > 0 || g.control_back > 0 || g.view_lost > 0 ||
         g.view_back > 0 || g.customers_lost > 0 || g.customers_back > 0 || g.mw_lost > 0 || g.mw_back > 0;
}

//! Restoration that brings nothing back yet (a crew setting off) and a later effect that changes
//! no figure (a reason update) are left out: the root's own actions are always told.
bool tells_something(const NarrativeGroup& g) {
  if (g.root == NarrativeGroup::Root::Restoration || g.is_follow_up() || g.targets.empty())
    return has_figures(g);
  return true;
}

}  // namespace

std::vector<NarrativeGroup> build_narrative(const model::Scenario& scenario, const sim::RunResult& result) {
  const auto& network = scenario.network;
  const auto records = records_in_time_order(result);
  const auto is_update = [&](const StateChange* r) {
    return !result.cause_updates.empty() && r >= result.cause_updates.data() &&
           r < result.cause_updates.data() + result.cause_updates.size();
  };

  std::vector<NarrativeGroup> groups;
  std::map<std::pair<RootKey, double>, std::size_t> group_of;
  const auto group_for = [&](const RootKey& key, double time) -> NarrativeGroup& {
    const auto [it, inserted] = group_of.emplace(std::pair{key, time}, groups.size());
    if (inserted) {
      NarrativeGroup g;
      g.root = key.root;
      g.index = key.index;
      g.agent = key.agent;
      g.reason = key.reason;
      g.root_time_min = key.root_time;
      g.time_min = time;
      groups.push_back(std::move(g));
    }
    return groups[it->second];
  };

  std::unordered_map<ElementIndex, RootKey> state_root;
  std::unordered_map<ElementIndex, RootKey> any_root;
  for (std::size_t begin = 0; begin < records.size();) {
    std::size_t end = begin;
    while (end < records.size() && records[end]->time_min == records[begin]->time_min) ++end;
    BatchResolver resolver(records, begin, end, state_root, any_root);
    std::vector<RootKey> keys;
    keys.reserve(end - begin);
    for (std::size_t i = begin; i < end; ++i) keys.push_back(resolver.root(i));
    // Records whose causes only go round in a loop came back (or went) with the batch's named
    // root: the one most records of the batch lead to.
    std::map<RootKey, int> votes;
    for (const auto& key : keys)
      if (key.root != NarrativeGroup::Root::Physics) ++votes[key];
    if (!votes.empty()) {
      const auto winner = std::max_element(votes.begin(), votes.end(),
                                           [](const auto& a, const auto& b) { return a.second < b.second; });
      for (auto& key : keys)
        if (key.looped) key = winner->first;
    }
    for (std::size_t i = begin; i < end; ++i) {
      const auto* record = records[i];
      const auto& key = keys[i - begin];
      auto& group = group_for(key, record->time_min);
      if (own_root(*record) && key.root != NarrativeGroup::Root::Physics)
        add_unique(group.targets, record->element);
      count_consequence(network, *record, is_update(record), group);
      if (record->change == ChangeKind::State) state_root[record->element] = key;
      any_root[record->element] = key;
    }
    begin = end;
  }

  // Attack steps that changed no state (a foothold, stolen credentials) are part of the story too.
  for (const auto& a : result.attack_log) {
    if (a.status != sim::AttackRecord::Status::Succeeded) continue;
    RootKey key;
    key.root = NarrativeGroup::Root::AttackStep;
    key.index = a.step;
    key.root_time = a.time_min;
    add_unique(group_for(key, a.time_min).targets, a.target);
  }

  std::vector<NarrativeGroup> story;
  story.reserve(groups.size());
  for (auto& g : groups)
    if (tells_something(g)) story.push_back(std::move(g));
  std::stable_sort(story.begin(), story.end(),
                   [](const NarrativeGroup& a, const NarrativeGroup& b) { return a.time_min < b.time_min; });
  return story;
}

// ---- text ----

namespace {

std::string thousands(double value) {
  const auto n = static_cast<long long>(std::llround(value));
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

std::string plural(std::size_t n, const std::string& word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::string element_label(const model::Element& e) {
  return e.name.empty() ? e.id : e.name;
}

//! "South substation", or "8 substations: A, B, C and 5 more".
std::string targets_phrase(const model::Network& network, const std::vector<ElementIndex>& targets) {
  if (targets.empty()) return "nothing";
  if (targets.size() == 1) return element_label(network.element(targets.front()));
  std::string type = network.element(targets.front()).type;
  for (const auto x : targets)
    if (network.element(x).type != type) type = "asset";
  std::string out = std::to_string(targets.size()) + " " + type + "s: ";
  const std::size_t shown = targets.size() <= 4 ? targets.size() : 3;
  for (std::size_t i = 0; i < shown; ++i) {
    if (i > 0) out += (i + 1 == shown && shown == targets.size()) ? " and " : ", ";
    out += element_label(network.element(targets[i]));
  }
  if (shown < targets.size()) out += " and " + std::to_string(targets.size() - shown) + " more";
  return out;
}

//! "trolleybus 1, trolleybus 2 and trolleybus 3".
std::string names_phrase(const model::Network& network, const std::vector<ElementIndex>& list) {
  std::string out;
  const std::size_t shown = list.size() <= 4 ? list.size() : 3;
  for (std::size_t i = 0; i < shown; ++i) {
    if (i > 0) out += (i + 1 == shown && shown == list.size()) ? " and " : ", ";
    out += element_label(network.element(list[i]));
  }
  if (shown < list.size()) out += " and " + std::to_string(list.size() - shown) + " more";
  return out;
}

std::string_view event_phrase(model::Action action) {
  switch (action) {
    case model::Action::OpenBreaker:
      return "opens breakers at";
    case model::Action::Trip:
      return "trips";
    case model::Action::Damage:
      return "damages";
    case model::Action::Compromise:
      return "takes over";
    case model::Action::DestroyFirmware:
      return "destroys the firmware of";
    case model::Action::Wipe:
      return "wipes";
    case model::Action::DenyService:
      return "denies service of";
    case model::Action::DisableBackup:
      return "disables the backup of";
    case model::Action::Restore:
      return "restores";
  }
  return "acts on";
}

std::string_view step_phrase(model::StepEffect effect) {
  switch (effect) {
    case model::StepEffect::Foothold:
      return "gain a foothold on";
    case model::StepEffect::Control:
      return "take over";
    case model::StepEffect::Credentials:
      return "steal credentials for";
    case model::StepEffect::Wipe:
      return "wipe";
    case model::StepEffect::DestroyFirmware:
      return "destroy the firmware of";
    case model::StepEffect::DenyService:
      return "deny service of";
    case model::StepEffect::DisableBackup:
      return "switch off the backup of";
    case model::StepEffect::OpenBreaker:
      return "open breakers at";
    case model::StepEffect::Trip:
      return "trip";
    case model::StepEffect::ChangeSetpoint:
      return "change the setpoint of";
  }
  return "act on";
}

std::string with_technique(std::string text, const std::string& id, const std::string& technique) {
  text += " (" + id;
  if (!technique.empty()) text += ", " + technique;
  return text + ")";
}

//! Short name of a group's root, for delayed consequences ("open-south").
std::string root_name(const model::Scenario& scenario, const NarrativeGroup& g) {
  switch (g.root) {
    case NarrativeGroup::Root::Event:
      return g.index < scenario.events.size() ? scenario.events[g.index].id : "an event";
    case NarrativeGroup::Root::AttackStep:
      return g.index < scenario.campaign.steps.size() ? "attack step " + scenario.campaign.steps[g.index].id
                                                      : "an attack step";
    case NarrativeGroup::Root::Response:
      return g.index < scenario.responses.size() ? "response " + scenario.responses[g.index].name
                                                 : "a response";
    case NarrativeGroup::Root::Restoration:
      return "restoration";
    case NarrativeGroup::Root::Physics:
      return "the power flow";
  }
  return "?";
}

std::string what_phrase(const model::Scenario& scenario, const NarrativeGroup& g) {
  const auto& network = scenario.network;
  const std::string targets = targets_phrase(network, g.targets);
  switch (g.root) {
    case NarrativeGroup::Root::Event: {
      if (g.index >= scenario.events.size()) return "an event acts on " + targets;
      const auto& e = scenario.events[g.index];
      std::string text = e.id + " " + std::string(event_phrase(e.action)) + " " + targets;
      return e.technique.empty() ? text : text + " (" + e.technique + ")";
    }
    case NarrativeGroup::Root::AttackStep: {
      if (g.index >= scenario.campaign.steps.size()) return "attackers act on " + targets;
      const auto& s = scenario.campaign.steps[g.index];
      return with_technique("attackers " + std::string(step_phrase(s.effect)) + " " + targets, s.id,
                            s.technique);
    }
    case NarrativeGroup::Root::Response: {
      if (g.index >= scenario.responses.size()) return "a response acts on " + targets;
      const auto& r = scenario.responses[g.index];
      return "response " + r.name + " (" + std::string(model::to_string(r.action)) + ") acts on " + targets;
    }
    case NarrativeGroup::Root::Restoration:
      if (g.reason == sim::Reason::DenialEnded) return "denial of service ends on " + targets;
      if (g.reason == sim::Reason::Repairing) return "crews start work on " + targets;
      switch (g.agent) {
        case sim::Agent::Crew:
          return "crews restore " + targets;
        case sim::Agent::Remote:
          return "operators switch back " + targets + " remotely";
        case sim::Agent::Replacement:
          return "new hardware restores " + targets;
        case sim::Agent::None:
          return targets + " back in service";
      }
      return "restoration of " + targets;
    case NarrativeGroup::Root::Physics:
      return "the power flow changes";
  }
  return "?";
}

}  // namespace

std::string narrative_clock(const model::Scenario& scenario, double time_min) {
  const auto minutes = static_cast<long long>(std::floor(time_min + 1e-6));
  if (minutes < 0) {  // the campaign's dwell before the simulated day: how long before
    const long long m = -minutes;
    char buffer[48];
    if (m >= 1440)
      std::snprintf(buffer, sizeof buffer, "-%lld d %02lld h", m / 1440, (m % 1440) / 60);
    else if (m >= 60)
      std::snprintf(buffer, sizeof buffer, "-%lld h %02lld", m / 60, m % 60);
    else
      std::snprintf(buffer, sizeof buffer, "-%lld min", m);
    return buffer;
  }
  // A time of day in the start time: "…T15:30…" or "… 15:30…".
  const auto& s = scenario.start_time;
  for (std::size_t i = 0; i + 6 <= s.size(); ++i) {
    if (s[i] != 'T' && s[i] != ' ') continue;
    const auto digit = [&](std::size_t k) { return s[k] >= '0' && s[k] <= '9'; };
    if (!digit(i + 1) || !digit(i + 2) || s[i + 3] != ':' || !digit(i + 4) || !digit(i + 5)) continue;
    const long long start =
        ((s[i + 1] - '0') * 10 + (s[i + 2] - '0')) * 60 + (s[i + 4] - '0') * 10 + (s[i + 5] - '0');
    const long long total = start + minutes;
    const long long day = total / 1440;
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%02lld:%02lld", (total % 1440) / 60, total % 60);
    return (day > 0 ? "day " + std::to_string(day + 1) + " " : std::string()) + buffer;
  }
  if (minutes < 60) return "+" + std::to_string(minutes) + " min";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "+%lld h %02lld", minutes / 60, minutes % 60);
  return buffer;
}

NarrativeLine narrative_line(const model::Scenario& scenario, const NarrativeGroup& g) {
  const auto& network = scenario.network;
  NarrativeLine line;
  line.time = narrative_clock(scenario, g.time_min);
  line.what = g.is_follow_up() ? "later effect of " + root_name(scenario, g) + " at " +
                                     narrative_clock(scenario, g.root_time_min)
                               : what_phrase(scenario, g);
  auto& out = line.consequences;
  if (g.customers_lost > 0)
    out.push_back(g.customers_lost == 1 ? "1 customer loses power"
                                        : thousands(g.customers_lost) + " customers lose power");
  else if (g.mw_lost > 0)
    out.push_back(thousands(g.mw_lost) + " MW of demand lost");
  if (!g.stopped.empty())
    out.push_back(names_phrase(network, g.stopped) + (g.stopped.size() == 1 ? " stops" : " stop"));
  if (g.control_lost > 0) out.push_back("control lost over " + plural(g.control_lost, "asset"));
  if (g.view_lost > 0) out.push_back("view lost over " + plural(g.view_lost, "asset"));
  if (g.customers_back > 0)
    out.push_back(g.customers_back == 1 ? "1 customer gets power back"
                                        : thousands(g.customers_back) + " customers get power back");
  else if (g.mw_back > 0)
    out.push_back(thousands(g.mw_back) + " MW of demand back");
  if (!g.resumed.empty())
    out.push_back(names_phrase(network, g.resumed) + (g.resumed.size() == 1 ? " runs again" : " run again"));
  if (g.control_back > 0) out.push_back("control back over " + plural(g.control_back, "asset"));
  if (g.view_back > 0) out.push_back("view back over " + plural(g.view_back, "asset"));
  if (g.failed > 0) out.push_back(plural(g.failed, "asset") + " out of service");
  if (g.back > 0) out.push_back(plural(g.back, "asset") + " back in service");
  return line;
}

std::string NarrativeLine::text() const {
  std::string out = time + " " + what;
  for (const auto& c : consequences) out += " \xe2\x86\x92 " + c;  // →
  return out;
}

std::string narrative_text(const model::Scenario& scenario, const sim::RunResult& result) {
  std::string out;
  for (const auto& g : build_narrative(scenario, result)) out += narrative_line(scenario, g).text() + "\n";
  return out;
}

}  // namespace blackstart::report
