#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "blackstart/model/scenario.hpp"

namespace blackstart::io {

//! A duration as the loader reads it back exactly: `90min`, `2h`, `1d`, `2.5min`, `0min`.
std::string duration_to_yaml(double minutes);

//! A string as a YAML flow scalar: plain when that is unambiguous, double-quoted otherwise.
std::string scalar_to_yaml(std::string_view text);

//! One event as a flow mapping in the style of the shipped scenarios, without indentation:
//! `{id: x, at: 10min, action: trip, targets: power/a, technique: T0831, description: ...}`, with
//! `duration`, `probability`, `choose` and `select` when they differ from their defaults (every key
//! the loader reads for an event).
//! Targets are the event's `target_pattern`; a pattern of `(list)` or an empty one writes the
//! resolved targets' ids as a list. Lines are wrapped at 110 columns for an item indented by 2.
std::string event_to_yaml(const model::Event& event, const model::Network& network);

//! The scenario text `original_text` with its top-level `events:` block (from that line to the next
//! top-level key, or the end of the file) replaced by `events`; an `events:` block is appended when
//! the text has none. Everything outside the block — comments, ordering, formatting — is kept
//! byte for byte. Inside it, an event equal to one of `original.events` that was read from this
//! text keeps its original lines and the comments above it. `original` must be the scenario loaded
//! from `original_text`; its network resolves target ids.
std::string replace_events(std::string_view original_text, const model::Scenario& original,
                           const std::vector<model::Event>& events);

}  // namespace blackstart::io
