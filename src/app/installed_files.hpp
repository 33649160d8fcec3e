// Where an installed logogrid keeps its shipped files (layouts, man page): share/logogrid
// beside the binary's bin/ folder, found from the binary's own path, so an install under
// any prefix (or a package unpacked anywhere with dpkg -x) finds them.
#pragma once

#include <optional>
#include <string>

namespace logogrid {

// <prefix>/share/logogrid for the running binary, when that folder exists.
std::optional<std::string> installed_data_folder();

// A relative layout name (`layouts/rahmenstrategie-a4.yaml`) that does not exist where it
// was given (`as_given`) is looked up under the installed data folder; returns `as_given`
// when it exists there, when the name is absolute, or when no installed copy exists.
std::string find_layout_file(const std::string& name, const std::string& as_given);

}  // namespace logogrid
