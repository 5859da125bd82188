#include "view_command.h"

#include <httplib.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <utility>

#include "commands.h"
#include "cupola/core/error.h"

namespace cupola::cli {

namespace fs = std::filesystem;

int View(const ViewOptions& options) {
  const fs::path run = options.run_dir;
  if (!fs::is_regular_file(run / "replay.czml"))
    throw InputError({options.run_dir, 0, 0}, "RUN_DIR", "'" + options.run_dir + "'",
                     "a directory written by `cupola run` (it holds replay.czml)");
  const std::string viewer = WebAsset("viewer/index.html");
  if (viewer.empty())
    throw std::runtime_error("the viewer is not built: cd web && npm ci && npm run build (docs/viewer.md)");

  httplib::Server server;
  // Loopback only: a run's files are the analyst's, not the network's.
  // Types with a charset: Debian's cpp-httplib brotli-compresses exactly
  // "text/html", "application/javascript", ... when a browser asks, which
  // takes seconds for the 4 MB viewer bundle; loopback needs no compression.
  for (const auto& [extension, type] : {std::pair{"html", "text/html"}, {"css", "text/css"},
                                        {"js", "application/javascript"}, {"mjs", "application/javascript"},
                                        {"json", "application/json"}, {"czml", "application/json"},
                                        {"geojson", "application/geo+json"}, {"jsonl", "application/x-ndjson"},
                                        {"csv", "text/csv"}, {"xml", "text/xml"}, {"txt", "text/plain"}})
    server.set_file_extension_and_mimetype_mapping(extension, std::string(type) + "; charset=utf-8");
  if (!server.set_mount_point("/run", fs::absolute(run).string()) ||
      !server.set_mount_point("/", fs::path(viewer).parent_path().string()))
    throw std::runtime_error("cannot serve " + run.string());
  const char* host = "127.0.0.1";
  const int port = options.port == 0 ? server.bind_to_any_port(host) : (server.bind_to_port(host, options.port) ? options.port : -1);
  if (port < 0)
    throw std::runtime_error("cannot listen on " + std::string(host) + ":" + std::to_string(options.port) +
                             " (in use? try --port 0 for any free port)");
  std::printf("cupola view: http://%s:%d/\n", host, port);
  std::printf("  serving the viewer and %s (run/) on %s only; Ctrl-C stops\n", run.string().c_str(), host);
  std::fflush(stdout);
  if (!server.listen_after_bind()) throw std::runtime_error("the viewer's server stopped");
  return 0;
}

}  // namespace cupola::cli
