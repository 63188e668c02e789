using GitRegistry.Bench;

// gitreg benchmarks. Usage:
//   dotnet run -c Release --project bench/GitRegistry.Bench -- fixture SIZE DIR [SIGNED]   build a scale fixture
//   dotnet run -c Release --project bench/GitRegistry.Bench -- verify [SIGNED]            gitreg verify vs git log --show-signature
//   dotnet run -c Release --project bench/GitRegistry.Bench -- scale [SIZE] [RUNS]         gitreg commands vs git on a scale fixture
//   dotnet run -c Release --project bench/GitRegistry.Bench -- stores [MB]                local store, Azurite, s3rver vs cp and naive SDK calls, sha256 vs sha256sum
//   dotnet run -c Release --project bench/GitRegistry.Bench -- site [SIZE] [RUNS]         gitreg site on a scale fixture (default medium, 3 runs)
//   dotnet run -c Release --project bench/GitRegistry.Bench -- micro [SIZE]                BenchmarkDotNet: manifest parse + validate, resolve
//   dotnet run -c Release --project bench/GitRegistry.Bench -- report NAME FILE            FILE as the section NAME of docs/benchmarks.md
//   dotnet run -c Release --project bench/GitRegistry.Bench -- startup-probe REGISTRY URI   where a cold resolve's time goes
//   bash bench/run-all.sh                                                                   every figure in docs/benchmarks.md
var command = args.FirstOrDefault() ?? "verify";
switch (command)
{
    case "fixture":
    {
        var (models, versions) = ScaleFixture.Sizes[args[1]];
        var result = ScaleFixture.Build(Path.GetFullPath(args[2]), models, versions, args.Length > 3 ? int.Parse(args[3]) : 0);
        Console.WriteLine($"{result.Registry}: {result.Versions} versions, {result.Commits} commits in {result.Elapsed.TotalSeconds:F1} s");
        break;
    }
    case "probe":
        ParseProbe.Run(args[1]);
        break;
    case "scale":
        ScaleBenchmark.Run(args.Length > 1 ? args[1] : "large", args.Length > 2 ? int.Parse(args[2]) : 5);
        break;
    case "startup-probe":
        StartupProbe.Run(args[1], args[2]);
        break;
    case "verify-probe":
        VerifyProbe.Run(args[1], args.Length > 2 ? int.Parse(args[2]) : 300);
        break;
    case "report":
        // A section measured elsewhere (bench/noop-build.sh), written like the others.
        Measure.Report(args[1], File.ReadAllText(args[2]));
        break;
    case "micro":
        MicroBenchmarks.Run(args.Length > 1 ? args[1] : "medium");
        break;
    case "stores":
        StoreBenchmark.Run(args.Length > 1 ? long.Parse(args[1]) : 1024);
        break;
    case "verify":
        VerifyBenchmark.Run(args.Length > 1 ? int.Parse(args[1]) : 10_000);
        break;
    case "site":
        SiteBenchmark.Run(args.Length > 1 ? args[1] : "medium", args.Length > 2 ? int.Parse(args[2]) : 3);
        break;
    default:
        Console.Error.WriteLine($"unknown command {command}");
        return 1;
}
return 0;
