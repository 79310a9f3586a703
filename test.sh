#!/usr/bin/env bash
# Builds the solution and runs every test project, then prints one line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log=$(mktemp)
trap 'rm -f "$log"' EXIT

if ! dotnet build Stratum.slnx -c Release -nologo -v quiet; then
    echo "build failed"
    echo "0 passed, 1 failed, 0 skipped"
    exit 1
fi

dotnet test --solution Stratum.slnx -c Release --no-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# The last "Test run summary" block adds up every test project.
count() { grep -E "^\s+$1:" "$log" | tail -n 1 | awk '{print $2}'; }
passed=$(count succeeded); failed=$(count failed); skipped=$(count skipped)
echo "${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
if [ "$status" -eq 0 ] && [ -z "$passed" ]; then
    echo "no test results were found"
    exit 1
fi
exit "$status"
