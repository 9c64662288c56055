#!/usr/bin/env bash
# The test command: installs what is missing, then runs all tests (unit + integration; the integration tests start
# Azurite and the Cosmos emulator themselves). Ends with one plain "N passed, N failed" line.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
dotnet build Serverless.Local.slnf -c Release --nologo -v quiet
mkdir -p .artifacts
log=.artifacts/test-output.log
status=0
dotnet test Serverless.Local.slnf -c Release --no-build --nologo 2>&1 | tee "$log" || status=$?
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
echo "tests: $passed passed, $failed failed"
exit "$status"
