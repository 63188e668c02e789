using GitRegistry.Documents;

namespace GitRegistry.Tests.Schemas;

/// <summary>
/// A valid file of each kind, and for each constraint in each schema a copy broken in exactly that way. The same
/// files serve the schema tests (our validator must name file, line and field) and the ajv cross-check.
/// </summary>
public static class SchemaCorpus
{
    public const string Registry = """
        format: 1
        name: ml-registry
        main_branch: main
        stages:
          - name: None
            description: Registered, not yet in use.
          - name: Staging
          - name: Production
            exclusive: true
          - name: Archived
        artifact_store:
          type: local
          path: gitreg/artifacts
        policy: {}
        signers: {}

        """;

    public const string Model = """
        name: churn_predictor
        description: Predicts which customers cancel within 30 days.
        tags:
          team: growth
        aliases:
          champion: 7
        versions:
          "6":
            stage: Archived
            deleted:
              at: "2026-11-20T10:00:00Z"
              by:
                name: Ada Lovelace
                email: ada@example.com
              comment: superseded
          "7":
            stage: Production
            description: Retrained on October data.
            tags:
              validated: "true"

        """;

    public const string Manifest = """
        name: churn_predictor
        version: 7
        created_at: "2026-11-25T19:03:03Z"
        created_by:
          name: Ada Lovelace
          email: ada@example.com
        description: Predicts which customers cancel within 30 days.
        params:
          learning_rate: 0.1
          num_trees: 200
          objective: binary
          early_stopping: true
        metrics:
          train:
            auc_roc: 0.95
          test:
            auc_roc: 0.91
            log_loss: 0.31
        data:
          sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
          cutoff: "2026-10-31"
          source: s3://data/churn/2026-10.parquet
          rows: 120000
        preprocessing:
          version: "1.4.2"
          code_commit: 3f2a9c1
        code_commit: a1b2c3d4e5f6
        artifact:
          uri: cas://sha256/2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae
          sha256: 2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae
          size: 1048576
          format: onnx
          file_name: model.onnx
        dependencies:
          file_name: requirements.txt
          sha256: 5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03
          content: |
            onnxruntime==1.19.2
            numpy==2.1.0
        signature:
          inputs:
          - name: tenure
            type: float
            shape: [-1, 3]
            optional: false
          outputs:
          - name: score
            type: double
        tags:
          team: growth
        run:
          id: run-42
          uri: https://tracker.example.com/runs/42

        """;

    private static readonly Lazy<IReadOnlyList<SchemaCase>> Cases = new(Build);

    /// <summary>Every case, valid and broken.</summary>
    public static IReadOnlyList<SchemaCase> All => Cases.Value;

    /// <summary>The case with this id.</summary>
    public static SchemaCase Get(string id) => All.Single(c => c.Id == id);

    /// <summary>Ids of the broken cases of one kind, for theories.</summary>
    public static TheoryData<string> BrokenIds(DocumentKind kind) => new(All.Where(c => c.Kind == kind && !c.Valid).Select(c => c.Id));

    /// <summary>Ids of the valid cases, for theories.</summary>
    public static TheoryData<string> ValidIds() => new(All.Where(c => c.Valid).Select(c => c.Id));

