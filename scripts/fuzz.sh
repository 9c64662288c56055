#!/usr/bin/env bash
# Fuzz one reader entry point with AFL++ through SharpFuzz (issue 14). Not part of the test command.
#   scripts/fuzz.sh <text|html|docx|image> [minutes=30]
# Needs afl++ (Debian: apt-get install afl++) and the SharpFuzz instrumenter (dotnet tool, installed here on first use).
# Output: .artifacts/fuzz/<target>/findings (queue = grown corpus, crashes/, hangs/). Keep what it finds as regression
# inputs in tests/Disclosure.Tests/Hostile/FuzzRegressions/<target>/ (also the starting corpus; replayed by FuzzRegressionTests).
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?target: text|html|docx|image}
minutes=${2:-30}
bin=.artifacts/fuzz/bin
out=.artifacts/fuzz/$target
tool=.artifacts/fuzz/tool
command -v afl-fuzz >/dev/null || { echo "afl-fuzz not found: apt-get install afl++" >&2; exit 2; }
[ -x "$tool/sharpfuzz" ] || dotnet tool install --tool-path "$tool" SharpFuzz.CommandLine --version 2.3.0
if [ ! -f "$bin/.instrumented" ]; then
  rm -rf "$bin"
  dotnet publish tests/Disclosure.Fuzz -c Release -o "$bin" >/dev/null
  # Instrument the code under test (not the harness, not the framework); one instrumented copy serves every target.
  for dll in Disclosure.Readers.dll Disclosure.Core.dll Disclosure.Ocr.dll; do
    "$tool/sharpfuzz" "$bin/$dll"
  done
  touch "$bin/.instrumented"
fi
mkdir -p "$out"
export AFL_NO_AFFINITY=1 AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1
input=(-i "tests/Disclosure.Tests/Hostile/FuzzRegressions/$target")  # starting corpus = the kept regression inputs
[ -d "$out/findings/default/queue" ] && input=(-i -)  # resume
exec nice -n 15 afl-fuzz "${input[@]}" -o "$out/findings" -t 10000 -m none -V $((minutes * 60)) \
  -- dotnet "$bin/Disclosure.Fuzz.dll" "$target"
