#!/bin/sh
# The container's entry point. With DATABASE_URL it waits until PostgreSQL accepts connections (a compose file starts
# both at once); without it, it makes sure the SQLite file's folder exists and is writable. Then it replaces itself with
# the engine (exec), so the engine is PID 1 and receives SIGTERM for its graceful shutdown. Migrations are not run
# here: the engine runs them at start under an advisory lock, so several containers may start at the same time.
set -eu

here=$(dirname "$0")
engine="node dist/apps/api/main.js"

# `docker run <image> calendar:import file.json` and `audit:verify …` run the engine's tools.
if [ "$#" -eq 0 ]; then
  set -- $engine
else
  case "$1" in
    calendar:import | audit:verify) set -- $engine "$@" ;;
  esac
fi

# The offline audit verifier opens no database; with --database it checks the configured one, so it waits for it.
case "$*" in
  *audit:verify*--database*) ;;
  *audit:verify*) exec "$@" ;;
esac

if [ -n "${DATABASE_URL:-}" ]; then
  node "$here/wait-for-database.js"
else
  folder=$(dirname "${FENGQIAO_DB_PATH:-./data/fengqiao.sqlite}")
  mkdir -p "$folder" 2>/dev/null || true
  if [ ! -d "$folder" ] || [ ! -w "$folder" ]; then
    echo "The SQLite folder $folder cannot be written by user $(id -u): mount a volume there that this user may write (FENGQIAO_DB_PATH)" >&2
    exit 1
  fi
fi

exec "$@"
