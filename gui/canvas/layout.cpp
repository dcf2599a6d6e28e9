#include "canvas/layout.hpp"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/fruchterman_reingold.hpp>
#include <boost/graph/random_layout.hpp>
#include <boost/graph/topology.hpp>
#include <boost/random/linear_congruential.hpp>
#include <cmath>
#include <deque>
#include <functional>
#include <numeric>

namespace blackstart::gui {

namespace {

using model::ElementIndex;

//! One block to pack: local positions of some vertices of a layer.
struct Block {
  std::vector<std::size_t> vertices;
  std::vector<QPointF> points;
  QRectF bounds;
};

QRectF bounds_of(const std::vector<QPointF>& points) {
  if (points.empty()) return {};
  qreal x0 = points[0].x(), x1 = x0, y0 = points[0].y(), y1 = y0;
  for (const auto& p : points) {
    x0 = std::min(x0, p.x());
    x1 = std::max(x1, p.x());
    y0 = std::min(y0, p.y());
    y1 = std::max(y1, p.y());
  }
  return QRectF(QPointF(x0, y0), QPointF(x1, y1));
}

//! Connected components of a layer graph, each in breadth-first order from its lowest vertex.
std::vector<std::vector<std::size_t>> components_bfs(const model::LayerGraph& graph) {
  const std::size_t n = boost::num_vertices(graph);
  std::vector<bool> seen(n, false);
  std::vector<std::vector<std::size_t>> components;
  for (std::size_t start = 0; start < n; ++start) {
    if (seen[start]) continue;
    std::vector<std::size_t> order;
    std::deque<std::size_t> queue{start};
    seen[start] = true;
    while (!queue.empty()) {
      const auto v = queue.front();
      queue.pop_front();
      order.push_back(v);
      std::vector<std::size_t> next;
      for (auto [it, end] = boost::adjacent_vertices(v, graph); it != end; ++it)
        if (!seen[*it]) {
          seen[*it] = true;
          next.push_back(*it);
        }
      std::sort(next.begin(), next.end());
      for (auto w : next) queue.push_back(w);
    }
    components.push_back(std::move(order));
  }
  return components;
}

//! Depth-first preorder of each connected component (lowest vertex first, neighbours in order), so
//! that every subtree is a contiguous run.
std::vector<std::size_t> dfs_order(const model::LayerGraph& graph) {
  const std::size_t n = boost::num_vertices(graph);
  std::vector<bool> seen(n, false);
  std::vector<std::size_t> order;
  order.reserve(n);
  std::vector<std::size_t> stack;
  for (std::size_t start = 0; start < n; ++start) {
    if (seen[start]) continue;
    stack.push_back(start);
    while (!stack.empty()) {
      const auto v = stack.back();
      stack.pop_back();
      if (seen[v]) continue;
      seen[v] = true;
      order.push_back(v);
      std::vector<std::size_t> next;
      for (auto [it, end] = boost::adjacent_vertices(v, graph); it != end; ++it)
        if (!seen[*it]) next.push_back(*it);
      std::sort(next.begin(), next.end(), std::greater<>());
      for (auto w : next) stack.push_back(w);
    }
  }
  return order;
}

//! Position `d` along a Hilbert curve filling a side x side grid (side a power of two).
QPointF hilbert_point(std::size_t side, std::size_t d) {
  std::size_t x = 0, y = 0, t = d;
  for (std::size_t s = 1; s < side; s *= 2) {
    const std::size_t rx = 1 & (t / 2), ry = 1 & (t ^ rx);
    if (ry == 0) {
      if (rx == 1) {
        x = s - 1 - x;
        y = s - 1 - y;
      }
      std::swap(x, y);
    }
    x += s * rx;
    y += s * ry;
    t /= 4;
  }
  return QPointF(static_cast<double>(x), static_cast<double>(y));
}

//! Large graphs: vertices in depth-first order along a Hilbert curve. Runs of the order map to
//! compact patches, so subtrees (and most links) stay local; linear time, deterministic.
void hilbert_block(Block& block, double spacing) {
  std::size_t side = 1;
  while (side * side < block.vertices.size()) side *= 2;
  block.points.resize(block.vertices.size());
  for (std::size_t i = 0; i < block.vertices.size(); ++i) block.points[i] = hilbert_point(side, i) * spacing;
}

void grid_block(Block& block, double spacing) {
  const auto n = block.vertices.size();
  const auto width = static_cast<std::size_t>(std::ceil(std::sqrt(static_cast<double>(n))));
  block.points.resize(n);
  for (std::size_t i = 0; i < n; ++i)
    block.points[i] =
        QPointF(static_cast<double>(i % width) * spacing, static_cast<double>(i / width) * spacing);
}

//! Fruchterman–Reingold on one connected component, from a random layout with a fixed seed; the
//! result is scaled so that the median edge is about 1.2 spacings long.
void force_block(Block& block, const model::LayerGraph& graph, std::uint32_t seed, double spacing,
                 int iterations) {
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  using Topology = boost::square_topology<boost::minstd_rand>;
  const auto n = block.vertices.size();
  std::vector<std::size_t> local(boost::num_vertices(graph), n);
  for (std::size_t i = 0; i < n; ++i) local[block.vertices[i]] = i;
  Graph g(n);
  std::vector<std::pair<std::size_t, std::size_t>> edges;
  for (auto [it, end] = boost::edges(graph); it != end; ++it) {
    const auto a = local[boost::source(*it, graph)], b = local[boost::target(*it, graph)];
    if (a < n && b < n && a != b) {
      boost::add_edge(a, b, g);
      edges.emplace_back(a, b);
    }
  }
  boost::minstd_rand generator(seed);
  const double side = spacing * std::sqrt(static_cast<double>(n)) * 1.5;
  Topology topology(generator, side);
  std::vector<Topology::point_type> points(n);
  auto position = boost::make_iterator_property_map(points.begin(), boost::get(boost::vertex_index, g));
  boost::random_graph_layout(g, position, topology);
  boost::fruchterman_reingold_force_directed_layout(
      g, position, topology, boost::cooling(boost::linear_cooling<double>(iterations)));
  block.points.resize(n);
  for (std::size_t i = 0; i < n; ++i) block.points[i] = QPointF(points[i][0], points[i][1]);
  std::vector<double> lengths;
  for (auto [a, b] : edges) {
    const QPointF d = block.points[a] - block.points[b];
    lengths.push_back(std::hypot(d.x(), d.y()));
  }
  if (!lengths.empty()) {
    std::nth_element(lengths.begin(), lengths.begin() + static_cast<long>(lengths.size() / 2), lengths.end());
    const double median = lengths[lengths.size() / 2];
    if (median > 1e-9) {
      const double scale = 1.2 * spacing / median;
      for (auto& p : block.points) p *= scale;
    }
  }
}

//! Packs blocks left to right in rows, largest first, into a roughly square area.
std::vector<QPointF> pack(std::vector<Block>& blocks, std::size_t vertex_count, double spacing) {
  double area = 0, widest = 0;
  for (auto& b : blocks) {
    b.bounds = bounds_of(b.points);
    area += (b.bounds.width() + spacing * 2) * (b.bounds.height() + spacing * 2);
    widest = std::max(widest, b.bounds.width());
  }
  const double row_width = std::max(widest, std::sqrt(area) * 1.3);
  std::vector<QPointF> out(vertex_count);
  double x = 0, y = 0, row_height = 0;
  for (const auto& b : blocks) {
    if (x > 0 && x + b.bounds.width() > row_width) {
      x = 0;
      y += row_height + spacing * 1.5;
      row_height = 0;
    }
    for (std::size_t i = 0; i < b.vertices.size(); ++i)
      out[b.vertices[i]] = b.points[i] - b.bounds.topLeft() + QPointF(x, y);
    x += b.bounds.width() + spacing * 1.5;
    row_height = std::max(row_height, b.bounds.height());
  }
  return out;
}

std::vector<QPointF> auto_layout(const model::Layer& layer, std::uint32_t layer_index, double spacing) {
  const std::size_t n = layer.assets.size();
  auto components = components_bfs(layer.graph);
  std::vector<Block> blocks;
  if (n > kForceLayoutLimit) {
    Block all;
    all.vertices = dfs_order(layer.graph);
    hilbert_block(all, spacing);
    blocks.push_back(std::move(all));
    return pack(blocks, n, spacing);
  }
  Block singles;
  std::sort(components.begin(), components.end(), [](const auto& a, const auto& b) {
    return a.size() != b.size() ? a.size() > b.size() : a.front() < b.front();
  });
  std::uint32_t ordinal = 0;
  // Fewer cooling steps in big layers keep opening fast; small ones get the full 150.
  const int iterations = n <= 500 ? 150 : 60;
  for (auto& c : components) {
    if (c.size() <= 2) {
      singles.vertices.insert(singles.vertices.end(), c.begin(), c.end());
      continue;
    }
    Block block;
    block.vertices = std::move(c);
    if (block.vertices.size() > kForceComponentLimit) {
      // Depth-first order of this component only, along a Hilbert curve.
      std::vector<bool> in(boost::num_vertices(layer.graph), false);
      for (auto v : block.vertices) in[v] = true;
      std::vector<std::size_t> order;
      for (auto v : dfs_order(layer.graph))
        if (in[v]) order.push_back(v);
      block.vertices = std::move(order);
      hilbert_block(block, spacing);
    } else
      force_block(block, layer.graph, 0x5eed0000u + layer_index * 7919u + ordinal, spacing, iterations);
    ++ordinal;
    blocks.push_back(std::move(block));
  }
  if (!singles.vertices.empty()) {
    grid_block(singles, spacing);
    blocks.push_back(std::move(singles));
  }
  return pack(blocks, n, spacing);
}

}  // namespace

NetworkLayout compute_layout(const model::Network& network, double spacing) {
  NetworkLayout layout;
  layout.spacing = spacing;
  const auto& layers = network.layers();
  layout.position.assign(network.size(), QPointF());
  layout.layer_bounds.assign(layers.size(), QRectF());
  layout.from_scenario.assign(layers.size(), false);

  // Layers whose every asset has a position are drawn from the file.
  bool any_geographic = false, any_plane = false, all_positioned = !layers.empty();
  for (std::size_t l = 0; l < layers.size(); ++l) {
    const auto& assets = layers[l].assets;
    bool complete = !assets.empty();
    for (auto e : assets) {
      const auto& p = network.element(e).position;
      if (!p) {
        complete = false;
        break;
      }
      (p->geographic ? any_geographic : any_plane) = true;
    }
    layout.from_scenario[l] = complete;
    all_positioned = all_positioned && complete;
  }
  layout.shared_frame = all_positioned && !(any_geographic && any_plane);

  // Positioned layers: project (equirectangular around the mean latitude), then scale so that the
  // typical distance between assets is about one spacing. Layers in a shared frame share the scale.
  auto project = [&](const model::Position& p, double cos_lat) {
    return p.geographic ? QPointF(p.x * cos_lat, -p.y) : QPointF(p.x, p.y);
  };
  double lat_sum = 0;
  std::size_t lat_count = 0;
  for (const auto& e : network.elements())
    if (!e.is_link && e.position && e.position->geographic) {
      lat_sum += e.position->y;
      ++lat_count;
    }
  const double cos_lat = lat_count ? std::cos(lat_sum / static_cast<double>(lat_count) * M_PI / 180.0) : 1.0;
  auto scale_for = [&](const std::vector<QPointF>& points) {
    const QRectF b = bounds_of(points);
    const double extent = std::max(b.width(), b.height());
    const double target = spacing * std::sqrt(static_cast<double>(points.size())) * 1.5;
    return extent > 1e-12 ? target / extent : 1.0;
  };
  std::vector<QPointF> shared_points;
  if (layout.shared_frame)
    for (const auto& e : network.elements())
      if (!e.is_link) shared_points.push_back(project(*e.position, cos_lat));
  const double shared_scale = layout.shared_frame ? scale_for(shared_points) : 1.0;

  for (std::uint32_t l = 0; l < layers.size(); ++l) {
    const auto& layer = layers[l];
    std::vector<QPointF> points;
    if (layout.from_scenario[l]) {
      for (auto e : layer.assets) points.push_back(project(*network.element(e).position, cos_lat));
      const double scale = layout.shared_frame ? shared_scale : scale_for(points);
      for (auto& p : points) p *= scale;
    } else {
      points = auto_layout(layer, l, spacing);
    }
    for (std::size_t v = 0; v < layer.assets.size(); ++v) layout.position[layer.assets[v]] = points[v];
    layout.layer_bounds[l] = bounds_of(points);
  }
  for (std::size_t i = 0; i < network.size(); ++i) {
    const auto& e = network.element(static_cast<ElementIndex>(i));
    if (e.is_link) layout.position[i] = (layout.position[e.from] + layout.position[e.to]) / 2.0;
  }
  return layout;
}

}  // namespace blackstart::gui
