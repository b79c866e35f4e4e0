#pragma once
#include <cstdint>

// The largest input file of each kind coron reads. Every input is read whole into
// memory, so a file named by mistake (a disk image, a log, /dev/zero through a
// link) would otherwise be read until memory runs out. Each bound is far above any
// real file of its kind and far below the memory of the machines coron runs on:
//  - a scenario or a data YAML file is a page or two of keys: the largest shipped
//    (data/thermal/*.yaml) is under 20 KiB; 16 MiB leaves a thousandfold margin;
//  - a stock CSV holds about 500 bytes per dwelling: 2 GiB is 4 million dwellings,
//    the order of all the houses of a French region, 57 times the mining basin;
//  - an EPW weather file is 8760 rows of about 150 bytes (1.3 MiB); 64 MiB also
//    admits a sub-hourly file of 15-minute rows with room to spare.

namespace coron::io {

inline constexpr std::uintmax_t max_yaml_bytes = std::uintmax_t{16} << 20;      // 16 MiB
inline constexpr std::uintmax_t max_stock_csv_bytes = std::uintmax_t{2} << 30;  // 2 GiB
inline constexpr std::uintmax_t max_weather_bytes = std::uintmax_t{64} << 20;   // 64 MiB

}  // namespace coron::io
