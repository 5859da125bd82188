#include "view_command.h"

#include <httplib.h>

#include <cstdio>
#include <filesystem>
#include <memory>
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
  // Loopback only: a run's files are the analyst's, not the network's. And
  // this port only: Debian's cpp-httplib sets SO_REUSEPORT, which would let a
  // second `cupola view` share the port and answer half the requests.
  server.set_socket_options([](socket_t socket) {
    const int yes = 1;
    setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });
  // A page elsewhere that points a name of its own at 127.0.0.1 (DNS
  // rebinding) still sends its own Host: answer only loopback names.
  server.set_pre_routing_handler([](const httplib::Request& request, httplib::Response& response) {
    const std::string host = request.get_header_value("Host");
    const std::string name = host.substr(0, host.rfind(':'));
    if (name == "127.0.0.1" || name == "localhost") return httplib::Server::HandlerResponse::Unhandled;
    response.status = 403;
    return httplib::Server::HandlerResponse::Handled;
  });
  for (const auto& [extension, type] : {std::pair{"html", "text/html"}, {"css", "text/css"},
                                        {"js", "application/javascript"}, {"mjs", "application/javascript"},
                                        {"json", "application/json"}, {"czml", "application/json"},
                                        {"geojson", "application/geo+json"}, {"jsonl", "application/x-ndjson"},
                                        {"csv", "text/csv"}, {"txt", "text/plain"}})
    server.set_file_extension_and_mimetype_mapping(extension, type);
  // Files go out as they are: the library would brotli-compress text and
  // JSON when a browser asks, seconds per request for the 4 MB viewer bundle
  // or a raid's report, and loopback needs no compression. A response with a
  // content provider of known length is never compressed.
  server.set_file_request_handler([](const httplib::Request&, httplib::Response& response) {
    auto body = std::make_shared<std::string>(std::move(response.body));
    response.body.clear();
    const std::string type = response.get_header_value("Content-Type");
    response.headers.erase("Content-Type");
    response.set_content_provider(body->size(), type,
                                  [body](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                                    return sink.write(body->data() + offset, length);
                                  });
  });
  if (!server.set_mount_point("/run/", fs::absolute(run).string()) ||
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
