using System.CommandLine;
using System.Security.Cryptography;
using GitRegistry.Cli.Input;
using GitRegistry.Cli.Json;
using GitRegistry.Cli.Output;
using GitRegistry.Documents;
using GitRegistry.Manifests;
using GitRegistry.Registration;

namespace GitRegistry.Cli.Commands;

internal static class RegisterCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "The model's name (created on first registration)." };
        var artifact = new Option<string?>("--artifact") { Description = "The model file to store in the registry's artifact store.", HelpName = "FILE" };
        var artifactUri = new Option<string?>("--artifact-uri") { Description = "Instead of --artifact: an artifact already in a store (file://, https://), read once to hash it.", HelpName = "URI" };
        var artifactSha = new Option<string?>("--sha256") { Description = "With --artifact-uri: the sha256 the artifact must have; checked, not trusted.", HelpName = "HEX" };
        var param = new Option<string[]>("--param") { Description = "A hyperparameter, key=value (repeatable).", HelpName = "KEY=VALUE" };
        var paramsFile = new Option<string?>("--params-file") { Description = "A JSON or YAML file of hyperparameters.", HelpName = "FILE" };
        var metric = new Option<string[]>("--metric") { Description = "A metric, split.metric=value, e.g. test.auc_roc=0.91 (repeatable).", HelpName = "SPLIT.METRIC=VALUE" };
        var metricsFile = new Option<string?>("--metrics-file") { Description = "A JSON or YAML file of metrics: {split: {metric: value}}.", HelpName = "FILE" };
        var data = new Option<string?>("--data") { Description = "The training data file; its sha256 is recorded.", HelpName = "FILE" };
        var dataSha = new Option<string?>("--data-sha256") { Description = "The training data's sha256, when the file is not at hand.", HelpName = "HEX" };
        var dataCutoff = new Option<string?>("--data-cutoff") { Description = "The training data cutoff date (ISO 8601).", HelpName = "DATE" };
        var dataSource = new Option<string?>("--data-source") { Description = "Where the data came from (URI or path).", HelpName = "URI" };
        var dataRows = new Option<long?>("--data-rows") { Description = "Number of rows in the data set.", HelpName = "N" };
        var prepVersion = new Option<string?>("--preprocessing-version") { Description = "The preprocessing version.", HelpName = "V" };
        var prepCommit = new Option<string?>("--preprocessing-commit") { Description = "The git commit of the preprocessing code.", HelpName = "SHA" };
        var codeCommit = new Option<string?>("--code-commit") { Description = "The git commit of the training code.", HelpName = "SHA" };
        var requirements = new Option<string?>("--requirements") { Description = "Pinned inference dependencies: requirements.txt, conda.yaml or packages.lock.json.", HelpName = "FILE" };
        var format = new Option<string?>("--format") { Description = "Artifact format (default: from the file extension).", HelpName = "FORMAT" };
        format.AcceptOnlyFromAmong("onnx", "mlnet", "pickle", "savedmodel", "other");
        var signature = new Option<string?>("--signature-file") { Description = "A JSON or YAML file: {inputs: [{name, type}], outputs: [...]}.", HelpName = "FILE" };
        var tag = new Option<string[]>("--tag") { Description = "A tag, key=value (repeatable).", HelpName = "KEY=VALUE" };
        var description = new Option<string?>("--description") { Description = "A description of this version.", HelpName = "TEXT" };
        var runId = new Option<string?>("--run-id") { Description = "The experiment-tracker run it came from.", HelpName = "ID" };
        var runUri = new Option<string?>("--run-uri") { Description = "A link to that run.", HelpName = "URI" };

        var command = new Command("register", "Register a new version of a model: store the artifact, write its manifest, commit (signed).")
        {
            name, artifact, artifactUri, artifactSha, param, paramsFile, metric, metricsFile, data, dataSha, dataCutoff, dataSource, dataRows,
            prepVersion, prepCommit, codeCommit, requirements, format, signature, tag, description, runId, runUri,
        };
        command.SetAction(parse => CommandRunner.Run(parse, context =>
        {
            var parameters = new Dictionary<string, object>(StringComparer.Ordinal);
            if (context.Get(paramsFile) is { } pf)
            {
                foreach (var (key, value) in ValueParser.ParamsFile(pf))
                {
                    parameters[key] = value;
                }
            }
            foreach (var text in context.Get(param) ?? [])
            {
                var (key, value) = ValueParser.KeyValue(text, "--param");
                parameters[key] = ValueParser.ParamValue(value);
            }

            var metrics = new Dictionary<string, IDictionary<string, double>>(StringComparer.Ordinal);
            void AddMetric(string split, string metricName, double value)
            {
                if (!metrics.TryGetValue(split, out var bySplit))
                {
                    metrics[split] = bySplit = new Dictionary<string, double>(StringComparer.Ordinal);
                }
                bySplit[metricName] = value;
            }
            if (context.Get(metricsFile) is { } mf)
            {
                foreach (var (split, metricName, value) in ValueParser.MetricsFile(mf))
                {
                    AddMetric(split, metricName, value);
                }
            }
            foreach (var text in context.Get(metric) ?? [])
            {
                var (key, value) = ValueParser.KeyValue(text, "--metric");
                var (split, metricName) = ValueParser.SplitMetric(key, "--metric");
                AddMetric(split, metricName, ValueParser.MetricValue(value, key));
            }

            var tags = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var text in context.Get(tag) ?? [])
            {
                var (key, value) = ValueParser.KeyValue(text, "--tag");
                tags[key] = value;
            }

            var dataFile = context.Get(data);
            if (dataFile is not null && context.Get(dataSha) is not null)
            {
                throw new RegistryException(ErrorKind.Usage, "--data and --data-sha256 both give the data's hash", "pass one of them");
            }
            var dataHash = dataFile is null ? context.Get(dataSha)?.ToLowerInvariant() : HashFile(dataFile);
            DataLineage? lineage = dataHash is null && context.Get(dataCutoff) is null && context.Get(dataSource) is null && context.Get(dataRows) is null
                ? null
                : new DataLineage { Sha256 = dataHash, Cutoff = context.Get(dataCutoff), Source = context.Get(dataSource), Rows = context.Get(dataRows) };
            Preprocessing? preprocessing = context.Get(prepVersion) is null && context.Get(prepCommit) is null
                ? null
                : new Preprocessing { Version = context.Get(prepVersion), CodeCommit = context.Get(prepCommit)?.ToLowerInvariant() };
            ModelSignature? modelSignature = context.Get(signature) is { } sf
                ? DocumentSerializer.Convert<ModelSignature>(ValueParser.ReadFile(sf, "--signature-file"))
                : null;

            var artifactPath = context.Get(artifact);
            var uri = context.Get(artifactUri);
            if ((artifactPath is null) == (uri is null))
            {
                throw new RegistryException(ErrorKind.Usage, "pass exactly one of --artifact and --artifact-uri", "--artifact FILE stores a file; --artifact-uri URI references one already in a store");
            }
            if (context.Get(artifactSha) is not null && uri is null)
            {
                throw new RegistryException(ErrorKind.Usage, "--sha256 goes with --artifact-uri", "with --artifact the file is hashed as it is stored");
            }
            // The size of a URI's artifact is known only once it has been read, so only a file shows a bar.
            var size = artifactPath is not null && File.Exists(artifactPath) ? new FileInfo(artifactPath).Length : 0;
            var registry = context.Registry;
            var what = artifactPath is not null ? $"Storing {Path.GetFileName(artifactPath)}" : $"Hashing {uri}";
            var result = ProgressReporter.Run(context.Output, what, size, progress => registry.Register(new RegistrationRequest
            {
                Name = context.Get(name),
                ArtifactPath = artifactPath,
                ArtifactUri = uri,
                Sha256 = context.Get(artifactSha)?.ToLowerInvariant(),
                Format = context.Get(format),
                Params = parameters,
                Metrics = metrics,
                Data = lineage,
                Preprocessing = preprocessing,
                CodeCommit = context.Get(codeCommit)?.ToLowerInvariant(),
                RequirementsPath = context.Get(requirements),
                Signature = modelSignature,
                Tags = tags,
                Description = context.Get(description),
                Run = context.Get(runId) is { } id ? new RunInfo { Id = id, Uri = context.Get(runUri) } : null,
                Progress = progress,
            }));

            if (context.Output.Json)
            {
                var json = Views.Version(registry.GetVersion(result.Manifest.Name, result.Manifest.Version));
                json["commit"] = result.CommitId;
                context.Output.WriteJson(json);
            }
            else
            {
                var m = result.Manifest;
                context.Output.Plain($"Registered {m.Name} version {m.Version} (models:/{m.Name}/{m.Version})");
                context.Output.Plain($"  artifact {m.Artifact.FileName}, {m.Artifact.Size} bytes, sha256 {m.Artifact.Sha256}");
                context.Output.Plain($"  commit   {result.CommitId}");
            }
            return 0;
        }));
        return command;
    }

    private static string HashFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new RegistryException(ErrorKind.NotFound, $"the data file '{path}' given to --data does not exist", "check the path, or pass --data-sha256 HEX");
        }
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
