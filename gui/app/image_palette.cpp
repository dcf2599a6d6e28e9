#include "app/image_palette.hpp"

#include <QHash>
#include <algorithm>
#include <limits>
#include <vector>

namespace blackstart::gui {

QImage reduce_colors(const QImage& source, int colors) {
  colors = std::clamp(colors, 2, 256);
  const QImage image = source.convertToFormat(QImage::Format_RGB32);
  QHash<QRgb, qsizetype> count;
  for (int y = 0; y < image.height(); ++y) {
    const auto* line = reinterpret_cast<const QRgb*>(image.constScanLine(y));
    for (int x = 0; x < image.width(); ++x) ++count[line[x] | 0xff000000u];
  }
  std::vector<std::pair<qsizetype, QRgb>> ranked;
  ranked.reserve(static_cast<std::size_t>(count.size()));
  for (auto it = count.cbegin(); it != count.cend(); ++it) ranked.emplace_back(it.value(), it.key());
  // Most used first; ties by colour value, so the palette does not depend on the hash order.
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  // The palette: the most used colours, then more of them skipping those within `spread` of one
  // already taken; the smallest spread for which every colour of the image has a palette colour
  // that close. Flat areas keep their exact colour, ramps and antialiased edges get spaced steps.
  auto distance = [](QRgb a, QRgb b) {
    const long dr = qRed(a) - qRed(b), dg = qGreen(a) - qGreen(b), db = qBlue(a) - qBlue(b);
    return 3 * dr * dr + 4 * dg * dg + 2 * db * db;  // weighted by the eye's sensitivity
  };
  auto closest = [&](const QList<QRgb>& table, QRgb c) {
    long best = std::numeric_limits<long>::max();
    for (const QRgb t : table) best = std::min(best, distance(c, t));
    return best;
  };
  QList<QRgb> table;
  for (const long spread : {0L, 1L, 2L, 3L, 4L, 6L, 8L, 12L, 16L, 24L, 32L, 48L, 64L, 96L, 128L}) {
    const long limit = 9 * spread * spread;
    table.clear();
    // The most used half of the palette is taken as it is: flat areas (panels, layer planes) keep
    // their exact colour however close they are to each other.
    const std::size_t exact = std::min<std::size_t>(ranked.size(), static_cast<std::size_t>(colors / 2));
    for (std::size_t i = 0; i < exact; ++i) table << ranked[i].second;
    for (std::size_t i = exact; i < ranked.size() && table.size() < colors; ++i)
      if (closest(table, ranked[i].second) > limit) table << ranked[i].second;
    if (std::all_of(ranked.begin(), ranked.end(),
                    [&](const auto& r) { return closest(table, r.second) <= limit; }))
      break;
  }
  QHash<QRgb, uchar> nearest;
  for (qsizetype i = 0; i < table.size(); ++i) nearest.insert(table[i], static_cast<uchar>(i));
  auto index_of = [&](QRgb c) {
    const auto found = nearest.constFind(c);
    if (found != nearest.cend()) return found.value();
    int best = 0;
    long best_d = std::numeric_limits<long>::max();
    for (qsizetype i = 0; i < table.size(); ++i) {
      const long d = distance(c, table[i]);
      if (d < best_d) {
        best_d = d;
        best = static_cast<int>(i);
      }
    }
    nearest.insert(c, static_cast<uchar>(best));
    return static_cast<uchar>(best);
  };
  QImage out(image.size(), QImage::Format_Indexed8);
  out.setColorTable(table);
  for (int y = 0; y < image.height(); ++y) {
    const auto* in = reinterpret_cast<const QRgb*>(image.constScanLine(y));
    uchar* line = out.scanLine(y);
    for (int x = 0; x < image.width(); ++x) line[x] = index_of(in[x] | 0xff000000u);
  }
  return out;
}

}  // namespace blackstart::gui