    private static IReadOnlyList<SchemaCase> Build()
    {
        var cases = new List<SchemaCase>();
        cases.AddRange(RegistryCases());
        cases.AddRange(ModelCases());
        cases.AddRange(ManifestCases());
        var duplicates = cases.GroupBy(c => c.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        return duplicates.Count == 0 ? cases : throw new InvalidOperationException("duplicate case ids: " + string.Join(", ", duplicates));
    }

    private static IEnumerable<SchemaCase> RegistryCases()
    {
        const DocumentKind k = DocumentKind.Registry;
        var b = Registry;
        yield return Good("registry/valid", k, b);
        yield return Good("registry/valid-minimal", k, "format: 1\nname: r\nstages:\n  - name: None\n  - name: Archived\n");
        yield return Good("registry/valid-name-128", k, With(b, "name: ml-registry", "name: " + new string('r', 128)));
        yield return Good("registry/valid-file-store", k, With(b, "  type: local\n  path: gitreg/artifacts\n", "  type: file\n  path: /mnt/models/registry\n"));
        yield return Good("registry/valid-http-store", k, With(b, "  type: local\n  path: gitreg/artifacts\n", "  type: http\n  url: https://models.example.com/\n  token_variable: MODELS_TOKEN\n"));
        yield return Good("registry/valid-azblob-store", k, With(b, "  type: local\n  path: gitreg/artifacts\n", "  type: azblob\n  account: mlartifacts\n  container: models\n  prefix: registry\n  connection_string_variable: AZURE_STORAGE_CONNECTION_STRING\n"));
        yield return Good("registry/valid-s3-store", k, With(b, "  type: local\n  path: gitreg/artifacts\n", "  type: s3\n  bucket: ml-artifacts\n  prefix: registry\n  region: eu-west-1\n  endpoint: http://minio.internal:9000\n  force_path_style: true\n"));

        // required
        yield return Bad("registry/required-format", k, Without(b, "format: 1\n"), "format", "name: ml-registry");
        yield return Bad("registry/required-name", k, Without(b, "name: ml-registry\n"), "name", "format: 1");
        yield return Bad("registry/required-stages", k, Without(b, "stages:\n  - name: None\n    description: Registered, not yet in use.\n  - name: Staging\n  - name: Production\n    exclusive: true\n  - name: Archived\n"), "stages", "format: 1");
        yield return Bad("registry/required-stage-name", k, With(b, "  - name: Staging\n", "  - description: Under evaluation.\n"), "stages[1].name", "  - description: Under evaluation.");
        // additionalProperties: false, at each level
        yield return Bad("registry/unknown-field", k, b + "owner: ml-platform\n", "owner", "owner: ml-platform");
        yield return Bad("registry/unknown-stage-field", k, With(b, "  - name: Staging\n", "  - name: Staging\n    colour: amber\n"), "stages[1].colour", "colour: amber");
        yield return Bad("registry/unknown-artifact-store-field", k, With(b, "  type: local\n", "  type: local\n  flavour: fast\n"), "artifact_store.flavour", "flavour: fast");
        // types
        yield return Bad("registry/format-type", k, With(b, "format: 1", "format: \"1\""), "format", "format:");
        yield return Bad("registry/stages-type", k, b.Replace("stages:\n  - name: None\n    description: Registered, not yet in use.\n  - name: Staging\n  - name: Production\n    exclusive: true\n  - name: Archived\n", "stages: None\n", StringComparison.Ordinal), "stages", "stages: None");
        yield return Bad("registry/stage-type", k, With(b, "  - name: Staging\n", "  - Staging\n"), "stages[1]", "  - Staging");
        yield return Bad("registry/exclusive-type", k, With(b, "    exclusive: true", "    exclusive: \"yes\""), "stages[2].exclusive", "exclusive:");
        yield return Bad("registry/policy-type", k, With(b, "policy: {}", "policy: []"), "policy", "policy:");
        yield return Bad("registry/signers-type", k, With(b, "signers: {}", "signers: alice"), "signers", "signers:");
        yield return Bad("registry/artifact-store-type", k, With(b, "artifact_store:\n  type: local\n  path: gitreg/artifacts\n", "artifact_store: local\n"), "artifact_store", "artifact_store:");
        // enums
        yield return Bad("registry/format-enum", k, With(b, "format: 1", "format: 2"), "format", "format:");
        yield return Bad("registry/artifact-store-type-enum", k, With(b, "  type: local", "  type: ftp"), "artifact_store.type", "type: ftp");
        yield return Bad("registry/artifact-store-s3-bucket-pattern", k, With(b, "  type: local\n  path: gitreg/artifacts\n", "  type: s3\n  bucket: Models_Bucket\n"), "artifact_store.bucket", "bucket:");
        yield return Bad("registry/artifact-store-token-variable-pattern", k, With(b, "  type: local\n  path: gitreg/artifacts\n", "  type: http\n  token_variable: \"my token\"\n"), "artifact_store.token_variable", "token_variable:");
        yield return Bad("registry/artifact-store-force-path-style-type", k, With(b, "  type: local\n  path: gitreg/artifacts\n", "  type: s3\n  bucket: models\n  force_path_style: \"yes\"\n"), "artifact_store.force_path_style", "force_path_style:");
        // minItems
        yield return Bad("registry/stages-min-items", k, With(b, "  - name: Staging\n  - name: Production\n    exclusive: true\n  - name: Archived\n", ""), "stages", "  - name: None");
        // lengths
        yield return Bad("registry/name-min-length", k, With(b, "name: ml-registry", "name: \"\""), "name", "name:");
        yield return Bad("registry/name-max-length", k, With(b, "name: ml-registry", "name: " + new string('r', 129)), "name", "name:");
        yield return Bad("registry/stage-description-max-length", k, With(b, "    description: Registered, not yet in use.", "    description: " + new string('d', 1001)), "stages[0].description", "description:");
        yield return Bad("registry/artifact-store-path-min-length", k, With(b, "  path: gitreg/artifacts", "  path: \"\""), "artifact_store.path", "path:");
        yield return Bad("registry/artifact-store-path-max-length", k, With(b, "  path: gitreg/artifacts", "  path: " + new string('p', 4097)), "artifact_store.path", "path:");
        // patterns
        yield return Bad("registry/name-pattern-line-break", k, With(b, "name: ml-registry", "name: \"ml\\nregistry\""), "name", "name:");
        yield return Bad("registry/name-pattern-trailing-line-break", k, With(b, "name: ml-registry", "name: \"ml-registry\\n\""), "name", "name:");
        yield return Bad("registry/main-branch-pattern", k, With(b, "main_branch: main", "main_branch: my branch"), "main_branch", "main_branch:");
        yield return Bad("registry/stage-name-pattern-space", k, With(b, "  - name: Staging", "  - name: Pre Prod"), "stages[1].name", "Pre Prod");
        yield return Bad("registry/stage-name-pattern-digit-first", k, With(b, "  - name: Staging", "  - name: 1st"), "stages[1].name", "1st");
        yield return Bad("registry/stage-name-pattern-33-characters", k, With(b, "  - name: Staging", "  - name: S" + new string('s', 32)), "stages[1].name", "  - name: Ss");
    }

    private static IEnumerable<SchemaCase> ModelCases()
    {
        const DocumentKind k = DocumentKind.Model;
        var b = Model;
        yield return Good("model/valid", k, b);
        yield return Good("model/valid-minimal", k, "name: churn_predictor\nversions: {}\n");
        yield return Good("model/valid-alias-like-reserved", k, With(b, "  champion: 7", "  latest2: 7\n  v1a: 7\n  v: 7"));
        yield return Good("model/valid-largest-version", k, With(b, "  \"7\":", "  \"999999999\":"));
        yield return Good("model/valid-unicode-text", k, With(b, "description: Predicts which customers cancel within 30 days.", "description: \"Prédit le churn 🚀 — 予測\""));

        // required
        yield return Bad("model/required-name", k, Without(b, "name: churn_predictor\n"), "name", "description:");
        yield return Bad("model/required-versions", k, b[..b.IndexOf("versions:", StringComparison.Ordinal)], "versions", "name:");
        yield return Bad("model/required-stage", k, With(b, "    stage: Production\n", ""), "versions.7.stage", "    description: Retrained");
        yield return Bad("model/required-deleted-at", k, Without(b, "      at: \"2026-11-20T10:00:00Z\"\n"), "versions.6.deleted.at", "      by:");
        yield return Bad("model/required-deleted-by", k, Without(b, "      by:\n        name: Ada Lovelace\n        email: ada@example.com\n"), "versions.6.deleted.by", "      at:");
        yield return Bad("model/required-person-name", k, Without(b, "        name: Ada Lovelace\n"), "versions.6.deleted.by.name", "        email:");
        yield return Bad("model/required-person-email", k, Without(b, "        email: ada@example.com\n"), "versions.6.deleted.by.email", "        name: Ada");
        // additionalProperties: false
        yield return Bad("model/unknown-field", k, b + "owner: growth-team\n", "owner", "owner:");
        yield return Bad("model/unknown-version-field", k, With(b, "    stage: Production\n", "    stage: Production\n    colour: green\n"), "versions.7.colour", "colour:");
        yield return Bad("model/unknown-deleted-field", k, With(b, "      comment: superseded\n", "      comment: superseded\n      reason: drift\n"), "versions.6.deleted.reason", "reason:");
        yield return Bad("model/unknown-person-field", k, With(b, "        email: ada@example.com\n", "        email: ada@example.com\n        phone: \"555\"\n"), "versions.6.deleted.by.phone", "phone:");
        // patternProperties keys
        yield return Bad("model/tag-key-pattern", k, With(b, "  team: growth", "  team!: growth"), "tags.team!", "team!:");
        yield return Bad("model/tag-key-too-long", k, With(b, "  team: growth", "  " + new string('t', 129) + ": growth"), "tags." + new string('t', 129), "  ttt");
        yield return Bad("model/version-tag-key-pattern", k, With(b, "      validated: \"true\"", "      \"validated by\": \"true\""), "versions.7.tags['validated by']", "validated by");
        yield return Bad("model/alias-key-latest", k, With(b, "  champion: 7", "  latest: 7"), "aliases.latest", "latest:");
        yield return Bad("model/alias-key-version-like", k, With(b, "  champion: 7", "  v3: 7"), "aliases.v3", "v3:");
        yield return Bad("model/alias-key-upper-case", k, With(b, "  champion: 7", "  Champion: 7"), "aliases.Champion", "Champion:");
        yield return Bad("model/alias-key-dot-dot", k, With(b, "  champion: 7", "  a..b: 7"), "aliases['a..b']", "a..b:");
        yield return Bad("model/alias-key-trailing-line-break", k, With(b, "  champion: 7", "  \"champion\\n\": 7"), "aliases['champion\\n']", "champion\\n");
        yield return Bad("model/version-key-leading-zero", k, With(b, "  \"7\":", "  \"07\":"), "versions.07", "\"07\":");
        yield return Bad("model/version-key-zero", k, With(b, "  \"7\":", "  \"0\":"), "versions.0", "\"0\":");
        yield return Bad("model/version-key-ten-digits", k, With(b, "  \"7\":", "  \"1000000000\":"), "versions.1000000000", "\"1000000000\":");
        yield return Bad("model/version-key-word", k, With(b, "  \"7\":", "  seven:"), "versions.seven", "  seven:");
        // types
        yield return Bad("model/tag-value-type", k, With(b, "  team: growth", "  team: 5"), "tags.team", "team:");
        yield return Bad("model/alias-value-type", k, With(b, "  champion: 7", "  champion: \"7\""), "aliases.champion", "champion:");
        yield return Bad("model/alias-value-not-integer", k, With(b, "  champion: 7", "  champion: 7.5"), "aliases.champion", "champion:");
        yield return Bad("model/versions-type", k, b[..b.IndexOf("versions:", StringComparison.Ordinal)] + "versions: []\n", "versions", "versions:");
        yield return Bad("model/version-state-type", k, With(b, "  \"7\":\n    stage: Production\n    description: Retrained on October data.\n    tags:\n      validated: \"true\"\n", "  \"7\": Production\n"), "versions.7", "\"7\":");
        yield return Bad("model/description-type", k, With(b, "description: Predicts which customers cancel within 30 days.", "description: [a, b]"), "description", "description:");
        yield return Bad("model/deleted-type", k, With(b, "    deleted:\n      at: \"2026-11-20T10:00:00Z\"\n      by:\n        name: Ada Lovelace\n        email: ada@example.com\n      comment: superseded\n", "    deleted: true\n"), "versions.6.deleted", "deleted:");
        // minimum
        yield return Bad("model/alias-value-minimum", k, With(b, "  champion: 7", "  champion: 0"), "aliases.champion", "champion:");
        // patterns
        yield return Bad("model/name-pattern-upper-case", k, With(b, "name: churn_predictor", "name: Churn"), "name", "name:");
        yield return Bad("model/name-pattern-dot-dot", k, With(b, "name: churn_predictor", "name: churn..predictor"), "name", "name:");
        yield return Bad("model/name-pattern-leading-dot", k, With(b, "name: churn_predictor", "name: .churn"), "name", "name:");
        yield return Bad("model/name-pattern-65-characters", k, With(b, "name: churn_predictor", "name: " + new string('c', 65)), "name", "name:");
        yield return Bad("model/name-pattern-trailing-line-break", k, With(b, "name: churn_predictor", "name: \"churn_predictor\\n\""), "name", "name:");
        yield return Bad("model/stage-pattern-space", k, With(b, "    stage: Production", "    stage: In Production"), "versions.7.stage", "In Production");
        yield return Bad("model/stage-pattern-digit-first", k, With(b, "    stage: Production", "    stage: 9lives"), "versions.7.stage", "9lives");
        yield return Bad("model/deleted-at-pattern", k, With(b, "      at: \"2026-11-20T10:00:00Z\"", "      at: \"2026-11-20\""), "versions.6.deleted.at", "at:");
        yield return Bad("model/person-email-pattern", k, With(b, "        email: ada@example.com", "        email: ada.example.com"), "versions.6.deleted.by.email", "email:");
        yield return Bad("model/person-name-pattern", k, With(b, "        name: Ada Lovelace", "        name: Ada <ada@example.com>"), "versions.6.deleted.by.name", "name: Ada");
        // lengths
        yield return Bad("model/description-max-length", k, With(b, "description: Predicts which customers cancel within 30 days.", "description: " + new string('d', 20001)), "description", "description:");
        yield return Bad("model/version-description-max-length", k, With(b, "    description: Retrained on October data.", "    description: " + new string('d', 20001)), "versions.7.description", "    description:");
        yield return Bad("model/tag-value-max-length", k, With(b, "  team: growth", "  team: " + new string('g', 5001)), "tags.team", "team:");
        yield return Bad("model/deleted-comment-max-length", k, With(b, "      comment: superseded", "      comment: " + new string('c', 5001)), "versions.6.deleted.comment", "comment:");
        yield return Bad("model/person-name-max-length", k, With(b, "        name: Ada Lovelace", "        name: " + new string('n', 257)), "versions.6.deleted.by.name", "        name: nnn");
        yield return Bad("model/person-name-min-length", k, With(b, "        name: Ada Lovelace", "        name: \"\""), "versions.6.deleted.by.name", "        name: \"\"");
    }

    private static IEnumerable<SchemaCase> ManifestCases()
    {
        const DocumentKind k = DocumentKind.ModelVersion;
        var b = Manifest;
        const string artifact = "artifact:\n  uri: cas://sha256/2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae\n  sha256: 2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae\n  size: 1048576\n  format: onnx\n  file_name: model.onnx\n";
        yield return Good("manifest/valid", k, b);
        yield return Good("manifest/valid-minimal", k,
            "name: m\nversion: 1\ncreated_at: \"2026-11-25T19:03:03Z\"\ncreated_by: {name: a, email: a@b}\n" + artifact);
        yield return Good("manifest/valid-fractional-seconds", k, With(b, "created_at: \"2026-11-25T19:03:03Z\"", "created_at: \"2026-11-25T19:03:03.1234567Z\""));
        yield return Good("manifest/valid-cutoff-with-offset", k, With(b, "  cutoff: \"2026-10-31\"", "  cutoff: \"2026-10-31T23:59:59+02:00\""));
        yield return Good("manifest/valid-largest-version", k, With(b, "version: 7", "version: 999999999"));
        yield return Good("manifest/valid-empty-maps", k, With(With(b, "  team: growth\n", ""), "tags:\n", "tags: {}\n"));
        yield return Good("manifest/valid-unicode-file-name", k, With(b, "  file_name: model.onnx", "  file_name: \"modèle v2 (final).onnx\""));
        yield return Good("manifest/valid-64-character-commit", k, With(b, "code_commit: a1b2c3d4e5f6", "code_commit: " + new string('a', 64)));

        // required, at each level
        yield return Bad("manifest/required-name", k, Without(b, "name: churn_predictor\n"), "name", "version:");
        yield return Bad("manifest/required-version", k, Without(b, "version: 7\n"), "version", "name:");
        yield return Bad("manifest/required-created-at", k, Without(b, "created_at: \"2026-11-25T19:03:03Z\"\n"), "created_at", "name:");
        yield return Bad("manifest/required-created-by", k, Without(b, "created_by:\n  name: Ada Lovelace\n  email: ada@example.com\n"), "created_by", "name:");
        yield return Bad("manifest/required-artifact", k, Without(b, artifact), "artifact", "name:");
        yield return Bad("manifest/required-person-email", k, Without(b, "  email: ada@example.com\n"), "created_by.email", "  name: Ada");
        yield return Bad("manifest/required-person-name", k, Without(b, "  name: Ada Lovelace\n"), "created_by.name", "  email:");
        yield return Bad("manifest/required-artifact-uri", k, Without(b, "  uri: cas://sha256/2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae\n"), "artifact.uri", "  sha256: 2c26");
        yield return Bad("manifest/required-artifact-sha256", k, Without(b, "  sha256: 2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae\n"), "artifact.sha256", "  uri: cas:");
        yield return Bad("manifest/required-artifact-size", k, Without(b, "  size: 1048576\n"), "artifact.size", "  uri: cas:");
        yield return Bad("manifest/required-artifact-format", k, Without(b, "  format: onnx\n"), "artifact.format", "  uri: cas:");
        yield return Bad("manifest/required-artifact-file-name", k, Without(b, "  file_name: model.onnx\n"), "artifact.file_name", "  uri: cas:");
        yield return Bad("manifest/required-dependencies-file-name", k, Without(b, "  file_name: requirements.txt\n"), "dependencies.file_name", "  sha256: 5891");
        yield return Bad("manifest/required-dependencies-sha256", k, Without(b, "  sha256: 5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03\n"), "dependencies.sha256", "  file_name: requirements.txt");
        yield return Bad("manifest/required-column-name", k, Without(b, "  - name: tenure\n    type: float\n", "  - type: float\n"), "signature.inputs[0].name", "  - type: float");
        yield return Bad("manifest/required-column-type", k, Without(b, "    type: double\n"), "signature.outputs[0].type", "  - name: score");
        yield return Bad("manifest/required-run-id", k, Without(b, "  id: run-42\n"), "run.id", "  uri: https://tracker");
        // additionalProperties: false, at each level
        yield return Bad("manifest/unknown-field", k, b + "owner: growth\n", "owner", "owner:");
        yield return Bad("manifest/unknown-person-field", k, With(b, "  email: ada@example.com\n", "  email: ada@example.com\n  phone: \"555\"\n"), "created_by.phone", "phone:");
        yield return Bad("manifest/unknown-data-field", k, With(b, "  rows: 120000\n", "  rows: 120000\n  owner: data-team\n"), "data.owner", "owner:");
        yield return Bad("manifest/unknown-preprocessing-field", k, With(b, "  code_commit: 3f2a9c1\n", "  code_commit: 3f2a9c1\n  tool: sklearn\n"), "preprocessing.tool", "tool:");
        yield return Bad("manifest/unknown-artifact-field", k, With(b, "  file_name: model.onnx\n", "  file_name: model.onnx\n  compression: gzip\n"), "artifact.compression", "compression:");
        yield return Bad("manifest/unknown-dependencies-field", k, With(b, "  file_name: requirements.txt\n", "  file_name: requirements.txt\n  installer: pip\n"), "dependencies.installer", "installer:");
        yield return Bad("manifest/unknown-signature-field", k, With(b, "signature:\n", "signature:\n  examples: []\n"), "signature.examples", "examples:");
        yield return Bad("manifest/unknown-column-field", k, With(b, "    optional: false\n", "    optional: false\n    unit: days\n"), "signature.inputs[0].unit", "unit:");
        yield return Bad("manifest/unknown-run-field", k, With(b, "  id: run-42\n", "  id: run-42\n  experiment: churn\n"), "run.experiment", "experiment:");
        // patternProperties keys
        yield return Bad("manifest/metrics-split-pattern-upper-case", k, With(b, "  test:\n", "  Test:\n"), "metrics.Test", "  Test:");
        yield return Bad("manifest/metrics-split-pattern-digit-first", k, With(b, "  test:\n", "  1st:\n"), "metrics.1st", "  1st:");
        yield return Bad("manifest/metric-name-pattern", k, With(b, "    log_loss: 0.31", "    1-log_loss: 0.31"), "metrics.test.1-log_loss", "1-log_loss:");
        yield return Bad("manifest/tag-key-pattern", k, With(b, "  team: growth", "  team!: growth"), "tags.team!", "team!:");
        // types
        yield return Bad("manifest/version-type-string", k, With(b, "version: 7", "version: \"7\""), "version", "version:");
        yield return Bad("manifest/version-type-fraction", k, With(b, "version: 7", "version: 7.5"), "version", "version:");
        yield return Bad("manifest/created-by-type", k, With(b, "created_by:\n  name: Ada Lovelace\n  email: ada@example.com\n", "created_by: Ada Lovelace\n"), "created_by", "created_by:");
        yield return Bad("manifest/description-type", k, With(b, "description: Predicts which customers cancel within 30 days.", "description: 42"), "description", "description:");
        yield return Bad("manifest/params-type", k, With(b, "params:\n  learning_rate: 0.1\n  num_trees: 200\n  objective: binary\n  early_stopping: true\n", "params: [0.1, 200]\n"), "params", "params:");
        yield return Bad("manifest/param-value-type", k, With(b, "  learning_rate: 0.1", "  learning_rate: [0.1, 0.01]"), "params.learning_rate", "learning_rate:");
        yield return Bad("manifest/metric-value-string", k, With(b, "    auc_roc: 0.91", "    auc_roc: \"0.91\""), "metrics.test.auc_roc", "    auc_roc: \"0.91\"");
        yield return Bad("manifest/metric-value-boolean", k, With(b, "    auc_roc: 0.91", "    auc_roc: true"), "metrics.test.auc_roc", "    auc_roc: true");
        yield return Bad("manifest/metric-value-null", k, With(b, "    auc_roc: 0.91", "    auc_roc: null"), "metrics.test.auc_roc", "    auc_roc: null");
        yield return Bad("manifest/metrics-split-type", k, With(b, "  train:\n    auc_roc: 0.95\n", "  train: 0.95\n"), "metrics.train", "train:");
        yield return Bad("manifest/rows-type", k, With(b, "  rows: 120000", "  rows: 1.5"), "data.rows", "rows:");
        yield return Bad("manifest/size-type", k, With(b, "  size: 1048576", "  size: 1 MB"), "artifact.size", "size:");
        yield return Bad("manifest/inputs-type", k, With(b, "  inputs:\n  - name: tenure\n    type: float\n    shape: [-1, 3]\n    optional: false\n", "  inputs: {}\n"), "signature.inputs", "inputs:");
        yield return Bad("manifest/shape-item-type", k, With(b, "    shape: [-1, 3]", "    shape: [-1, three]"), "signature.inputs[0].shape[1]", "shape:");
        yield return Bad("manifest/optional-type", k, With(b, "    optional: false", "    optional: \"no\""), "signature.inputs[0].optional", "optional:");
        yield return Bad("manifest/tag-value-type", k, With(b, "  team: growth", "  team: 5"), "tags.team", "team: 5");
        yield return Bad("manifest/dependencies-content-type", k, With(b, "  content: |\n    onnxruntime==1.19.2\n    numpy==2.1.0\n", "  content: 5\n"), "dependencies.content", "content:");
        yield return Bad("manifest/run-id-type", k, With(b, "  id: run-42", "  id: 42"), "run.id", "id: 42");
        // minimum and maximum
        yield return Bad("manifest/version-minimum", k, With(b, "version: 7", "version: 0"), "version", "version:");
        yield return Bad("manifest/version-maximum", k, With(b, "version: 7", "version: 1000000000"), "version", "version:");
        yield return Bad("manifest/size-minimum", k, With(b, "  size: 1048576", "  size: -1"), "artifact.size", "size:");
        yield return Bad("manifest/rows-minimum", k, With(b, "  rows: 120000", "  rows: -1"), "data.rows", "rows:");
        yield return Bad("manifest/shape-item-minimum", k, With(b, "    shape: [-1, 3]", "    shape: [-2, 3]"), "signature.inputs[0].shape[0]", "shape:");
        yield return Bad("manifest/params-max-properties", k, With(b, "  early_stopping: true\n", "  early_stopping: true\n" + string.Concat(Enumerable.Range(0, 9997).Select(i => $"  p{i}: {i}\n"))), "params", "  learning_rate:");
        // enums
        yield return Bad("manifest/format-enum", k, With(b, "  format: onnx", "  format: tflite"), "artifact.format", "format:");
        yield return Bad("manifest/format-enum-case", k, With(b, "  format: onnx", "  format: ONNX"), "artifact.format", "format:");
        yield return Bad("manifest/column-type-enum", k, With(b, "    type: float", "    type: float32"), "signature.inputs[0].type", "float32");
        // patterns
        yield return Bad("manifest/name-pattern", k, With(b, "name: churn_predictor", "name: Churn Predictor"), "name", "name:");
        yield return Bad("manifest/name-pattern-trailing-line-break", k, With(b, "name: churn_predictor", "name: \"churn_predictor\\n\""), "name", "name:");
        yield return Bad("manifest/created-at-pattern-space", k, With(b, "created_at: \"2026-11-25T19:03:03Z\"", "created_at: \"2026-11-25 19:03:03Z\""), "created_at", "created_at:");
        yield return Bad("manifest/created-at-pattern-no-zone", k, With(b, "created_at: \"2026-11-25T19:03:03Z\"", "created_at: \"2026-11-25T19:03:03\""), "created_at", "created_at:");
        yield return Bad("manifest/created-at-pattern-offset", k, With(b, "created_at: \"2026-11-25T19:03:03Z\"", "created_at: \"2026-11-25T19:03:03+01:00\""), "created_at", "created_at:");
        yield return Bad("manifest/created-at-pattern-date-only", k, With(b, "created_at: \"2026-11-25T19:03:03Z\"", "created_at: \"2026-11-25\""), "created_at", "created_at:");
        yield return Bad("manifest/email-pattern-no-at", k, With(b, "  email: ada@example.com", "  email: ada.example.com"), "created_by.email", "email:");
        yield return Bad("manifest/email-pattern-two-ats", k, With(b, "  email: ada@example.com", "  email: ada@@example.com"), "created_by.email", "email:");
        yield return Bad("manifest/email-pattern-space", k, With(b, "  email: ada@example.com", "  email: ada lovelace@example.com"), "created_by.email", "email:");
        yield return Bad("manifest/email-pattern-trailing-line-break", k, With(b, "  email: ada@example.com", "  email: \"ada@example.com\\n\""), "created_by.email", "email:");
        yield return Bad("manifest/person-name-pattern", k, With(b, "  name: Ada Lovelace", "  name: Ada <ada@example.com>"), "created_by.name", "  name: Ada");
        yield return Bad("manifest/data-sha256-pattern-upper-case", k, With(b, "  sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "  sha256: 9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08"), "data.sha256", "sha256: 9F86");
        yield return Bad("manifest/data-sha256-pattern-63-characters", k, With(b, "  sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "  sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0"), "data.sha256", "sha256: 9f86");
        yield return Bad("manifest/artifact-sha256-pattern", k, With(b, "  sha256: 2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae", "  sha256: not-a-hash"), "artifact.sha256", "not-a-hash");
        yield return Bad("manifest/dependencies-sha256-pattern", k, With(b, "  sha256: 5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03", "  sha256: 5891b5b5"), "dependencies.sha256", "sha256: 5891");
        yield return Bad("manifest/cutoff-pattern", k, With(b, "  cutoff: \"2026-10-31\"", "  cutoff: 31/10/2026"), "data.cutoff", "cutoff:");
        yield return Bad("manifest/cutoff-pattern-space", k, With(b, "  cutoff: \"2026-10-31\"", "  cutoff: \"2026-10-31 23:59:59\""), "data.cutoff", "cutoff:");
        yield return Bad("manifest/code-commit-pattern-short", k, With(b, "code_commit: a1b2c3d4e5f6", "code_commit: a1b2c3"), "code_commit", "code_commit: a1");
        yield return Bad("manifest/code-commit-pattern-upper-case", k, With(b, "code_commit: a1b2c3d4e5f6", "code_commit: A1B2C3D4E5F6"), "code_commit", "code_commit: A1");
        yield return Bad("manifest/code-commit-pattern-65-characters", k, With(b, "code_commit: a1b2c3d4e5f6", "code_commit: " + new string('a', 65)), "code_commit", "code_commit: aaa");
        yield return Bad("manifest/preprocessing-code-commit-pattern", k, With(b, "  code_commit: 3f2a9c1", "  code_commit: main"), "preprocessing.code_commit", "code_commit: main");
        yield return Bad("manifest/artifact-uri-pattern", k, With(b, "  uri: cas://sha256/2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae", "  uri: /srv/models/model.onnx"), "artifact.uri", "uri:");
        yield return Bad("manifest/file-name-pattern-folder", k, With(b, "  file_name: model.onnx", "  file_name: models/model.onnx"), "artifact.file_name", "file_name: models/");
        yield return Bad("manifest/file-name-pattern-backslash", k, With(b, "  file_name: model.onnx", "  file_name: \"models\\\\model.onnx\""), "artifact.file_name", "file_name: \"models");
        yield return Bad("manifest/file-name-pattern-dot-dot", k, With(b, "  file_name: model.onnx", "  file_name: \"..\""), "artifact.file_name", "file_name: \"..\"");
        yield return Bad("manifest/file-name-pattern-dot", k, With(b, "  file_name: model.onnx", "  file_name: \".\""), "artifact.file_name", "file_name: \".\"");
        yield return Bad("manifest/file-name-pattern-control-character", k, With(b, "  file_name: model.onnx", "  file_name: \"model\\tv2.onnx\""), "artifact.file_name", "file_name: \"model");
        yield return Bad("manifest/file-name-pattern-256-characters", k, With(b, "  file_name: model.onnx", "  file_name: " + new string('f', 256)), "artifact.file_name", "file_name: fff");
        yield return Bad("manifest/dependencies-file-name-pattern", k, With(b, "  file_name: requirements.txt", "  file_name: ../requirements.txt"), "dependencies.file_name", "file_name: ../");
        // lengths
        yield return Bad("manifest/person-name-min-length", k, With(b, "  name: Ada Lovelace", "  name: \"\""), "created_by.name", "  name: \"\"");
        yield return Bad("manifest/email-max-length", k, With(b, "  email: ada@example.com", "  email: " + new string('a', 245) + "@example.com"), "created_by.email", "email:");
        yield return Bad("manifest/description-max-length", k, With(b, "description: Predicts which customers cancel within 30 days.", "description: " + new string('d', 20001)), "description", "description:");
        yield return Bad("manifest/data-source-min-length", k, With(b, "  source: s3://data/churn/2026-10.parquet", "  source: \"\""), "data.source", "source:");
        yield return Bad("manifest/preprocessing-version-min-length", k, With(b, "  version: \"1.4.2\"", "  version: \"\""), "preprocessing.version", "  version: \"\"");
        yield return Bad("manifest/artifact-uri-max-length", k, With(b, "  uri: cas://sha256/2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae", "  uri: https://example.com/" + new string('u', 2030)), "artifact.uri", "uri:");
        yield return Bad("manifest/dependencies-content-max-length", k, With(b, "  content: |\n    onnxruntime==1.19.2\n    numpy==2.1.0\n", "  content: " + new string('c', 1048577) + "\n"), "dependencies.content", "content:");
        yield return Bad("manifest/column-name-min-length", k, With(b, "  - name: tenure", "  - name: \"\""), "signature.inputs[0].name", "  - name: \"\"");
        yield return Bad("manifest/tag-value-max-length", k, With(b, "  team: growth", "  team: " + new string('g', 5001)), "tags.team", "team: ggg");
        yield return Bad("manifest/run-id-min-length", k, With(b, "  id: run-42", "  id: \"\""), "run.id", "id:");
    }

    private static SchemaCase Good(string id, DocumentKind kind, string yaml) => new(id, kind, yaml, null, 0);

    private static SchemaCase Bad(string id, DocumentKind kind, string yaml, string field, string lineMarker) =>
        new(id, kind, yaml, field, LineOf(yaml, lineMarker, id));

    /// <summary>Replaces text that must occur exactly once.</summary>
    private static string With(string yaml, string old, string replacement)
    {
        var at = yaml.IndexOf(old, StringComparison.Ordinal);
        if (at < 0 || yaml.IndexOf(old, at + 1, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException($"'{old}' must occur exactly once in the base document");
        }
        return string.Concat(yaml.AsSpan(0, at), replacement, yaml.AsSpan(at + old.Length));
    }

    private static string Without(string yaml, string old, string replacement = "") => With(yaml, old, replacement);

    /// <summary>The 1-based line of the first line containing <paramref name="marker"/>.</summary>
    private static int LineOf(string yaml, string marker, string id)
    {
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains(marker, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }
        throw new InvalidOperationException($"{id}: no line contains '{marker}'");
    }
}
