// Trains the churn model on a synthetic data set and registers it: every hyperparameter, metrics on every split,
// the data file's sha256 and cutoff, the code commit, the serving project's pinned dependencies, the signature and
// the ML.NET zip. Run it twice with different settings to get two versions:
//   dotnet run --project samples/churn/Train -- --registry ../registry --trees 10
//   dotnet run --project samples/churn/Train -- --registry ../registry --trees 200
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GitRegistry;
using GitRegistry.Manifests;
using GitRegistry.Registration;
using GitRegistry.Samples.Churn;
using Microsoft.ML;

TrainOptions options;
try
{
    options = TrainOptions.Parse(args);
}
catch (FormatException e)
{
    Console.Error.WriteLine($"train: {e.Message}\n{TrainOptions.Usage}");
    return 1;
}
if (options.Help)
{
    Console.WriteLine(TrainOptions.Usage);
    return 0;
}

Directory.CreateDirectory(options.Output);
var data = ChurnData.Generate(options.Rows, options.DataSeed);
var dataFile = Path.Combine(options.Output, "churn.csv");
var dataSha256 = data.WriteCsv(dataFile);
Console.WriteLine($"data: {data.Rows.Count} rows, {data.Rows.Count(r => r.Churned)} churned, sha256 {dataSha256} -> {dataFile}");

var ml = new MLContext(seed: options.ModelSeed);
var trainer = ChurnModel.TrainerOptions(options.Trees, options.Leaves, options.LearningRate, options.MinLeafRows, options.ModelSeed);
var stopwatch = Stopwatch.StartNew();
var model = ChurnModel.Train(ml, data.Train, trainer);
Console.WriteLine($"trained FastTree: {options.Trees} trees, {options.Leaves} leaves, learning rate {options.LearningRate} in {stopwatch.Elapsed.TotalSeconds:F1} s");

var metrics = new Dictionary<string, IDictionary<string, double>>
{
    ["train"] = ChurnModel.Evaluate(ml, model, data.Train),
    ["validation"] = ChurnModel.Evaluate(ml, model, data.Validation),
    ["test"] = ChurnModel.Evaluate(ml, model, data.Test),
};
foreach (var (split, values) in metrics)
{
    Console.WriteLine($"  {split,-10} auc_roc {values["auc_roc"]:F4}  log_loss {values["log_loss"]:F4}  precision@{ChurnModel.PrecisionAtK} {values[$"precision@{ChurnModel.PrecisionAtK}"]:F3}");
}

var artifact = Path.Combine(options.Output, "churn_model.zip");
ml.Model.Save(model, ml.Data.LoadFromEnumerable(data.Train).Schema, artifact);

var parameters = ChurnModel.AllParams(trainer);
parameters["data.rows"] = options.Rows;
parameters["data.seed"] = options.DataSeed;
parameters["data.split"] = "train 0.6, validation 0.2, test 0.2 (by row order)";
parameters["mlcontext.seed"] = options.ModelSeed;
parameters["preprocessing.one_hot"] = "contract, payment_method, internet_service";
parameters["preprocessing.numeric"] = "tenure_months, monthly_charges, total_charges, support_calls, senior_citizen (as float), unscaled";
parameters["evaluation.precision_k"] = ChurnModel.PrecisionAtK;

var (commit, dirty) = CodeCommit(options.CodeDirectory);
var request = new RegistrationRequest
{
    Name = options.ModelName,
    ArtifactPath = artifact,
    Format = "mlnet",
    Params = parameters,
    Metrics = metrics,
    Data = new DataLineage { Sha256 = dataSha256, Cutoff = options.Cutoff, Rows = data.Rows.Count, Source = $"synthetic://churn?rows={options.Rows}&seed={options.DataSeed}" },
    Preprocessing = new Preprocessing { Version = "churn-features/1", CodeCommit = commit },
    CodeCommit = commit,
    RequirementsPath = options.Dependencies,
    Signature = new ModelSignature
    {
        Inputs = [.. ChurnRecord.Inputs.Select(c => new Column { Name = c.Name, Type = c.Type })],
        Outputs = [new Column { Name = "churn_probability", Type = "float" }],
    },
    Tags = new Dictionary<string, string> { ["team"] = "growth", ["framework"] = "ml.net-5.0.1", ["code_dirty"] = dirty ? "true" : "false" },
    Description = options.Description ?? $"FastTree, {options.Trees} trees, {options.Leaves} leaves",
};

if (options.RegistryPath is null)
{
    Console.WriteLine($"not registered (no --registry and no GITREG_REGISTRY); the model is at {artifact}");
    return 0;
}
try
{
    using var registry = Registry.Open(options.RegistryPath);
    var result = registry.Register(request);
    Console.WriteLine($"registered {result.Manifest.Name} version {result.Manifest.Version} (registry commit {result.CommitId?[..10]})");
    File.WriteAllText(Path.Combine(options.Output, "registration.json"), JsonSerializer.Serialize(new
    {
        name = result.Manifest.Name,
        version = result.Manifest.Version,
        commit = result.CommitId,
        artifact,
        metrics,
    }, new JsonSerializerOptions { WriteIndented = true }));
    return 0;
}
catch (RegistryException e)
{
    Console.Error.WriteLine(e.Fix is null ? $"train: {e.Message}" : $"train: {e.Message}; {e.Fix}");
    return 2;
}

// The commit of the code that prepared the features and trained the model, and whether the sample had local changes
// (a tag: the manifest's code_commit is a bare commit id).
static (string? Commit, bool Dirty) CodeCommit(string directory)
{
    try
    {
        var head = Git(directory, "rev-parse", "HEAD");
        return (head, head is not null && Git(directory, "status", "--porcelain", "--", ".") is { Length: > 0 });
    }
    catch (System.ComponentModel.Win32Exception)
    {
        return (null, false);   // no git on this machine
    }
}

static string? Git(string directory, params string[] args)
{
    var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = directory };
    foreach (var arg in args)
    {
        start.ArgumentList.Add(arg);
    }
    using var process = Process.Start(start)!;
    var output = process.StandardOutput.ReadToEnd().Trim();
    process.WaitForExit();
    return process.ExitCode == 0 ? output : null;
}
