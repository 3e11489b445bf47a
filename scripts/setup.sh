#!/usr/bin/env bash
# One command for a fresh Debian machine: system packages, the .venv, PostgreSQL when tests need it,
# then either the main job (`run`, the default) or the whole test suite (`test`).
# Idempotent and fast when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
ACTION=${1:-run}
[ $# -gt 0 ] && shift

APT_PACKAGES=(chromium chromium-driver python3-venv)
TEST_APT_PACKAGES=(tmux postgresql)

say() { printf 'setup: %s\n' "$*" >&2; }

missing_packages() {
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || printf '%s ' "$pkg"
  done
}

install_apt() {
  local missing
  missing=$(missing_packages "$@")
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    say "installing Debian packages: $missing"
    apt-get update -qq >/dev/null
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
  else
    say "please install these Debian packages (as root): apt-get install --no-install-recommends $missing"
    exit 2
  fi
}

ensure_venv() {
  local python=${PYTHON:-python3}
  if [ ! -x .venv/bin/python ]; then
    say "creating .venv"
    "$python" -m venv .venv
  fi
  local stamp=.venv/.kartiseret-installed
  local want
  want=$(sha256sum pyproject.toml | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    say "installing Python packages into .venv"
    if ! { .venv/bin/python -m pip install -q --upgrade pip && .venv/bin/python -m pip install -q -e '.[test]'; } \
        >.venv/install.log 2>&1; then
      cat .venv/install.log >&2
      say "installing Python packages failed (log above, also in .venv/install.log)"
      exit 1
    fi
    echo "$want" > "$stamp"
  fi
}

ensure_postgres() {
  if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then return 0; fi
  install_apt postgresql
  local version
  version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$version" ] && [ "$(id -u)" -eq 0 ]; then
    say "starting PostgreSQL $version"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
    # trust auth on localhost and a `test` database, as the tests expect
    if ! psql -h 127.0.0.1 -U postgres -d test -c 'select 1' >/dev/null 2>&1; then
      local hba="/etc/postgresql/$version/main/pg_hba.conf"
      if [ -f "$hba" ] && ! grep -q "kartiseret-trust" "$hba"; then
        sed -i '1i host all all 127.0.0.1/32 trust # kartiseret-trust' "$hba"
        pg_ctlcluster --skip-systemctl-redirect "$version" main reload || true
      fi
      su postgres -c "psql -tc \"select 1 from pg_database where datname='test'\"" | grep -q 1 \
        || su postgres -c "createdb test" || true
    fi
  fi
  pg_isready -q -h 127.0.0.1 -p 5432 || say "PostgreSQL is not reachable at 127.0.0.1:5432"
}

install_apt "${APT_PACKAGES[@]}"
ensure_venv

case "$ACTION" in
  run)
    exec .venv/bin/kartiseret "$@"
    ;;
  test)
    install_apt "${TEST_APT_PACKAGES[@]}"
    ensure_postgres
    exec .venv/bin/python -m pytest "$@"
    ;;
  *)
    say "usage: scripts/setup.sh [run|test] [arguments…]"
    exit 2
    ;;
esac
