#!/usr/bin/env bash
# Installs recio as a service on a fresh Debian or Ubuntu server (run as root, from a built checkout):
# a 'recio' system user, /opt/recio (program), /var/lib/recio (data, 0700), /etc/recio (settings and secrets),
# a PostgreSQL database and role, and the systemd unit deploy/recio.service, enabled and started.
# Running it again upgrades the program and keeps the settings, secrets and data (Flyway migrates on start).
#
#   deploy/install.sh [--prefix DIR] [--dry-run] [--no-packages] [--no-start] [--jar FILE]
#
#   --prefix DIR    install under DIR (DIR/opt/recio, DIR/etc/recio, ...) and only print what needs root
#                   (user, ownership, PostgreSQL, systemd): for a look at the result, or a test
#   --dry-run       print every step, change nothing
#   --no-packages   do not apt-get install Java and PostgreSQL (they are there already)
#   --no-start      enable the service, but do not start it now
#   --jar FILE      the application jar to install (default: target/recio-exec.jar, made by ./recio build)
set -euo pipefail
umask 022

SRC="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PREFIX=""; DRY=0; PACKAGES=1; START=1; JAR="$SRC/target/recio-exec.jar"
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) PREFIX="${2:?--prefix needs a directory}"; shift 2 ;;
    --prefix=*) PREFIX="${1#--prefix=}"; shift ;;
    --dry-run) DRY=1; shift ;;
    --no-packages) PACKAGES=0; shift ;;
    --no-start) START=0; shift ;;
    --jar) JAR="${2:?--jar needs a file}"; shift 2 ;;
    -h|--help) sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[ -n "$PREFIX" ] && PREFIX="$(mkdir -p "$PREFIX" && cd "$PREFIX" && pwd)"

OPT="$PREFIX/opt/recio"; DATA="$PREFIX/var/lib/recio"; ETC="$PREFIX/etc/recio"
UNIT="$PREFIX/etc/systemd/system/recio.service"

say() { echo "install: $*"; }
# Changes files (under the prefix when one is given).
do_file() { if [ "$DRY" = 1 ]; then echo "  would run: $*"; else "$@"; fi; }
# Needs root and the real system: only printed under a prefix.
do_root() { if [ "$DRY" = 1 ] || [ -n "$PREFIX" ]; then echo "  as root: $*"; else "$@"; fi; }

if [ -z "$PREFIX" ] && [ "$DRY" = 0 ] && [ "$(id -u)" != 0 ]; then
  echo "install: run as root (sudo deploy/install.sh), or try --dry-run / --prefix DIR first" >&2; exit 1
fi
[ -f "$JAR" ] || { echo "install: $JAR is missing; build it first: ./recio build" >&2; exit 1; }

if [ "$PACKAGES" = 1 ]; then
  say "packages: a JDK 21+ and PostgreSQL"
  java_pkg=openjdk-21-jdk-headless
  if [ "$DRY" = 0 ] && [ -z "$PREFIX" ] && ! apt-cache show "$java_pkg" >/dev/null 2>&1; then
    java_pkg=""; say "no $java_pkg in apt: install a JDK 21+ (e.g. Temurin) under /usr/lib/jvm yourself"
  fi
  do_root apt-get install -y $java_pkg postgresql postgresql-client
fi

say "system user 'recio' (no login, home $DATA)"
if ! id recio >/dev/null 2>&1; then
  do_root useradd --system --user-group --home-dir "$DATA" --no-create-home --shell /usr/sbin/nologin recio
fi

say "program in $OPT (owned by root, read-only for recio)"
do_file mkdir -p "$OPT/target" "$OPT/docs"
do_file install -m 0755 "$SRC/recio" "$OPT/recio"
do_file install -m 0644 "$JAR" "$OPT/target/recio-exec.jar"
do_file cp -r "$SRC/docs/." "$OPT/docs/"
do_file install -m 0644 "$SRC/README.md" "$OPT/README.md"
# Made here, as root, because recio cannot write to its program directory; readable by recio (Java 25+ only).
say "start-up cache in $OPT/target/app (the launcher's start-cache; faster starts with Java 25 and later)"
do_root "$OPT/recio" start-cache
do_root chmod -R a+rX "$OPT/target"

