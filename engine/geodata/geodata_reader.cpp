#include "blackstart/geodata/geodata_reader.hpp"

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <mutex>

#include "blackstart/model/geo.hpp"

namespace blackstart::geodata {

namespace {

const char* driver_name(Format format) {
  switch (format) {
    case Format::GeoJson:
      return "GeoJSON";
    case Format::GeoPackage:
      return "GPKG";
    case Format::Shapefile:
      return "ESRI Shapefile";
    case Format::Osm:
      return "OSM";
  }
  return "GeoJSON";
}

void register_gdal() {
  static std::once_flag once;
  std::call_once(once, [] { GDALAllRegister(); });
}

//! GDAL's messages go to the last-error slot, never to stderr.
struct QuietErrors {
  QuietErrors() {
    CPLPushErrorHandler(CPLQuietErrorHandler);
    CPLErrorReset();
  }
  ~QuietErrors() { CPLPopErrorHandler(); }
  QuietErrors(const QuietErrors&) = delete;
  QuietErrors& operator=(const QuietErrors&) = delete;
};

std::string last_gdal_message() {
  std::string message = CPLGetLastErrorMsg();
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  return message;
}

std::string lower(std::string text) {
  for (auto& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

PropertyValue value_of(OGRFeature& feature, int field) {
  PropertyValue v;
  const OGRFieldDefn* defn = feature.GetFieldDefnRef(field);
  v.text = feature.GetFieldAsString(field);
  switch (defn->GetType()) {
    case OFTInteger:
    case OFTInteger64:
      v.kind = defn->GetSubType() == OFSTBoolean ? PropertyValue::Kind::Bool : PropertyValue::Kind::Integer;
      v.number = static_cast<double>(feature.GetFieldAsInteger64(field));
      break;
    case OFTReal:
      v.kind = PropertyValue::Kind::Real;
      v.number = feature.GetFieldAsDouble(field);
      break;
    default:
      v.kind = PropertyValue::Kind::Text;
  }
  return v;
}

//! GeoJSON's names of geometry types.
std::string geometry_name(OGRwkbGeometryType type) {
  switch (type) {
    case wkbPoint:
      return "Point";
    case wkbLineString:
      return "LineString";
    case wkbPolygon:
      return "Polygon";
    case wkbMultiPoint:
      return "MultiPoint";
    case wkbMultiLineString:
      return "MultiLineString";
    case wkbMultiPolygon:
      return "MultiPolygon";
    case wkbGeometryCollection:
      return "GeometryCollection";
    default:
      return OGRGeometryTypeToName(type);
  }
}

void add_points(const OGRLineString& line, std::vector<model::GeoPoint>& out) {
  for (int i = 0; i < line.getNumPoints(); ++i) out.push_back({line.getY(i), line.getX(i)});
}

//! The geometry as points; multi-geometries of one part count as that part.
void read_geometry(const OGRGeometry* geometry, Feature& f) {
  if (!geometry || geometry->IsEmpty()) {
    f.geometry = GeometryKind::None;
    f.geometry_name = geometry ? geometry_name(wkbFlatten(geometry->getGeometryType())) : "";
    return;
  }
  const auto type = wkbFlatten(geometry->getGeometryType());
  f.geometry_name = geometry_name(type);
  const OGRGeometry* single = geometry;
  if (type == wkbMultiPoint || type == wkbMultiLineString || type == wkbMultiPolygon) {
    const auto* collection = geometry->toGeometryCollection();
    if (collection->getNumGeometries() == 1) single = collection->getGeometryRef(0);
  }
  switch (wkbFlatten(single->getGeometryType())) {
    case wkbPoint: {
      const auto* p = single->toPoint();
      f.geometry = GeometryKind::Point;
      f.points.push_back({p->getY(), p->getX()});
      return;
    }
    case wkbLineString:
      f.geometry = GeometryKind::Line;
      add_points(*single->toLineString(), f.points);
      return;
    case wkbPolygon:
      f.geometry = GeometryKind::Polygon;
      if (const auto* ring = single->toPolygon()->getExteriorRing()) add_points(*ring, f.points);
      return;
    default:
      f.geometry = GeometryKind::Other;
  }
}

//! Whether the extent of `points` meets the box (as GDAL's spatial filter decides).
bool meets(const std::vector<model::GeoPoint>& points, const BoundingBox& box) {
  if (points.empty()) return false;
  double min_lat = 90, max_lat = -90, min_lon = 180, max_lon = -180;
  for (const auto& p : points) {
    min_lat = std::min(min_lat, p.lat);
    max_lat = std::max(max_lat, p.lat);
    min_lon = std::min(min_lon, p.lon);
    max_lon = std::max(max_lon, p.lon);
  }
  return min_lon <= box.max_lon && max_lon >= box.min_lon && min_lat <= box.max_lat && max_lat >= box.min_lat;
}

}  // namespace

std::string_view format_title(Format format) {
  switch (format) {
    case Format::GeoJson:
      return "GeoJSON";
    case Format::GeoPackage:
      return "GeoPackage";
    case Format::Shapefile:
      return "Shapefile";
    case Format::Osm:
      return "OpenStreetMap";
  }
  return "GeoJSON";
}

std::optional<Format> format_from_extension(const std::filesystem::path& path) {
  const std::string ext = lower(path.extension().string());
  if (ext == ".geojson" || ext == ".json") return Format::GeoJson;
  if (ext == ".gpkg") return Format::GeoPackage;
  if (ext == ".shp") return Format::Shapefile;
  if (ext == ".osm" || ext == ".pbf") return Format::Osm;
  return std::nullopt;
}

std::optional<BoundingBox> parse_bbox(std::string_view text, std::string& problem) {
  std::vector<double> values;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    auto end = text.find(',', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string part(text.substr(pos, end - pos));
    char* stop = nullptr;
    const double v = std::strtod(part.c_str(), &stop);
    if (part.empty() || stop != part.c_str() + part.size() || !std::isfinite(v)) {
      problem = "--bbox must be minlon,minlat,maxlon,maxlat (four numbers), got '" + std::string(text) + "'";
      return std::nullopt;
    }
    values.push_back(v);
    pos = end + 1;
  }
  if (values.size() != 4) {
    problem = "--bbox must be minlon,minlat,maxlon,maxlat (four numbers), got '" + std::string(text) + "'";
    return std::nullopt;
  }
  BoundingBox box{values[0], values[1], values[2], values[3]};
  if (!model::valid_geo_point(box.min_lat, box.min_lon) ||
      !model::valid_geo_point(box.max_lat, box.max_lon)) {
    problem = "--bbox is out of range: longitudes must be within -180..180 and latitudes within -90..90";
    return std::nullopt;
  }
  if (box.min_lon >= box.max_lon || box.min_lat >= box.max_lat) {
    problem = "--bbox must have minlon < maxlon and minlat < maxlat";
    return std::nullopt;
  }
  return box;
}

ReadResult read_geodata(const std::filesystem::path& path, Format format, const ReadOptions& options) {
  ReadResult result;
  const std::string file = path.string();
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    result.diagnostics.error(file, 0, 0, "no such file");
    return result;
  }
  if (std::filesystem::is_directory(path, ec)) {
    result.diagnostics.error(file, 0, 0,
                             "is a directory, not a " + std::string(format_title(format)) + " file");
    return result;
  }
  register_gdal();
  QuietErrors quiet;
  const char* const drivers[] = {driver_name(format), nullptr};
  std::unique_ptr<GDALDataset> dataset(
      GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr));
  if (!dataset) {
    const std::string why = last_gdal_message();
    result.diagnostics.error(
        file, 0, 0, "cannot read as " + std::string(format_title(format)) + (why.empty() ? "" : ": " + why));
    return result;
  }
  OGRSpatialReference wgs84;
  wgs84.importFromEPSG(4326);
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  // Per layer: a transformation when the layer is projected.
  std::vector<std::pair<OGRLayer*, std::unique_ptr<OGRCoordinateTransformation>>> transforms;
  for (auto* layer : dataset->GetLayers()) {
    std::unique_ptr<OGRCoordinateTransformation> transform;
    if (const OGRSpatialReference* srs = layer->GetSpatialRef(); srs && srs->IsProjected()) {
      transform.reset(OGRCreateCoordinateTransformation(srs, &wgs84));
      if (!transform) {
        result.diagnostics.error(
            file, 0, 0,
            "layer '" + std::string(layer->GetName()) +
                "' has a coordinate system that cannot be converted to WGS84: " + last_gdal_message());
        return result;
      }
    }
    transforms.emplace_back(layer, std::move(transform));
  }
  std::size_t number = 0;
  OGRLayer* layer = nullptr;
  for (;;) {
    std::unique_ptr<OGRFeature> feature(dataset->GetNextFeature(&layer, nullptr, nullptr, nullptr));
    if (!feature) break;
    Feature f;
    f.number = ++number;
    f.source_layer = layer ? layer->GetName() : "";
    OGRGeometry* geometry = feature->GetGeometryRef();
    if (geometry && layer) {
      for (auto& [l, transform] : transforms)
        if (l == layer && transform && geometry->transform(transform.get()) != OGRERR_NONE) {
          result.diagnostics.error(feature_place(file, f.number, ""), 0, 0,
                                   "its coordinates cannot be converted to WGS84");
          geometry = nullptr;
        }
    }
    read_geometry(geometry, f);
    // The box is checked here, after reading: GDAL's OSM driver with a spatial filter leaves the nodes
    // outside the box out of the ways it builds.
    if (options.bbox && !meets(f.points, *options.bbox)) continue;
    for (int i = 0; i < feature->GetFieldCount(); ++i) {
      if (!feature->IsFieldSetAndNotNull(i)) continue;
      f.properties.push_back({feature->GetFieldDefnRef(i)->GetNameRef(), value_of(*feature, i)});
    }
    result.features.push_back(std::move(f));
  }
  if (CPLGetLastErrorType() >= CE_Failure) {
    const std::string why = last_gdal_message();
    if (!why.empty()) result.diagnostics.error(file, 0, 0, "reading stopped: " + why);
  }
  return result;
}

}  // namespace blackstart::geodata
