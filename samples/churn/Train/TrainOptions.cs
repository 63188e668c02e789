using System.Globalization;

namespace GitRegistry.Samples.Churn;

/// <summary>The command line of the training program.</summary>
public sealed class TrainOptions
{
    public const string Usage = """
        usage: Train [--registry PATH] [--out DIR] [--trees N] [--leaves N] [--learning-rate X] [--min-leaf-rows N]
                     [--rows N] [--data-seed N] [--seed N] [--cutoff YYYY-MM-DD] [--dependencies FILE]
                     [--code-dir DIR] [--model NAME] [--description TEXT]
          --registry      the registry to register in (default: $GITREG_REGISTRY; none: train only)
          --dependencies  the serving project's packages.lock.json or csproj (default: samples/churn/Serving's)
        """;

    public string? RegistryPath { get; private set; } = Environment.GetEnvironmentVariable("GITREG_REGISTRY");

    public string Output { get; private set; } = Path.GetFullPath("churn-run");

    public int Trees { get; private set; } = 100;

    public int Leaves { get; private set; } = 8;

    public double LearningRate { get; private set; } = 0.1;

    public int MinLeafRows { get; private set; } = 10;

    public int Rows { get; private set; } = 8000;

    public int DataSeed { get; private set; } = 7;

    public int ModelSeed { get; private set; } = 42;

    /// <summary>The day the snapshot was taken: no row knows anything later.</summary>
    public string Cutoff { get; private set; } = "2026-10-31";

    public string? Dependencies { get; private set; }

    public string CodeDirectory { get; private set; } = SampleDirectory() ?? AppContext.BaseDirectory;

    public string ModelName { get; private set; } = "churn_predictor";

    public string? Description { get; private set; }

    public bool Help { get; private set; }

    public static TrainOptions Parse(string[] args)
    {
        var options = new TrainOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value");
            int Int() => int.TryParse(Next(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new FormatException($"{args[i - 1]} needs a positive integer");
            switch (args[i])
            {
                case "--registry": options.RegistryPath = Path.GetFullPath(Next()); break;
                case "--out": options.Output = Path.GetFullPath(Next()); break;
                case "--trees": options.Trees = Int(); break;
                case "--leaves": options.Leaves = Int(); break;
                case "--min-leaf-rows": options.MinLeafRows = Int(); break;
                case "--rows": options.Rows = Int(); break;
                case "--data-seed": options.DataSeed = Int(); break;
                case "--seed": options.ModelSeed = Int(); break;
                case "--learning-rate":
                    options.LearningRate = double.TryParse(Next(), NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate > 0 ? rate : throw new FormatException("--learning-rate needs a positive number");
                    break;
                case "--cutoff":
                    var cutoff = Next();
                    options.Cutoff = DateOnly.TryParseExact(cutoff, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? cutoff : throw new FormatException("--cutoff needs a date, YYYY-MM-DD");
                    break;
                case "--dependencies": options.Dependencies = Path.GetFullPath(Next()); break;
                case "--code-dir": options.CodeDirectory = Path.GetFullPath(Next()); break;
                case "--model": options.ModelName = Next(); break;
                case "--description": options.Description = Next(); break;
                case "-h" or "--help": options.Help = true; break;
                default: throw new FormatException($"unknown option {args[i]}");
            }
        }
        options.Dependencies ??= ServingDependencies();
        return options;
    }

    // The serving project pins what inference needs: its packages.lock.json when it has one, else its csproj.
    private static string? ServingDependencies()
    {
        if (SampleDirectory() is not { } sample)
        {
            return null;
        }
        var lockFile = Path.Combine(sample, "Serving", "packages.lock.json");
        return File.Exists(lockFile) ? lockFile : Path.Combine(sample, "Serving", "Serving.csproj");
    }

    // samples/churn in the repository this program was built from: its commit is the code version recorded.
    private static string? SampleDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var sample = Path.Combine(directory.FullName, "samples", "churn");
            if (Directory.Exists(Path.Combine(sample, "Serving")))
            {
                return sample;
            }
        }
        return null;
    }
}
