// The GitRegistry demo: a registry in a temp folder, two people with throwaway signing keys (an ML engineer
// and a reviewer), two trained versions of a small churn model registered with params, metrics on every split
// and data lineage, each promoted to Production after the reviewer's signed approval, then resolved, shown,
// verified and read back as the audit log. Every step is a real gitreg command, printed before it runs.
using System.Diagnostics;
using GitRegistry.Cli;
using GitRegistry.Demo;

var work = Directory.CreateTempSubdirectory("gitreg-demo-").FullName;
Console.WriteLine($"Working in {work}");

// Throwaway identities and ssh signing keys, in git configs of the demo's own: your git config is not touched.
var engineer = Person("Dana Engineer", "dana@example.com", "dana");
var reviewer = Person("Rey Reviewer", "rey@example.com", "rey");
Environment.SetEnvironmentVariable("GIT_CONFIG_NOSYSTEM", "1");
As(engineer);

var registry = Path.Combine(work, "registry");
GitRegOrFail("init", registry, "--name", "demo-registry");
Environment.SetEnvironmentVariable("GITREG_REGISTRY", registry);
GitRegOrFail("signers", "add", reviewer.Email, reviewer.Key + ".pub", "--group", "approvers");

// Data: one synthetic data set, split 60/20/20, written to a file whose sha256 the registry records.
var data = ChurnData.Generate(5000, seed: 42);
var dataFile = Path.Combine(work, "churn.csv");
data.WriteCsv(dataFile);
var (train, validation, test) = (data.Slice(0, 3000), data.Slice(3000, 1000), data.Slice(4000, 1000));
var requirements = Path.Combine(work, "requirements.txt");
File.WriteAllText(requirements, "numpy==2.1.3\nscikit-learn==1.5.2\n");
File.WriteAllText(Path.Combine(work, "signature.json"),
    """{"inputs": [{"name": "tenure_months", "type": "double"}, {"name": "monthly_charges", "type": "double"}, {"name": "support_calls", "type": "double"}, {"name": "month_to_month", "type": "double"}], "outputs": [{"name": "churn_probability", "type": "double"}]}""");

// Two training runs: the second trains longer and scores better.
foreach (var (epochs, learningRate) in new[] { (20, 0.5), (400, 0.8) })
{
    var model = LogisticModel.Train(train, learningRate, epochs, l2: 0.001);
    var artifact = Path.Combine(work, $"churn_model_{epochs}.json");
    model.Save(artifact);
    GitRegOrFail("register", "churn_predictor", "--artifact", artifact, "--format", "other",
        "--param", $"learning_rate={learningRate:R}", "--param", $"epochs={epochs}", "--param", "l2=0.001", "--param", "optimizer=gradient_descent",
        "--metric", $"train.auc_roc={LogisticModel.Metric(model.Auc(train))}",
        "--metric", $"validation.auc_roc={LogisticModel.Metric(model.Auc(validation))}",
        "--metric", $"test.auc_roc={LogisticModel.Metric(model.Auc(test))}",
        "--metric", $"test.log_loss={LogisticModel.Metric(model.LogLoss(test))}",
        "--data", dataFile, "--data-cutoff", "2026-10-31", "--data-rows", "5000", "--data-source", "synthetic://churn?seed=42",
        "--preprocessing-version", "1.0.0", "--requirements", requirements, "--signature-file", Path.Combine(work, "signature.json"),
        "--tag", "team=growth", "--description", $"logistic regression, {epochs} epochs");
}

// Production needs a reviewer's approval (the registry template's policy): Rey approves, Dana promotes.
As(reviewer);
GitRegOrFail("approve", "churn_predictor", "1", "--stage", "Production", "--comment", "first model; test AUC above the 0.75 bar");
As(engineer);
GitRegOrFail("transition", "churn_predictor", "1", "Production", "--comment", "first model in production");
GitRegOrFail("transition", "churn_predictor", "2", "Staging", "--comment", "evaluate the longer-trained model");
As(reviewer);
GitRegOrFail("approve", "churn_predictor", "2", "--stage", "Production", "--comment", "better test AUC and log-loss than version 1");
As(engineer);
GitRegOrFail("transition", "churn_predictor", "2", "Production", "--archive-existing", "--comment", "better test AUC than version 1");
GitRegOrFail("alias", "set", "churn_predictor", "champion", "2");
GitRegOrFail("resolve", "models:/churn_predictor/Production");
GitRegOrFail("show", "models:/churn_predictor/Production");
GitRegOrFail("versions", "churn_predictor");
GitRegOrFail("validate");
GitRegOrFail("verify");
GitRegOrFail("log", "churn_predictor");

Console.WriteLine("\n$ git log --format='%h %G? %ae %s'   (git itself checks the signatures against the registry's allowed_signers; G = good)");
Run("git", "-C", registry, "-c", $"gpg.ssh.allowedSignersFile={Path.Combine(registry, "allowed_signers")}", "log", "--format=%h %G? %ae %s");
Console.WriteLine($"\nThe registry is at {registry}. Try: export GITREG_REGISTRY={registry}; gitreg show churn_predictor");
return 0;

Identity Person(string name, string email, string id)
{
    var key = Path.Combine(work, $"{id}_ed25519");
    Run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", email, "-f", key);
    var config = Path.Combine(work, $"{id}.gitconfig");
    File.WriteAllText(config, $"[user]\n\tname = {name}\n\temail = {email}\n\tsigningkey = {key}\n[gpg]\n\tformat = ssh\n");
    return new Identity(name, email, key, config);
}

void As(Identity who)
{
    Environment.SetEnvironmentVariable("GIT_CONFIG_GLOBAL", who.Config);
    Console.WriteLine($"\n# as {who.Name} <{who.Email}>");
}

void GitRegOrFail(params string[] args)
{
    Console.WriteLine($"\n$ gitreg {string.Join(" ", args.Select(a => a.Contains(' ') ? $"\"{a}\"" : a))}");
    var code = GitReg.Run(args);
    if (code != 0)
    {
        Console.Error.WriteLine($"demo: gitreg exited with {code}");
        Environment.Exit(code);
    }
}

static void Run(string program, params string[] args)
{
    var start = new ProcessStartInfo(program) { UseShellExecute = false };
    foreach (var a in args)
    {
        start.ArgumentList.Add(a);
    }
    using var process = Process.Start(start)!;
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"{program} exited with {process.ExitCode}");
    }
}
