#include "view_command.h"

#include <httplib.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include "commands.h"
#include "cupola/core/error.h"

namespace cupola::cli {

namespace fs = std::filesystem;

namespace {

bool HasControlCharacter(const std::string& text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

// The file that a decoded URL path (`relative`, below its mount) names under
// `root` (a real path), or nothing when it may not be served: a component
// starting with '.' (dotfiles such as the run's .cupola-output, and '..'), a
// name that resolves -- through symbolic links -- outside `root`, anything
// but a regular file. Control characters are refused before: a decoded %00
// would end the name early when it reaches the system.
std::optional<fs::path> ServedFile(const fs::path& root, const std::string& relative) {
  fs::path path = root;
  for (const auto& part : fs::path(relative)) {  // split at '/'
    const std::string name = part.string();
    if (name.empty() || name == "/") continue;
    if (name[0] == '.') return std::nullopt;
    path /= part;
  }
  std::error_code ec;
  const fs::path real = fs::canonical(path, ec);
  if (ec) return std::nullopt;
  const auto [in_root, in_real] = std::mismatch(root.begin(), root.end(), real.begin(), real.end());
  if (in_root != root.end() || !fs::is_regular_file(real, ec)) return std::nullopt;
  return real;
}

std::string ContentType(const fs::path& file) {
  static const std::map<std::string, std::string> types = {
      {".html", "text/html"},           {".css", "text/css"},          {".js", "application/javascript"},
      {".mjs", "application/javascript"}, {".json", "application/json"}, {".czml", "application/json"},
      {".geojson", "application/geo+json"}, {".jsonl", "application/x-ndjson"}, {".csv", "text/csv"},
      {".txt", "text/plain"},           {".png", "image/png"},         {".jpg", "image/jpeg"},
      {".gif", "image/gif"},            {".svg", "image/svg+xml"},     {".xml", "application/xml"},
      {".wasm", "application/wasm"}};
  const auto it = types.find(file.extension().string());
  return it == types.end() ? "application/octet-stream" : it->second;
}

}  // namespace

int View(const ViewOptions& options) {
  const fs::path run = options.run_dir;
  if (!fs::is_regular_file(run / "replay.czml"))
    throw InputError({options.run_dir, 0, 0}, "RUN_DIR", "'" + options.run_dir + "'",
                     "a directory written by `cupola run` (it holds replay.czml)");
  const std::string viewer = WebAsset("viewer/index.html");
  if (viewer.empty())
    throw std::runtime_error("the viewer is not built: cd web && npm ci && npm run build (docs/viewer.md)");
  // Real paths: what a request resolves to must lie inside one of them.
  const fs::path run_root = fs::canonical(run), viewer_root = fs::canonical(fs::path(viewer).parent_path());

  httplib::Server server;
  // Loopback only: a run's files are the analyst's, not the network's. And
  // this port only: Debian's cpp-httplib sets SO_REUSEPORT, which would let a
  // second `cupola view` share the port and answer half the requests.
  server.set_socket_options([](socket_t socket) {
    const int yes = 1;
    setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });
  // Bounded: a few worker threads (a browser opens six connections), short
  // timeouts and a cap on requests per connection, so idle or slow clients
  // cannot hold the server; GET requests carry no body.
  server.new_task_queue = [] { return new httplib::ThreadPool(8); };
  server.set_read_timeout(5, 0);
  server.set_write_timeout(5, 0);
  server.set_keep_alive_timeout(2);
  server.set_keep_alive_max_count(100);
  server.set_payload_max_length(64 * 1024);
  // A page elsewhere that points a name of its own at 127.0.0.1 (DNS
  // rebinding) still sends its own Host: answer only loopback names.
  server.set_pre_routing_handler([](const httplib::Request& request, httplib::Response& response) {
    const std::string host = request.get_header_value("Host");
    const std::string name = host.substr(0, host.rfind(':'));
    if (name == "127.0.0.1" || name == "localhost") return httplib::Server::HandlerResponse::Unhandled;
    response.status = 403;
    return httplib::Server::HandlerResponse::Handled;
  });
  // The viewer at /, the run at /run/; nothing else, whatever links lie in
  // those folders. Files go out as they are: the library would brotli-compress
  // text when a browser asks, seconds per request for the 4 MB viewer bundle
  // or a raid's report, and loopback needs no compression. A response with a
  // content provider of known length is never compressed.
  server.Get(R"(/[\s\S]*)", [&](const httplib::Request& request, httplib::Response& response) {
    const std::string& path = request.path;
    if (HasControlCharacter(path)) {
      response.status = 400;
      return;
    }
    const std::optional<fs::path> file = path.starts_with("/run/") ? ServedFile(run_root, path.substr(5))
                                         : path == "/"            ? ServedFile(viewer_root, "index.html")
                                                                  : ServedFile(viewer_root, path.substr(1));
    std::ifstream in;
    if (file) in.open(*file, std::ios::binary);
    if (!file || !in.is_open()) {
      response.status = 404;
      return;
    }
    auto body = std::make_shared<std::string>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    response.set_content_provider(body->size(), ContentType(*file),
                                  [body](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                                    return sink.write(body->data() + offset, length);
                                  });
  });
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
