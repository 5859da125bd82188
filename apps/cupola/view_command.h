// apps/cupola/view_command.h -- `cupola view`: the 3-D replay of a run in the browser.
#pragma once

#include <string>

namespace cupola::cli {

struct ViewOptions {
  std::string run_dir;  // a directory `cupola run` wrote (with replay.czml)
  int port = 8765;      // 0: any free port
};

/// Serves the built viewer at / and the run directory at /run/ on 127.0.0.1
/// only, prints the URL and serves until interrupted. A run directory
/// without replay.czml is bad input (InputError, exit 2).
int View(const ViewOptions& options);

}  // namespace cupola::cli