say "data in $DATA (recio only, 0700), settings in $ETC (root writes, recio reads)"
do_file mkdir -p "$DATA" "$ETC"
do_file chmod 0700 "$DATA"
do_file chmod 0750 "$ETC"
do_root chown recio:recio "$DATA"
do_root chown root:recio "$ETC"

secret() { head -c 24 /dev/urandom | base64 | tr -d '/+=' | head -c 24; }
if [ ! -f "$ETC/recio.env" ]; then
  DB_PASSWORD="$(secret)"; ADMIN_PASSWORD="$(secret)"
  say "database 'recio' and role 'recio' in the local PostgreSQL"
  if [ "$DRY" = 1 ] || [ -n "$PREFIX" ]; then
    echo "  as root: runuser -u postgres -- psql  (CREATE ROLE recio LOGIN PASSWORD '...'; CREATE DATABASE recio OWNER recio)"
  else
    # on standard input, so the password never shows in a process list
    runuser -u postgres -- psql -v ON_ERROR_STOP=1 -q <<SQL
CREATE ROLE recio LOGIN PASSWORD '$DB_PASSWORD';
CREATE DATABASE recio OWNER recio;
SQL
  fi
  say "secrets in $ETC/recio.env (0640 root:recio); the admin password is shown once, below"
  if [ "$DRY" = 0 ]; then
    (umask 077; cat >"$ETC/recio.env" <<ENV
# recio's secrets, read by systemd (EnvironmentFile) and by 'recio backup'/'recio restore'.
RECIO_DB_URL=jdbc:postgresql://127.0.0.1:5432/recio
RECIO_DB_USER=recio
RECIO_DB_PASSWORD=$DB_PASSWORD
# The first master admin 'admin'; used only when the database has no user yet.
RECIO_ADMIN_PASSWORD=$ADMIN_PASSWORD
ENV
    )
    chmod 0640 "$ETC/recio.env"
    echo "  first login: admin / $ADMIN_PASSWORD"
  else
    echo "  would write $ETC/recio.env with RECIO_DB_URL, RECIO_DB_USER, RECIO_DB_PASSWORD, RECIO_ADMIN_PASSWORD"
  fi
  do_root chown root:recio "$ETC/recio.env"
else
  say "keeping $ETC/recio.env (database role and secrets exist)"
fi

if [ ! -f "$ETC/recio.yml" ]; then
  say "settings in $ETC/recio.yml (paper mode; see the README's configuration section)"
  if [ "$DRY" = 0 ]; then
    cat >"$ETC/recio.yml" <<YML
# recio's settings (the README's configuration section lists them). Secrets are in recio.env.
recio:
  mode: paper
  data-dir: /var/lib/recio
  # 127.0.0.1: reach the console through a TLS reverse proxy (docs/operations.md), never directly
  bind-address: 127.0.0.1
  ports:
    main-app: 3000
YML
    chmod 0640 "$ETC/recio.yml"
  else
    echo "  would write $ETC/recio.yml"
  fi
  do_root chown root:recio "$ETC/recio.yml"
else
  say "keeping $ETC/recio.yml"
fi

say "systemd unit $UNIT"
do_file mkdir -p "$(dirname "$UNIT")"
if [ -n "$PREFIX" ] && [ "$DRY" = 0 ]; then
  # the unit under a prefix names the prefixed paths, so 'systemd-analyze verify' can check it as installed
  sed -e "s#/opt/recio#$OPT#g; s#/var/lib/recio#$DATA#g; s#/etc/recio/#$ETC/#g" "$SRC/deploy/recio.service" >"$UNIT"
else
  do_file install -m 0644 "$SRC/deploy/recio.service" "$UNIT"
fi
do_root systemctl daemon-reload
if [ "$START" = 1 ]; then
  do_root systemctl enable recio
  do_root systemctl restart recio   # starts it, or restarts an upgraded one
  say "started: 'systemctl status recio', 'journalctl -u recio', logs in $DATA/logs"
else
  do_root systemctl enable recio
  say "enabled; start with 'systemctl start recio'"
fi
