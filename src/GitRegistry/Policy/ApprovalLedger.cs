using GitRegistry.Documents;
using GitRegistry.Manifests;
using GitRegistry.Signing;
using GitRegistry.Storage;
using GitRegistry.Trust;
using LibGit2Sharp;

namespace GitRegistry.Policy;

/// <summary>
/// The approvals of one version with who really made them: each record is traced to the commit that appended it
/// to <c>models/NAME/approvals/N.yaml</c>, whose signature is verified against the registry's signers. A record
/// counts only when that signature is good and its signer is the person the record names.
/// </summary>
internal static class ApprovalLedger
{
    public static IReadOnlyList<VerifiedApproval> Load(Repository repository, Commit tip, TrustStore trust, string name, int version)
    {
        var path = RegistryPaths.ApprovalsFile(name, version);
        var current = Read(tip, path);
        if (current.Count == 0)
        {
            return [];
        }
        var result = new VerifiedApproval?[current.Count];
        var history = repository.Commits.QueryBy(path, new CommitFilter { IncludeReachableFrom = tip, SortBy = CommitSortStrategies.Topological });
        foreach (var entry in history)
        {
            var commit = entry.Commit;
            if (commit.Parents.Count() > 1)
            {
                continue;
            }
            var before = commit.Parents.FirstOrDefault() is { } parent ? Read(parent, path).Count : 0;
            var after = Read(commit, path);
            if (after.Count <= before)
            {
                continue;
            }
            var signature = trust.Verify(repository, commit);
            for (var i = before; i < after.Count && i < current.Count; i++)
            {
                if (result[i] is not null)
                {
                    continue;
                }
                var record = current[i];
                string? problem = null;
                if (!signature.IsGood)
                {
                    problem = $"the commit {commit.Sha[..10]} that added it is not validly signed ({signature.Status}: {signature.Detail})";
                }
                else if (!record.By.Email.Equals(signature.Principal, StringComparison.OrdinalIgnoreCase))
                {
                    problem = $"it names {record.By.Email} but commit {commit.Sha[..10]} was signed by {signature.Principal}";
                }
                result[i] = new VerifiedApproval(record, commit.Sha, signature.IsGood ? signature.Principal : null, problem);
            }
        }
        return result.Select((r, i) => r ?? new VerifiedApproval(current[i], "", null, "no commit that added it was found")).ToList();
    }

    private static List<ApprovalRecord> Read(Commit commit, string path)
    {
        var text = new RegistrySnapshot(commit).ReadFile(path);
        if (text is null)
        {
            return [];
        }
        try
        {
            return DocumentSerializer.Read<VersionApprovals>(DocumentKind.Approvals, text, path).Approvals;
        }
        catch (RegistryException)
        {
            return [];
        }
    }
}
