// Parsing and querying the register of municipalities.
#include "validate/register.hpp"

#include <fmt/format.h>

#include <sstream>
#include <stdexcept>

#include "diag/closest.hpp"
#include "validate/name_key.hpp"

namespace logogrid {
namespace {

std::vector<std::string> split(const std::string& line, char separator) {
  std::vector<std::string> fields;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, separator)) fields.push_back(field);
  if (!line.empty() && line.back() == separator) fields.emplace_back();
  return fields;
}

std::string trim(std::string text) {
  const auto first = text.find_first_not_of(" \t\r");
  if (first == std::string::npos) return {};
  const auto last = text.find_last_not_of(" \t\r");
  return text.substr(first, last - first + 1);
}

}  // namespace

Register Register::parse(const std::string& csv_text) {
  Register out;
  std::istringstream in(csv_text);
  std::string line;
  int line_number = 0;
  std::vector<std::string> districts;
  while (std::getline(in, line)) {
    ++line_number;
    line = trim(line);
    if (line.empty()) continue;
    if (line_number == 1) {
      if (line.rfind("ags,name,kind,district,district_code,pioneer", 0) != 0)
        throw std::invalid_argument(
            "line 1: header must be ags,name,kind,district,district_code,pioneer,aliases");
      continue;
    }
    auto fields = split(line, ',');
    if (fields.size() < 6 || fields.size() > 7)
      throw std::invalid_argument(
          fmt::format("line {}: expected 6 or 7 comma-separated fields", line_number));
    Municipality m;
    m.ags = trim(fields[0]);
    m.name = trim(fields[1]);
    m.kind = trim(fields[2]);
    m.district = trim(fields[3]);
    m.district_code = trim(fields[4]);
    const std::string pioneer = trim(fields[5]);
    if (pioneer != "yes" && pioneer != "no")
      throw std::invalid_argument(fmt::format("line {}: pioneer must be yes or no", line_number));
    m.pioneer = pioneer == "yes";
    if (fields.size() == 7)
      for (auto& alias : split(fields[6], ';'))
        if (!trim(alias).empty()) m.aliases.push_back(trim(alias));
    if (m.ags.size() != 8 || m.ags.find_first_not_of("0123456789") != std::string::npos)
      throw std::invalid_argument(fmt::format("line {}: ags must be 8 digits", line_number));
    if (m.name.empty())
      throw std::invalid_argument(fmt::format("line {}: empty name", line_number));
    std::size_t district_index = 0;
    while (district_index < districts.size() && districts[district_index] != m.district)
      ++district_index;
    if (district_index == districts.size()) districts.push_back(m.district);
    m.district_order = static_cast<int>(district_index);
    out.municipalities_.push_back(std::move(m));
  }
  return out;
}

const Register& Register::builtin() {
  static const Register instance = parse(builtin_register_csv());
  return instance;
}

const Municipality* Register::find(const std::string& name) const {
  const std::string key = name_key(name);
  for (const auto& m : municipalities_) {
    if (name_key(m.name) == key) return &m;
    for (const auto& alias : m.aliases)
      if (name_key(alias) == key) return &m;
  }
  return nullptr;
}

std::vector<std::string> Register::closest(const std::string& name, std::size_t count) const {
  std::vector<std::string> keys;
  for (const auto& m : municipalities_) keys.push_back(name_key(m.name));
  const std::string key = name_key(name);
  const auto near = closest_matches(key, keys, count, std::max<std::size_t>(3, key.size() / 2));
  std::vector<std::string> out;
  for (const auto& k : near)
    for (const auto& m : municipalities_)
      if (name_key(m.name) == k) {
        out.push_back(m.name);
        break;
      }
  return out;
}

}  // namespace logogrid
