using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace GitRegistry.Tests.Import;

/// <summary>
/// Writes an MLflow file store the way MLflow's FileStore classes do (mlflow/store/tracking/file_store.py and
/// mlflow/store/model_registry/file_store.py): meta.yaml files as PyYAML's safe_dump writes them (keys sorted,
/// YAML 1.1 quoting, None as null, current_stage None as a plain string), tags, params and aliases as one file
/// per key holding the bare value (a key with '/' is a nested folder), metric files of "timestamp value step"
/// lines, run artifacts under artifacts/. Shared by the core and the command-line tests.
/// </summary>
public sealed partial class MlflowStoreBuilder
{
    public MlflowStoreBuilder(string root)
    {
        Root = root;
        Directory.CreateDirectory(Path.Combine(root, ".trash"));
        Directory.CreateDirectory(Path.Combine(root, "models"));
        Experiment("0", "Default", 1_700_000_000_000);
    }

    /// <summary>The store's folder (what MLflow's tracking URI points at).</summary>
    public string Root { get; }

    /// <summary>Where the store was when MLflow wrote it: absolute artifact URIs point there, as in a store copied from another machine.</summary>
    public string OriginalRoot { get; set; } = "/home/ada/project/mlruns";

    public void Experiment(string id, string name, long created)
    {
        WriteYaml(Path.Combine(Root, id, "meta.yaml"), new Dictionary<string, object?>
        {
            ["artifact_location"] = $"file://{OriginalRoot}/{id}",
            ["creation_time"] = created,
            ["experiment_id"] = id,
            ["last_update_time"] = created,
            ["lifecycle_stage"] = "active",
            ["name"] = name,
        });
    }

    /// <summary>A finished run with its params, metrics (each a list of (timestamp, value, step) lines), tags and artifact files.</summary>
    public string Run(string experiment, string runId, string user, long start,
        IDictionary<string, string>? parameters = null,
        IDictionary<string, (long Timestamp, string Value, long Step)[]>? metrics = null,
        IDictionary<string, string>? tags = null,
        IDictionary<string, string>? artifacts = null)
    {
        var folder = Path.Combine(Root, experiment, runId);
        WriteYaml(Path.Combine(folder, "meta.yaml"), new Dictionary<string, object?>
        {
            ["artifact_uri"] = $"file://{OriginalRoot}/{experiment}/{runId}/artifacts",
            ["end_time"] = start + 60_000,
            ["entry_point_name"] = "",
            ["experiment_id"] = experiment,
            ["lifecycle_stage"] = "active",
            ["run_id"] = runId,
            ["run_name"] = "bright-fox-" + runId[..3],
            ["run_uuid"] = runId,
            ["source_name"] = "",
            ["source_type"] = 4,
            ["source_version"] = "",
            ["start_time"] = start,
            ["status"] = 3,
            ["tags"] = new List<object>(),
            ["user_id"] = user,
        });
        foreach (var (key, value) in parameters ?? new Dictionary<string, string>())
        {
            WriteFile(Path.Combine(folder, "params", key), value);
        }
        foreach (var (key, lines) in metrics ?? new Dictionary<string, (long, string, long)[]>())
        {
            WriteFile(Path.Combine(folder, "metrics", key), string.Concat(lines.Select(l => $"{l.Timestamp} {l.Value} {l.Step}\n")));
        }
        var allTags = new Dictionary<string, string> { ["mlflow.user"] = user, ["mlflow.runName"] = "bright-fox-" + runId[..3], ["mlflow.source.type"] = "LOCAL" };
        foreach (var (key, value) in tags ?? new Dictionary<string, string>())
        {
            allTags[key] = value;
        }
        foreach (var (key, value) in allTags)
        {
            WriteFile(Path.Combine(folder, "tags", key), value);
        }
        foreach (var (path, content) in artifacts ?? new Dictionary<string, string>())
        {
            WriteFile(Path.Combine(folder, "artifacts", path), content);
        }
        return folder;
    }

