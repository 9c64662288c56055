#!/usr/bin/env bash
# The test command: installs what is missing, then runs all tests. Integration tests start the emulators themselves.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
dotnet build Serverless.Local.slnf -c Release --nologo -v quiet
dotnet test Serverless.Local.slnf -c Release --no-build --nologo
