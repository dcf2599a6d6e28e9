# `blackstart import geojson` then `blackstart run` on the result, end to end (also with a crew routed
# over the imported roads): writes a small GeoJSON
# map (a depot, two substations, roads meeting at a junction, a power line), imports it, checks the
# summary line and the scenario, runs it; then a bad file must exit 1 with its feature error.
# Arguments: CLI (the binary), WORK_DIR (scratch folder, recreated).
cmake_minimum_required(VERSION 3.25)
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
file(WRITE ${WORK_DIR}/map.geojson [=[
{"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"id": "depot", "type": "junction"}, "geometry": {"type": "Point", "coordinates": [24.70, 48.92]}},
 {"type": "Feature", "properties": {"id": "sub-a", "layer": "power", "type": "substation", "operator": "grid"}, "geometry": {"type": "Point", "coordinates": [24.72, 48.93]}},
 {"type": "Feature", "properties": {"id": "sub-b", "layer": "power", "type": "substation"}, "geometry": {"type": "Point", "coordinates": [24.74, 48.93]}},
 {"type": "Feature", "properties": {"id": "r1", "speed_kmh": 50}, "geometry": {"type": "LineString", "coordinates": [[24.70, 48.92], [24.71, 48.925]]}},
 {"type": "Feature", "properties": {"id": "r2", "speed_kmh": 30}, "geometry": {"type": "LineString", "coordinates": [[24.71, 48.925], [24.72, 48.93]]}},
 {"type": "Feature", "properties": {"id": "l1", "layer": "power"}, "geometry": {"type": "LineString", "coordinates": [[24.72, 48.93], [24.74, 48.93]]}}
]}
]=])
execute_process(COMMAND ${CLI} import geojson map.geojson -o map.yaml WORKING_DIRECTORY ${WORK_DIR}
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE code)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "import exited with ${code}:\n${out}${err}")
endif()
if(NOT out MATCHES "Wrote map.yaml: 'map', 6 features read; layers transport, power: 3 assets, 2 junctions, 3 links")
  message(FATAL_ERROR "unexpected import summary:\n${out}")
endif()
file(READ ${WORK_DIR}/map.yaml yaml)
if(NOT yaml MATCHES "\\{id: r1, type: road, from: depot, to: junction-1, speed_kmh: 50, path: \\[\\[48.92, 24.7\\], \\[48.925, 24.71\\]\\]\\}")
  message(FATAL_ERROR "map.yaml lacks road r1 as expected:\n${yaml}")
endif()
execute_process(COMMAND ${CLI} run map.yaml --quiet --out run WORKING_DIRECTORY ${WORK_DIR}
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE code)
if(NOT code EQUAL 0 OR NOT EXISTS ${WORK_DIR}/run/summary.json)
  message(FATAL_ERROR "run of the imported scenario exited with ${code}:\n${out}${err}")
endif()

# A crew with a depot drives the imported roads, whose lengths come from the coordinates: r1
# (0.918 km at 50 km/h) and r2 (0.918 km at 30 km/h) take 1.10 + 1.84 min: the crew is told at
# 65 min (detection delay) and arrives at 67.94 min.
file(APPEND ${WORK_DIR}/map.yaml [=[
dependencies:
  - {dependent: power/sub-a, supplier: transport/junction-2, kind: access}
crews:
  - {operator: grid, count: 1, depot: transport/depot}
events:
  - {id: storm, at: 1h, action: damage, targets: [power/sub-a]}
]=])
execute_process(COMMAND ${CLI} run map.yaml --quiet --out crews WORKING_DIRECTORY ${WORK_DIR}
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE code)
if(NOT code EQUAL 0 OR NOT EXISTS ${WORK_DIR}/crews/crews.csv)
  message(FATAL_ERROR "run with a routed crew exited with ${code}:\n${out}${err}")
endif()
file(READ ${WORK_DIR}/crews/crews.csv crews)
if(NOT crews MATCHES "grid#1,job,power/sub-a,transport/depot,transport/junction-2,65,67.9379,0,transport/r1;transport/r2\n")
  message(FATAL_ERROR "crews.csv lacks the drive over r1 and r2:\n${crews}")
endif()

file(WRITE ${WORK_DIR}/bad.geojson [=[
{"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"id": "area"}, "geometry": {"type": "Polygon", "coordinates": [[[24, 48], [24.1, 48], [24.1, 48.1], [24, 48]]]}}
]}
]=])
execute_process(COMMAND ${CLI} import geojson bad.geojson -o bad.yaml WORKING_DIRECTORY ${WORK_DIR}
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE code)
set(expected "bad.geojson: feature 1 (id area): error: wrong geometry type Polygon: a feature must be a Point (an asset) or a LineString (a link)\n")
if(NOT code EQUAL 1 OR NOT err STREQUAL expected OR EXISTS ${WORK_DIR}/bad.yaml)
  message(FATAL_ERROR "bad import: exit ${code}, stderr:\n${err}\nexpected exit 1 and:\n${expected}")
endif()