    /// <summary>A registered model: meta.yaml, tags/ and aliases/ (meta.yaml's own aliases copy is given separately, as MLflow leaves it stale).</summary>
    public void RegisteredModel(string name, long created, long updated, string? description,
        IDictionary<string, string>? tags = null, IDictionary<string, int>? aliases = null, IDictionary<string, string>? staleAliases = null)
    {
        var folder = Path.Combine(Root, "models", name);
        WriteYaml(Path.Combine(folder, "meta.yaml"), new Dictionary<string, object?>
        {
            ["aliases"] = (staleAliases ?? new Dictionary<string, string>()).ToDictionary(a => a.Key, a => (object?)a.Value),
            ["creation_timestamp"] = created,
            ["description"] = description,
            ["last_updated_timestamp"] = updated,
            ["name"] = name,
        });
        foreach (var (key, value) in tags ?? new Dictionary<string, string>())
        {
            WriteFile(Path.Combine(folder, "tags", key), value);
        }
        foreach (var (alias, version) in aliases ?? new Dictionary<string, int>())
        {
            WriteFile(Path.Combine(folder, "aliases", alias), version.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>
    /// A model version's meta.yaml (MLflow 2's keys; <paramref name="extra"/> adds others such as MLflow 3's model_id)
    /// and its tags.
    /// </summary>
    public void Version(string name, int version, long created, long updated, string stage, string source, string? runId,
        string? description = null, string status = "READY", string user = "", string? storageLocation = null,
        IDictionary<string, string>? tags = null, IDictionary<string, object?>? extra = null)
    {
        var folder = Path.Combine(Root, "models", name, $"version-{version}");
        var meta = new Dictionary<string, object?>
        {
            ["aliases"] = new List<object>(),
            ["creation_timestamp"] = created,
            ["current_stage"] = stage,
            ["description"] = description ?? "",
            ["last_updated_timestamp"] = updated,
            ["name"] = name,
            ["run_id"] = runId ?? "",
            ["run_link"] = "",
            ["source"] = source,
            ["status"] = status,
            ["status_message"] = status == "READY" ? null : "Registration failed: upload interrupted",
            ["storage_location"] = storageLocation ?? source,
            ["user_id"] = user,
            ["version"] = version,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, object?>())
        {
            meta[key] = value;
        }
        WriteYaml(Path.Combine(folder, "meta.yaml"), meta);
        foreach (var (key, value) in tags ?? new Dictionary<string, string>())
        {
            WriteFile(Path.Combine(folder, "tags", key), value);
        }
    }

    /// <summary>An MLflow 3 logged model: EXPERIMENT/models/MODEL_ID/ with meta.yaml and artifacts/.</summary>
    public void LoggedModel(string experiment, string modelId, string runId, long created, IDictionary<string, string> artifacts)
    {
        var folder = Path.Combine(Root, experiment, "models", modelId);
        WriteYaml(Path.Combine(folder, "meta.yaml"), new Dictionary<string, object?>
        {
            ["artifact_location"] = $"file://{OriginalRoot}/{experiment}/models/{modelId}/artifacts",
            ["creation_timestamp"] = created,
            ["experiment_id"] = experiment,
            ["last_updated_timestamp"] = created,
            ["model_id"] = modelId,
            ["model_type"] = "",
            ["name"] = "model",
            ["source_run_id"] = runId,
            ["status"] = "READY",
        });
        foreach (var (path, content) in artifacts)
        {
            WriteFile(Path.Combine(folder, "artifacts", path), content);
        }
    }

    /// <summary>MLmodel, model.pkl, requirements.txt and conda.yaml, as mlflow.sklearn.log_model writes them.</summary>
    public static Dictionary<string, string> SklearnModel(string folder, string weights) => new()
    {
        [$"{folder}/MLmodel"] = "artifact_path: model\nflavors:\n  python_function:\n    env:\n      conda: conda.yaml\n      virtualenv: python_env.yaml\n    loader_module: mlflow.sklearn\n    model_path: model.pkl\n    python_version: 3.11.4\n  sklearn:\n    pickled_model: model.pkl\n    serialization_format: cloudpickle\n    sklearn_version: 1.3.0\nmlflow_version: 2.9.2\nmodel_uuid: 5b0e7c8f\nsignature:\n  inputs: '[{\"type\": \"double\", \"name\": \"tenure\", \"required\": true}, {\"type\": \"string\", \"name\": \"plan\", \"required\": false}]'\n  outputs: '[{\"type\": \"tensor\", \"tensor-spec\": {\"dtype\": \"float64\", \"shape\": [-1]}}]'\n  params: null\nutc_time_created: '2023-11-14 22:13:20.000000'\n",
        [$"{folder}/model.pkl"] = weights,
        [$"{folder}/requirements.txt"] = "mlflow==2.9.2\nscikit-learn==1.3.0\ncloudpickle==3.0.0\n",
        [$"{folder}/conda.yaml"] = "channels:\n- conda-forge\ndependencies:\n- python=3.11.4\n- pip\n- pip:\n  - mlflow==2.9.2\n  - scikit-learn==1.3.0\nname: mlflow-env\n",
        [$"{folder}/python_env.yaml"] = "python: 3.11.4\nbuild_dependencies:\n- pip==23.2.1\ndependencies:\n- -r requirements.txt\n",
    };

    private static void WriteFile(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    private static void WriteYaml(string path, Dictionary<string, object?> values)
    {
        var text = new StringBuilder();
        Emit(text, values, "");
        WriteFile(path, text.ToString());
    }

    private static void Emit(StringBuilder text, IDictionary<string, object?> values, string indent)
    {
        foreach (var (key, value) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            switch (value)
            {
                case IDictionary<string, object?> { Count: > 0 } nested:
                    text.Append(indent).Append(key).Append(":\n");
                    Emit(text, nested, indent + "  ");
                    break;
                case IDictionary<string, object?>:
                    text.Append(indent).Append(key).Append(": {}\n");
                    break;
                case List<object> { Count: 0 }:
                    text.Append(indent).Append(key).Append(": []\n");
                    break;
                default:
                    text.Append(indent).Append(key).Append(": ").Append(Scalar(value)).Append('\n');
                    break;
            }
        }
    }

    /// <summary>A scalar as PyYAML writes it: null, integers bare, strings plain unless YAML 1.1 would read them as something else.</summary>
    private static string Scalar(object? value) => value switch
    {
        null => "null",
        int or long => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        string s when s.Contains('\n') => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n") + "\"",
        string s when PlainSafe().IsMatch(s) && !Yaml11().IsMatch(s) => s,
        string s => "'" + s.Replace("'", "''") + "'",
        _ => throw new ArgumentException($"cannot write {value.GetType().Name}"),
    };

    [GeneratedRegex(@"^[A-Za-z_/][A-Za-z0-9_./:@\-]*$")]
    private static partial Regex PlainSafe();

    [GeneratedRegex(@"^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL)$")]
    private static partial Regex Yaml11();
}
