#pragma once
// The simulation's agenda: items ordered by time, then by the order they were scheduled, so that
// simultaneous items run in a reproducible order.
#include <cstdint>
#include <functional>
#include <queue>
#include <vector>

namespace blackstart::sim {

struct QueueItem {
  enum class Kind : std::uint8_t {
    ScenarioEvent,
    RepairDone,
    DenyEnd,
    Wake,
    TripCheck,
    CampaignStart,
    AttemptStart,
    AttemptDone,
    Alert,
    ResponseRun,
    SetpointReset,
    CrewReady,     //!< a routed crew's rest ends (also: a fuel truck is back)
    FuelDelivered  //!< a fuel truck finished pumping (payload: truck)
  };
  double time = 0.0;
  std::uint64_t sequence = 0;
  Kind kind = Kind::Wake;
  std::uint32_t payload = 0;  //!< event, element, attempt, alert or response index
  std::uint32_t token = 0;    //!< repair token the item was scheduled under; stale items are ignored
  bool operator>(const QueueItem& other) const {
    return time != other.time ? time > other.time : sequence > other.sequence;
  }
};

class EventQueue {
 public:
  void push(double time, QueueItem::Kind kind, std::uint32_t payload, std::uint32_t token = 0) {
    queue_.push(QueueItem{time, sequence_++, kind, payload, token});
  }
  [[nodiscard]] bool empty() const { return queue_.empty(); }
  [[nodiscard]] double next_time() const { return queue_.top().time; }
  QueueItem pop() {
    QueueItem item = queue_.top();
    queue_.pop();
    return item;
  }

 private:
  std::priority_queue<QueueItem, std::vector<QueueItem>, std::greater<>> queue_;
  std::uint64_t sequence_ = 0;
};

}  // namespace blackstart::sim
