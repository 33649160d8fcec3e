// Finding the shipped files of an installed logogrid from /proc/self/exe.
#include "app/installed_files.hpp"

#include <filesystem>

namespace logogrid {

namespace fs = std::filesystem;

std::optional<std::string> installed_data_folder() {
  std::error_code ec;
  const fs::path binary = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return std::nullopt;
  const fs::path folder = binary.parent_path().parent_path() / "share" / "logogrid";
  if (!fs::is_directory(folder, ec)) return std::nullopt;
  return folder.string();
}

std::string find_layout_file(const std::string& name, const std::string& as_given) {
  std::error_code ec;
  if (fs::path(name).is_absolute() || fs::exists(as_given, ec)) return as_given;
  const auto folder = installed_data_folder();
  if (!folder) return as_given;
  const fs::path installed = (fs::path(*folder) / name).lexically_normal();
  // The name may not climb out of the installed folder (`../x.yaml` stays as given).
  if (fs::relative(installed, *folder).string().starts_with("..")) return as_given;
  return fs::is_regular_file(installed, ec) ? installed.string() : as_given;
}

}  // namespace logogrid
