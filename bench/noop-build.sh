#!/usr/bin/env bash
# Benchmark: the no-op incremental `dotnet build` of a serving project with 3 ModelReferences, against the same
# project without GitRegistry (and with the packages but no ModelReference). Packs the packages into a temp feed,
# makes a registry with three models as a throwaway user (own HOME, git config and ssh key), builds each project once,
# then times RUNS no-op builds of each, interleaved, and writes the medians into docs/benchmarks.md (its own section).
#   bash bench/noop-build.sh [RUNS]      (default 15)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-15}
work=$(mktemp -d -t gitreg-bench-XXXXXX)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT

echo "packing into $work/feed"
dotnet pack "$repo/src/GitRegistry.Runtime" -o "$work/feed" -nodeReuse:false -v:q -nologo >/dev/null
dotnet pack "$repo/src/GitRegistry.Build" -o "$work/feed" -nodeReuse:false -v:q -nologo >/dev/null
gitreg=$(ls -t "$repo"/src/GitRegistry.Cli/bin/*/net10.0/gitreg.dll | head -n 1)   # built by the pack above

# A throwaway user: nothing below reads or writes your own HOME or git config.
export HOME="$work/home" GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL="$work/home/.gitconfig" NUGET_PACKAGES="$work/packages"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 MSBUILDDISABLENODEREUSE=1
unset CI GITREG_REGISTRY GITREG_ARTIFACT_STORE GITREG_CACHE
mkdir -p "$HOME"
ssh-keygen -q -t ed25519 -N "" -C bench@example.com -f "$HOME/key"
printf '[user]\n\tname = Bench\n\temail = bench@example.com\n\tsigningkey = %s\n[gpg]\n\tformat = ssh\n' "$HOME/key" > "$GIT_CONFIG_GLOBAL"

registry="$work/registry"
dotnet "$gitreg" init "$registry" >/dev/null
for model in churn_predictor fraud_detector upsell_ranker; do
  head -c 1048576 /dev/urandom > "$work/$model.onnx"
  dotnet "$gitreg" --registry "$registry" register "$model" --artifact "$work/$model.onnx" >/dev/null
  dotnet "$gitreg" --registry "$registry" transition "$model" 1 Production >/dev/null
done

make_project() { # name, package references, model references
  mkdir -p "$work/$1"
  cat > "$work/$1/$1.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <GitRegistryUrl>$registry</GitRegistryUrl>
  </PropertyGroup>
  <ItemGroup>
$2
$3
  </ItemGroup>
</Project>
XML
  echo 'Console.WriteLine("serving");' > "$work/$1/Program.cs"
  cat > "$work/$1/NuGet.config" <<XML
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$work/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="local"><package pattern="GitRegistry.*" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
XML
}
packages='    <PackageReference Include="GitRegistry.Build" Version="0.1.0" PrivateAssets="all" />
    <PackageReference Include="GitRegistry.Runtime" Version="0.1.0" />'
references='    <ModelReference Include="churn_predictor" Stage="Production" />
    <ModelReference Include="fraud_detector" Stage="Production" />
    <ModelReference Include="upsell_ranker" Version="1" />'
make_project Plain "" ""
make_project PackagesOnly "$packages" ""
make_project ThreeModels "$packages" "$references"

# NuGet's no-op restore costs differ with the package graph, not with ModelReference items (the plain project, with
# no packages at all, restores slower here): the timed builds skip it, after a first build that restores.
command="dotnet build --no-restore -nodeReuse:false"
for project in Plain PackagesOnly ThreeModels; do
  (cd "$work/$project" && dotnet build -nodeReuse:false >/dev/null) || { echo "first build of $project failed"; (cd "$work/$project" && $command | tail -n 20); exit 1; }
done

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
declare -A times
projects=(Plain PackagesOnly ThreeModels)
for ((i = 0; i < runs; i++)); do
  # Each round starts with another project, so that no project always runs first after the previous round.
  for ((j = 0; j < 3; j++)); do
    project=${projects[$(( (i + j) % 3 ))]}
    start=$(date +%s%N)
    (cd "$work/$project" && $command >/dev/null)
    times[$project]+="$(( ($(date +%s%N) - start) / 1000000 )) "
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
median() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }
plain=$(median "${times[Plain]}"); packages_only=$(median "${times[PackagesOnly]}"); three=$(median "${times[ThreeModels]}")

# MSBuild's own accounting of the GitRegistry targets and tasks in one more no-op build.
summary=$(cd "$work/ThreeModels" && $command -clp:PerformanceSummary)
ours=$(grep -E '^\s+[0-9]+ ms\s+(ResolveModels|_GitRegistry[A-Za-z]*|RestoreModels)\s' <<<"$summary" | sed 's/^ *//' || true)
restored=$(grep -c "GitRegistry:" <<<"$summary" || true)
# Targets only (tasks run inside them): the time MSBuild spent in GitRegistry's own targets.
targets_ms=$(grep -E '^[0-9]+ ms +(ResolveModels|_GitRegistry[A-Za-z]*) ' <<<"$ours" | awk '{s += $1} END {print s + 0}')

overhead=$((three - plain)); percent=$(awk -v o="$overhead" -v p="$plain" 'BEGIN {printf "%.1f", 100 * o / p}')
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
# Written between the <!-- bench:noop-build --> markers of docs/benchmarks.md by the bench program, so the other figures stay.
cat > "$work/section.md" <<MD
## No-op incremental build with ModelReferences

What it measures: a second \`dotnet build\` with nothing changed, of a console project with 3 \`ModelReference\` items
(two \`Stage="Production"\`, one \`Version="1"\`, 1 MiB artifacts each), against the same project without GitRegistry,
and with the GitRegistry packages but no \`ModelReference\`. Target: under 5% and under 150 ms over the plain project.

- Script: \`bash bench/noop-build.sh $runs\` (packs the packages, makes a registry as a throwaway user, builds each project once, then $runs no-op builds of each, interleaved in rotating order)
- Command timed: \`$command\` in each project folder (fresh MSBuild nodes every build, the pessimistic
  case; restore is done once beforehand and left out, because NuGet's no-op restore time
  depends on the package graph, not on ModelReference items)
- Machine: $(nproc) cores ($cpu), $(free -g | awk '/Mem:/ {print $2}') GiB memory, $(. /etc/os-release && echo "$PRETTY_NAME"), .NET SDK $(dotnet --version)
- Date: $(date -u +%Y-%m-%dT%H:%MZ); load average (1, 5, 15 min) $load_before before the timed builds, $load_after after (other builds share this machine)

| project | median no-op build (ms) |
|---|---|
| plain (no GitRegistry) | $plain |
| GitRegistry packages, no ModelReference | $packages_only |
| 3 ModelReferences | $three |

Overhead of 3 ModelReferences over the plain project: **$overhead ms ($percent%)** (medians of $runs runs; a negative
figure means the difference is below the run-to-run noise of this shared 2-core machine).

Time MSBuild spent in GitRegistry's targets in that no-op build: **$targets_ms ms** ($(awk -v t="$targets_ms" -v p="$three" 'BEGIN {printf "%.1f", 100 * t / p}')% of it),
with the restore target skipped and only MSBuild's built-in tasks run (no task assembly of ours is loaded).

MSBuild's performance summary of one more no-op build of the 3-model project, GitRegistry's targets and tasks
(\`-clp:PerformanceSummary\`; the restore target is skipped by its Inputs/Outputs, and the build printed
$restored "GitRegistry:" restore lines):

\`\`\`
$ours
\`\`\`
MD
dotnet run -c Release --project "$repo/bench/GitRegistry.Bench" -- report noop-build "$work/section.md" >/dev/null
echo "plain $plain ms, packages only $packages_only ms, 3 models $three ms: overhead $overhead ms ($percent%)"
