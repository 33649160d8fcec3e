// Reading a whole input file, with a size limit checked before reading.
#pragma once

#include <cstddef>
#include <string>

namespace logogrid {

// Reads `path` into a string. Throws FatalError when it cannot be read at all or is larger
// than `max_bytes` (`what` names the file's role in the message: "participants file").
std::string read_input_file(const std::string& path, const std::string& what,
                            std::size_t max_bytes);

}  // namespace logogrid
