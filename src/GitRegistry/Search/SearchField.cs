namespace GitRegistry.Search;

/// <summary>What a filter or order-by key names.</summary>
public enum SearchFieldKind
{
    /// <summary>The model's name.</summary>
    Name,
    /// <summary>The version number (MLflow's version_number).</summary>
    Version,
    /// <summary>The training run's id.</summary>
    RunId,
    /// <summary>The artifact's URI (MLflow's source_path).</summary>
    SourcePath,
    /// <summary>The current stage.</summary>
    Stage,
    /// <summary>An alias pointing at the version.</summary>
    Alias,
    /// <summary>When it was registered (or created in the source it was imported from).</summary>
    CreatedAt,
    /// <summary>The registrant's e-mail.</summary>
    CreatedBy,
    /// <summary>The current description.</summary>
    Description,
    /// <summary>The training code's commit.</summary>
    CodeCommit,
    /// <summary>A text field of the manifest, named by <see cref="SearchField.Key"/> (data.sha256, artifact.format...).</summary>
    Text,
    /// <summary>A number of the manifest, named by <see cref="SearchField.Key"/> (data.rows, artifact.size).</summary>
    Number,
    /// <summary>A tag, by key.</summary>
    Tag,
    /// <summary>A hyperparameter, by key.</summary>
    Param,
    /// <summary>A metric, by SPLIT.METRIC.</summary>
    Metric,
}

/// <summary>A field of a model version that a filter compares or results are ordered by.</summary>
/// <param name="Kind">What it names.</param>
/// <param name="Key">The tag, param or metric key, or the manifest path of a text or number field.</param>
public sealed record SearchField(SearchFieldKind Kind, string Key)
{
    private static readonly Dictionary<string, SearchField> Attributes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["name"] = new(SearchFieldKind.Name, "name"),
        ["version_number"] = new(SearchFieldKind.Version, "version_number"),
        ["version"] = new(SearchFieldKind.Version, "version_number"),
        ["run_id"] = new(SearchFieldKind.RunId, "run_id"),
        ["source_path"] = new(SearchFieldKind.SourcePath, "source_path"),
        ["artifact.uri"] = new(SearchFieldKind.SourcePath, "source_path"),
        ["stage"] = new(SearchFieldKind.Stage, "stage"),
        ["current_stage"] = new(SearchFieldKind.Stage, "stage"),
        ["alias"] = new(SearchFieldKind.Alias, "alias"),
        ["aliases"] = new(SearchFieldKind.Alias, "alias"),
        ["created_at"] = new(SearchFieldKind.CreatedAt, "created_at"),
        ["creation_timestamp"] = new(SearchFieldKind.CreatedAt, "created_at"),
        ["created_by"] = new(SearchFieldKind.CreatedBy, "created_by"),
        ["user_id"] = new(SearchFieldKind.CreatedBy, "created_by"),
        ["description"] = new(SearchFieldKind.Description, "description"),
        ["code_commit"] = new(SearchFieldKind.CodeCommit, "code_commit"),
        ["data.sha256"] = new(SearchFieldKind.Text, "data.sha256"),
        ["data.cutoff"] = new(SearchFieldKind.Text, "data.cutoff"),
        ["data.source"] = new(SearchFieldKind.Text, "data.source"),
        ["data.rows"] = new(SearchFieldKind.Number, "data.rows"),
        ["preprocessing.version"] = new(SearchFieldKind.Text, "preprocessing.version"),
        ["preprocessing.code_commit"] = new(SearchFieldKind.Text, "preprocessing.code_commit"),
        ["artifact.sha256"] = new(SearchFieldKind.Text, "artifact.sha256"),
        ["artifact.format"] = new(SearchFieldKind.Text, "artifact.format"),
        ["artifact.size"] = new(SearchFieldKind.Number, "artifact.size"),
    };

    /// <summary>The attribute names a filter knows, for error messages.</summary>
    public static string Known => "name, version_number, run_id, source_path, stage, alias, created_at, created_by, description, code_commit, data.sha256, data.cutoff, data.source, data.rows, preprocessing.version, artifact.sha256, artifact.format, artifact.size, tags.KEY, params.KEY, metrics.SPLIT.METRIC";

    /// <summary>The field a key names (<c>name</c>, <c>tags.team</c>, <c>metrics.test.auc_roc</c>...), or null.</summary>
    public static SearchField? Find(string key)
    {
        foreach (var prefix in new[] { "attributes.", "attribute.", "attr." })
        {
            if (key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return Attributes.GetValueOrDefault(key[prefix.Length..]);
            }
        }
        if (Attributes.TryGetValue(key, out var attribute))
        {
            return attribute;
        }
        foreach (var (prefix, kind) in new[] { ("tags.", SearchFieldKind.Tag), ("tag.", SearchFieldKind.Tag), ("params.", SearchFieldKind.Param), ("param.", SearchFieldKind.Param), ("metrics.", SearchFieldKind.Metric), ("metric.", SearchFieldKind.Metric) })
        {
            if (key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && key.Length > prefix.Length)
            {
                var rest = key[prefix.Length..];
                if (kind == SearchFieldKind.Metric && !rest.Contains('.'))
                {
                    // A metric with no split is the default split an import puts unsplit metrics under.
                    rest = "default." + rest;
                }
                return new SearchField(kind, rest);
            }
        }
        return null;
    }

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        SearchFieldKind.Tag => "tags." + Key,
        SearchFieldKind.Param => "params." + Key,
        SearchFieldKind.Metric => "metrics." + Key,
        _ => Key,
    };
}
