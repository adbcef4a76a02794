#!/usr/bin/env bash
# Creates the Python environment for the pandas comparison (pandas + lxml from PyPI) in
# target/pandas-venv, unless it is already there.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
venv=${NIANBAO_PANDAS_VENV:-$root/target/pandas-venv}
if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c 'import pandas, lxml' 2>/dev/null; then
  exit 0
fi
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check pandas lxml
