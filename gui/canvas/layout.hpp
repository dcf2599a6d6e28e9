#pragma once
#include <QPointF>
#include <QRectF>
#include <vector>

#include "blackstart/model/network.hpp"

namespace blackstart::gui {

//! Where each asset sits inside its layer's own frame.
struct NetworkLayout {
  std::vector<QPointF> position;     //!< per element index (assets; links use their ends)
  std::vector<QRectF> layer_bounds;  //!< per layer, the box its assets occupy
  std::vector<bool> from_scenario;   //!< per layer: positions came from the file, not the auto layout
  bool shared_frame = false;         //!< every layer is positioned in one coordinate system (map or x/y)
  double spacing = 40.0;             //!< typical distance between neighbours, in scene units
};

//! Layer sizes above which the force-directed layout gives way to a Hilbert-curve grid in
//! depth-first order, so that first paint of large networks stays fast.
inline constexpr std::size_t kForceLayoutLimit = 2000;
//! Connected components larger than this get the Hilbert-curve grid even in smaller layers
//! (Fruchterman–Reingold takes seconds beyond a few hundred vertices).
inline constexpr std::size_t kForceComponentLimit = 400;

//! Positions from the scenario where every asset of a layer has one (lat/lon projected, or x/y);
//! otherwise a deterministic automatic layout: Fruchterman–Reingold (Boost.Graph) per connected
//! component from a fixed-seed random start, components packed in rows; for layers larger than
//! kForceLayoutLimit and components larger than kForceComponentLimit, depth-first order laid along a
//! Hilbert curve (subtrees stay together, links stay short). Same network, same layout.
NetworkLayout compute_layout(const model::Network& network, double spacing = 40.0);

}  // namespace blackstart::gui
