#!/usr/bin/env bash
# A remote build cache for a team or a CI machine: Debian's nginx with WebDAV PUT, storing entries
# as files under DIR (one file per entry; delete old ones with find -mtime to prune).
#
#   platform/cache-server.sh [--port PORT] [--listen ADDR] DIR     (default 127.0.0.1:8090)
#
# Then: WASRISC_JAVA_OPTS=-Dwasrisc.cache.remote=http://ADDR:PORT/cache/ ./wasrisc bench
# Runs in the foreground until stopped. No authentication: put it behind your proxy, or listen
# on 127.0.0.1 only, which is the default.
set -euo pipefail
port=8090 listen=127.0.0.1
while [ $# -gt 1 ]; do
  case "$1" in
    --port) port="$2"; shift 2 ;;
    --listen) listen="$2"; shift 2 ;;
    *) break ;;
  esac
done
[ $# -eq 1 ] || { echo "usage: $0 [--port PORT] [--listen ADDR] DIR" >&2; exit 2; }
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || "$here/install-toolchain.sh" --quiet nginx
dir="$(mkdir -p "$1" && cd "$1" && pwd)"
mkdir -p "$dir/store" "$dir/run"
user=""; [ "$(id -u)" -eq 0 ] && user="user root;"
cat >"$dir/run/nginx.conf" <<CONF
$user
worker_processes 2;
daemon off;
pid $dir/run/nginx.pid;
error_log $dir/run/error.log;
events { worker_connections 256; }
http {
    access_log $dir/run/access.log;
    client_body_temp_path $dir/run/body;
    proxy_temp_path $dir/run/proxy;
    fastcgi_temp_path $dir/run/fastcgi;
    uwsgi_temp_path $dir/run/uwsgi;
    scgi_temp_path $dir/run/scgi;
    client_max_body_size 0;
    server {
        listen $listen:$port;
        root $dir/store;
        location / {
            dav_methods PUT;
            create_full_put_path on;
        }
    }
}
CONF
echo "cache-server: http://$listen:$port/cache/ storing in $dir/store (Ctrl-C stops it)" >&2
exec /usr/sbin/nginx -p "$dir/run" -c "$dir/run/nginx.conf"
