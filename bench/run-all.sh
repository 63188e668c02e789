#!/usr/bin/env bash
# Regenerates every figure in docs/benchmarks.md, each section written by the program that measured it, with the
# machine, the commands and the load average at the time. About 30 minutes on 2 cores (the large fixture alone
# takes 2 minutes to build).
#   bash bench/run-all.sh
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

dotnet build -c Release bench/GitRegistry.Bench -nologo -v:q
# gitreg as a ReadyToRun build for this machine, timed beside the JIT-compiled one (see src/GitRegistry.Cli).
dotnet publish src/GitRegistry.Cli -c Release -r linux-x64 --self-contained false -nologo -v:q -o artifacts/bench/gitreg-r2r

bench() { dotnet run -c Release --no-build --project bench/GitRegistry.Bench -- "$@"; }
bench scale large 5      # resolve, versions, show, log vs git; validate; verify on large; register; start-up; memory
bench verify 10000       # verify over 10,000 signed commits vs git log --show-signature
bench micro medium       # BenchmarkDotNet: manifest parse + validate, resolve
bench site medium 3      # gitreg site
bench site large 1       # gitreg site on the large fixture
(cd tests/GitRegistry.Tests/servers && npm ci)      # Azurite, s3rver for the store figures
bench stores 1024        # artifact stores vs cp, sha256sum and naive SDK calls
# The search section is written by its own program (bench/SearchBenchmark), printed, not spliced in: copy it over.
dotnet build -c Release src/GitRegistry.Cli -nologo -v:q
dotnet run -c Release --project bench/SearchBenchmark -- --models 1000 --versions 100 --gitreg src/GitRegistry.Cli/bin/Release/net10.0/gitreg.dll
bash bench/noop-build.sh 21
